namespace HealthRecords.Web.Features.Backup;

/// <summary>
/// When scheduled backups run, from <c>Backup:Schedule</c>: <c>daily HH:mm</c> (server local time) or
/// <c>every &lt;interval&gt;</c> as a TimeSpan (<c>every 06:00:00</c>, <c>every 1.00:00:00</c>).
/// </summary>
public sealed record BackupSchedule(TimeOnly? DailyAt, TimeSpan? Interval)
{
    public static BackupSchedule Parse(string text)
    {
        var parts = text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && parts[0].Equals("daily", StringComparison.OrdinalIgnoreCase)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return new BackupSchedule(at, null);
        }
        if (parts.Length == 2 && parts[0].Equals("every", StringComparison.OrdinalIgnoreCase)
            && TimeSpan.TryParse(parts[1], CultureInfo.InvariantCulture, out var interval) && interval >= TimeSpan.FromMinutes(1))
        {
            return new BackupSchedule(null, interval);
        }
        throw new FormatException($"Backup:Schedule '{text}' is not 'daily HH:mm' or 'every <interval of at least 00:01:00>'.");
    }

    /// <summary>The first run strictly after <paramref name="previous"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset previous, TimeZoneInfo zone)
    {
        if (Interval is { } interval)
        {
            return previous + interval;
        }
        var local = TimeZoneInfo.ConvertTime(previous, zone);
        var candidate = new DateTimeOffset(local.Date + DailyAt!.Value.ToTimeSpan(), local.Offset);
        if (candidate <= local)
        {
            candidate = candidate.AddDays(1);
        }
        // Re-resolve the offset for that local time (daylight saving may differ from today's).
        var offset = zone.GetUtcOffset(candidate.DateTime);
        return new DateTimeOffset(candidate.DateTime, offset);
    }
}
