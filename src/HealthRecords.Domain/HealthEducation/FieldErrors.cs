using HealthRecords.Domain.Codes;

namespace HealthRecords.Domain.HealthEducation;

/// <summary>
/// Collects field errors keyed by the camelCase JSON path inside a form, with Chinese messages, for the validators of
/// the institution's public health records (health education, infectious disease and emergency reports, health
/// supervision). Kept here until the service kernel's shared collector lands (issue #13, "one field-error collector").
/// </summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Result => errors;

    public void Add(string key, string message) =>
        errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];

    public void Required(string key, string? value, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(key, $"请填写{label}");
        }
        else
        {
            Optional(key, value, label, max);
        }
    }

    public void Optional(string key, string? value, string label, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            Add(key, $"{label}不能超过 {max} 个字");
        }
    }

    /// <summary>A coded answer that must be given and be one of the table's numbers.</summary>
    public void RequiredCode<T>(string key, T? value, string label) where T : struct, Enum
    {
        if (value is null)
        {
            Add(key, $"请选择{label}：{Options<T>()}");
        }
        else
        {
            Code(key, value, label);
        }
    }

    /// <summary>A coded answer, if given, must be one of the table's numbers.</summary>
    public void Code<T>(string key, T? value, string label) where T : struct, Enum
    {
        if (value is T v && !Enum.IsDefined(v))
        {
            Add(key, $"{label}只能填 {Options<T>()}");
        }
    }

    /// <summary>"其他" (an option with a line to write on) chosen without the text.</summary>
    public void OtherText(string key, bool chosen, string? text, string label)
    {
        if (chosen && string.IsNullOrWhiteSpace(text))
        {
            Add(key, $"选择了“其他”，请写明{label}");
        }
    }

    public void Range<T>(string key, T? value, T min, T max, string label, string unit) where T : struct, IComparable<T>
    {
        if (value is T v && (v.CompareTo(min) < 0 || v.CompareTo(max) > 0))
        {
            Add(key, $"{label}{v}{unit}不可能，应在{min}–{max}{unit}之间，请核对");
        }
    }

    public void NotFuture(string key, DateOnly? date, DateOnly today, string label)
    {
        if (date is DateOnly d && d > today)
        {
            Add(key, $"{label}不能晚于今天");
        }
    }

    /// <summary>The year of a yearly plan: from the service's start (2009) to next year.</summary>
    public void PlanYear(string key, int year, DateOnly today)
    {
        if (year < 2009 || year > today.Year + 1)
        {
            Add(key, $"计划年度应在 2009–{today.Year + 1} 之间");
        }
    }

    private static string Options<T>() where T : struct, Enum =>
        string.Join(" ", CodeLabels.Options<T>().Select(o => $"{o.Code} {o.Label}"));
}
