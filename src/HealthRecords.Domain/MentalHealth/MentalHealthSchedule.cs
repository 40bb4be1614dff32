namespace HealthRecords.Domain.MentalHealth;

/// <summary>One stored follow-up as the schedule and the measures read it.</summary>
/// <param name="Id">The stored row.</param>
/// <param name="VisitDate">随访日期.</param>
/// <param name="Condition">本次随访分类 as the doctor decided it (0 未访到 included).</param>
/// <param name="NextVisitDate">下次随访日期.</param>
/// <param name="Referred">是否转诊 2 是, result not yet followed up.</param>
public sealed record MentalFollowUpEntry(long Id, DateOnly VisitDate, Condition Condition, DateOnly? NextVisitDate, bool Referred = false);

/// <summary>What the schedule needs of one patient's history.</summary>
/// <param name="EnrolledOn">The day the patient was registered.</param>
/// <param name="Consent">知情同意 of the 个人信息补充表.</param>
/// <param name="FollowUps">Every stored follow-up, in any order.</param>
/// <param name="ExaminationAgreed">病情许可, and 监护人与患者本人 both agree to the yearly examination (004 二(四)).</param>
/// <param name="Examinations">The dates of the physical examinations done for this service.</param>
public sealed record MentalHealthHistory(
    DateOnly EnrolledOn,
    InformedConsent? Consent,
    IReadOnlyList<MentalFollowUpEntry> FollowUps,
    bool ExaminationAgreed,
    IReadOnlyList<DateOnly> Examinations);

/// <summary>What is due for a patient under 严重精神障碍患者管理 (004 重性精神疾病 二(二)–(四)).</summary>
public static class MentalHealthSchedule
{
    public const string Service = "mental-health";
    public const string FollowUpKind = "follow-up";
    public const string ExaminationKind = "annual-examination";

    public const string FollowUpTitle = "严重精神障碍患者随访";
    public const string UrgentFollowUpTitle = "严重精神障碍患者随访（2周内）";
    public const string ExaminationTitle = "严重精神障碍患者年度健康检查";

    /// <summary>The items due for the patient, as of <paramref name="today"/>; none for a patient not managed.</summary>
    public static IReadOnlyList<ScheduleItem> Due(MentalHealthHistory h, DateOnly today)
    {
        // 附件1 知情同意: a patient who does not consent is registered but not managed: nothing is due
        if (!MentalHealthRules.IsManaged(h.Consent))
        {
            return [];
        }
        var followUp = NextFollowUp(h);
        var items = new List<ScheduleItem> { followUp };
        if (AnnualExamination(h, followUp.DueDate, today) is ScheduleItem exam)
        {
            items.Add(exam);
        }
        return items;
    }

    /// <summary>
    /// The next follow-up: on the date the last follow-up set (it follows the class, 004 二(三)), or 3 months after it
    /// when no date was set; 3 months after enrolment before the first (004 二(二): 每年至少随访4次). Urgent while the
    /// last visit that reached the patient found them 不稳定 or referred them (2周内随访).
    /// </summary>
    public static ScheduleItem NextFollowUp(MentalHealthHistory h)
    {
        var latest = h.FollowUps.OrderByDescending(f => f.VisitDate).ThenByDescending(f => f.Id).FirstOrDefault();
        if (latest is null)
        {
            // 004 二(二): 每年至少随访4次 — the first within 3 months of enrolment
            return ScheduleItem.On(FollowUpKind, FollowUpTitle, h.EnrolledOn.AddMonths(MentalHealthRules.RoutineIntervalMonths));
        }
        var reached = h.FollowUps.Where(f => f.Condition != Condition.NotVisited)
            .OrderByDescending(f => f.VisitDate).ThenByDescending(f => f.Id).FirstOrDefault();
        // 004 二(三)1: 不稳定 → 2周内随访; 二(三)2: 转诊 → 2周内随访转诊情况
        var urgent = reached is { Condition: Condition.Unstable } or { Referred: true };
        var due = latest.NextVisitDate ?? latest.VisitDate.AddMonths(MentalHealthRules.RoutineIntervalMonths);
        return ScheduleItem.On(FollowUpKind, urgent ? UrgentFollowUpTitle : FollowUpTitle, due, urgent, latest.Id);
    }

    /// <summary>
    /// 004 二(四): 在患者病情许可的情况下，征得监护人与患者本人同意后，每年进行1次健康检查，可与随访相结合. Due this year when
    /// agreed and not yet done this year: on the anniversary of the last examination, or else with the next follow-up
    /// (kept within the year, from enrolment).
    /// </summary>
    public static ScheduleItem? AnnualExamination(MentalHealthHistory h, DateOnly followUpDue, DateOnly today)
    {
        var yearStart = new DateOnly(today.Year, 1, 1);
        var yearEnd = new DateOnly(today.Year, 12, 31);
        if (!h.ExaminationAgreed || h.Examinations.Any(d => d >= yearStart && d <= yearEnd) || h.EnrolledOn > yearEnd)
        {
            return null;
        }
        var start = h.EnrolledOn > yearStart ? h.EnrolledOn : yearStart;
        var last = h.Examinations.Where(d => d < yearStart).Select(d => (DateOnly?)d).Max();
        var due = last?.AddYears(1) ?? followUpDue;
        due = due < start ? start : due > yearEnd ? yearEnd : due;
        return new ScheduleItem(ExaminationKind, ExaminationTitle, start, due, yearEnd);
    }
}
