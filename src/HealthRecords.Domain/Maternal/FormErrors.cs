using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Maternal;

/// <summary>
/// The maternal and newborn validators' view of the shared collector (<see cref="Validation.FieldErrors"/>): keys under an
/// optional prefix (the joint visit puts the mother's under "mother." and each baby's under "babies[i]."), and the
/// checks these forms repeat (codes, findings, multi-selects, ranges, blood pressure, dates, referrals) as one call each.
/// </summary>
internal sealed class FormErrors
{
    private readonly Validation.FieldErrors errors;
    private readonly string prefix;

    public FormErrors()
        : this(new Validation.FieldErrors(), "")
    {
    }

    private FormErrors(Validation.FieldErrors errors, string prefix)
    {
        this.errors = errors;
        this.prefix = prefix;
    }

    public IReadOnlyDictionary<string, string[]> Result => errors;

    /// <summary>The same errors, with keys under <paramref name="path"/> (e.g. "mother", "babies[0]").</summary>
    public FormErrors Under(string path) => new(errors, prefix + path + ".");

    public void Add(string key, string message) => errors.Add(prefix + key, message);

    /// <summary>A code that is not one of the table's numbers.</summary>
    public void Coded<T>(string key, T? value, string label) where T : struct, Enum
    {
        if (value is T v && !Enum.IsDefined(v))
        {
            Add(key, $"{label}只能填 {Options(typeof(T))}");
        }
    }

    /// <summary>A coded finding: a defined code, and the text of its blank when that option is chosen (and none otherwise).</summary>
    public void Finding<T>(string key, Finding<T> finding, string label) where T : struct, Enum
    {
        Coded($"{key}.code", finding.Code, label);
        if (finding.Code is T c && Enum.IsDefined(c) && Blanks.HasBlank(c) && string.IsNullOrWhiteSpace(finding.Detail))
        {
            Add($"{key}.detail", $"{label}选择“{c.Label()}”，请具体说明");
        }
        if (finding.Code is T d && Enum.IsDefined(d) && !Blanks.HasBlank(d) && !string.IsNullOrWhiteSpace(finding.Detail))
        {
            Add($"{key}.detail", $"{label}为“{d.Label()}”时不填写说明");
        }
        if (finding.Code is null && !string.IsNullOrWhiteSpace(finding.Detail))
        {
            Add($"{key}.code", $"填写了{label}的说明，请选择编号");
        }
    }

    /// <summary>A multi-select: defined codes, no repeats, "none" alone, at most <paramref name="max"/>, and the text of 其他.</summary>
    public void Multi<T>(string key, IReadOnlyList<T> values, string label, T? none = null, T? other = null, string? otherText = null, string? otherKey = null, int? max = null)
        where T : struct, Enum
    {
        if (values.Any(v => !Enum.IsDefined(v)))
        {
            Add(key, $"{label}只能填 {Options(typeof(T))}");
        }
        MultiRules(key, values, label, none, other, otherText, otherKey, max);
    }

    /// <summary>A multi-select held as numbers of a table chosen at run time (the prenatal rounds' 指导).</summary>
    public void MultiCodes(string key, IReadOnlyList<int> values, Type table, string label, int otherCode, string? otherText, string otherKey)
    {
        if (values.Any(v => !CodeLabels.Options(table).Any(o => o.Code == v)))
        {
            Add(key, $"{label}只能填 {Options(table)}");
        }
        MultiRules<int>(key, values, label, null, otherCode, otherText, otherKey, null);
    }

    private void MultiRules<T>(string key, IReadOnlyList<T> values, string label, T? none, T? other, string? otherText, string? otherKey, int? max)
        where T : struct
    {
        if (values.Distinct().Count() != values.Count)
        {
            Add(key, $"{label}的编号重复");
        }
        if (none is T n && values.Contains(n) && values.Count > 1)
        {
            Add(key, $"{label}选择“无”或“未见异常”时不能再选其他项");
        }
        if (max is int m && values.Count > m)
        {
            Add(key, $"{label}最多选{m}项");
        }
        var otherChosen = other is T o && values.Contains(o);
        if (otherChosen && string.IsNullOrWhiteSpace(otherText))
        {
            Add(otherKey ?? key, $"{label}选择“其他”，请写明");
        }
        if (!otherChosen && other is not null && !string.IsNullOrWhiteSpace(otherText))
        {
            Add(otherKey ?? key, $"未选择“其他”时不填写其他{label}");
        }
    }

    public void Range(string key, decimal? value, Validation.PlausibleRange r) => errors.Range(prefix + key, value, r);

    /// <summary>Systolic and diastolic: both or neither, each plausible, systolic above diastolic.</summary>
    public void BloodPressure(string systolicKey, string diastolicKey, int? systolic, int? diastolic)
    {
        Range(systolicKey, systolic, MaternalRanges.Systolic);
        Range(diastolicKey, diastolic, MaternalRanges.Diastolic);
        if ((systolic is null) != (diastolic is null))
        {
            Add(systolic is null ? systolicKey : diastolicKey, "血压请同时填写收缩压和舒张压");
        }
        if (systolic is int s && diastolic is int d && s <= d)
        {
            Add(systolicKey, "收缩压应高于舒张压，请核对");
        }
    }

    /// <summary>A date required, not in the future, not before <paramref name="notBefore"/> (with the reason in Chinese).</summary>
    public void Date(string key, DateOnly date, string label, DateOnly today, DateOnly? notBefore = null, string? notBeforeWhat = null)
    {
        if (date == default)
        {
            Add(key, $"请填写{label}");
        }
        else if (date > today)
        {
            Add(key, $"{label}不能晚于今天");
        }
        else if (notBefore is DateOnly nb && date < nb)
        {
            Add(key, $"{label}不能早于{notBeforeWhat}（{nb:yyyy-MM-dd}）");
        }
    }

    public void Required(string key, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(key, message);
        }
    }

    public void Phone(string key, string? value, string label)
    {
        var p = value?.Trim();
        if (!string.IsNullOrEmpty(p) && (p.Length is < 7 or > 20 || !p.All(c => char.IsAsciiDigit(c) || c == '-')))
        {
            Add(key, $"{label}只能是7–20位数字（座机可带区号和“-”）");
        }
    }

    /// <summary>The referral block (转诊 1 无 2 有, 原因, 机构及科室) and the rules' advice about it.</summary>
    public void Referral(string key, VisitReferral referral, ReferralAdvice advice, IReadOnlyList<string> why, string? overrideReason)
    {
        Coded($"{key}.referred", referral.Referred, "转诊");
        if (referral.IsReferred && string.IsNullOrWhiteSpace(referral.Reason))
        {
            Add($"{key}.reason", "转诊请填写原因");
        }
        if (!referral.IsReferred && (!string.IsNullOrWhiteSpace(referral.Reason) || !string.IsNullOrWhiteSpace(referral.InstitutionAndDepartment)))
        {
            Add($"{key}.referred", "填写了转诊原因或机构，请选择“2 有”");
        }
        if (advice != ReferralAdvice.None && !referral.IsReferred && string.IsNullOrWhiteSpace(overrideReason))
        {
            var list = string.Join("；", why);
            Add($"{key}.referred", advice == ReferralAdvice.Urgent
                ? $"存在危急征象（{list}），须立即转诊：请选择“2 有”并填写原因，或填写不转诊的理由"
                : $"建议转诊（{list}）：请选择“2 有”并填写原因，或填写不转诊的理由");
        }
    }

    public static string Num(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Options(Type table) => string.Join(" ", CodeLabels.Options(table).Select(o => $"{o.Code} {o.Label}"));
}
