namespace HealthRecords.Domain.Immunisation;

/// <summary>How the guardian was told of the vaccine (004 二(二)1: 可采用书面或（和）口头告知的形式). Numbers ours.</summary>
public enum InformingMode
{
    [Label("书面告知")] Written = 1,
    [Label("口头告知")] Oral = 2,
    [Label("书面和口头告知")] Both = 3,
}

/// <summary>The outcome of the check before vaccinating. Numbers ours.</summary>
public enum PreVaccinationResult
{
    [Label("可以接种")] Proceed = 1,
    /// <summary>A temporary contraindication (fever, acute illness): not today.</summary>
    [Label("暂缓接种")] Postpone = 2,
    /// <summary>A contraindication to the vaccine: recorded on the card and blocking until cleared.</summary>
    [Label("禁忌接种")] Contraindicated = 3,
}

/// <summary>Whether a contraindication passes. Numbers ours.</summary>
public enum ContraindicationKind
{
    [Label("暂时禁忌")] Temporary = 1,
    [Label("永久禁忌")] Permanent = 2,
}

/// <summary>
/// 接种前的工作 (004 预防接种服务规范 二(二)1): the card and records checked, the child's health and contraindications
/// asked, the guardian told of the vaccine's kind, effect, contraindications, reactions and precautions, and what
/// was asked and told recorded truthfully.
/// </summary>
/// <param name="Date">The day of the check (the vaccination day).</param>
/// <param name="VaccineCodes">The vaccines the check is for.</param>
/// <param name="IdentityChecked">核对受种者姓名、性别、出生日期及接种记录.</param>
/// <param name="HealthAsked">询问受种者的健康状况.</param>
/// <param name="ContraindicationsAsked">询问是否有接种禁忌.</param>
/// <param name="Informing">告知的形式.</param>
/// <param name="Findings">What was found (e.g. 体温37.9℃).</param>
/// <param name="Result">可以接种 / 暂缓接种 / 禁忌接种.</param>
/// <param name="Doctor">Who checked.</param>
public sealed record PreVaccinationCheck(
    DateOnly Date,
    IReadOnlyList<string> VaccineCodes,
    bool IdentityChecked,
    bool HealthAsked,
    bool ContraindicationsAsked,
    InformingMode? Informing,
    string? Findings,
    PreVaccinationResult? Result,
    string? Doctor);

/// <summary>
/// A contraindication recorded on the card (接种禁忌), for one vaccine or, when <paramref name="VaccineCode"/> is null,
/// for every vaccine. It blocks the vaccine from <paramref name="RecordedOn"/> until cleared.
/// </summary>
public sealed record Contraindication(
    string? VaccineCode,
    ContraindicationKind Kind,
    string Reason,
    DateOnly RecordedOn,
    DateOnly? ClearedOn = null,
    string? ClearedBy = null,
    string? ClearReason = null)
{
    /// <summary>True when it blocks this vaccine on this day.</summary>
    public bool Blocks(string vaccineCode, DateOnly day) =>
        (VaccineCode is null || VaccineCode == vaccineCode) && RecordedOn <= day && (ClearedOn is null || ClearedOn > day);
}

/// <summary>The rule that contraindications and the pre-vaccination check block a dose until cleared (004 二(二)1).</summary>
public static class PreVaccinationRules
{
    /// <summary>
    /// Why a vaccine may not be given on a day, in Chinese; empty when it may: a check that day covering the vaccine,
    /// with health and contraindications asked, the guardian informed and the result 可以接种, and no contraindication
    /// in force for the vaccine.
    /// </summary>
    // 004 预防接种服务规范 二(二)1: 询问受种者的健康状况以及是否有接种禁忌 … 如实记录告知和询问的情况;
    // 0~6岁儿童 二(三)(四): 在每次进行预防接种前均要检查有无禁忌症，若无，体检结束后接受疫苗接种
    public static IReadOnlyList<string> Blocking(
        ImmunizationSchedule schedule, string vaccineCode, DateOnly day,
        IEnumerable<PreVaccinationCheck> checks, IEnumerable<Contraindication> contraindications)
    {
        var reasons = new List<string>();
        var name = schedule.Vaccine(vaccineCode)?.Name ?? vaccineCode;
        foreach (var c in contraindications.Where(c => c.Blocks(vaccineCode, day)))
        {
            reasons.Add($"存在未解除的{c.Kind.Label()}（{c.RecordedOn:yyyy-MM-dd}：{c.Reason}），须解除后才能接种{(c.VaccineCode is null ? "任何疫苗" : name)}");
        }
        var check = checks.Where(c => c.Date == day && c.VaccineCodes.Contains(vaccineCode)).LastOrDefault();
        if (check is null)
        {
            reasons.Add($"接种前未记录健康询问与禁忌检查（{name}）");
        }
        else
        {
            if (!check.IdentityChecked || !check.HealthAsked || !check.ContraindicationsAsked)
            {
                reasons.Add("接种前须核对受种者信息、询问健康状况和接种禁忌");
            }
            if (check.Informing is null)
            {
                reasons.Add("接种前须告知监护人疫苗品种、作用、禁忌、不良反应及注意事项");
            }
            if (check.Result != PreVaccinationResult.Proceed)
            {
                reasons.Add($"接种前检查结论为“{check.Result?.Label() ?? "未填写"}”");
            }
        }
        return reasons;
    }

    /// <summary>A contraindication as the card's 接种禁忌 line prints it, e.g. "百白破疫苗：对疫苗成分过敏（永久禁忌）".</summary>
    public static string CardText(ImmunizationSchedule schedule, Contraindication c) =>
        $"{(c.VaccineCode is null ? "所有疫苗" : schedule.Vaccine(c.VaccineCode)?.Name ?? c.VaccineCode)}：{c.Reason}（{c.Kind.Label()}{(c.ClearedOn is DateOnly d ? $"，{d:yyyy-MM-dd}解除" : "")}）";
}

/// <summary>Checks a pre-vaccination check and a contraindication before they are recorded.</summary>
public static class PreVaccinationValidator
{
    /// <summary>
    /// A check: its day (not before birth, not in the future), at least one known vaccine, the informing and result
    /// codes. Unchecked boxes are allowed (the dose is then blocked by <see cref="PreVaccinationRules.Blocking"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Validate(PreVaccinationCheck check, ImmunizationSchedule schedule, DateOnly birthDate, DateOnly today)
    {
        var e = new Validation.FieldErrors();
        Day(e, "date", check.Date, birthDate, today, "检查日期");
        if (check.VaccineCodes is not { Count: > 0 })
        {
            e.Add("vaccineCodes", "请选择本次拟接种的疫苗");
        }
        else
        {
            foreach (var code in check.VaccineCodes.Where(c => schedule.Vaccine(c) is null).Distinct())
            {
                e.Add("vaccineCodes", $"未知疫苗“{code}”，请从疫苗目录中选择（{schedule.Name}）");
            }
        }
        if (check.Informing is InformingMode m && !Enum.IsDefined(m))
        {
            e.Add("informing", "告知形式只能填 1 书面告知 2 口头告知 3 书面和口头告知");
        }
        if (check.Result is null)
        {
            e.Add("result", "请填写检查结论：1 可以接种 2 暂缓接种 3 禁忌接种");
        }
        else if (!Enum.IsDefined(check.Result.Value))
        {
            e.Add("result", "检查结论只能填 1 可以接种 2 暂缓接种 3 禁忌接种");
        }
        return e;
    }

    /// <summary>A contraindication: a known vaccine (or none: every vaccine), kind, reason, the day recorded, and a clearing after it with who and why.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(Contraindication c, ImmunizationSchedule schedule, DateOnly birthDate, DateOnly today)
    {
        var e = new Validation.FieldErrors();
        if (c.VaccineCode is not null && schedule.Vaccine(c.VaccineCode) is null)
        {
            e.Add("vaccineCode", $"未知疫苗“{c.VaccineCode}”，请从疫苗目录中选择，或留空表示所有疫苗");
        }
        if (!Enum.IsDefined(c.Kind))
        {
            e.Add("kind", "禁忌类别只能填 1 暂时禁忌 2 永久禁忌");
        }
        if (string.IsNullOrWhiteSpace(c.Reason))
        {
            e.Add("reason", "请填写禁忌原因");
        }
        Day(e, "recordedOn", c.RecordedOn, birthDate, today, "记录日期");
        if (c.ClearedOn is DateOnly cleared)
        {
            if (cleared < c.RecordedOn)
            {
                e.Add("clearedOn", "解除日期不能早于记录日期");
            }
            else if (cleared > today)
            {
                e.Add("clearedOn", "解除日期不能晚于今天");
            }
            if (string.IsNullOrWhiteSpace(c.ClearedBy))
            {
                e.Add("clearedBy", "请填写解除禁忌的医生");
            }
            if (string.IsNullOrWhiteSpace(c.ClearReason))
            {
                e.Add("clearReason", "请填写解除原因");
            }
        }
        return e;
    }

    private static void Day(Validation.FieldErrors e, string key, DateOnly day, DateOnly birthDate, DateOnly today, string label)
    {
        if (day == default)
        {
            e.Add(key, $"请填写{label}");
        }
        else if (day < birthDate)
        {
            e.Add(key, $"{label}不能早于出生日期（{birthDate:yyyy-MM-dd}）");
        }
        else if (day > today)
        {
            e.Add(key, $"{label}不能晚于今天");
        }
    }
}
