using HealthRecords.Domain.Chronic;

namespace HealthRecords.Domain.Hypertension;

/// <summary>The decision rules of 004 高血压患者健康管理服务规范, each one function.</summary>
public static class HypertensionRules
{
    // 004 高血压 二(三)(1): 血压控制满意 = 收缩压 < 140 且 舒张压 < 90 mmHg
    public static bool? IsControlled(int? systolic, int? diastolic) =>
        systolic is int s && diastolic is int d ? s < 140 && d < 90 : null;

    // 004 高血压 二(一)2: 收缩压 ≥ 140 和（或）舒张压 ≥ 90 mmHg is raised (高于正常)
    public static bool IsRaised(int systolic, int diastolic) => systolic >= 140 || diastolic >= 90;

    /// <summary>004 高血压 二(二)(1): the danger signs (危急情况) present, in Chinese; empty when none.</summary>
    public static IReadOnlyList<string> DangerSigns(int? systolic, int? diastolic, DangerObservations danger)
    {
        var signs = new List<string>();
        // 004 高血压 二(二)(1): 收缩压 ≥ 180 和（或）舒张压 ≥ 110 mmHg
        signs.AddRange(ChronicRules.BloodPressureDangerSigns(systolic, diastolic));
        // 004 高血压 二(二)(1): 意识改变、剧烈头痛或头晕、恶心呕吐、视力模糊、眼痛、心悸、胸闷、喘憋不能平卧
        signs.AddRange(danger.Symptoms.Where(DangerSymptoms.Hypertension.Contains).Distinct().Select(s => s.Label()));
        // 004 高血压 二(二)(1): 处于妊娠期或哺乳期同时血压高于正常
        if (danger.PregnantOrLactating && systolic is int s && diastolic is int d && IsRaised(s, d))
        {
            signs.Add("妊娠期或哺乳期血压高于正常");
        }
        // 004 高血压 二(二)(1): 存在不能处理的其他疾病
        if (danger.OtherUnmanageableCondition)
        {
            signs.Add("存在不能处理的其他疾病");
        }
        return signs;
    }

    /// <summary>The facts of a hypertension visit for <see cref="ChronicRules.Decide"/>.</summary>
    public static VisitFacts Facts(HypertensionFollowUp f, bool? previousControlled) => new(
        f.VisitDate,
        IsControlled(f.Signs.Systolic, f.Signs.Diastolic),
        previousControlled,
        f.AdverseReaction == AdverseReaction.Present,
        f.AdverseReactionHardToControl,
        f.NewOrWorseComplication,
        DangerSigns(f.Signs.Systolic, f.Signs.Diastolic, f.Danger));

    public static FollowUpDecision Decide(HypertensionFollowUp f, bool? previousControlled) =>
        ChronicRules.Decide(Facts(f, previousControlled));
}
