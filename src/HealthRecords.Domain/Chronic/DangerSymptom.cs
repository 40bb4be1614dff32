namespace HealthRecords.Domain.Chronic;

/// <summary>
/// The acute symptoms the specification lists as danger signs (危急情况). Numbers are ours (the lists are prose, not
/// a numbered table); 1–8 from 004 高血压 二(二)(1), 20–33 from 2型糖尿病 二(二)(1).
/// </summary>
public enum DangerSymptom
{
    [Label("意识改变")] ConsciousnessChange = 1,
    [Label("剧烈头痛或头晕")] SevereHeadacheOrDizziness = 2,
    [Label("恶心呕吐")] NauseaVomiting = 3,
    [Label("视力模糊、眼痛")] BlurredVisionEyePain = 4,
    [Label("心悸")] Palpitation = 5,
    [Label("胸闷")] ChestTightness = 6,
    [Label("喘憋不能平卧")] OrthopnoeaDyspnoea = 7,

    [Label("意识或行为改变")] ConsciousnessOrBehaviourChange = 20,
    [Label("呼气有烂苹果样丙酮味")] AcetoneBreath = 21,
    [Label("心悸、出汗")] PalpitationSweating = 22,
    [Label("食欲减退")] LossOfAppetite = 23,
    [Label("恶心、呕吐")] NauseaOrVomiting = 24,
    [Label("多饮、多尿")] PolydipsiaPolyuria = 25,
    [Label("腹痛")] AbdominalPain = 26,
    [Label("深大呼吸")] KussmaulBreathing = 27,
    [Label("皮肤潮红")] FlushedSkin = 28,
    [Label("视力突然骤降")] SuddenVisionLoss = 29,
}

public static class DangerSymptoms
{
    /// <summary>004 高血压 二(二)(1).</summary>
    public static readonly IReadOnlyList<DangerSymptom> Hypertension =
    [
        DangerSymptom.ConsciousnessChange, DangerSymptom.SevereHeadacheOrDizziness, DangerSymptom.NauseaVomiting,
        DangerSymptom.BlurredVisionEyePain, DangerSymptom.Palpitation, DangerSymptom.ChestTightness, DangerSymptom.OrthopnoeaDyspnoea,
    ];

    /// <summary>004 2型糖尿病 二(二)(1).</summary>
    public static readonly IReadOnlyList<DangerSymptom> Diabetes =
    [
        DangerSymptom.ConsciousnessOrBehaviourChange, DangerSymptom.AcetoneBreath, DangerSymptom.PalpitationSweating,
        DangerSymptom.LossOfAppetite, DangerSymptom.NauseaOrVomiting, DangerSymptom.PolydipsiaPolyuria, DangerSymptom.AbdominalPain,
        DangerSymptom.KussmaulBreathing, DangerSymptom.FlushedSkin, DangerSymptom.SuddenVisionLoss,
    ];
}
