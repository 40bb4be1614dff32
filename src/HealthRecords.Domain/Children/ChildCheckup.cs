using System.Text.Json.Serialization;
using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Children;

/// <summary>转诊建议: 1 无 2 有, with 原因 and 机构及科室.</summary>
public sealed record CheckupReferral(ReferralAdvice? Advice = null, string? Reason = null, string? InstitutionAndDepartment = null);

/// <summary>前囟 1 闭合 2 未闭, with the size of an open fontanelle (___cm × ___cm; 附件3 填表说明 3: 如果未闭，请填写具体的数值).</summary>
public sealed record FontanelleFinding(Fontanelle? State = null, decimal? LengthCm = null, decimal? WidthCm = null);

/// <summary>服用维生素D: the preparation's name and the daily dose actually given, 0 when none (附件2/3 填表说明 5).</summary>
public sealed record VitaminD(string? Name = null, int? IuPerDay = null);

/// <summary>视力 (附件4 4–6岁): both eyes, and the chart read (填表说明 3(1): 填写具体数据，使用国际视力表或对数视力表均可).</summary>
public sealed record Vision(VisionChart? Chart = null, decimal? Left = null, decimal? Right = null);

/// <summary>One illness ticked on 附件4's 两次随访间患病情况, with its 次 (住院次数, 填表说明 4).</summary>
public sealed record IllnessCount(PreschoolIllness Illness, int? Times = null, string? Detail = null);

/// <summary>
/// One column of a child health check-up form (004 0~6岁儿童健康管理服务规范 附件2–4): the fields the three forms share.
/// Each form is a derived record with its own rows; which rows exist at which check-up age (the forms' "———") is decided
/// by <see cref="CheckupItems"/>, never by the page. Immutable: a change produces a new form. 姓名 and 编号 are the
/// child's record's, not the form's.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "form")]
[JsonDerivedType(typeof(InfantCheckup), "under-one")]
[JsonDerivedType(typeof(ToddlerCheckup), "one-to-two")]
[JsonDerivedType(typeof(PreschoolCheckup), "three-to-six")]
public abstract record ChildCheckup
{
    /// <summary>月龄 / 月(年)龄: the column of the form this check-up fills.</summary>
    public CheckupAge Age { get; init; }
    /// <summary>随访日期.</summary>
    public DateOnly VisitDate { get; init; }

    /// <summary>体重(kg), the value measured (填表说明 2).</summary>
    public decimal? WeightKg { get; init; }
    /// <summary>身长/身高(cm), the value measured.</summary>
    public decimal? HeightCm { get; init; }
    /// <summary>How 身长/身高 was measured; when not given, lying under 24 months and standing after (WHO's rule).</summary>
    public MeasurementPosition? Position { get; init; }
    /// <summary>上/中/下 of 体重 as the doctor confirmed it; the system's rating is computed by <see cref="GrowthJudging"/>.</summary>
    public GrowthRating? WeightRating { get; init; }
    /// <summary>上/中/下 of 身长/身高 as the doctor confirmed it.</summary>
    public GrowthRating? HeightRating { get; init; }
    /// <summary>The doctor's reason for departing from the system's suggestion: a rating or 体格发育评价 other than the computed one, or no referral where the problems found ask for one.</summary>
    public string? OverrideReason { get; init; }

    /// <summary>心肺.</summary>
    public Finding<ExamFinding> HeartLungs { get; init; } = new();
    /// <summary>腹部.</summary>
    public Finding<ExamFinding> Abdomen { get; init; } = new();
    /// <summary>血红蛋白值 g/L.</summary>
    public int? HaemoglobinGPerL { get; init; }
    /// <summary>其他: what needs recording and has no row (附件3 填表说明 8, 附件4 填表说明 5).</summary>
    public string? Other { get; init; }

    /// <summary>转诊建议.</summary>
    public CheckupReferral Referral { get; init; } = new();
    /// <summary>指导 up to 18 months: 1 科学喂养 2 生长发育 3 疾病预防 4 预防意外伤害 5 口腔保健 (multi-select).</summary>
    public IReadOnlyList<InfantGuidance> InfantGuidance { get; init; } = [];
    /// <summary>指导 from 24 months: 1 合理膳食 2 生长发育 3 疾病预防 4 预防意外伤害 5 口腔保健 (multi-select).</summary>
    public IReadOnlyList<ChildGuidance> ChildGuidance { get; init; } = [];
    /// <summary>Guidance not listed, in words (填表说明: 未列出的其他指导请具体填写).</summary>
    public string? GuidanceOther { get; init; }
    /// <summary>下次随访日期.</summary>
    public DateOnly? NextVisitDate { get; init; }
    /// <summary>随访医生签名.</summary>
    public string? Doctor { get; init; }

    /// <summary>The paper form this record is.</summary>
    [JsonIgnore]
    public abstract CheckupForm Form { get; }
}

/// <summary>1岁以内儿童健康检查记录表 (004 儿童 附件2): 满月, 3, 6 and 8 months.</summary>
public sealed record InfantCheckup : ChildCheckup
{
    [JsonIgnore]
    public override CheckupForm Form => CheckupForm.UnderOne;

    /// <summary>头围(cm).</summary>
    public decimal? HeadCircumferenceCm { get; init; }
    /// <summary>面色 at 满月 and 3 months: 1 红润 2 黄染 3 其他.</summary>
    public Finding<ComplexionEarly> ComplexionEarly { get; init; } = new();
    /// <summary>面色 at 6 and 8 months: 1 红润 2 其他.</summary>
    public Finding<Complexion> Complexion { get; init; } = new();
    /// <summary>皮肤.</summary>
    public Finding<ExamFinding> Skin { get; init; } = new();
    /// <summary>前囟.</summary>
    public FontanelleFinding Fontanelle { get; init; } = new();
    /// <summary>颈部包块 (not at 8 months).</summary>
    public NeckMass? NeckMass { get; init; }
    /// <summary>眼外观.</summary>
    public Finding<ExamFinding> Eyes { get; init; } = new();
    /// <summary>耳外观.</summary>
    public Finding<ExamFinding> Ears { get; init; } = new();
    /// <summary>听力 (6 months only: 行为测听).</summary>
    public HearingScreen? Hearing { get; init; }
    /// <summary>口腔 at 满月 and 3 months (未见异常: 无口腔炎症及其他口腔异常).</summary>
    public Finding<ExamFinding> Mouth { get; init; } = new();
    /// <summary>出牙数(颗) at 6 and 8 months.</summary>
    public int? TeethErupted { get; init; }
    /// <summary>脐部 at 满月: 1 未脱 2 脱落 3 脐部有渗出 4 其他.</summary>
    public Finding<UmbilicusNewborn> UmbilicusNewborn { get; init; } = new();
    /// <summary>脐部 at 3 months: 1 未见异常 2 异常 (无脐疝为未见异常).</summary>
    public Finding<ExamFinding> Umbilicus { get; init; } = new();
    /// <summary>四肢.</summary>
    public Finding<ExamFinding> Limbs { get; init; } = new();
    /// <summary>可疑佝偻病症状 at 3, 6 and 8 months.</summary>
    public IReadOnlyList<RicketsSymptom> RicketsSymptoms { get; init; } = [];
    /// <summary>可疑佝偻病体征 at 满月 and 3 months: 1 无 2 颅骨软化 3 方颅 4 枕秃.</summary>
    public IReadOnlyList<RicketsSignEarly> RicketsSignsEarly { get; init; } = [];
    /// <summary>可疑佝偻病体征 at 6 and 8 months: 1 肋串珠 2 肋外翻 3 肋软骨沟 4 鸡胸 5 手镯征.</summary>
    public IReadOnlyList<RicketsSignInfant> RicketsSigns { get; init; } = [];
    /// <summary>肛门/外生殖器.</summary>
    public Finding<ExamFinding> AnusGenitalia { get; init; } = new();
    /// <summary>户外活动 小时/日.</summary>
    public decimal? OutdoorHoursPerDay { get; init; }
    /// <summary>服用维生素D.</summary>
    public VitaminD VitaminD { get; init; } = new();
    /// <summary>发育评估.</summary>
    public DevelopmentAssessment? Development { get; init; }
    /// <summary>两次随访间患病情况, with the disease names for 2 患病.</summary>
    public Finding<IllnessSinceLastVisit> Illness { get; init; } = new();
}

/// <summary>1~2岁儿童健康检查记录表 (004 儿童 附件3): 12, 18, 24 and 30 months.</summary>
public sealed record ToddlerCheckup : ChildCheckup
{
    [JsonIgnore]
    public override CheckupForm Form => CheckupForm.OneToTwo;

    /// <summary>面色: 1 红润 2 其他.</summary>
    public Finding<Complexion> Complexion { get; init; } = new();
    /// <summary>皮肤.</summary>
    public Finding<ExamFinding> Skin { get; init; } = new();
    /// <summary>前囟 (not at 30 months).</summary>
    public FontanelleFinding Fontanelle { get; init; } = new();
    /// <summary>眼外观.</summary>
    public Finding<ExamFinding> Eyes { get; init; } = new();
    /// <summary>耳外观.</summary>
    public Finding<ExamFinding> Ears { get; init; } = new();
    /// <summary>听力 (12 and 24 months).</summary>
    public HearingScreen? Hearing { get; init; }
    /// <summary>出牙数(颗).</summary>
    public int? TeethErupted { get; init; }
    /// <summary>龋齿数(颗).</summary>
    public int? Caries { get; init; }
    /// <summary>四肢.</summary>
    public Finding<ExamFinding> Limbs { get; init; } = new();
    /// <summary>步态 (from 18 months; 无跛行为未见异常).</summary>
    public Finding<ExamFinding> Gait { get; init; } = new();
    /// <summary>可疑佝偻病体征 (12–24 months): 1 “O”型腿 2 “X”型腿.</summary>
    public IReadOnlyList<RicketsSignToddler> RicketsSigns { get; init; } = [];
    /// <summary>户外活动 小时/日.</summary>
    public decimal? OutdoorHoursPerDay { get; init; }
    /// <summary>服用维生素D (not at 30 months).</summary>
    public VitaminD VitaminD { get; init; } = new();
    /// <summary>发育评估 (not at 30 months).</summary>
    public DevelopmentAssessment? Development { get; init; }
    /// <summary>两次随访间患病情况.</summary>
    public Finding<IllnessSinceLastVisit> Illness { get; init; } = new();
}

/// <summary>3~6岁儿童健康检查记录表 (004 儿童 附件4): 3, 4, 5 and 6 years.</summary>
public sealed record PreschoolCheckup : ChildCheckup
{
    [JsonIgnore]
    public override CheckupForm Form => CheckupForm.ThreeToSix;

    /// <summary>体格发育评价 as the doctor confirmed it (several may apply; 1 正常 alone); the system's is <see cref="GrowthJudging.Development"/>.</summary>
    public IReadOnlyList<PhysicalDevelopment> PhysicalDevelopment { get; init; } = [];
    /// <summary>视力 (4–6 years).</summary>
    public Vision Vision { get; init; } = new();
    /// <summary>听力 (3 years: 行为测听).</summary>
    public HearingScreen? Hearing { get; init; }
    /// <summary>牙数(颗).</summary>
    public int? Teeth { get; init; }
    /// <summary>龋齿数.</summary>
    public int? Caries { get; init; }
    /// <summary>体格检查 其他 (填表说明 3(7)).</summary>
    public string? PhysicalOther { get; init; }
    /// <summary>两次随访间患病情况: 1 无 2 肺炎__次 3 腹泻__次 4 外伤__次 5 其他.</summary>
    public IReadOnlyList<IllnessCount> Illnesses { get; init; } = [];
}
