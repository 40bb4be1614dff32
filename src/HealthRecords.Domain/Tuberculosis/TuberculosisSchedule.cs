using HealthRecords.Domain.Encounters;

namespace HealthRecords.Domain.Tuberculosis;

/// <summary>One stored follow-up as the schedule reads it.</summary>
/// <param name="Id">The stored row.</param>
/// <param name="VisitDate">随访时间.</param>
/// <param name="NextVisitDate">下次随访时间.</param>
/// <param name="ReferredOn">The visit referred the patient (转诊), or null.</param>
/// <param name="ReferralResultRecorded">"2周内随访，随访结果" has been filled in.</param>
public sealed record TbFollowUpEntry(long Id, DateOnly VisitDate, DateOnly? NextVisitDate, DateOnly? ReferredOn = null, bool ReferralResultRecorded = false);

/// <summary>What the schedule needs of one patient's history.</summary>
/// <param name="NotifiedOn">The day the designated hospital's notification reached the institution.</param>
/// <param name="FirstVisitOn">The first home visit, if done.</param>
/// <param name="FirstVisitId">Its stored row.</param>
/// <param name="FirstVisitNextDate">下次随访时间 on the first visit.</param>
/// <param name="Course">The course on the medication card, when known.</param>
/// <param name="Supervisor">The current supervisor (the latest form's).</param>
/// <param name="FollowUps">Every stored follow-up, in any order.</param>
/// <param name="Doses">The days a dose was ticked on the card.</param>
/// <param name="StoppedOn">出现停止治疗时间, once recorded.</param>
/// <param name="ClosingRecorded">The closing assessment (全程管理情况) is recorded.</param>
/// <param name="MissedDosesReportedOn">The last day missed doses were reported to the higher-level institution.</param>
public sealed record TuberculosisHistory(
    DateOnly NotifiedOn,
    DateOnly? FirstVisitOn,
    long? FirstVisitId,
    DateOnly? FirstVisitNextDate,
    TreatmentCourse? Course,
    SupervisorType? Supervisor,
    IReadOnlyList<TbFollowUpEntry> FollowUps,
    IReadOnlySet<DateOnly> Doses,
    DateOnly? StoppedOn = null,
    bool ClosingRecorded = false,
    DateOnly? MissedDosesReportedOn = null);

/// <summary>One suspected patient's referral as the schedule reads it.</summary>
public sealed record SuspectReferralEntry(long Id, DateOnly ReferredOn, DateOnly? FollowedUpOn);

/// <summary>What is due for a tuberculosis patient (第三版 肺结核患者健康管理服务规范 二).</summary>
public static class TuberculosisSchedule
{
    public const string Service = "tuberculosis";
    public const string FirstVisitKind = "first-visit";
    public const string FollowUpKind = "follow-up";
    public const string ReferralFollowUpKind = "referral-follow-up";
    public const string MissedDoseKind = "missed-dose";
    public const string MissedDoseReportKind = "missed-dose-report";
    public const string ClosingKind = "closing";
    public const string SuspectFollowUpKind = "suspect-follow-up";

    /// <summary>The items due for the patient as of <paramref name="today"/>.</summary>
    public static IReadOnlyList<ScheduleItem> Due(TuberculosisHistory h, DateOnly today)
    {
        var items = new List<ScheduleItem>();
        if (h.FirstVisitOn is null)
        {
            // 第三版 肺结核 二(二): 接到通知单后，要在72小时内访视患者
            var due = TuberculosisRules.FirstVisitDue(h.NotifiedOn);
            items.Add(new ScheduleItem(FirstVisitKind, "肺结核患者第一次入户随访（72小时内）", h.NotifiedOn, due, due, Urgent: true));
            return items;
        }
        items.AddRange(ReferralFollowUps(h));
        var ended = h.StoppedOn ?? (h.Course is { } c && today > c.PlannedEnd ? c.PlannedEnd : null);
        if (ended is DateOnly end)
        {
            if (!h.ClosingRecorded)
            {
                // 第三版 肺结核 二(四): 结案评估 when treatment stops
                items.Add(ScheduleItem.On(ClosingKind, "肺结核患者结案评估", end));
            }
            if (h.StoppedOn is not null)
            {
                return items;
            }
        }
        items.Add(NextFollowUp(h));
        if (h.Course is { } course)
        {
            items.AddRange(MissedDoses(h, course, today));
        }
        return items;
    }

    /// <summary>
    /// The next follow-up after the latest visit (the first visit or a follow-up): the date it set, or the interval of
    /// 第三版 二(三)2 for the supervisor and phase.
    /// </summary>
    public static ScheduleItem NextFollowUp(TuberculosisHistory h)
    {
        var latest = h.FollowUps.OrderByDescending(f => f.VisitDate).ThenByDescending(f => f.Id).FirstOrDefault();
        var (visit, next, id) = latest is null || latest.VisitDate < h.FirstVisitOn!.Value
            ? (h.FirstVisitOn!.Value, h.FirstVisitNextDate, h.FirstVisitId)
            : (latest.VisitDate, latest.NextVisitDate, (long?)latest.Id);
        var phase = h.Course?.PhaseOn(visit) ?? TreatmentPhase.Intensive;
        var due = next ?? TuberculosisRules.SuggestNextVisit(visit, h.Supervisor, phase);
        var title = h.Supervisor != SupervisorType.Doctor && phase == TreatmentPhase.Intensive
            ? "肺结核患者随访（强化期每10天）"
            : "肺结核患者随访（每月）";
        return ScheduleItem.On(FollowUpKind, title, due, sourceId: id);
    }

    // 第三版 肺结核 二(三)3: 对出现药物不良反应、并发症或合并症的患者，要立即转诊，2周内随访 — open until its result is recorded.
    private static IEnumerable<ScheduleItem> ReferralFollowUps(TuberculosisHistory h) =>
        h.FollowUps.Where(f => f.ReferredOn is not null && !f.ReferralResultRecorded)
            .Select(f => ScheduleItem.On(ReferralFollowUpKind, "肺结核患者转诊后随访（2周内）",
                ReferralRules.FollowUpDue(f.ReferredOn!.Value), urgent: true, sourceId: f.Id));

    /// <summary>
    /// Missed-dose alerts (第三版 肺结核 二(三)3(2)): doses due and not ticked since the last follow-up, as far as the card
    /// can be read (<see cref="TuberculosisRules.CardReadThrough"/>), ask for the cause — the next follow-up records them;
    /// a week's doses or more missed in the course ask for a report to the higher-level institution, urgently, until
    /// one is recorded on or after the day the week was reached.
    /// </summary>
    public static IReadOnlyList<ScheduleItem> MissedDoses(TuberculosisHistory h, TreatmentCourse course, DateOnly today)
    {
        var items = new List<ScheduleItem>();
        if (TuberculosisRules.CardReadThrough(h.Supervisor, [.. h.Doses], today) is not DateOnly through)
        {
            return items;
        }
        var end = h.StoppedOn ?? course.PlannedEnd;
        if (through > end)
        {
            through = end;
        }
        var lastFollowUp = h.FollowUps.Select(f => (DateOnly?)f.VisitDate).Max();
        var since = lastFollowUp?.AddDays(1) ?? course.Start;
        var recent = TuberculosisRules.MissedDoseDays(course, h.Doses, since, through);
        if (recent.Count > 0)
        {
            items.Add(ScheduleItem.On(MissedDoseKind, $"肺结核患者漏服药{recent.Count}次：查明原因", recent[0].AddDays(1)));
        }
        var all = TuberculosisRules.MissedDoseDays(course, h.Doses, course.Start, through);
        if (TuberculosisRules.MissedAWeek(all.Count, course))
        {
            var reached = all[course.DosesInAWeek - 1];
            if (h.MissedDosesReportedOn is not DateOnly reported || reported < reached)
            {
                items.Add(ScheduleItem.On(MissedDoseReportKind, "肺结核患者漏服药超过1周：报告上级专业机构", reached.AddDays(1), urgent: true));
            }
        }
        return items;
    }

    /// <summary>Suspected patients referred and not yet followed up: within 2 weeks (third-edition.md §3), urgent.</summary>
    public static IReadOnlyList<ScheduleItem> SuspectFollowUps(IEnumerable<SuspectReferralEntry> referrals) =>
        [.. referrals.Where(r => r.FollowedUpOn is null)
            .Select(r => ScheduleItem.On(SuspectFollowUpKind, "肺结核可疑症状者转诊后随访（2周内）",
                TuberculosisRules.SuspectFollowUpDue(r.ReferredOn), urgent: true, sourceId: r.Id))];
}
