namespace HealthRecords.Domain.InfectiousDisease;

/// <summary>
/// 中华人民共和国传染病报告卡: every field of the national card, as the doctor fills it. Fields marked * on the card
/// are required. Times are China Standard Time. What the system adds (the time the card was reported, the card it
/// corrects, 补报) is kept by the host beside the card, not typed (see <see cref="FiledCard"/>).
/// </summary>
public sealed record InfectiousDiseaseReport
{
    /// <summary>卡片编号: numbered by the reporting unit.</summary>
    public string? CardNumber { get; init; }
    /// <summary>报卡类别*: 1 初次报告 2 订正报告.</summary>
    public CardKind? Kind { get; init; }
    /// <summary>The list version the card was filled against (issue #20); its disease boxes are that version's.</summary>
    public string? DiseaseListVersion { get; init; }

    /// <summary>患者姓名*.</summary>
    public string? PatientName { get; init; }
    /// <summary>患儿家长姓名: required for a child under 14 (填卡说明).</summary>
    public string? ParentName { get; init; }
    /// <summary>身份证号 (有效证件号 on later cards): filled where known.</summary>
    [Sensitive]
    public string? IdNumber { get; init; }
    /// <summary>性别*: 男 / 女.</summary>
    public Sex? Sex { get; init; }
    /// <summary>出生日期*; when unknown, the 实足年龄 and its unit instead.</summary>
    public DateOnly? BirthDate { get; init; }
    /// <summary>实足年龄 (only when the birth date is unknown).</summary>
    public int? Age { get; init; }
    /// <summary>年龄单位: 岁 / 月 / 天.</summary>
    public AgeUnit? AgeUnit { get; init; }
    /// <summary>工作单位 (学校 for students and nursery children).</summary>
    public string? Workplace { get; init; }
    /// <summary>联系电话 of the patient.</summary>
    [Sensitive]
    public string? Phone { get; init; }
    /// <summary>病人属于*.</summary>
    public PatientBelongsTo? BelongsTo { get; init; }
    /// <summary>现住址（详填）*: 省 市 县(区) 乡(镇、街道) 村 (门牌号).</summary>
    public CardAddress Address { get; init; } = new();
    /// <summary>人群分类* (患者职业).</summary>
    public PopulationGroup? PopulationGroup { get; init; }
    /// <summary>人群分类 其他 (    ): the text.</summary>
    public string? PopulationGroupOther { get; init; }

    /// <summary>病例分类*(1).</summary>
    public CaseClassification? CaseClassification { get; init; }
    /// <summary>病例分类(2): 急性 / 慢性, for the diseases that ask for it.</summary>
    public Acuity? Acuity { get; init; }
    /// <summary>发病日期* (病原携带者: 初检日期 or 就诊时间).</summary>
    public DateOnly? OnsetDate { get; init; }
    /// <summary>诊断日期*: 年 月 日 时. The reporting clock starts here.</summary>
    public DateTime? DiagnosedAt { get; init; }
    /// <summary>死亡日期.</summary>
    public DateOnly? DeathDate { get; init; }

    /// <summary>The ticked disease box (甲类 / 乙类 / 丙类 / 其他 rows): a code of the list version.</summary>
    public string? DiseaseCode { get; init; }
    /// <summary>其他法定管理以及重点监测传染病 written out, when no box of the list applies (then no code).</summary>
    public string? OtherDiseaseName { get; init; }
    /// <summary>The case is part of an outbreak (暴发): 2 hours whatever the disease (004 二(三)2).</summary>
    public bool Outbreak { get; init; }
    /// <summary>订正病名: on a correction that changes the disease, the corrected disease's name.</summary>
    public string? CorrectedDiseaseName { get; init; }
    /// <summary>退卡原因: why the card was withdrawn as not acceptable (duplicate, case excluded …).</summary>
    public string? WithdrawalReason { get; init; }

    /// <summary>报告单位.</summary>
    public string? ReportingUnit { get; init; }
    /// <summary>联系电话 of the reporting unit.</summary>
    [Sensitive]
    public string? ReportingUnitPhone { get; init; }
    /// <summary>报告医生 (填卡医生).</summary>
    public string? ReportingDoctor { get; init; }
    /// <summary>填卡日期*.</summary>
    public DateOnly? FilledOn { get; init; }
    /// <summary>备注.</summary>
    public string? Remarks { get; init; }

    /// <summary>The disease name the card prints: the box's name, or the written other disease.</summary>
    public string DiseaseName(DiseaseListVersion list) =>
        list.Find(DiseaseCode)?.DisplayName ?? OtherDiseaseName ?? "";
}

/// <summary>现住址（详填）: the card's address line.</summary>
public sealed record CardAddress
{
    public string? Province { get; init; }
    public string? City { get; init; }
    /// <summary>县(区).</summary>
    public string? County { get; init; }
    /// <summary>乡(镇、街道).</summary>
    public string? Township { get; init; }
    /// <summary>村 (居委会).</summary>
    public string? Village { get; init; }
    /// <summary>门牌号.</summary>
    public string? HouseNumber { get; init; }

    /// <summary>The address in one line: "重庆市大渡口区跳磴镇石林村3组12号".</summary>
    public override string ToString() =>
        string.Concat(new[] { Province, City, County, Township, Village, HouseNumber }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}

/// <summary>
/// A card as the register keeps it: the card, the time the system recorded it as reported, the card it corrects (an
/// 订正 keeps the original), the reason for a correction, whether it is a 补报 (filed after a missed-report finding),
/// and whether it was withdrawn (退卡).
/// </summary>
/// <param name="Id">The stored card.</param>
/// <param name="PatientKey">Identifies the patient across cards and the outpatient log (the record id where the
/// patient has a record; otherwise the host's key of name + birth date).</param>
/// <param name="ReportedAt">Stamped by the system when the card is submitted; null while a draft.</param>
/// <param name="CorrectsCardId">For an 订正: the card it corrects (which stays as it was).</param>
/// <param name="CorrectionReason">For an 订正: why.</param>
/// <param name="Supplementary">补报.</param>
/// <param name="Withdrawn">退卡: the card does not count.</param>
/// <param name="EncounterId">The encounter the card started from, if any.</param>
public sealed record FiledCard(
    long Id,
    string PatientKey,
    InfectiousDiseaseReport Card,
    DateTime? ReportedAt,
    long? CorrectsCardId = null,
    string? CorrectionReason = null,
    bool Supplementary = false,
    bool Withdrawn = false,
    long? EncounterId = null);
