using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Maternal;

/// <summary>
/// 新生儿家庭访视记录表 (004 0~6岁儿童健康管理服务规范 附件1), every field in the form's order. The home visit within a week
/// of discharge, made together with the mother's postpartum visit (<see cref="JointHomeVisit"/>); the birth facts come from
/// the delivery information (<see cref="NewbornRules.Prefill"/>). Items marked * are asked of low-birth-weight, twin and
/// preterm babies (填表说明 9; <see cref="NewbornRules.AsksStarItems"/>).
/// </summary>
public sealed record NewbornVisit
{
    /// <summary>姓名 (填表说明 1: 没有取名则填写母亲姓名+之男或之女; <see cref="NewbornRules.DefaultName"/>).</summary>
    public string? Name { get; init; }
    /// <summary>性别 0 未知的性别 1 男 2 女 9 未说明的性别.</summary>
    public Sex? Sex { get; init; }
    /// <summary>出生日期.</summary>
    public DateOnly? BirthDate { get; init; }
    /// <summary>身份证号 (填表说明 3: 若无可暂时空缺，待户口登记后再补填).</summary>
    [Sensitive]
    public string? IdNumber { get; init; }
    /// <summary>家庭住址.</summary>
    public string? Address { get; init; }
    /// <summary>父亲: 姓名, 职业, 联系电话, 出生日期.</summary>
    public Parent Father { get; init; } = new();
    /// <summary>母亲: 姓名, 职业, 联系电话, 出生日期.</summary>
    public Parent Mother { get; init; } = new();

    /// <summary>出生孕周 _____ 周 (填表说明 5: 新生儿出生时母亲怀孕周数).</summary>
    public int? GestationWeeks { get; init; }
    /// <summary>母亲妊娠期患病情况 (3 其他 with <see cref="MaternalIllnessOther"/>); nothing ticked: none.</summary>
    public IReadOnlyList<MaternalIllness> MaternalIllnesses { get; init; } = [];
    public string? MaternalIllnessOther { get; init; }
    /// <summary>助产机构名称.</summary>
    public string? BirthInstitution { get; init; }
    /// <summary>出生情况 (up to two; 7 其他 with <see cref="BirthCircumstanceOther"/>).</summary>
    public IReadOnlyList<BirthCircumstance> BirthCircumstances { get; init; } = [];
    public string? BirthCircumstanceOther { get; init; }
    /// <summary>新生儿窒息 1 无 2 有, with the Apgar scores at 1 and 5 minutes or 不详.</summary>
    public Presence? Asphyxia { get; init; }
    public int? Apgar1 { get; init; }
    public int? Apgar5 { get; init; }
    public bool ApgarUnknown { get; init; }
    /// <summary>是否有畸形 1 无 2 有_____.</summary>
    public Finding<NoYes> Malformation { get; init; } = new();
    /// <summary>新生儿听力筛查.</summary>
    public HearingScreening? HearingScreening { get; init; }
    /// <summary>新生儿疾病筛查: the diseases screened (3 with the name in <see cref="MetabolicScreeningOther"/>).</summary>
    public IReadOnlyList<MetabolicScreening> MetabolicScreening { get; init; } = [];
    public string? MetabolicScreeningOther { get; init; }

    /// <summary>新生儿出生体重 kg.</summary>
    public decimal? BirthWeightKg { get; init; }
    /// <summary>目前体重 kg.</summary>
    public decimal? WeightKg { get; init; }
    /// <summary>出生身长 cm.</summary>
    public decimal? BirthLengthCm { get; init; }

    /// <summary>喂养方式.</summary>
    public FeedingMode? Feeding { get; init; }
    /// <summary>*吃奶量 ml/次.</summary>
    public int? FeedMl { get; init; }
    /// <summary>*吃奶次数 次/日.</summary>
    public int? FeedsPerDay { get; init; }
    /// <summary>*呕吐 1 无 2 有.</summary>
    public Presence? Vomiting { get; init; }
    /// <summary>*大便 1 糊状 2 稀.</summary>
    public StoolConsistency? Stool { get; init; }
    /// <summary>*大便次数 次/日.</summary>
    public int? StoolsPerDay { get; init; }

    /// <summary>体温 ℃.</summary>
    public decimal? TemperatureC { get; init; }
    /// <summary>脉率 次/分钟.</summary>
    public int? Pulse { get; init; }
    /// <summary>呼吸频率 次/分钟.</summary>
    public int? Respiration { get; init; }
    /// <summary>面色.</summary>
    public Finding<Complexion> Complexion { get; init; } = new();
    /// <summary>黄疸部位 (nothing ticked: no jaundice seen).</summary>
    public IReadOnlyList<JaundiceSite> Jaundice { get; init; } = [];
    /// <summary>前囟 _____ cm × _____ cm.</summary>
    public decimal? FontanelleWidthCm { get; init; }
    public decimal? FontanelleLengthCm { get; init; }
    /// <summary>前囟 1 正常 2 膨隆 3 凹陷 4 其他_____.</summary>
    public Finding<Fontanelle> Fontanelle { get; init; } = new();

    /// <summary>The examination (填表说明 10).</summary>
    public NewbornExam Exam { get; init; } = new();
    /// <summary>脐带.</summary>
    public Finding<Umbilicus> Umbilicus { get; init; } = new();

    /// <summary>转诊建议 1 无 2 有, 原因, 机构及科室.</summary>
    public VisitReferral Referral { get; init; } = new();
    /// <summary>指导 (multi-select) and other guidance written out (填表说明 11).</summary>
    public IReadOnlyList<NewbornGuidance> Guidance { get; init; } = [];
    public string? GuidanceOther { get; init; }

    /// <summary>本次访视日期.</summary>
    public DateOnly VisitDate { get; init; }
    /// <summary>下次随访地点.</summary>
    public string? NextVisitPlace { get; init; }
    /// <summary>下次随访日期 (填表说明 12).</summary>
    public DateOnly? NextVisitDate { get; init; }
    /// <summary>随访医生签名.</summary>
    public string? Doctor { get; init; }
}

/// <summary>父亲 / 母亲 row: 姓名, 职业, 联系电话, 出生日期.</summary>
public sealed record Parent
{
    public string? Name { get; init; }
    public string? Occupation { get; init; }
    [Sensitive]
    public string? Phone { get; init; }
    public DateOnly? BirthDate { get; init; }
}

/// <summary>The examined items of the newborn form with their rules (填表说明 10).</summary>
public sealed record NewbornExam
{
    /// <summary>眼外观: eye contact, follows a moving object, no conjunctival redness, tearing or pus → 未见异常.</summary>
    public Finding<CheckResult> Eyes { get; init; } = new();
    /// <summary>四肢活动度: good and symmetrical.</summary>
    public Finding<CheckResult> Limbs { get; init; } = new();
    /// <summary>耳外观: no malformation, discharge or eczema of the outer ear.</summary>
    public Finding<CheckResult> Ears { get; init; } = new();
    /// <summary>颈部包块 1 无 2 有_____.</summary>
    public Finding<NoYes> NeckMass { get; init; } = new();
    /// <summary>鼻: normal and both nostrils open.</summary>
    public Finding<CheckResult> Nose { get; init; } = new();
    /// <summary>皮肤 1 未见异常 2 湿疹 3 糜烂 4 其他_____.</summary>
    public Finding<NewbornSkin> Skin { get; init; } = new();
    /// <summary>口腔: no cleft lip or palate, high palate, natal teeth, stomatitis or thrush.</summary>
    public Finding<CheckResult> Mouth { get; init; } = new();
    /// <summary>肛门: complete, no malformation.</summary>
    public Finding<CheckResult> Anus { get; init; } = new();
    /// <summary>心肺听诊: no murmur, heart rate and breath sounds normal.</summary>
    public Finding<CheckResult> HeartAndLungs { get; init; } = new();
    /// <summary>外生殖器: boys no scrotal oedema, hydrocele or undescended testis; girls no labial adhesion.</summary>
    public Finding<CheckResult> Genitalia { get; init; } = new();
    /// <summary>腹部触诊: liver and spleen normal.</summary>
    public Finding<CheckResult> Abdomen { get; init; } = new();
    /// <summary>脊柱.</summary>
    public Finding<CheckResult> Spine { get; init; } = new();

    /// <summary>The items coded 1 未见异常 2 异常_____, with their Chinese names and JSON keys, in the form's order.</summary>
    public IEnumerable<(string Key, string Name, Finding<CheckResult> Finding)> CheckItems() =>
    [
        ("eyes", "眼外观", Eyes), ("limbs", "四肢活动度", Limbs), ("ears", "耳外观", Ears), ("nose", "鼻", Nose),
        ("mouth", "口腔", Mouth), ("anus", "肛门", Anus), ("heartAndLungs", "心肺听诊", HeartAndLungs),
        ("genitalia", "外生殖器", Genitalia), ("abdomen", "腹部触诊", Abdomen), ("spine", "脊柱", Spine),
    ];
}
