using HealthRecords.Domain.Elderly;

namespace HealthRecords.Domain.Examinations;

/// <summary>
/// 健康体检表 (004 城乡居民健康档案管理服务规范 附件4), every field, in the form's order. Coded answers hold the form's
/// numbers; every blank ("其他_____", "异常_____") has its text. Immutable: a change produces a new form.
/// Computed values (BMI, the self-care total and band) are never typed: see <see cref="Bmi"/> and
/// <see cref="SelfCareAssessment"/>; the host stores what those functions return.
/// </summary>
public sealed record HealthExamination
{
    /// <summary>体检日期.</summary>
    public DateOnly ExamDate { get; init; }
    /// <summary>责任医生 (name as written on the form).</summary>
    public string? Doctor { get; init; }

    /// <summary>症状 (multi-select; 25 其他 with <see cref="SymptomOther"/>).</summary>
    public IReadOnlyList<Symptom> Symptoms { get; init; } = [];
    public string? SymptomOther { get; init; }

    public GeneralCondition General { get; init; } = new();
    public Lifestyle Lifestyle { get; init; } = new();
    public OrganFunction Organs { get; init; } = new();
    public PhysicalExam Physical { get; init; } = new();
    public AuxiliaryTests Auxiliary { get; init; } = new();
    /// <summary>中医体质辨识*: the answer for each of the nine constitutions, where identified.</summary>
    public TcmConstitutions Tcm { get; init; } = new();
    public HealthProblems Problems { get; init; } = new();

    /// <summary>住院治疗情况 住院史 (最近1年内).</summary>
    public IReadOnlyList<HospitalStay> Hospitalisations { get; init; } = [];
    /// <summary>住院治疗情况 家庭病床史 (建/撤床).</summary>
    public IReadOnlyList<HospitalStay> HomeBeds { get; init; } = [];
    /// <summary>主要用药情况 (six rows on paper).</summary>
    public IReadOnlyList<Medication> Medications { get; init; } = [];
    /// <summary>非免疫规划预防接种史 (最近1年内, three rows on paper).</summary>
    public IReadOnlyList<Vaccination> Vaccinations { get; init; } = [];

    /// <summary>健康评价 with up to four abnormalities.</summary>
    public HealthEvaluation? Evaluation { get; init; }
    public IReadOnlyList<string> Abnormalities { get; init; } = [];

    /// <summary>健康指导 (multi-select).</summary>
    public IReadOnlyList<HealthGuidance> Guidance { get; init; } = [];
    /// <summary>危险因素控制 (multi-select) with the target weight, the vaccine and the other text.</summary>
    public IReadOnlyList<RiskFactorControl> RiskFactors { get; init; } = [];
    public string? TargetWeight { get; init; }
    public string? SuggestedVaccine { get; init; }
    public string? RiskFactorOther { get; init; }
}

/// <summary>A coded finding with the text of its blank ("异常_____", "其他_____", "有_____").</summary>
public sealed record Finding<TEnum>(TEnum? Code = null, string? Detail = null) where TEnum : struct, Enum;

/// <summary>一般状况, including the elderly self-assessments (items marked *).</summary>
public sealed record GeneralCondition
{
    /// <summary>体温 ℃.</summary>
    public decimal? Temperature { get; init; }
    /// <summary>脉率 次/分钟.</summary>
    public int? Pulse { get; init; }
    /// <summary>呼吸频率 次/分钟.</summary>
    public int? Respiration { get; init; }
    /// <summary>血压 左侧 mmHg.</summary>
    public int? SystolicLeft { get; init; }
    public int? DiastolicLeft { get; init; }
    /// <summary>血压 右侧 mmHg.</summary>
    public int? SystolicRight { get; init; }
    public int? DiastolicRight { get; init; }
    /// <summary>身高 cm.</summary>
    public decimal? Height { get; init; }
    /// <summary>体重 kg.</summary>
    public decimal? Weight { get; init; }
    /// <summary>腰围 cm.</summary>
    public decimal? Waist { get; init; }
    /// <summary>体质指数 kg/m²: computed by <see cref="Bmi.Compute"/>, never typed; what the form carries is overwritten on save.</summary>
    public decimal? Bmi { get; init; }

    /// <summary>老年人健康状态自我评估*.</summary>
    public HealthSelfAssessment? HealthStatus { get; init; }
    /// <summary>老年人生活自理能力评估表 (004 老年人健康管理服务规范 附表): the five scores; the band follows.</summary>
    public SelfCareScores SelfCare { get; init; } = new();
    /// <summary>老年人生活自理能力自我评估*: computed from <see cref="SelfCare"/>, never typed.</summary>
    public SelfCareLevel? SelfCareLevel { get; init; }
    /// <summary>老年人认知功能*, with the 简易智力状态检查 (MMSE) total when positive.</summary>
    public ScreenResult? Cognition { get; init; }
    public int? MmseScore { get; init; }
    /// <summary>老年人情感状态*, with the 老年人抑郁评分检查 (GDS) total when positive.</summary>
    public ScreenResult? Affect { get; init; }
    public int? GdsScore { get; init; }
}

/// <summary>生活方式.</summary>
public sealed record Lifestyle
{
    public ExerciseFrequency? ExerciseFrequency { get; init; }
    /// <summary>每次锻炼时间 分钟.</summary>
    public int? ExerciseMinutes { get; init; }
    /// <summary>坚持锻炼时间 年.</summary>
    public decimal? ExerciseYears { get; init; }
    /// <summary>锻炼方式.</summary>
    public string? ExerciseKind { get; init; }

    /// <summary>饮食习惯 (multi-select, three boxes on paper).</summary>
    public IReadOnlyList<DietHabit> Diet { get; init; } = [];

    public SmokingStatus? Smoking { get; init; }
    /// <summary>日吸烟量 平均 支.</summary>
    public int? CigarettesPerDay { get; init; }
    public int? SmokingStartAge { get; init; }
    public int? SmokingQuitAge { get; init; }

    public DrinkingFrequency? Drinking { get; init; }
    /// <summary>日饮酒量 平均 两 (折合白酒).</summary>
    public decimal? DailyAlcohol { get; init; }
    public QuitDrinking? QuitDrinking { get; init; }
    public int? DrinkingQuitAge { get; init; }
    public int? DrinkingStartAge { get; init; }
    /// <summary>近一年内是否曾醉酒.</summary>
    public YesNo? DrunkLastYear { get; init; }
    public IReadOnlyList<AlcoholType> AlcoholTypes { get; init; } = [];
    public string? AlcoholOther { get; init; }

    /// <summary>职业病危害因素接触史: 2 有 with 工种 and 从业时间 (年) and the five kinds of hazard.</summary>
    public NoYes? OccupationalExposure { get; init; }
    public string? Job { get; init; }
    public decimal? YearsInJob { get; init; }
    public Hazard Dust { get; init; } = new();
    public Hazard Radiation { get; init; } = new();
    public Hazard Physical { get; init; } = new();
    public Hazard Chemical { get; init; } = new();
    public Hazard Other { get; init; } = new();
}

/// <summary>One 毒物种类 (粉尘, 放射物质, 物理因素, 化学物质, 其他): its name and 防护措施 1 无 2 有_____.</summary>
public sealed record Hazard(string? Name = null, NoYes? Protection = null, string? ProtectionDetail = null);

/// <summary>脏器功能.</summary>
public sealed record OrganFunction
{
    public Lips? Lips { get; init; }
    public Dentition? Dentition { get; init; }
    public Pharynx? Pharynx { get; init; }
    /// <summary>视力 (对数视力表), and 矫正视力 for those wearing glasses.</summary>
    public decimal? VisionLeft { get; init; }
    public decimal? VisionRight { get; init; }
    public decimal? CorrectedLeft { get; init; }
    public decimal? CorrectedRight { get; init; }
    public Hearing? Hearing { get; init; }
    public MotorFunction? Motor { get; init; }
}

/// <summary>查体, including 乳腺* and 妇科* (women only).</summary>
public sealed record PhysicalExam
{
    /// <summary>眼底*.</summary>
    public Finding<NormalAbnormal> Fundus { get; init; } = new();
    public Finding<Skin> Skin { get; init; } = new();
    public Finding<Sclera> Sclera { get; init; } = new();
    public Finding<LymphNodes> LymphNodes { get; init; } = new();
    public BarrelChest? BarrelChest { get; init; }
    public Finding<NormalAbnormal> BreathSounds { get; init; } = new();
    public Finding<Rales> Rales { get; init; } = new();
    /// <summary>心率 次/分钟.</summary>
    public int? HeartRate { get; init; }
    public HeartRhythm? HeartRhythm { get; init; }
    public Finding<NoYes> Murmur { get; init; } = new();
    public Finding<NoYes> Tenderness { get; init; } = new();
    public Finding<NoYes> Mass { get; init; } = new();
    public Finding<NoYes> Hepatomegaly { get; init; } = new();
    public Finding<NoYes> Splenomegaly { get; init; } = new();
    public Finding<NoYes> ShiftingDullness { get; init; } = new();
    public LowerLimbEdema? LowerLimbEdema { get; init; }
    public DorsalisPedisPulse? DorsalisPedis { get; init; }
    /// <summary>肛门指诊*.</summary>
    public Finding<DigitalRectalExam> DigitalRectal { get; init; } = new();
    /// <summary>乳腺* (multi-select).</summary>
    public IReadOnlyList<BreastFinding> Breast { get; init; } = [];
    public string? BreastOther { get; init; }
    /// <summary>妇科*: shown and accepted for women only.</summary>
    public Gynaecology Gynaecology { get; init; } = new();
    /// <summary>查体 其他*.</summary>
    public string? Other { get; init; }
}

/// <summary>妇科*: 外阴、阴道、宫颈、宫体、附件, each 1 未见异常 2 异常_____.</summary>
public sealed record Gynaecology
{
    public Finding<GynFinding> Vulva { get; init; } = new();
    public Finding<GynFinding> Vagina { get; init; } = new();
    public Finding<GynFinding> Cervix { get; init; } = new();
    public Finding<GynFinding> Uterus { get; init; } = new();
    public Finding<GynFinding> Adnexa { get; init; } = new();

    public bool IsEmpty => Vulva.Code is null && Vagina.Code is null && Cervix.Code is null && Uterus.Code is null && Adnexa.Code is null
        && string.IsNullOrWhiteSpace(Vulva.Detail) && string.IsNullOrWhiteSpace(Vagina.Detail) && string.IsNullOrWhiteSpace(Cervix.Detail)
        && string.IsNullOrWhiteSpace(Uterus.Detail) && string.IsNullOrWhiteSpace(Adnexa.Detail);
}

/// <summary>辅助检查, each value in the unit the form prints beside it.</summary>
public sealed record AuxiliaryTests
{
    /// <summary>血常规*: 血红蛋白 g/L, 白细胞 ×10⁹/L, 血小板 ×10⁹/L, 其他.</summary>
    public decimal? Hemoglobin { get; init; }
    public decimal? WhiteCells { get; init; }
    public decimal? Platelets { get; init; }
    public string? BloodOther { get; init; }
    /// <summary>尿常规*: 尿蛋白、尿糖、尿酮体、尿潜血 (定性 "-", "±", "+"…"++++" or 定量 with its unit), 其他.</summary>
    public string? UrineProtein { get; init; }
    public string? UrineGlucose { get; init; }
    public string? UrineKetones { get; init; }
    public string? UrineOccultBlood { get; init; }
    public string? UrineOther { get; init; }
    /// <summary>空腹血糖*: mmol/L 或 mg/dL.</summary>
    public decimal? FastingGlucoseMmol { get; init; }
    public decimal? FastingGlucoseMgdl { get; init; }
    /// <summary>心电图*.</summary>
    public Finding<NormalAbnormal> Ecg { get; init; } = new();
    /// <summary>尿微量白蛋白* mg/dL.</summary>
    public decimal? UrineMicroalbumin { get; init; }
    /// <summary>大便潜血*.</summary>
    public NegativePositive? FecalOccultBlood { get; init; }
    /// <summary>糖化血红蛋白* %.</summary>
    public decimal? HbA1c { get; init; }
    /// <summary>乙型肝炎表面抗原*.</summary>
    public NegativePositive? HbsAg { get; init; }
    /// <summary>肝功能*: 血清谷丙转氨酶 U/L, 血清谷草转氨酶 U/L, 白蛋白 g/L, 总胆红素 μmol/L, 结合胆红素 μmol/L.</summary>
    public decimal? Alt { get; init; }
    public decimal? Ast { get; init; }
    public decimal? Albumin { get; init; }
    public decimal? TotalBilirubin { get; init; }
    public decimal? DirectBilirubin { get; init; }
    /// <summary>肾功能*: 血清肌酐 μmol/L, 血尿素氮 mmol/L, 血钾浓度 mmol/L, 血钠浓度 mmol/L.</summary>
    public decimal? Creatinine { get; init; }
    public decimal? Urea { get; init; }
    public decimal? Potassium { get; init; }
    public decimal? Sodium { get; init; }
    /// <summary>血脂*: 总胆固醇, 甘油三酯, 低密度脂蛋白胆固醇, 高密度脂蛋白胆固醇, all mmol/L.</summary>
    public decimal? TotalCholesterol { get; init; }
    public decimal? Triglycerides { get; init; }
    public decimal? Ldl { get; init; }
    public decimal? Hdl { get; init; }
    /// <summary>胸部X线.</summary>
    public Finding<NormalAbnormal> ChestXray { get; init; } = new();
    /// <summary>B超* (write the site examined).</summary>
    public Finding<NormalAbnormal> Ultrasound { get; init; } = new();
    /// <summary>宫颈涂片 (women only).</summary>
    public Finding<NormalAbnormal> PapSmear { get; init; } = new();
    /// <summary>辅助检查 其他*.</summary>
    public string? Other { get; init; }
}

/// <summary>中医体质辨识*: one answer per constitution (平和质 1 是 2 基本是; the others 1 是 2 倾向是).</summary>
public sealed record TcmConstitutions
{
    public TcmAnswer? Balanced { get; init; }
    public TcmAnswer? QiDeficiency { get; init; }
    public TcmAnswer? YangDeficiency { get; init; }
    public TcmAnswer? YinDeficiency { get; init; }
    public TcmAnswer? PhlegmDampness { get; init; }
    public TcmAnswer? DampHeat { get; init; }
    public TcmAnswer? BloodStasis { get; init; }
    public TcmAnswer? QiStagnation { get; init; }
    public TcmAnswer? Inherited { get; init; }

    /// <summary>The answers in the form's order.</summary>
    public IEnumerable<(TcmConstitution Constitution, TcmAnswer? Answer)> All()
    {
        yield return (TcmConstitution.Balanced, Balanced);
        yield return (TcmConstitution.QiDeficiency, QiDeficiency);
        yield return (TcmConstitution.YangDeficiency, YangDeficiency);
        yield return (TcmConstitution.YinDeficiency, YinDeficiency);
        yield return (TcmConstitution.PhlegmDampness, PhlegmDampness);
        yield return (TcmConstitution.DampHeat, DampHeat);
        yield return (TcmConstitution.BloodStasis, BloodStasis);
        yield return (TcmConstitution.QiStagnation, QiStagnation);
        yield return (TcmConstitution.Inherited, Inherited);
    }

    public bool IsEmpty => All().All(a => a.Answer is null);
}

/// <summary>现存主要健康问题 by system (multi-select each; not asked at the elderly annual check, 填表说明 9).</summary>
public sealed record HealthProblems
{
    public IReadOnlyList<CerebrovascularDisease> Cerebrovascular { get; init; } = [];
    public string? CerebrovascularOther { get; init; }
    public IReadOnlyList<KidneyDisease> Kidney { get; init; } = [];
    public string? KidneyOther { get; init; }
    public IReadOnlyList<HeartDisease> Heart { get; init; } = [];
    public string? HeartOther { get; init; }
    public IReadOnlyList<VascularDisease> Vascular { get; init; } = [];
    public string? VascularOther { get; init; }
    public IReadOnlyList<EyeDisease> Eye { get; init; } = [];
    public string? EyeOther { get; init; }
    public Finding<NotFoundOrPresent> Neurological { get; init; } = new();
    public Finding<NotFoundOrPresent> OtherSystem { get; init; } = new();
}

/// <summary>
/// 住院史 (入/出院日期) or 家庭病床史 (建/撤床日期): 日期填写年月 (填表说明 10), reason, full name of the institution,
/// case number.
/// </summary>
public sealed record HospitalStay(YearMonth? From = null, YearMonth? To = null, string? Reason = null, string? Institution = null, string? CaseNumber = null);

/// <summary>主要用药情况: 通用名, 用法, 用量, 用药时间 (年/月/天), 服药依从性.</summary>
public sealed record Medication(string? Name = null, string? Usage = null, string? Dose = null, string? Duration = null, MedicationAdherence? Adherence = null);

/// <summary>非免疫规划预防接种史: 名称, 接种日期, 接种机构.</summary>
public sealed record Vaccination(string? Name = null, DateOnly? Date = null, string? Institution = null);
