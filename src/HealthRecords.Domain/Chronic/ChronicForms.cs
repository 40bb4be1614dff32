namespace HealthRecords.Domain.Chronic;

/// <summary>A "now / target" pair: 斜线前填写目前情况，斜线后填写下次随访时应调整到的目标 (004 附件 填表说明 2, 3).</summary>
public sealed record NowTarget<T>(T? Now, T? Target) where T : struct;

/// <summary>运动: ××次/周, ××分钟/次, now (横线上) and target (横线下).</summary>
public sealed record Exercise(int? TimesPerWeek, int? MinutesPerTime);

/// <summary>The four lifestyle lines the two forms share (日吸烟量 支, 日饮酒量 两, 运动).</summary>
public sealed record Lifestyle
{
    public NowTarget<int> CigarettesPerDay { get; init; } = new(null, null);
    /// <summary>日饮酒量 in 两 of 白酒 (白酒1两相当于葡萄酒4两，黄酒半斤，啤酒1瓶，果酒4两).</summary>
    public NowTarget<decimal> AlcoholLiangPerDay { get; init; } = new(null, null);
    public Exercise? ExerciseNow { get; init; }
    public Exercise? ExerciseTarget { get; init; }
    public Rating? PsychologicalAdjustment { get; init; }
    /// <summary>遵医行为: does the patient follow the lifestyle advice.</summary>
    public Rating? Compliance { get; init; }
}

/// <summary>体征 shared by both forms: 血压, 体重 now/target, 体质指数 now/target, and 其他.</summary>
public sealed record Signs
{
    public int? Systolic { get; init; }
    public int? Diastolic { get; init; }
    public NowTarget<decimal> WeightKg { get; init; } = new(null, null);
    public NowTarget<decimal> Bmi { get; init; } = new(null, null);
    /// <summary>心率 (次/分钟): on the hypertension form; asked for diabetes danger signs (持续性心动过速).</summary>
    public int? HeartRate { get; init; }
    public string? Other { get; init; }
}

/// <summary>The paper forms' layout where the two differ.</summary>
public static class ChronicForms
{
    /// <summary>
    /// 用药情况 lines of the paper form: 高血压患者随访服务记录表 has 药物名称 1–3 and 其他药物 (4); 2型糖尿病患者随访服务记录表 has
    /// 药物名称 1–3 and 胰岛素 (3 drug lines), so a 4th diabetes line could never be printed (issue #15 item 8).
    /// </summary>
    public static int MedicationRows(ChronicDisease disease) => disease == ChronicDisease.Diabetes ? 3 : 4;
}

/// <summary>用药情况: one drug line, 每日 次 每次 mg.</summary>
public sealed record Medication(string Name, int? TimesPerDay, decimal? MgPerTime);

/// <summary>转诊: 原因 and 机构及科别 (e.g. ××市人民医院心内科).</summary>
public sealed record Referral(string? Reason, string? InstitutionAndDepartment);

/// <summary>
/// What the doctor observes at the visit that the form has no box for but the specification's danger signs need
/// (004 高血压 二(二)(1), 糖尿病 二(二)(1)): the listed acute symptoms, pregnancy or lactation, temperature,
/// and a condition the clinic cannot handle.
/// </summary>
public sealed record DangerObservations
{
    public IReadOnlyList<DangerSymptom> Symptoms { get; init; } = [];
    public bool PregnantOrLactating { get; init; }
    public decimal? TemperatureC { get; init; }
    /// <summary>存在不能处理的其他疾病.</summary>
    public bool OtherUnmanageableCondition { get; init; }
    /// <summary>
    /// 其他的突发异常情况 (004 糖尿病 二(二)(1): "体温超过 39 摄氏度或有其他的突发异常情况, 如视力突然骤降、妊娠期及哺乳期血糖高于正常等"),
    /// in the doctor's words; anything written is a danger sign of diabetes.
    /// </summary>
    public string? OtherSuddenAbnormality { get; init; }
}
