namespace HealthRecords.Web.Features.Common;

/// <summary>Today in China (UTC+8), from the injected <see cref="TimeProvider"/> so tests can move it.</summary>
public static class Clock
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);

    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;
}
