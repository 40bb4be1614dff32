using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Tuberculosis;

/// <summary>用药 (both forms): 化疗方案, 用法, 药品剂型.</summary>
public sealed record TbMedication
{
    /// <summary>化疗方案, e.g. "2HRZE/4HR" (<see cref="Regimens.Parse"/>).</summary>
    public string? Regimen { get; init; }
    /// <summary>用法 1 每日 2 间歇.</summary>
    public DosingSchedule? Usage { get; init; }
    /// <summary>药品剂型 (several).</summary>
    public IReadOnlyList<DrugForm> DrugForms { get; init; } = [];
}

/// <summary>健康教育及培训 (第一次入户随访记录表): 取药地点、时间, and nine topics each 1 掌握 2 未掌握.</summary>
public sealed record TbHealthEducation
{
    /// <summary>取药地点.</summary>
    public string? PickupPlace { get; init; }
    /// <summary>取药时间.</summary>
    public DateOnly? PickupDate { get; init; }
    /// <summary>服药记录卡的填写.</summary>
    public Mastery? MedicationCard { get; init; }
    /// <summary>服药方法及药品存放.</summary>
    public Mastery? MethodAndStorage { get; init; }
    /// <summary>肺结核治疗疗程.</summary>
    public Mastery? CourseOfTreatment { get; init; }
    /// <summary>不规律服药危害.</summary>
    public Mastery? IrregularMedicationHarm { get; init; }
    /// <summary>服药后不良反应及处理.</summary>
    public Mastery? AdverseReactions { get; init; }
    /// <summary>治疗期间复诊查痰.</summary>
    public Mastery? SputumRechecks { get; init; }
    /// <summary>外出期间如何坚持服药.</summary>
    public Mastery? MedicationWhileAway { get; init; }
    /// <summary>生活习惯及注意事项.</summary>
    public Mastery? HabitsAndPrecautions { get; init; }
    /// <summary>密切接触者检查.</summary>
    public Mastery? CloseContactScreening { get; init; }

    /// <summary>The nine topics with their camelCase keys and Chinese names, in the form's order.</summary>
    public IEnumerable<(string Key, string Name, Mastery? Answer)> Topics()
    {
        yield return ("medicationCard", "服药记录卡的填写", MedicationCard);
        yield return ("methodAndStorage", "服药方法及药品存放", MethodAndStorage);
        yield return ("courseOfTreatment", "肺结核治疗疗程", CourseOfTreatment);
        yield return ("irregularMedicationHarm", "不规律服药危害", IrregularMedicationHarm);
        yield return ("adverseReactions", "服药后不良反应及处理", AdverseReactions);
        yield return ("sputumRechecks", "治疗期间复诊查痰", SputumRechecks);
        yield return ("medicationWhileAway", "外出期间如何坚持服药", MedicationWhileAway);
        yield return ("habitsAndPrecautions", "生活习惯及注意事项", HabitsAndPrecautions);
        yield return ("closeContactScreening", "密切接触者检查", CloseContactScreening);
    }
}

/// <summary>
/// 肺结核患者第一次入户随访记录表 (第三版 肺结核患者健康管理服务规范 附件), within 72 hours of the notification: every field,
/// and the reason when the visit came later (二(二): the reason is recorded; the form has no box for it).
/// </summary>
public sealed record TuberculosisFirstVisit
{
    /// <summary>随访时间.</summary>
    public DateOnly VisitDate { get; init; }
    /// <summary>随访方式 1 门诊 2 家庭.</summary>
    public VisitMode? VisitMode { get; init; }
    public PatientType? PatientType { get; init; }
    /// <summary>痰菌情况.</summary>
    public SputumResult? Sputum { get; init; }
    /// <summary>耐药情况.</summary>
    public DrugResistance? Resistance { get; init; }
    /// <summary>症状及体征.</summary>
    public IReadOnlyList<TbSymptom> Symptoms { get; init; } = [];
    public string? SymptomOther { get; init; }
    public TbMedication Medication { get; init; } = new();
    /// <summary>督导人员选择.</summary>
    public SupervisorType? Supervisor { get; init; }
    public string? SupervisorOther { get; init; }
    /// <summary>家庭居住环境评估 单独的居室.</summary>
    public SeparateRoom? SeparateRoom { get; init; }
    /// <summary>家庭居住环境评估 通风情况 1 良好 2 一般 3 差.</summary>
    public Rating? Ventilation { get; init; }
    /// <summary>生活方式评估 吸烟 __/__ 支/天 (now / target).</summary>
    public NowTarget<int> CigarettesPerDay { get; init; } = new(null, null);
    /// <summary>生活方式评估 饮酒 __/__ 两/天 (now / target).</summary>
    public NowTarget<decimal> AlcoholLiangPerDay { get; init; } = new(null, null);
    public TbHealthEducation Education { get; init; } = new();
    /// <summary>下次随访时间.</summary>
    public DateOnly? NextVisitDate { get; init; }
    /// <summary>评估医生签名.</summary>
    public string? Doctor { get; init; }
    /// <summary>Why the visit was not within 72 hours of the notification.</summary>
    public string? LateReason { get; init; }
}

/// <summary>转诊 (随访服务记录表): 科别, 原因, and "2周内随访，随访结果".</summary>
public sealed record TbReferral(string? Department, string? Reason, string? FollowUpResult);

/// <summary>停止治疗及原因 (随访服务记录表): 出现停止治疗时间 and 停止治疗原因.</summary>
public sealed record TreatmentStop(DateOnly? StoppedOn, StopReason? Reason);

/// <summary>
/// 全程管理情况 (随访服务记录表, 结案评估): 应访视患者 __ 次, 实际访视 __ 次, 应服药 __ 次, 实际服药 __ 次, 服药率, 评估医生签名.
/// <see cref="TuberculosisRules.Closing"/> computes the counts from the card and the visits.
/// </summary>
public sealed record ClosingAssessment(int? VisitsDue, int? VisitsMade, int? DosesDue, int? DosesTaken, string? AssessingDoctor = null)
{
    /// <summary>服药率 = 实际服药次数 / 应服药次数, or null when a count is missing or nothing was due.</summary>
    public decimal? MedicationRate => TuberculosisRules.MedicationRate(DosesTaken, DosesDue);

    /// <summary>规则服药: at least 90 % of the doses due (third-edition.md §3).</summary>
    public bool Regular => DosesTaken is int taken && DosesDue is int due && TuberculosisRules.IsRegular(taken, due);
}

/// <summary>
/// 肺结核患者随访服务记录表 (第三版 肺结核患者健康管理服务规范 附件), one visit: every field, with the closing section
/// (停止治疗及原因, 全程管理情况) filled at the last one.
/// </summary>
public sealed record TuberculosisFollowUp
{
    /// <summary>随访时间.</summary>
    public DateOnly VisitDate { get; init; }
    /// <summary>治疗月序 第 __ 月 (<see cref="TreatmentCourse.TreatmentMonth"/>).</summary>
    public int? TreatmentMonth { get; init; }
    /// <summary>督导人员.</summary>
    public SupervisorType? Supervisor { get; init; }
    public string? SupervisorOther { get; init; }
    /// <summary>随访方式 1 门诊 2 家庭 3 电话.</summary>
    public VisitMode? VisitMode { get; init; }
    /// <summary>症状及体征.</summary>
    public IReadOnlyList<TbSymptom> Symptoms { get; init; } = [];
    public string? SymptomOther { get; init; }
    /// <summary>生活方式指导 吸烟 __/__ 支/天.</summary>
    public NowTarget<int> CigarettesPerDay { get; init; } = new(null, null);
    /// <summary>生活方式指导 饮酒 __/__ 两/天.</summary>
    public NowTarget<decimal> AlcoholLiangPerDay { get; init; } = new(null, null);
    public TbMedication Medication { get; init; } = new();
    /// <summary>漏服药次数 since the last visit (pre-filled from the card: <see cref="TuberculosisRules.MissedDoseDays"/>).</summary>
    public int? MissedDoses { get; init; }
    /// <summary>药物不良反应 1 无 2 有.</summary>
    public NoYes? AdverseReaction { get; init; }
    public string? AdverseReactionDetail { get; init; }
    /// <summary>并发症或合并症 1 无 2 有.</summary>
    public NoYes? Complication { get; init; }
    public string? ComplicationDetail { get; init; }
    public TbReferral Referral { get; init; } = new(null, null, null);
    /// <summary>处理意见.</summary>
    public string? Opinion { get; init; }
    /// <summary>下次随访时间.</summary>
    public DateOnly? NextVisitDate { get; init; }
    /// <summary>随访医生签名.</summary>
    public string? Doctor { get; init; }
    /// <summary>The patient came for the sputum examinations due (third-edition.md §3; no box on the printed form).</summary>
    public bool? SputumExaminationAttended { get; init; }
    /// <summary>停止治疗及原因, at the last visit.</summary>
    public TreatmentStop? Stop { get; init; }
    /// <summary>全程管理情况, at the last visit.</summary>
    public ClosingAssessment? Closing { get; init; }
}

/// <summary>
/// 肺结核患者服药卡 header: 治疗开始时间, 化疗方案, 用法, 药品剂型, 督导人员. The doses observed are rows of their own
/// (<see cref="ObservedDose"/>), one per patient and day.
/// </summary>
public sealed record MedicationCard
{
    public DateOnly TreatmentStart { get; init; }
    public TbMedication Medication { get; init; } = new();
    public SupervisorType? Supervisor { get; init; }

    /// <summary>The course the card describes, or null when its regimen cannot be read.</summary>
    public TreatmentCourse? Course => TreatmentCourse.From(TreatmentStart, Medication.Regimen, Medication.Usage);
}

/// <summary>One dose taken under the supervisor's eyes, ticked on the card (at most one a day).</summary>
public sealed record ObservedDose(DateOnly Date, string? ObservedBy = null);

/// <summary>
/// A resident with suspected tuberculosis referred to the designated hospital (第三版 肺结核 二(一) 筛查及推介转诊): the
/// symptoms that made them suspected, where to, and the follow-up result.
/// </summary>
public sealed record SuspectReferral
{
    public DateOnly ReferredOn { get; init; }
    /// <summary>How many days the cough has lasted.</summary>
    public int? CoughDays { get; init; }
    /// <summary>How many days sputum has been produced.</summary>
    public int? SputumDays { get; init; }
    /// <summary>咯血或血痰.</summary>
    public bool BloodInSputum { get; init; }
    /// <summary>发热、盗汗、胸痛或不明原因消瘦, judged tuberculous after a differential diagnosis (在鉴别诊断的基础上).</summary>
    public bool OtherSuspiciousSymptoms { get; init; }
    /// <summary>The designated hospital (结核病定点医疗机构).</summary>
    public string? ReferredTo { get; init; }
    /// <summary>The follow-up: did they go, what was found.</summary>
    public DateOnly? FollowedUpOn { get; init; }
    public string? FollowUpResult { get; init; }
}
