using System.Numerics;
using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Validation;

/// <summary>
/// The checks every form's validator repeats, stated once on the one collector (<see cref="FieldErrors"/>): a code
/// outside its table, a required choice or text, a text's length, ticks of a multi-choice item, a coded finding with
/// its blank, a count's range, a date in the future, an answer that must stay empty. Messages in Chinese, keyed by the
/// field's JSON path; a code table's options are listed from its <c>[Label]</c>s so the message says what may be typed.
/// </summary>
public static class FieldChecks
{
    /// <summary>A value that is not one of the code table's numbers: the message lists the table.</summary>
    public static void Coded<T>(this FieldErrors e, string path, T? value, string label) where T : struct, Enum
    {
        if (value is T v && !Enum.IsDefined(v))
        {
            e.Add(path, $"{label}只能填 {Options<T>()}");
        }
    }

    /// <summary>Each of several ticks must be a number of the table, once; an option with a blank needs its text.</summary>
    public static void Ticks<T>(this FieldErrors e, string path, IReadOnlyList<T> ticks, string label, string? blankText = null, string? blankPath = null)
        where T : struct, Enum
    {
        if (ticks.Any(t => !Enum.IsDefined(t)))
        {
            e.Add(path, $"{label}只能填 {Options<T>()}");
        }
        if (ticks.Distinct().Count() != ticks.Count)
        {
            e.Add(path, $"{label}有重复的选项");
        }
        if (blankPath is not null && ticks.Any(t => Enum.IsDefined(t) && Blanks.HasBlank(t)) && string.IsNullOrWhiteSpace(blankText))
        {
            e.Add(blankPath, $"选了“其他”，请写明{label}");
        }
    }

    /// <summary>A required coded answer.</summary>
    public static void Required<T>(this FieldErrors e, string path, T? value, string label) where T : struct, Enum
    {
        if (value is null)
        {
            e.Add(path, $"请选择{label}：{Options<T>()}");
        }
        else
        {
            e.Coded(path, value, label);
        }
    }

    /// <summary>A required text.</summary>
    public static void RequiredText(this FieldErrors e, string path, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            e.Add(path, message);
        }
    }

    /// <summary>
    /// A count or other value of the form outside its limits, refused in the same words as a measurement outside its
    /// plausible range (measurements themselves use <see cref="PlausibleRanges"/>).
    /// </summary>
    public static void Range<T>(this FieldErrors e, string path, T? value, T min, T max, string label, string unit)
        where T : struct, INumber<T>
    {
        if (value is T v && (v < min || v > max))
        {
            e.Add(path, new PlausibleRange(label, decimal.CreateChecked(min), decimal.CreateChecked(max), unit).Refusal(decimal.CreateChecked(v)));
        }
    }

    /// <summary>A number as a form shows it: at most two decimals, no trailing zeros.</summary>
    public static string Num<T>(T value) where T : IFormattable => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A date that has not happened yet.</summary>
    public static void NotFuture(this FieldErrors e, string path, DateOnly? date, DateOnly today, string label)
    {
        if (date is DateOnly d && d > today)
        {
            e.Add(path, $"{label}不能晚于今天");
        }
    }

    /// <summary>A non-optional coded answer that must be one of the table's numbers.</summary>
    public static void Coded<T>(this FieldErrors e, string path, T value, string label) where T : struct, Enum =>
        e.Coded(path, (T?)value, label);

    /// <summary>A required text of at most <paramref name="max"/> characters ("请填写{label}").</summary>
    public static void RequiredText(this FieldErrors e, string path, string? value, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            e.Add(path, $"请填写{label}");
        }
        else
        {
            e.OptionalText(path, value, label, max);
        }
    }

    /// <summary>An optional text of at most <paramref name="max"/> characters.</summary>
    public static void OptionalText(this FieldErrors e, string path, string? value, string label, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            e.Add(path, $"{label}不能超过 {max} 个字");
        }
    }

    /// <summary>"其他" (an option with a line to write on) chosen without the text.</summary>
    public static void OtherText(this FieldErrors e, string path, bool chosen, string? text, string label)
    {
        if (chosen && string.IsNullOrWhiteSpace(text))
        {
            e.Add(path, $"选择了“其他”，请写明{label}");
        }
    }

    /// <summary>A multi-select: defined codes, each once, "none" alone, and the text of 其他 when it is ticked.</summary>
    public static void Multi<T>(this FieldErrors e, string path, IReadOnlyList<T>? values, string label, T? none = null, T? other = null,
        string? otherText = null, string? otherPath = null) where T : struct, Enum
    {
        var list = values ?? [];
        if (list.Any(v => !Enum.IsDefined(v)))
        {
            e.Add(path, $"{label}只能填 {Options<T>()}");
            return;
        }
        if (list.Distinct().Count() != list.Count)
        {
            e.Add(path, $"{label}有重复的选项");
        }
        if (none is T n && list.Contains(n) && list.Count > 1)
        {
            e.Add(path, $"{label}选择“{n.Label()}”时不能再选其他选项");
        }
        if (other is T o && list.Contains(o) && string.IsNullOrWhiteSpace(otherText))
        {
            e.Add(otherPath ?? path, $"{label}选择“其他”时请写明");
        }
    }

    /// <summary>A coded finding: a defined code, the text of its blank when that option is chosen, and none otherwise.</summary>
    public static void Finding<T>(this FieldErrors e, string path, Finding<T> finding, string label) where T : struct, Enum
    {
        e.Coded($"{path}.code", finding.Code, label);
        if (finding.Code is T c && Enum.IsDefined(c) && Blanks.HasBlank(c) && string.IsNullOrWhiteSpace(finding.Detail))
        {
            e.Add($"{path}.detail", $"{label}选择“{c.Label()}”，请具体说明");
        }
        if (finding.Code is T d && Enum.IsDefined(d) && !Blanks.HasBlank(d) && !string.IsNullOrWhiteSpace(finding.Detail))
        {
            e.Add($"{path}.detail", $"{label}为“{d.Label()}”时不填写说明");
        }
    }

    /// <summary>An answer that must stay empty (an item the form's rules do not ask for here).</summary>
    public static void Empty<T>(this FieldErrors e, string path, T? value, string message) where T : struct
    {
        if (value is not null)
        {
            e.Add(path, message);
        }
    }

    /// <summary>A text that must stay empty.</summary>
    public static void Empty(this FieldErrors e, string path, string? value, string message)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            e.Add(path, message);
        }
    }

    /// <summary>The year of a yearly plan: from the services' start (2009) to next year.</summary>
    public static void PlanYear(this FieldErrors e, string path, int year, DateOnly today)
    {
        if (year < 2009 || year > today.Year + 1)
        {
            e.Add(path, $"计划年度应在 2009–{today.Year + 1} 之间");
        }
    }

    /// <summary>
    /// The date a service was given: required, not a day still to come, not before the resident was born
    /// (004 附件9 四: dates are real calendar days).
    /// </summary>
    public static void ServiceDate(this FieldErrors e, string path, DateOnly? value, string label, DateOnly birthDate, DateOnly today) =>
        e.DateAfter(path, value, label, birthDate, "出生日期", today, showEarliest: false);

    /// <summary>A required date, not a day still to come, not before <paramref name="earliest"/> (e.g. the referral's date).</summary>
    public static void DateAfter(this FieldErrors e, string path, DateOnly? value, string label, DateOnly earliest, string earliestLabel,
        DateOnly today, bool showEarliest = true)
    {
        if (value is not DateOnly d)
        {
            e.Add(path, $"请填写{label}");
        }
        else if (d > today)
        {
            e.Add(path, $"{label}不能晚于今天");
        }
        else if (d < earliest)
        {
            e.Add(path, showEarliest ? $"{label}不能早于{earliestLabel}（{earliest:yyyy-MM-dd}）" : $"{label}不能早于{earliestLabel}");
        }
    }

    private static string Options<T>() where T : struct, Enum =>
        string.Join(" ", CodeLabels.Options<T>().Select(o => $"{o.Code} {o.Label}"));
}
