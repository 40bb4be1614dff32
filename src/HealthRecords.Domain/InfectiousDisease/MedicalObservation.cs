using HealthRecords.Domain.HealthEducation;

namespace HealthRecords.Domain.InfectiousDisease;

/// <summary>Who is observed (004 传染病 二(四)2: 传染病密切接触者和健康危害暴露人员).</summary>
public enum ObservedPersonKind
{
    [Label("密切接触者")] CloseContact = 1,
    [Label("健康危害暴露人员")] ExposedPerson = 2,
}

/// <summary>Where (004 传染病 二(四)2: 集中或居家医学观察).</summary>
public enum ObservationSetting
{
    [Label("集中医学观察")] Centralised = 1,
    [Label("居家医学观察")] AtHome = 2,
}

/// <summary>What a daily check found.</summary>
public enum ObservationCheckOutcome
{
    [Label("无异常")] Normal = 1,
    /// <summary>Symptoms appeared: the person is now a suspected case (a card, isolation, referral); observation ends.</summary>
    [Label("出现症状（按疑似病例处理）")] Symptomatic = 2,
    [Label("未能检查")] NotReached = 3,
}

/// <summary>
/// A person under medical observation after contact with a case or exposure to a health hazard (004 传染病 二(四)2:
/// 协助开展 … 追踪、查找，对集中或居家医学观察者提供必要的基本医疗和预防服务). The period is counted from the last
/// exposure; its length comes from the disease's protocol (the list's observation days) or the CDC's instruction.
/// </summary>
public sealed record ObservedContact
{
    public string? Name { get; init; }
    public Sex? Sex { get; init; }
    public int? Age { get; init; }
    [Sensitive]
    public string? Phone { get; init; }
    /// <summary>Where the person is observed (home address or the observation site).</summary>
    public string? Address { get; init; }
    public ObservedPersonKind? Kind { get; init; }
    /// <summary>与病例关系 / 暴露方式.</summary>
    public string? Relation { get; init; }
    /// <summary>The case's card, when the contact is of a reported case.</summary>
    public long? CaseCardId { get; init; }
    /// <summary>The emergency event, when the exposure is one.</summary>
    public long? EventId { get; init; }
    public ObservationSetting? Setting { get; init; }
    /// <summary>末次接触（暴露）日期: day 0 of the period.</summary>
    public DateOnly? LastExposureOn { get; init; }
    /// <summary>开始医学观察日期.</summary>
    public DateOnly? StartOn { get; init; }
    /// <summary>医学观察期 in days.</summary>
    public int? ObservationDays { get; init; }
    /// <summary>The observation was lifted before the period ended (by the CDC), with the reason.</summary>
    public DateOnly? EndedEarlyOn { get; init; }
    public string? EndedEarlyReason { get; init; }
}

/// <summary>One daily check of a person under observation: temperature, symptoms, outcome.</summary>
public sealed record ObservationCheck(DateOnly Date, ObservationCheckOutcome Outcome, decimal? TemperatureC = null, string? Symptoms = null, string? Checker = null);

/// <summary>The observation period and its daily checks as a schedule.</summary>
public static class MedicalObservation
{
    /// <summary>The longest period accepted (days).</summary>
    public const int MaxObservationDays = 60;

    /// <summary>The last day of observation: the last exposure + the period (观察期自最后一次接触之日起计算).</summary>
    public static DateOnly? LastDay(ObservedContact c) =>
        c.LastExposureOn is DateOnly exposed && c.ObservationDays is int days ? exposed.AddDays(days) : null;

    /// <summary>The day the observation ends: the last day, the day lifted early, or the day symptoms were found.</summary>
    public static DateOnly? EndsOn(ObservedContact c, IEnumerable<ObservationCheck> checks)
    {
        var symptomatic = checks.Where(k => k.Outcome == ObservationCheckOutcome.Symptomatic).Select(k => (DateOnly?)k.Date).Min();
        return new[] { LastDay(c), c.EndedEarlyOn, symptomatic }.Where(d => d is not null).Min();
    }

    /// <summary>Under observation on a day: started, not yet ended.</summary>
    public static bool IsUnderObservation(ObservedContact c, IEnumerable<ObservationCheck> checks, DateOnly day) =>
        c.StartOn is DateOnly start && start <= day && EndsOn(c, checks) is DateOnly end && day <= end;

    /// <summary>
    /// The daily checks still due: every observation day up to today without a check (overdue from the next day), and
    /// the next day to come. Nothing after the observation ends (period over, lifted, or symptoms found — then the
    /// person is handled as a suspected case).
    /// </summary>
    // 004 传染病 二(四)2: 对集中或居家医学观察者提供必要的基本医疗和预防服务 — one check a day through the period
    public static IReadOnlyList<ScheduleItem> DailyChecks(ObservedContact c, IReadOnlyCollection<ObservationCheck> checks, DateOnly today, long? sourceId = null)
    {
        if (c.StartOn is not DateOnly start || c.LastExposureOn is not DateOnly exposed || EndsOn(c, checks) is not DateOnly end)
        {
            return [];
        }
        var done = checks.Select(k => k.Date).ToHashSet();
        var total = LastDay(c)!.Value.DayNumber - exposed.DayNumber;
        var items = new List<ScheduleItem>();
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            if (done.Contains(day))
            {
                continue;
            }
            var n = day.DayNumber - exposed.DayNumber;
            items.Add(ScheduleItem.On("observation-check", $"医学观察每日检查（第{n}天，共{total}天）", day, sourceId: sourceId));
            if (day > today)
            {
                break;
            }
        }
        return items;
    }

    /// <summary>Checks a person's observation record: who, when, and a period that makes sense.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(ObservedContact c, DateOnly today)
    {
        var e = new FieldErrors();
        e.RequiredText("name", c.Name, "姓名", 50);
        e.Coded("sex", c.Sex, "性别");
        e.Range("age", c.Age, 0, 150, "年龄", "岁");
        e.OptionalText("phone", c.Phone, "联系电话", 20);
        e.RequiredText("address", c.Address, "观察地点（住址）", 100);
        e.Required("kind", c.Kind, "观察对象类别");
        e.OptionalText("relation", c.Relation, "与病例关系或暴露方式", 50);
        e.Required("setting", c.Setting, "医学观察方式");
        if (c.CaseCardId is null && c.EventId is null)
        {
            e.Add("caseCardId", "请关联病例的传染病报告卡或突发公共卫生事件");
        }
        if (c.LastExposureOn is null)
        {
            e.Add("lastExposureOn", "请填写末次接触（暴露）日期");
        }
        e.NotFuture("lastExposureOn", c.LastExposureOn, today, "末次接触日期");
        if (c.StartOn is null)
        {
            e.Add("startOn", "请填写开始医学观察日期");
        }
        e.NotFuture("startOn", c.StartOn, today, "开始医学观察日期");
        if (c.ObservationDays is null)
        {
            e.Add("observationDays", "请填写医学观察期（天）");
        }
        e.Range("observationDays", c.ObservationDays, 1, MaxObservationDays, "医学观察期", "天");
        if (c.StartOn is DateOnly start && c.LastExposureOn is DateOnly exposed)
        {
            if (start < exposed)
            {
                e.Add("startOn", "开始医学观察日期不能早于末次接触日期");
            }
            else if (LastDay(c) is DateOnly last && start > last)
            {
                e.Add("startOn", $"末次接触后已超过医学观察期（至 {last:yyyy-MM-dd}），无需再观察");
            }
        }
        if (c.EndedEarlyOn is DateOnly ended)
        {
            e.NotFuture("endedEarlyOn", ended, today, "解除医学观察日期");
            if (c.StartOn is DateOnly s && ended < s)
            {
                e.Add("endedEarlyOn", "解除医学观察日期不能早于开始日期");
            }
            e.RequiredText("endedEarlyReason", c.EndedEarlyReason, "提前解除医学观察的原因", 100);
        }
        return e;
    }

    /// <summary>Checks one daily check against the person's period.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(ObservationCheck k, ObservedContact c, DateOnly today)
    {
        var e = new FieldErrors();
        e.NotFuture("date", k.Date, today, "检查日期");
        if (c.StartOn is DateOnly start && k.Date < start)
        {
            e.Add("date", "检查日期不能早于开始医学观察日期");
        }
        if (LastDay(c) is DateOnly last && k.Date > last)
        {
            e.Add("date", $"医学观察期已于 {last:yyyy-MM-dd} 结束");
        }
        e.Coded("outcome", (ObservationCheckOutcome?)k.Outcome, "检查结果");
        e.Range("temperatureC", k.TemperatureC, 34m, 43m, "体温", "℃");
        if (k.Outcome == ObservationCheckOutcome.Symptomatic && string.IsNullOrWhiteSpace(k.Symptoms))
        {
            e.Add("symptoms", "出现症状，请写明症状");
        }
        e.OptionalText("symptoms", k.Symptoms, "症状", 200);
        e.OptionalText("checker", k.Checker, "检查人", 30);
        return e;
    }
}
