using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Tuberculosis;

/// <summary>
/// The decision rules of 肺结核患者健康管理服务规范 (国家基本公共卫生服务规范（第三版）; facts in third-edition.md §3), each
/// one function.
/// </summary>
public static class TuberculosisRules
{
    /// <summary>第三版 肺结核 二(二): 要在72小时内访视患者.</summary>
    public const int FirstVisitHours = 72;

    /// <summary>第三版 肺结核 二(三)2: 强化期或注射期内每10天随访1次 (family-supervised).</summary>
    public const int IntensiveIntervalDays = 10;

    /// <summary>第三版 肺结核 二(三)3: 出现药物不良反应、并发症或合并症…立即转诊，2周内随访.</summary>
    public const int ReferralFollowUpDays = 14;

    /// <summary>
    /// third-edition.md §3 and issue #19: the suspected patient's referral is followed within 2 weeks (the lead's decision;
    /// copies of the 3rd edition's text read "1周内进行电话随访" — a follow-up by telephone in the first week is on time).
    /// </summary>
    public const int SuspectFollowUpDays = 14;

    /// <summary>第三版 肺结核 二(一): 咳嗽、咳痰≥2周.</summary>
    public const int SuspiciousSymptomDays = 14;

    /// <summary>规则服药: at least 90 % of the doses due (third-edition.md §3).</summary>
    public const decimal RegularShare = 0.9m;

    // 第三版 肺结核 二(二): 接到上级专业机构管理肺结核患者的通知单后，要在72小时内访视患者 (the notification's day + 3 days).
    public static DateOnly FirstVisitDue(DateOnly notifiedOn) => notifiedOn.AddDays(FirstVisitHours / 24);

    // 第三版 肺结核 二(二): a visit after 72 hours needs its reason recorded.
    public static bool FirstVisitLate(DateOnly notifiedOn, DateOnly visitedOn) => visitedOn > FirstVisitDue(notifiedOn);

    /// <summary>
    /// The next follow-up after a visit on <paramref name="lastVisit"/> (第三版 肺结核 二(三)2 随访评估): a patient supervised
    /// by medical staff at least once a month; any other (family, self-administered, other) every 10 days while the visit
    /// falls in the intensive (or injection) phase and once a month in the continuation. The 3rd edition names only
    /// medical and family supervisors; the others are followed like a family-supervised patient, the closer watch.
    /// </summary>
    public static DateOnly SuggestNextVisit(DateOnly lastVisit, SupervisorType? supervisor, TreatmentPhase phase) =>
        supervisor == SupervisorType.Doctor || phase == TreatmentPhase.Continuation
            ? lastVisit.AddMonths(1)
            : lastVisit.AddDays(IntensiveIntervalDays);

    /// <summary>The same, reading the phase from the course; an unknown course counts as intensive (the closer watch).</summary>
    public static DateOnly SuggestNextVisit(DateOnly lastVisit, SupervisorType? supervisor, TreatmentCourse? course) =>
        SuggestNextVisit(lastVisit, supervisor, course?.PhaseOn(lastVisit) ?? TreatmentPhase.Intensive);

    // 第三版 肺结核 二(一): 慢性咳嗽、咳痰≥2周，咯血、血痰，或发热、盗汗、胸痛或不明原因消瘦等肺结核可疑症状者 (the last group after
    // a differential diagnosis).
    public static bool IsSuspected(int? coughDays, int? sputumDays, bool bloodInSputum, bool otherSuspiciousSymptoms) =>
        coughDays >= SuspiciousSymptomDays || sputumDays >= SuspiciousSymptomDays || bloodInSputum || otherSuspiciousSymptoms;

    public static bool IsSuspected(SuspectReferral s) => IsSuspected(s.CoughDays, s.SputumDays, s.BloodInSputum, s.OtherSuspiciousSymptoms);

    // third-edition.md §3: a suspected patient referred is followed up within 2 weeks (看是否前去就诊，督促其及时就医).
    public static DateOnly SuspectFollowUpDue(DateOnly referredOn) => referredOn.AddDays(SuspectFollowUpDays);

    // 第三版 肺结核 二(三)3: 对出现药物不良反应、并发症或合并症的患者，要立即转诊，2周内随访.
    public static bool NeedsReferral(NoYes? adverseReaction, NoYes? complication) =>
        adverseReaction == NoYes.Yes || complication == NoYes.Yes;

    /// <summary>
    /// 第三版 肺结核 二(三)3 分类干预, for a follow-up: refer at once on an adverse reaction, complication or comorbidity;
    /// find the cause of missed doses; report doses missed for a week or more in the course; otherwise keep supervising;
    /// and always remind the patient of the hospital's re-checks.
    /// </summary>
    /// <param name="missedInCourse">Doses missed since the start of treatment, this visit's included.</param>
    public static IReadOnlyList<TuberculosisAction> SuggestActions(TuberculosisFollowUp f, int missedInCourse, TreatmentCourse? course)
    {
        var actions = new List<TuberculosisAction>();
        // 第三版 二(三)3(3): 对出现药物不良反应、并发症或合并症的患者，要立即转诊，2周内随访
        if (NeedsReferral(f.AdverseReaction, f.Complication))
        {
            actions.Add(TuberculosisAction.ReferAtOnce);
        }
        // 第三版 二(三)3(2): 患者未按定点医疗机构的医嘱服药，要查明原因…
        if (f.MissedDoses > 0)
        {
            actions.Add(TuberculosisAction.FindCauseOfMissedDoses);
        }
        // 第三版 二(三)3(2): 若患者漏服药次数超过1周及以上，要及时向上级专业机构进行报告
        if (MissedAWeek(missedInCourse, course))
        {
            actions.Add(TuberculosisAction.ReportMissedDoses);
        }
        // 第三版 二(三)3(1): 对于能够按时服药，无不良反应的患者，则继续督导服药，并预约下一次随访时间
        if (actions.Count == 0)
        {
            actions.Add(TuberculosisAction.ContinueSupervision);
        }
        // 第三版 二(三)3(4): 提醒并督促患者按时到定点医疗机构进行复诊
        actions.Add(TuberculosisAction.RemindRecheck);
        return actions;
    }

    /// <summary>"漏服药超过1周": at least a week's doses missed (7 daily, 4 intermittent; 7 when the course is unknown).</summary>
    public static bool MissedAWeek(int missed, TreatmentCourse? course) => missed > 0 && missed >= (course?.DosesInAWeek ?? 7);

    /// <summary>
    /// The last day the card can be read as complete: a dose observed by medical staff is ticked the same day, so up to
    /// yesterday; a family member's or the patient's own card is copied in at visits, so only up to the last dose ticked
    /// (days after it are not yet entered, not missed). Null when nothing can be read yet.
    /// </summary>
    public static DateOnly? CardReadThrough(SupervisorType? supervisor, IReadOnlyCollection<DateOnly> doses, DateOnly today) =>
        supervisor == SupervisorType.Doctor ? today.AddDays(-1)
        : doses.Count == 0 ? null
        : doses.Max();

    /// <summary>The days a dose was due and none was ticked, from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static IReadOnlyList<DateOnly> MissedDoseDays(TreatmentCourse course, IReadOnlySet<DateOnly> doses, DateOnly from, DateOnly to) =>
        [.. course.DoseDays(from, to).Where(d => !doses.Contains(d))];

    /// <summary>
    /// 应访视患者次数 (全程管理情况): the first visit and every follow-up the intervals of 二(三)2 ask for from it, up to the
    /// day treatment stopped.
    /// </summary>
    public static int VisitsDue(TreatmentCourse course, SupervisorType? supervisor, DateOnly firstVisit, DateOnly stoppedOn)
    {
        var count = 1;
        for (var d = SuggestNextVisit(firstVisit, supervisor, course); d <= stoppedOn; d = SuggestNextVisit(d, supervisor, course))
        {
            count++;
        }
        return count;
    }

    /// <summary>
    /// 结案评估 (third-edition.md §3: doses taken against doses due): visits due and made from the first visit, doses due
    /// (every dose day from the start of treatment to the day it stopped) and doses ticked in that time.
    /// </summary>
    public static ClosingAssessment Closing(
        TreatmentCourse course, SupervisorType? supervisor, DateOnly firstVisit, IEnumerable<DateOnly> visits,
        IReadOnlySet<DateOnly> doses, DateOnly stoppedOn)
    {
        var due = course.DoseDays(course.Start, stoppedOn).Count();
        var taken = doses.Count(d => d >= course.Start && d <= stoppedOn);
        var made = visits.Where(d => d >= firstVisit && d <= stoppedOn).Distinct().Count();
        return new ClosingAssessment(VisitsDue(course, supervisor, firstVisit, stoppedOn), made, due, taken);
    }

    /// <summary>服药率 = 实际服药次数 / 应服药次数 (null when a count is missing or nothing was due).</summary>
    public static decimal? MedicationRate(int? taken, int? due) =>
        taken is int t && due is int d && d > 0 ? Math.Round((decimal)t / d, 4) : null;

    // third-edition.md §3: 规则服药 means taking at least 90 % of the doses due over the whole course.
    public static bool IsRegular(int taken, int due) => due > 0 && taken * 10 >= due * 9;
}
