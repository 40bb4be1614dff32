using System.Globalization;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Children;

/// <summary>
/// Field errors of one form, keyed by camelCase JSON path, with Chinese messages: the shape the host turns into a 400
/// problem+json. Used by the child check-up and the immunisation validators.
/// </summary>
internal sealed class FormErrors
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Result => errors;

    public bool Has(string key) => errors.ContainsKey(key);

    public void Add(string key, string message)
    {
        var existing = errors.GetValueOrDefault(key, []);
        if (!existing.Contains(message))
        {
            errors[key] = [.. existing, message];
        }
    }

    /// <summary>A code that is not one of the table's numbers.</summary>
    public void Coded<T>(string key, T? value, string label) where T : struct, Enum
    {
        if (value is T v && !Enum.IsDefined(v))
        {
            Add(key, $"{label}只能填 {string.Join(" ", CodeLabels.Options<T>().Select(o => $"{o.Code} {o.Label}"))}");
        }
    }

    /// <summary>A coded finding: a defined code, and the text of its blank when that option is chosen (异常_____, 其他_____).</summary>
    public void Finding<T>(string key, Finding<T> finding, string label) where T : struct, Enum
    {
        Coded(key + ".code", finding.Code, label);
        if (finding.Code is T c && Enum.IsDefined(c) && Blanks.HasBlank(c) && string.IsNullOrWhiteSpace(finding.Detail))
        {
            Add(key + ".detail", $"{label}选择“{c.Label()}”，请具体说明");
        }
        if (finding.Code is null && !string.IsNullOrWhiteSpace(finding.Detail))
        {
            Add(key + ".code", $"写了{label}的说明，请选择{label}的选项");
        }
    }

    /// <summary>A multi-select: defined codes, no repeats, and "无" alone.</summary>
    public void Multi<T>(string key, IReadOnlyList<T> values, string label, T? none = null) where T : struct, Enum
    {
        if (values.Any(v => !Enum.IsDefined(v)))
        {
            Add(key, $"{label}只能填 {string.Join(" ", CodeLabels.Options<T>().Select(o => $"{o.Code} {o.Label}"))}");
        }
        if (values.Distinct().Count() != values.Count)
        {
            Add(key, $"{label}的选项重复");
        }
        if (none is T n && values.Contains(n) && values.Count > 1)
        {
            Add(key, $"{label}选择“{n.Label()}”时不能再选其他项");
        }
    }

    /// <summary>A value outside what is possible, with its unit.</summary>
    public void Range<T>(string key, T? value, T min, T max, string label, string unit) where T : struct, IComparable<T>, IFormattable
    {
        if (value is T v && (v.CompareTo(min) < 0 || v.CompareTo(max) > 0))
        {
            Add(key, $"{label}{Num(v)}{unit}不可能，应在{Num(min)}–{Num(max)}{unit}之间，请核对");
        }
    }

    public static string Num<T>(T value) where T : IFormattable => value.ToString("0.##", CultureInfo.InvariantCulture);
}
