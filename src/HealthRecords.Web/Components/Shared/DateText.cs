namespace HealthRecords.Web.Components.Shared;

/// <summary>
/// Dates as users see and type them: always yyyy-MM-dd (and yyyy-MM for a month), whatever the browser's language —
/// the forms use text inputs, never the browser's own date picker, whose display follows the browser's locale.
/// </summary>
public static class DateText
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyyMMdd", "yyyy/M/d", "yyyy.M.d"];

    /// <summary>"2026-01-05", "2026-1-5", "20260105", "2026/1/5" or "2026.1.5"; null when blank or not a date.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Format(DateOnly? date) => date is { } d ? Format(d) : null;

    /// <summary>Typed text normalised for a date ("date") or month ("month") field; null when it is not one.</summary>
    public static string? Normalize(string type, string text) => type switch
    {
        "date" => Parse(text) is { } d ? Format(d) : null,
        "month" => YearMonth.TryParse(text, out var m) ? m.ToString() : null,
        _ => text,
    };
}
