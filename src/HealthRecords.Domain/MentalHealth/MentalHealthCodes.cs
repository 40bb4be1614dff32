using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.MentalHealth;

// The code tables of 重性精神疾病患者个人信息补充表 (004 重性精神疾病患者管理服务规范 附件1) and 随访服务记录表 (附件2).
// Values are the forms' own numbers. 1 无 2 有____ (实验室检查, 药物不良反应) is Examinations.NoYes and 1 规律 2 间断
// 3 不服药 (服药依从性) is Chronic.MedicationAdherence: the same tables with the same labels.

/// <summary>知情同意 (附件1): 1 同意参加管理 0 不同意参加管理. Without consent the patient is registered, not managed.</summary>
public enum InformedConsent
{
    [Label("不同意参加管理")] Refused = 0,
    [Label("同意参加管理")] Agreed = 1,
}

/// <summary>既往主要症状 (附件1) and 目前症状 (附件2): several may be ticked; 12 其他 is written out.</summary>
public enum MentalSymptom
{
    [Label("幻觉")] Hallucination = 1,
    [Label("交流困难")] CommunicationDifficulty = 2,
    [Label("猜疑")] Suspicion = 3,
    [Label("喜怒无常")] MoodSwings = 4,
    [Label("行为怪异")] BizarreBehaviour = 5,
    [Label("兴奋话多")] ExcitedTalkative = 6,
    [Label("伤人毁物")] Violence = 7,
    [Label("悲观厌世")] Pessimism = 8,
    [Label("无故外走")] Wandering = 9,
    [Label("自语自笑")] TalkingLaughingAlone = 10,
    [Label("孤僻懒散")] WithdrawnIdle = 11,
    [Label("其他"), Blank] Other = 12,
}

/// <summary>既往治疗情况 门诊 (附件1).</summary>
public enum OutpatientTreatment
{
    [Label("未治")] Untreated = 1,
    [Label("间断门诊治疗")] Intermittent = 2,
    [Label("连续门诊治疗")] Continuous = 3,
}

/// <summary>最近一次治疗效果 (附件1) and 治疗效果 (附件2).</summary>
public enum TreatmentEffect
{
    [Label("痊愈")] Recovered = 1,
    [Label("好转")] Improved = 2,
    [Label("无变化")] Unchanged = 3,
    [Label("加重")] Worse = 4,
}

/// <summary>
/// 患病对家庭社会的影响 (附件1, 附件2): each kind with its count (<see cref="SocialImpactCounts"/>); 6 无 when every
/// count is 0. 附件1 填表说明 8 defines 轻度滋事 (公安机关出警但仅作一般教育), 肇事 (触犯《治安管理处罚法》未触犯《刑法》)
/// and 肇祸 (触犯《刑法》).
/// </summary>
public enum SocialImpactKind
{
    [Label("轻度滋事")] MinorDisturbance = 1,
    [Label("肇事")] Offence = 2,
    [Label("肇祸")] Crime = 3,
    [Label("自伤")] SelfInjury = 4,
    [Label("自杀未遂")] SuicideAttempt = 5,
    [Label("无")] None = 6,
}

/// <summary>关锁情况 (附件1, 附件2): 关锁 is restraint for a non-medical purpose (绳索、铁链、铁笼等, 附件1 填表说明 9).</summary>
public enum Confinement
{
    [Label("无关锁")] None = 1,
    [Label("关锁")] Confined = 2,
    [Label("关锁已解除")] Released = 3,
}

/// <summary>经济状况 (附件1): 贫困 means 低保户 (填表说明 10).</summary>
public enum EconomicStatus
{
    [Label("贫困，在当地贫困线标准以下")] Poor = 1,
    [Label("非贫困")] NotPoor = 2,
    [Label("不详")] Unknown = 3,
}

/// <summary>危险性 (附件2): 0–5 级; the definitions of 004 二(二) are in <see cref="RiskLevels.Definition"/>.</summary>
public enum RiskLevel
{
    [Label("0级")] Level0 = 0,
    [Label("1级")] Level1 = 1,
    [Label("2级")] Level2 = 2,
    [Label("3级")] Level3 = 3,
    [Label("4级")] Level4 = 4,
    [Label("5级")] Level5 = 5,
}

/// <summary>自知力 (附件2); the definitions of 填表说明 2 are in <see cref="RiskLevels.InsightDefinition"/>.</summary>
public enum Insight
{
    [Label("自知力完全")] Complete = 1,
    [Label("自知力不全")] Partial = 2,
    [Label("自知力缺失")] Absent = 3,
}

/// <summary>睡眠情况, 饮食情况 and the social-function items (附件2): 1 良好 2 一般 3 较差.</summary>
public enum GoodFairPoor
{
    [Label("良好")] Good = 1,
    [Label("一般")] Fair = 2,
    [Label("较差")] Poor = 3,
}

/// <summary>社会功能情况 生产劳动及工作 (附件2): 1 良好 2 一般 3 较差 9 此项不适用.</summary>
public enum WorkFunction
{
    [Label("良好")] Good = 1,
    [Label("一般")] Fair = 2,
    [Label("较差")] Poor = 3,
    [Label("此项不适用")] NotApplicable = 9,
}

/// <summary>住院情况 (附件2): 0 从未住院 1 目前正在住院 2 既往住院，现未住院 (with 末次出院时间).</summary>
public enum Hospitalisation
{
    [Label("从未住院")] Never = 0,
    [Label("目前正在住院")] InHospital = 1,
    [Label("既往住院，现未住院")] Previously = 2,
}

/// <summary>是否转诊 (附件2): 1 否 2 是 (with 转诊原因 and 转诊至机构及科室).</summary>
public enum ReferralChoice
{
    [Label("否")] No = 1,
    [Label("是")] Yes = 2,
}

/// <summary>
/// 用药情况 用法 "每日(月) 次" (附件2): per day, or per month for a long-acting injection. The form prints no numbers here;
/// 1 and 2 are this system's.
/// </summary>
public enum DosePeriod
{
    [Label("每日")] Day = 1,
    [Label("每月")] Month = 2,
}

/// <summary>康复措施 (附件2): several may be ticked (填表说明 10); 5 其他 is written out.</summary>
public enum RehabilitationMeasure
{
    [Label("生活劳动能力")] DailyLiving = 1,
    [Label("职业训练")] Vocational = 2,
    [Label("学习能力")] Learning = 3,
    [Label("社会交往")] SocialContact = 4,
    [Label("其他"), Blank] Other = 5,
}

/// <summary>
/// 本次随访分类 (附件2): 1 不稳定 2 基本稳定 3 稳定 0 未访到 (未能直接或间接访问到患者, 填表说明 7). The rules of 004 二(三)
/// suggest the first three (<see cref="MentalHealthRules.SuggestCondition"/>).
/// </summary>
public enum Condition
{
    [Label("未访到")] NotVisited = 0,
    [Label("不稳定")] Unstable = 1,
    [Label("基本稳定")] BasicallyStable = 2,
    [Label("稳定")] Stable = 3,
}

// What the classification rules of 004 二(三) read that the paper form has no box for. The doctor states them at the
// visit; the numbers are this system's.

/// <summary>精神症状 as 004 二(三) grades them: 基本消失 (稳定), 存在 (较差: 基本稳定), 明显 (不稳定).</summary>
public enum SymptomSeverity
{
    [Label("基本消失")] Gone = 1,
    [Label("存在，不明显")] Present = 2,
    [Label("精神病症状明显")] Marked = 3,
}

/// <summary>How serious the adverse drug reaction is (004 二(三): 急性 → 不稳定; 严重 → not 稳定; 轻微 → neither).</summary>
public enum AdverseReactionSeverity
{
    [Label("轻微")] Mild = 1,
    [Label("严重")] Serious = 2,
    [Label("急性药物不良反应")] Acute = 3,
}

/// <summary>躯体疾病 as 004 二(三) reads it: 严重躯体疾病 → 不稳定; 躯体症状恶化 → not 稳定 (二(三)2 treats its cause).</summary>
public enum PhysicalIllness
{
    [Label("无躯体疾病或躯体疾病稳定")] NoneOrStable = 1,
    [Label("躯体症状恶化")] Worsening = 2,
    [Label("严重躯体疾病")] Serious = 3,
}

/// <summary>What the rules of 004 二(三) ask the doctor to do after a follow-up.</summary>
public enum MentalHealthAction
{
    /// <summary>004 二(三)1.</summary>
    [Label("对症处理后立即转诊到上级医院")] ReferAtOnce = 1,
    /// <summary>004 二(三)1.</summary>
    [Label("必要时报告当地公安部门，协助送院治疗")] ReportToPoliceIfNeeded = 2,
    /// <summary>Issue #19 ("police or guardian contact where needed"); the guardian is on 附件1.</summary>
    [Label("联系监护人")] ContactGuardian = 3,
    /// <summary>004 二(三)1, for a patient not in hospital.</summary>
    [Label("在精神专科医师、居委会人员、民警的共同协助下，2周内随访")] JointFollowUpWithinTwoWeeks = 4,
    /// <summary>004 二(三)2, a first 基本稳定.</summary>
    [Label("判断是病情波动或药物疗效不佳，还是伴有药物不良反应或躯体症状恶化；在规定剂量范围内调整现用药物剂量或查找原因对症治疗，必要时与患者原主管医生联系或在精神专科医师指导下治疗；初步处理后观察2周")]
    AdjustAndObserve = 5,
    /// <summary>004 二(三)2, after the 2 weeks' observation, not settled.</summary>
    [Label("初步处理无效，建议转诊到上级医院，2周内随访转诊情况")] ReferAndFollowUpWithinTwoWeeks = 6,
    /// <summary>004 二(三)2, after the 2 weeks' observation, settled.</summary>
    [Label("情况趋于稳定，维持目前治疗方案，3个月时随访")] MaintainTreatment = 7,
    /// <summary>004 二(三)3.</summary>
    [Label("继续执行上级医院制定的治疗方案，3个月时随访")] ContinueTreatment = 8,
    /// <summary>004 二(三)4, at every visit.</summary>
    [Label("对患者及家属进行有针对性的健康教育和生活技能训练等康复指导，对家属提供心理支持和帮助")] RehabilitationGuidance = 9,
}

/// <summary>The definitions printed beside the risk levels and the insight options.</summary>
public static class RiskLevels
{
    private static readonly IReadOnlyDictionary<RiskLevel, string> Definitions = new Dictionary<RiskLevel, string>
    {
        // 004 重性精神疾病 二(二): 危险性评估分为6级
        [RiskLevel.Level0] = "无符合以下1~5级中的任何行为",
        [RiskLevel.Level1] = "口头威胁，喊叫，但没有打砸行为",
        [RiskLevel.Level2] = "打砸行为，局限在家里，针对财物。能被劝说制止",
        [RiskLevel.Level3] = "明显打砸行为，不分场合，针对财物；不能接受劝说而停止",
        [RiskLevel.Level4] = "持续的打砸行为，不分场合，针对财物或人，不能接受劝说而停止。包括自伤、自杀",
        [RiskLevel.Level5] = "持管制性危险武器的针对人的任何暴力行为，或者纵火、爆炸等行为，无论在家里还是公共场合",
    };

    private static readonly IReadOnlyDictionary<Insight, string> InsightDefinitions = new Dictionary<Insight, string>
    {
        // 004 重性精神疾病 附件2 填表说明 2
        [Insight.Complete] = "患者精神症状消失，真正认识到自己有病，能透彻认识到哪些是病态表现，并认为需要治疗",
        [Insight.Partial] = "患者承认有病，但缺乏正确认识和分析自己病态表现的能力",
        [Insight.Absent] = "患者否认自己有病",
    };

    /// <summary>The specification's definition of a risk level, shown beside the choice.</summary>
    public static string Definition(RiskLevel level) =>
        Definitions.TryGetValue(level, out var d) ? d : throw new ArgumentOutOfRangeException(nameof(level), level, "危险性只有0–5级");

    /// <summary>The form's definition of an insight option, shown beside the choice.</summary>
    public static string InsightDefinition(Insight insight) =>
        InsightDefinitions.TryGetValue(insight, out var d) ? d : throw new ArgumentOutOfRangeException(nameof(insight), insight, null);
}
