using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.MentalHealth;

/// <summary>
/// Errors of one form keyed by camelCase JSON path, Chinese messages; shared by the validators of the mental-health,
/// tuberculosis and TCM forms. (The chronic and examination validators each keep a private copy of the same idea; a
/// shared one belongs in a common folder once the service kernel provides it.)
/// </summary>
internal sealed class FieldErrors : Dictionary<string, string[]>
{
    public void Add(string key, string message) =>
        this[key] = TryGetValue(key, out var m) ? [.. m, message] : [message];

    /// <summary>A value that is not one of the code table's numbers: the message lists the table.</summary>
    public void Coded<T>(string path, T? value, string label) where T : struct, Enum
    {
        if (value is T v && !Enum.IsDefined(v))
        {
            Add(path, $"{label}只能填 {Options<T>()}");
        }
    }

    /// <summary>Each of several ticks must be a number of the table; an option with a blank needs its text.</summary>
    public void Ticks<T>(string path, IReadOnlyList<T> ticks, string label, string? blankText = null, string? blankPath = null)
        where T : struct, Enum
    {
        if (ticks.Any(t => !Enum.IsDefined(t)))
        {
            Add(path, $"{label}只能填 {Options<T>()}");
        }
        if (ticks.Distinct().Count() != ticks.Count)
        {
            Add(path, $"{label}有重复的选项");
        }
        if (blankPath is not null && ticks.Any(t => Enum.IsDefined(t) && Blanks.HasBlank(t)) && string.IsNullOrWhiteSpace(blankText))
        {
            Add(blankPath, $"选了“其他”，请写明{label}");
        }
    }

    /// <summary>A required coded answer.</summary>
    public void Required<T>(string path, T? value, string label) where T : struct, Enum
    {
        if (value is null)
        {
            Add(path, $"请选择{label}：{Options<T>()}");
        }
        else
        {
            Coded(path, value, label);
        }
    }

    /// <summary>A required text.</summary>
    public void RequiredText(string path, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, message);
        }
    }

    /// <summary>A value outside its plausible range is a typing or unit error.</summary>
    public void Range<T>(string path, T? value, T min, T max, string label, string unit) where T : struct, IComparable<T>
    {
        if (value is T v && (v.CompareTo(min) < 0 || v.CompareTo(max) > 0))
        {
            Add(path, $"{label}{v}{unit}不可能，应在{min}–{max}{unit}之间，请核对");
        }
    }

    /// <summary>A date that has not happened yet.</summary>
    public void NotFuture(string path, DateOnly? date, DateOnly today, string label)
    {
        if (date is DateOnly d && d > today)
        {
            Add(path, $"{label}不能晚于今天");
        }
    }

    private static string Options<T>() where T : struct, Enum =>
        string.Join(" ", CodeLabels.Options<T>().Select(o => $"{o.Code} {o.Label}"));
}
