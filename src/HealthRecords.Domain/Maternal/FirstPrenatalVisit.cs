using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Maternal;

/// <summary>
/// 第1次产前随访服务记录表 (004 孕产妇健康管理服务规范 附件1), every field in the form's order. Filled at the first contact
/// with the pregnant woman, if possible before 13 weeks (填表说明 1). Computed fields (填表孕周, 孕妇年龄, 体质指数) are never
/// typed: <see cref="PrenatalRules.WithComputed(FirstPrenatalVisit, PregnancyDating, DateOnly)"/> sets them.
/// <see cref="DangerSigns"/> has no box on paper: it records what 004 二(二)3 asks (危急征象).
/// </summary>
public sealed record FirstPrenatalVisit
{
    /// <summary>填表日期.</summary>
    public DateOnly VisitDate { get; init; }
    /// <summary>填表孕周 (填表说明 2): computed from the pregnancy's dating on the visit date.</summary>
    public GestationalAge? GestationalAge { get; init; }
    /// <summary>孕妇年龄: computed from the record's birth date on the visit date.</summary>
    public int? Age { get; init; }

    /// <summary>丈夫姓名.</summary>
    public string? HusbandName { get; init; }
    /// <summary>丈夫年龄.</summary>
    public int? HusbandAge { get; init; }
    /// <summary>丈夫电话.</summary>
    [Sensitive]
    public string? HusbandPhone { get; init; }

    /// <summary>孕次, 产次, 阴道分娩, 剖宫产, 末次月经, 预产期: the episode's facts, shown and edited here.</summary>
    public PregnancyFacts Pregnancy { get; init; } = new();

    /// <summary>既往史 (multi-select; 8 其他 with <see cref="PastIllnessOther"/>).</summary>
    public IReadOnlyList<PastIllness> PastIllnesses { get; init; } = [];
    public string? PastIllnessOther { get; init; }
    /// <summary>家族史 (multi-select); <see cref="FamilyHistoryDetail"/> says what and who (填表说明 8: 若有，请具体说明).</summary>
    public IReadOnlyList<FamilyHistoryItem> FamilyHistory { get; init; } = [];
    public string? FamilyHistoryDetail { get; init; }
    /// <summary>个人史 (multi-select; 6 其他 with <see cref="PersonalHistoryOther"/>).</summary>
    public IReadOnlyList<PersonalHistoryItem> PersonalHistory { get; init; } = [];
    public string? PersonalHistoryOther { get; init; }
    /// <summary>妇科手术史: 1 无 2 有_____.</summary>
    public Finding<NoYes> GynaecologicalSurgery { get; init; } = new();
    /// <summary>孕产史 (填表说明 10: 若有填写次数，若无填写“0”).</summary>
    public ObstetricHistory ObstetricHistory { get; init; } = new();

    /// <summary>身高 cm.</summary>
    public decimal? HeightCm { get; init; }
    /// <summary>体重 kg.</summary>
    public decimal? WeightKg { get; init; }
    /// <summary>体质指数 kg/m² (填表说明 11): computed by <see cref="Bmi.Compute"/>, never typed.</summary>
    public decimal? Bmi { get; init; }
    /// <summary>血压 mmHg.</summary>
    public int? Systolic { get; init; }
    public int? Diastolic { get; init; }

    /// <summary>听诊 心脏.</summary>
    public Finding<CheckResult> Heart { get; init; } = new();
    /// <summary>听诊 肺部.</summary>
    public Finding<CheckResult> Lungs { get; init; } = new();
    /// <summary>妇科检查.</summary>
    public GynaecologicalExam Gynaecology { get; init; } = new();
    /// <summary>辅助检查 (* items where the area can do them).</summary>
    public FirstVisitLabs Labs { get; init; } = new();

    /// <summary>总体评估 (填表说明 13: 若发现异常，具体描述异常情况).</summary>
    public Finding<CheckResult> Assessment { get; init; } = new();
    /// <summary>保健指导 (multi-select; 6 其他 with <see cref="GuidanceOther"/>).</summary>
    public IReadOnlyList<FirstVisitGuidance> Guidance { get; init; } = [];
    public string? GuidanceOther { get; init; }
    /// <summary>转诊 1 无 2 有, 原因, 机构及科室.</summary>
    public VisitReferral Referral { get; init; } = new();
    /// <summary>危急征象 observed (no box on paper; 004 二(二)3).</summary>
    public IReadOnlyList<PrenatalDangerSign> DangerSigns { get; init; } = [];

    /// <summary>下次随访日期 (填表说明 16).</summary>
    public DateOnly? NextVisitDate { get; init; }
    /// <summary>随访医生签名.</summary>
    public string? Doctor { get; init; }
}

/// <summary>孕产史: the number of each earlier outcome (0 when none).</summary>
public sealed record ObstetricHistory
{
    /// <summary>流产 (spontaneous and induced).</summary>
    public int? Abortions { get; init; }
    /// <summary>死胎 (death of the fetus in the uterus).</summary>
    public int? FetalDeaths { get; init; }
    /// <summary>死产 (death during labour).</summary>
    public int? Stillbirths { get; init; }
    /// <summary>新生儿死亡.</summary>
    public int? NeonatalDeaths { get; init; }
    /// <summary>出生缺陷儿.</summary>
    public int? BirthDefects { get; init; }
}

/// <summary>妇科检查: 外阴, 阴道, 宫颈, 子宫, 附件, each 1 未见异常 2 异常_____.</summary>
public sealed record GynaecologicalExam
{
    public Finding<CheckResult> Vulva { get; init; } = new();
    public Finding<CheckResult> Vagina { get; init; } = new();
    public Finding<CheckResult> Cervix { get; init; } = new();
    public Finding<CheckResult> Uterus { get; init; } = new();
    public Finding<CheckResult> Adnexa { get; init; } = new();
}

/// <summary>辅助检查 of the first visit, in the form's units. Items marked * on paper are done where the area can.</summary>
public sealed record FirstVisitLabs
{
    /// <summary>血常规 血红蛋白值 g/L.</summary>
    public decimal? Haemoglobin { get; init; }
    /// <summary>白细胞计数值, ×10⁹/L (the form prints "/L"; the value is written in units of 10⁹).</summary>
    public decimal? WhiteCells { get; init; }
    /// <summary>血小板计数值, ×10⁹/L.</summary>
    public decimal? Platelets { get; init; }
    /// <summary>血常规 其他.</summary>
    public string? BloodOther { get; init; }

    /// <summary>尿常规: 尿蛋白, 尿糖, 尿酮体, 尿潜血 as 定性 (- ± + …) or 定量 with unit (Examinations.UrineResult), and 其他.</summary>
    public string? UrineProtein { get; init; }
    public string? UrineGlucose { get; init; }
    public string? UrineKetones { get; init; }
    public string? UrineOccultBlood { get; init; }
    public string? UrineOther { get; init; }

    /// <summary>血型 ABO (the record's table: 1 A型 2 B型 3 O型 4 AB型 5 不详).</summary>
    public BloodType? AboGroup { get; init; }
    /// <summary>血型 Rh*: 1 阴性 2 阳性.</summary>
    public NegativePositive? Rh { get; init; }
    /// <summary>血糖* mmol/L.</summary>
    public decimal? Glucose { get; init; }

    /// <summary>肝功能: 血清谷丙转氨酶 U/L, 血清谷草转氨酶 U/L, 白蛋白 g/L, 总胆红素 μmol/L, 结合胆红素 μmol/L.</summary>
    public decimal? Alt { get; init; }
    public decimal? Ast { get; init; }
    public decimal? Albumin { get; init; }
    public decimal? TotalBilirubin { get; init; }
    public decimal? DirectBilirubin { get; init; }
    /// <summary>肾功能: 血清肌酐 μmol/L, 血尿素氮 mmol/L.</summary>
    public decimal? Creatinine { get; init; }
    public decimal? Urea { get; init; }

    /// <summary>阴道分泌物* (multi-select; 4 其他 with <see cref="VaginalDischargeOther"/>).</summary>
    public IReadOnlyList<VaginalDischarge> VaginalDischarge { get; init; } = [];
    public string? VaginalDischargeOther { get; init; }
    /// <summary>阴道清洁度.</summary>
    public VaginalCleanliness? VaginalCleanliness { get; init; }

    /// <summary>乙型肝炎五项: 表面抗原, 表面抗体, e抗原, e抗体, 核心抗体 (each 1 阴性 2 阳性).</summary>
    public NegativePositive? HbsAg { get; init; }
    public NegativePositive? AntiHbs { get; init; }
    public NegativePositive? HbeAg { get; init; }
    public NegativePositive? AntiHbe { get; init; }
    public NegativePositive? AntiHbc { get; init; }

    /// <summary>梅毒血清学试验* 1 阴性 2 阳性.</summary>
    public NegativePositive? Syphilis { get; init; }
    /// <summary>HIV抗体检测* 1 阴性 2 阳性.</summary>
    public NegativePositive? Hiv { get; init; }
    /// <summary>B超* (the result as written).</summary>
    public string? Ultrasound { get; init; }
}

/// <summary>转诊 (转诊建议 on the newborn form): 1 无 2 有, with 原因 and 机构及科室 (e.g. ××县妇幼保健院产科).</summary>
public sealed record VisitReferral
{
    public Presence? Referred { get; init; }
    public string? Reason { get; init; }
    public string? InstitutionAndDepartment { get; init; }

    public bool IsReferred => Referred == Presence.Yes;
}
