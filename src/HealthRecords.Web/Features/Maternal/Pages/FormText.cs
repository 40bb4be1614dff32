namespace HealthRecords.Web.Features.Maternal.Pages;

/// <summary>The maternal pages' conversions between the form's values and the inputs' text.</summary>
public static class FormText
{
    /// <summary>yyyy-MM-dd for a date input; empty for none.</summary>
    public static string? Date(DateOnly? d) => d is DateOnly x && x != default ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    public static DateOnly? Parse(string? v) => DateOnly.TryParse(v, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>A number input's value as a whole number (counts, mmHg, beats).</summary>
    public static int? Int(decimal? v) => v is null ? null : (int)Math.Round(v.Value);
}
