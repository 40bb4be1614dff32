namespace HealthRecords.Domain.Chronic;

/// <summary>
/// What the system suggests after a follow-up: the classification, the action, the next visit date, and the
/// danger signs found (empty when none). The doctor may override classification and date with a reason.
/// <see cref="Classification"/> is null when nothing decides it: the disease's value was not measured (a phone visit)
/// and there is no adverse reaction or complication; the doctor then classifies with a reason (issue #15 item 10).
/// </summary>
public sealed record FollowUpDecision(
    VisitClassification? Classification,
    FollowUpAction Action,
    DateOnly NextVisitDate,
    IReadOnlyList<string> DangerSigns)
{
    public bool UrgentReferral => Action == FollowUpAction.UrgentReferral;
    public bool Referral => Action is FollowUpAction.Referral or FollowUpAction.UrgentReferral;
}

/// <summary>The facts of one visit the classification rules of 004 三 分类干预 read, the same for both diseases.</summary>
/// <param name="Controlled">The disease's target met (HT: SBP &lt; 140 and DBP &lt; 90; DM: FBG &lt; 7.0), or null when not measured.</param>
/// <param name="PreviousControlled">The same at the previous follow-up, or null when there is none or it was not measured.</param>
public sealed record VisitFacts(
    DateOnly VisitDate,
    bool? Controlled,
    bool? PreviousControlled,
    bool AdverseReaction,
    bool AdverseReactionHardToControl,
    bool NewOrWorseComplication,
    IReadOnlyList<string> DangerSigns);

/// <summary>The classification and next-visit rules common to 高血压 and 2型糖尿病 (004, each 二(三) 分类干预).</summary>
public static class ChronicRules
{
    /// <summary>004 高血压 一 and 2型糖尿病 一: 辖区内 35 岁及以上 (patients, and residents screened for hypertension).</summary>
    public const int TargetAge = 35;

    /// <summary>
    /// 004 高血压 一, 2型糖尿病 一 (服务对象: 辖区内 35 岁及以上 … 患者): a patient is a target on <paramref name="day"/> when 35 or
    /// over in full years that day (born on or before <see cref="TargetBornBy"/>).
    /// </summary>
    public static bool IsTarget(DateOnly birthDate, DateOnly day) => birthDate <= TargetBornBy(day);

    /// <summary>The latest birth date of a target on <paramref name="day"/> (35 years before it), for queries over the birth date.</summary>
    public static DateOnly TargetBornBy(DateOnly day) => day.AddYears(-TargetAge);

    /// <summary>
    /// 004 高血压 一, 2型糖尿病 一: enrolling a patient under 35 is allowed (the doctor still manages them) but they are not a
    /// target of the service, so it needs the doctor's reason (issue #15 item 7); the message for the reason field, or
    /// null when the patient is a target or a reason is given.
    /// </summary>
    public static string? BelowTargetAgeError(DateOnly birthDate, DateOnly enrolledOn, string? reason) =>
        IsTarget(birthDate, enrolledOn) || !string.IsNullOrWhiteSpace(reason) ? null
            : $"该居民纳入时未满{TargetAge}岁，不属于004规范的服务对象（{TargetAge}岁及以上患者）：如仍纳入管理，请填写理由；未满{TargetAge}岁期间不计入管理率、规范管理率和控制率";

    /// <summary>004 高血压 二(二)(1), 糖尿病 二(二)(1): 收缩压 ≥ 180 和（或）舒张压 ≥ 110 mmHg is a danger sign.</summary>
    public const int DangerSystolic = 180;

    /// <inheritdoc cref="DangerSystolic"/>
    public const int DangerDiastolic = 110;

    /// <summary>The blood pressure danger signs of both diseases (<see cref="DangerSystolic"/>, <see cref="DangerDiastolic"/>), in Chinese.</summary>
    public static IEnumerable<string> BloodPressureDangerSigns(int? systolic, int? diastolic)
    {
        if (systolic >= DangerSystolic)
        {
            yield return $"收缩压{systolic}mmHg（≥{DangerSystolic}）";
        }
        if (diastolic >= DangerDiastolic)
        {
            yield return $"舒张压{diastolic}mmHg（≥{DangerDiastolic}）";
        }
    }

    /// <summary>Routine interval: at least 4 face-to-face follow-ups a year (004 高血压 二(二), 糖尿病 二(二)), i.e. quarterly.</summary>
    public const int RoutineIntervalMonths = 3;

    /// <summary>"2 周内随访" / "2 周内主动随访转诊情况" (004 二(二)(1), 二(三)(2), (3)).</summary>
    public const int ShortIntervalDays = 14;

    /// <summary>At least 4 face-to-face follow-ups in the year make management 规范 (004 二(二): 每年要提供至少 4 次面对面的随访).</summary>
    public const int StandardFollowUpsPerYear = 4;

    // 004 随访分类 填表说明 7: if several apply, the most serious one: 并发症 > 不良反应 > 控制不满意 > 控制满意.
    // 004 二(三)(1) 控制满意 is a measured value below the target: nothing measured suggests no classification (null),
    // never 控制满意 (issue #15 item 10).
    public static VisitClassification? SuggestClassification(VisitFacts v) =>
        v.NewOrWorseComplication ? VisitClassification.Complication
        : v.AdverseReaction ? VisitClassification.AdverseReaction
        : v.Controlled == false ? VisitClassification.Uncontrolled
        : v.Controlled == true ? VisitClassification.Controlled
        : null;

    /// <summary>The action of 004 二(二)(1) and 二(三)(1)–(3).</summary>
    public static FollowUpAction SuggestAction(VisitFacts v)
    {
        // 004 二(二)(1): any danger sign -> urgent referral after first aid, follow up the referral within 2 weeks
        if (v.DangerSigns.Count > 0)
        {
            return FollowUpAction.UrgentReferral;
        }
        // 004 二(三)(3): uncontrolled twice in a row, hard-to-control adverse reaction, new or worse complication -> referral
        if ((v.Controlled == false && v.PreviousControlled == false) || v.AdverseReactionHardToControl || v.NewOrWorseComplication)
        {
            return FollowUpAction.Referral;
        }
        // 004 二(三)(2): first uncontrolled visit or an adverse reaction -> follow up within 2 weeks
        if (v.Controlled == false || v.AdverseReaction)
        {
            return FollowUpAction.RecheckWithinTwoWeeks;
        }
        // 004 二(二)(1) 测量血压（糖尿病：空腹血糖）并评估: not measured (a phone visit), control cannot be judged ->
        // see the patient face to face within 2 weeks to measure, not a routine visit in 3 months
        if (v.Controlled is null)
        {
            return FollowUpAction.MeasureWithinTwoWeeks;
        }
        // 004 二(三)(1): controlled, no adverse reaction, no new or worse complication -> book the next routine visit
        return FollowUpAction.Routine;
    }

    // 004 二(三): routine visits quarterly; every other action "2 周内随访".
    public static DateOnly SuggestNextVisit(DateOnly visitDate, FollowUpAction action) =>
        action == FollowUpAction.Routine ? visitDate.AddMonths(RoutineIntervalMonths) : visitDate.AddDays(ShortIntervalDays);

    /// <summary>The whole suggestion for one visit.</summary>
    public static FollowUpDecision Decide(VisitFacts v)
    {
        var action = SuggestAction(v);
        return new FollowUpDecision(SuggestClassification(v), action, SuggestNextVisit(v.VisitDate, action), v.DangerSigns);
    }

    /// <summary>Face-to-face visits count towards 规范管理 (004 二(二): 面对面的随访): clinic and home, not telephone.</summary>
    public static bool IsFaceToFace(VisitMode? mode) => mode is VisitMode.Clinic or VisitMode.Home;
}
