using HealthRecords.Domain.Chronic;

namespace HealthRecords.Domain.Diabetes;

/// <summary>症状 of 2型糖尿病患者随访服务记录表 (004 附件), 1 无症状 … 9 体重明显下降.</summary>
public enum DiabetesSymptom
{
    [Label("无症状")] None = 1,
    [Label("多饮")] Polydipsia = 2,
    [Label("多食")] Polyphagia = 3,
    [Label("多尿")] Polyuria = 4,
    [Label("视力模糊")] BlurredVision = 5,
    [Label("感染")] Infection = 6,
    [Label("手脚麻木")] LimbNumbness = 7,
    [Label("下肢浮肿")] LegOedema = 8,
    [Label("体重明显下降")] MarkedWeightLoss = 9,
}

/// <summary>足背动脉搏动: 1 未触及 2 触及 (糖尿病患者必须进行此项检查).</summary>
public enum DorsalisPedisPulse
{
    [Label("未触及")] NotPalpable = 1,
    [Label("触及")] Palpable = 2,
}

/// <summary>低血糖反应.</summary>
public enum Hypoglycaemia
{
    [Label("无")] None = 1,
    [Label("偶尔")] Occasional = 2,
    [Label("频繁")] Frequent = 3,
}

/// <summary>胰岛素: 种类 and 用法和用量.</summary>
public sealed record Insulin(string? Kind, string? Usage);

/// <summary>
/// 2型糖尿病患者随访服务记录表 (004 2型糖尿病患者健康管理服务规范 附件), one column of the paper form: every field.
/// </summary>
public sealed record DiabetesFollowUp
{
    public DateOnly VisitDate { get; init; }
    public VisitMode? VisitMode { get; init; }
    public IReadOnlyList<DiabetesSymptom> Symptoms { get; init; } = [];
    public string? SymptomOther { get; init; }
    /// <summary>血压, 体重, 体质指数 and 其他; 心率 is kept for the danger sign 持续性心动过速.</summary>
    public Signs Signs { get; init; } = new();
    public DorsalisPedisPulse? DorsalisPedisPulse { get; init; }
    public Lifestyle Lifestyle { get; init; } = new();
    /// <summary>主食 (克/天) now / target.</summary>
    public NowTarget<int> StapleFoodGramsPerDay { get; init; } = new(null, null);
    public DangerObservations Danger { get; init; } = new();
    /// <summary>空腹血糖值 mmol/L (four free tests a year, 二(二)).</summary>
    public decimal? FastingGlucose { get; init; }
    /// <summary>
    /// 随机血糖 mmol/L, when the patient was not fasting: not on the paper form, read only for the danger sign
    /// "血糖 ≥ 16.7 或 ≤ 3.9 mmol/L" of 004 糖尿病 二(二)(1), which names 血糖, not 空腹血糖 (issue #15 item 9).
    /// </summary>
    public decimal? RandomGlucose { get; init; }
    /// <summary>其他检查: 糖化血红蛋白 % and its date, and other results.</summary>
    public decimal? HbA1c { get; init; }
    public DateOnly? HbA1cDate { get; init; }
    public string? OtherTests { get; init; }
    public MedicationAdherence? Adherence { get; init; }
    public AdverseReaction? AdverseReaction { get; init; }
    public string? AdverseReactionDetail { get; init; }
    public bool AdverseReactionHardToControl { get; init; }
    public Hypoglycaemia? Hypoglycaemia { get; init; }
    public bool NewOrWorseComplication { get; init; }
    public VisitClassification? Classification { get; init; }
    public IReadOnlyList<Medication> Medications { get; init; } = [];
    public Insulin Insulin { get; init; } = new(null, null);
    public Referral Referral { get; init; } = new(null, null);
    public DateOnly? NextVisitDate { get; init; }
    public string? Doctor { get; init; }

    /// <summary>The fields a combined visit enters once (001 六(九)).</summary>
    public DiabetesFollowUp WithShared(SharedVisit shared) => this with
    {
        VisitDate = shared.VisitDate, VisitMode = shared.VisitMode, Signs = shared.Signs, Lifestyle = shared.Lifestyle,
        Danger = shared.Danger, Doctor = shared.Doctor,
    };
}
