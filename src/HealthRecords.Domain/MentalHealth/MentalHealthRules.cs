using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.MentalHealth;

/// <summary>The facts of one visit the classification rules of 004 重性精神疾病 二(三) read.</summary>
public sealed record ConditionFacts(
    RiskLevel RiskLevel,
    SymptomSeverity Symptoms,
    Insight Insight,
    bool SocialFunctionPoor,
    AdverseReactionSeverity? AdverseReaction,
    PhysicalIllness PhysicalIllness,
    bool OtherAbnormality);

/// <summary>The patient's previous follow-up at which they were reached: its date, class and next date.</summary>
public sealed record PreviousVisit(DateOnly VisitDate, Condition Condition, DateOnly? NextVisitDate);

/// <summary>
/// What the system suggests after a follow-up: the class, what to do, the next visit date, and why (in Chinese, for
/// the page). The doctor may depart from it with a reason.
/// </summary>
public sealed record MentalHealthDecision(
    Condition Condition,
    IReadOnlyList<MentalHealthAction> Actions,
    DateOnly NextVisitDate,
    IReadOnlyList<string> Reasons)
{
    /// <summary>The suggestion includes a referral to the higher-level hospital.</summary>
    public bool Referral => Actions.Contains(MentalHealthAction.ReferAtOnce) || Actions.Contains(MentalHealthAction.ReferAndFollowUpWithinTwoWeeks);

    /// <summary>Unstable, or a referral awaiting its result: the next visit is urgent on the work list.</summary>
    public bool Urgent => Condition == Condition.Unstable || Referral;
}

/// <summary>The decision rules of 004 重性精神疾病患者管理服务规范 (严重精神障碍患者管理 in the 3rd edition), each one function.</summary>
public static class MentalHealthRules
{
    /// <summary>004 二(二): 每年至少随访4次.</summary>
    public const int FollowUpsPerYear = 4;

    /// <summary>004 二(三)1, 2: "2周内随访", "观察2周", "2周内随访转诊情况".</summary>
    public const int ShortIntervalDays = 14;

    /// <summary>004 二(三)2, 3: "3个月时随访".</summary>
    public const int RoutineIntervalMonths = 3;

    /// <summary>004 二(四): the yearly physical examination's contents.</summary>
    public static readonly IReadOnlyList<string> AnnualExaminationItems =
        ["一般体格检查", "血压", "体重", "血常规（含白细胞分类）", "转氨酶", "血糖", "心电图"];

    // 附件1 知情同意 and issue #19: a patient who does not consent (0 不同意参加管理) is registered (登记在册) but not managed.
    public static bool IsManaged(InformedConsent? consent) => consent == InformedConsent.Agreed;

    /// <summary>004 二(三)1: why the patient is 病情不稳定; empty when they are not.</summary>
    public static IReadOnlyList<string> UnstableReasons(ConditionFacts f)
    {
        var reasons = new List<string>();
        // 004 二(三)1: 危险性为3~5级
        if (f.RiskLevel >= RiskLevel.Level3)
        {
            reasons.Add($"危险性{f.RiskLevel.Label()}");
        }
        // 004 二(三)1: 精神病症状明显
        if (f.Symptoms == SymptomSeverity.Marked)
        {
            reasons.Add("精神病症状明显");
        }
        // 004 二(三)1: 自知力缺乏
        if (f.Insight == Insight.Absent)
        {
            reasons.Add("自知力缺失");
        }
        // 004 二(三)1: 有急性药物不良反应
        if (f.AdverseReaction == AdverseReactionSeverity.Acute)
        {
            reasons.Add("急性药物不良反应");
        }
        // 004 二(三)1: 严重躯体疾病
        if (f.PhysicalIllness == PhysicalIllness.Serious)
        {
            reasons.Add("严重躯体疾病");
        }
        return reasons;
    }

    /// <summary>
    /// 004 二(三)2: why the patient is 病情基本稳定 (危险性1~2级, or 精神症状、自知力、社会功能状况至少有一方面较差), and the
    /// conditions of 二(三)3 they miss otherwise (严重药物不良反应, 躯体症状恶化, 其他异常). Read only when not unstable.
    /// </summary>
    public static IReadOnlyList<string> NotStableReasons(ConditionFacts f)
    {
        var reasons = new List<string>();
        // 004 二(三)2: 危险性为1~2级
        if (f.RiskLevel is RiskLevel.Level1 or RiskLevel.Level2)
        {
            reasons.Add($"危险性{f.RiskLevel.Label()}");
        }
        // 004 二(三)2: 精神症状较差 (二(三)3 asks 精神症状基本消失)
        if (f.Symptoms == SymptomSeverity.Present)
        {
            reasons.Add("精神症状未消失");
        }
        // 004 二(三)2: 自知力较差 (二(三)3 asks 自知力基本恢复)
        if (f.Insight == Insight.Partial)
        {
            reasons.Add("自知力不全");
        }
        // 004 二(三)2: 社会功能状况较差 (二(三)3 asks 社会功能处于一般或良好)
        if (f.SocialFunctionPoor)
        {
            reasons.Add("社会功能较差");
        }
        // 004 二(三)3: 无严重药物不良反应
        if (f.AdverseReaction == AdverseReactionSeverity.Serious)
        {
            reasons.Add("严重药物不良反应");
        }
        // 004 二(三)3: 躯体疾病稳定 (二(三)2 treats 躯体症状恶化)
        if (f.PhysicalIllness == PhysicalIllness.Worsening)
        {
            reasons.Add("躯体症状恶化");
        }
        // 004 二(三)3: 无其他异常
        if (f.OtherAbnormality)
        {
            reasons.Add("其他异常");
        }
        return reasons;
    }

    // 004 二(三)3: 危险性为0级，且精神症状基本消失，自知力基本恢复，社会功能处于一般或良好，无严重药物不良反应，躯体疾病稳定，无其他异常.
    public static bool IsStable(ConditionFacts f) => UnstableReasons(f).Count == 0 && NotStableReasons(f).Count == 0;

    // 004 二(三)1–3: 不稳定 when any sign of 1; 稳定 when every condition of 3; otherwise 基本稳定.
    public static Condition SuggestCondition(ConditionFacts f) =>
        UnstableReasons(f).Count > 0 ? Condition.Unstable
        : IsStable(f) ? Condition.Stable
        : Condition.BasicallyStable;

    // 004 二(三)2: a 基本稳定 patient is observed for 2 weeks (or followed up 2 weeks after a referral); this visit ends it.
    public static bool EndsObservation(PreviousVisit? previous) =>
        previous is { Condition: Condition.BasicallyStable, NextVisitDate: DateOnly next }
        && next <= previous.VisitDate.AddDays(ShortIntervalDays);

    /// <summary>What to do, by class (004 二(三)1–4).</summary>
    /// <param name="condition">The class (not 未访到).</param>
    /// <param name="endsObservation">This visit ends a 基本稳定 patient's 2 weeks (<see cref="EndsObservation"/>).</param>
    /// <param name="settled">At the end of the observation: 情况趋于稳定.</param>
    /// <param name="inHospital">住院情况 1 目前正在住院.</param>
    public static IReadOnlyList<MentalHealthAction> SuggestActions(Condition condition, bool endsObservation, bool settled, bool inHospital)
    {
        var actions = new List<MentalHealthAction>();
        switch (condition)
        {
            case Condition.Unstable:
                // 004 二(三)1: 对症处理后立即转诊到上级医院。必要时报告当地公安部门，协助送院治疗
                actions.Add(MentalHealthAction.ReferAtOnce);
                actions.Add(MentalHealthAction.ReportToPoliceIfNeeded);
                // issue #19: police or guardian contact where needed
                actions.Add(MentalHealthAction.ContactGuardian);
                // 004 二(三)1: 对于未住院的患者，在精神专科医师、居委会人员、民警的共同协助下，2周内随访
                if (!inHospital)
                {
                    actions.Add(MentalHealthAction.JointFollowUpWithinTwoWeeks);
                }
                break;
            case Condition.BasicallyStable:
                // 004 二(三)2: 经初步处理后观察2周，若情况趋于稳定，可维持目前治疗方案，3个月时随访；若初步处理无效，则建议转诊到上级医院，2周内随访转诊情况
                actions.Add(!endsObservation ? MentalHealthAction.AdjustAndObserve
                    : settled ? MentalHealthAction.MaintainTreatment
                    : MentalHealthAction.ReferAndFollowUpWithinTwoWeeks);
                break;
            case Condition.Stable:
                // 004 二(三)3: 继续执行上级医院制定的治疗方案，3个月时随访
                actions.Add(MentalHealthAction.ContinueTreatment);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition, "未访到 has no suggested actions");
        }
        // 004 二(三)4: 每次随访…进行有针对性的健康教育和生活技能训练等方面的康复指导，对家属提供心理支持和帮助
        actions.Add(MentalHealthAction.RehabilitationGuidance);
        return actions;
    }

    // 004 二(三)1, 2: 2周内随访 / 观察2周 / 2周内随访转诊情况; 二(三)2, 3: otherwise 3个月时随访.
    public static DateOnly SuggestNextVisit(DateOnly visitDate, IReadOnlyList<MentalHealthAction> actions) =>
        actions.Any(a => a is MentalHealthAction.ReferAtOnce or MentalHealthAction.JointFollowUpWithinTwoWeeks
                or MentalHealthAction.AdjustAndObserve or MentalHealthAction.ReferAndFollowUpWithinTwoWeeks)
            ? visitDate.AddDays(ShortIntervalDays)
            : visitDate.AddMonths(RoutineIntervalMonths);

    /// <summary>The whole suggestion for one visit from its facts.</summary>
    public static MentalHealthDecision Decide(ConditionFacts f, DateOnly visitDate, PreviousVisit? previous, bool settled, bool inHospital)
    {
        var condition = SuggestCondition(f);
        var actions = SuggestActions(condition, EndsObservation(previous), settled, inHospital);
        var reasons = condition == Condition.Unstable ? UnstableReasons(f) : NotStableReasons(f);
        return new MentalHealthDecision(condition, actions, SuggestNextVisit(visitDate, actions), reasons);
    }

    /// <summary>
    /// The facts of a follow-up form, or null when the patient was not reached (0 未访到) or 危险性 or 自知力 is not filled
    /// in (nothing can be suggested yet). Symptoms ticked without a judgement count as present but not marked.
    /// </summary>
    public static ConditionFacts? Facts(MentalIllnessFollowUp f)
    {
        if (!f.Reached || f.RiskLevel is not RiskLevel risk || f.Insight is not Insight insight)
        {
            return null;
        }
        var symptoms = f.Assessment.Symptoms ?? (f.Symptoms.Count == 0 ? SymptomSeverity.Gone : SymptomSeverity.Present);
        var reaction = f.AdverseReaction == NoYes.Yes ? f.Assessment.AdverseReaction ?? AdverseReactionSeverity.Mild : (AdverseReactionSeverity?)null;
        return new ConditionFacts(risk, symptoms, insight, f.SocialFunction.AnyPoor, reaction,
            f.Assessment.PhysicalIllness ?? PhysicalIllness.NoneOrStable, f.Assessment.OtherAbnormality);
    }

    /// <summary>The suggestion for a follow-up form, or null when <see cref="Facts"/> is null.</summary>
    public static MentalHealthDecision? Decide(MentalIllnessFollowUp f, PreviousVisit? previous) =>
        Facts(f) is ConditionFacts facts
            ? Decide(facts, f.VisitDate, previous, f.Assessment.SettledAfterObservation == true, f.Hospitalisation == Hospitalisation.InHospital)
            : null;

    /// <summary>
    /// The 个人信息补充表 after a follow-up (附件1 填表说明 1: 在随访中发现个人信息有所变更时，要及时变更): the follow-up's 关锁情况
    /// and 治疗效果 replace the profile's, and its 患病对家庭社会的影响 (since the last visit) is added to the history (since
    /// the first onset, 填表说明 8). A follow-up that did not reach the patient changes nothing.
    /// </summary>
    public static MentalIllnessProfile UpdatedBy(MentalIllnessProfile profile, MentalIllnessFollowUp followUp) =>
        !followUp.Reached ? profile : profile with
        {
            Confinement = followUp.Confinement ?? profile.Confinement,
            LastTreatmentEffect = followUp.Effect ?? profile.LastTreatmentEffect,
            SocialImpact = profile.SocialImpact.Plus(followUp.SocialImpact),
        };
}
