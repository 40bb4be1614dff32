using HealthRecords.Domain.Chronic;

namespace HealthRecords.Domain.Hypertension;

/// <summary>症状 of 高血压患者随访服务记录表 (004 附件), 1 无症状 … 9 下肢水肿; several may be ticked, with 其他 in words.</summary>
public enum HypertensionSymptom
{
    [Label("无症状")] None = 1,
    [Label("头痛头晕")] HeadacheDizziness = 2,
    [Label("恶心呕吐")] NauseaVomiting = 3,
    [Label("眼花耳鸣")] BlurredVisionTinnitus = 4,
    [Label("呼吸困难")] Dyspnoea = 5,
    [Label("心悸胸闷")] PalpitationChestTightness = 6,
    [Label("鼻衄出血不止")] Epistaxis = 7,
    [Label("四肢发麻")] LimbNumbness = 8,
    [Label("下肢水肿")] LegOedema = 9,
}

/// <summary>
/// 高血压患者随访服务记录表 (004 高血压患者健康管理服务规范 附件), one column of the paper form: every field.
/// <see cref="Danger"/>, <see cref="AdverseReactionHardToControl"/> and <see cref="NewOrWorseComplication"/> record what
/// the specification's decisions ask (二(二)(1), 三) where the paper has no box.
/// </summary>
public sealed record HypertensionFollowUp
{
    public DateOnly VisitDate { get; init; }
    public VisitMode? VisitMode { get; init; }
    public IReadOnlyList<HypertensionSymptom> Symptoms { get; init; } = [];
    public string? SymptomOther { get; init; }
    public Signs Signs { get; init; } = new();
    public Lifestyle Lifestyle { get; init; } = new();
    /// <summary>摄盐情况 (咸淡) now / target.</summary>
    public NowTarget<SaltIntake> SaltIntake { get; init; } = new(null, null);
    public DangerObservations Danger { get; init; } = new();
    /// <summary>辅助检查: results from other institutions since the last visit (填表说明 4).</summary>
    public string? AuxiliaryTests { get; init; }
    public MedicationAdherence? Adherence { get; init; }
    public AdverseReaction? AdverseReaction { get; init; }
    /// <summary>Which drug and what reaction (填表说明 6).</summary>
    public string? AdverseReactionDetail { get; init; }
    public bool AdverseReactionHardToControl { get; init; }
    /// <summary>出现新的并发症或原有并发症加重.</summary>
    public bool NewOrWorseComplication { get; init; }
    /// <summary>此次随访分类 as the doctor decided it (the system's suggestion is stored beside it by the host).</summary>
    public VisitClassification? Classification { get; init; }
    /// <summary>药物名称 1–3 and 其他药物, each with 每日 次 每次 mg.</summary>
    public IReadOnlyList<Medication> Medications { get; init; } = [];
    public Referral Referral { get; init; } = new(null, null);
    public DateOnly? NextVisitDate { get; init; }
    /// <summary>随访医生签名.</summary>
    public string? Doctor { get; init; }

    /// <summary>The fields a combined visit enters once (001 六(九)): date, mode, signs, lifestyle, danger observations, doctor.</summary>
    public HypertensionFollowUp WithShared(SharedVisit shared) => this with
    {
        VisitDate = shared.VisitDate, VisitMode = shared.VisitMode, Signs = shared.Signs, Lifestyle = shared.Lifestyle,
        Danger = shared.Danger, Doctor = shared.Doctor,
    };
}
