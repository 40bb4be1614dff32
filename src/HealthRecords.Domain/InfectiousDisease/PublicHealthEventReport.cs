using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.InfectiousDisease;

// The code tables of the 突发公共卫生事件相关信息报告卡 (国家突发公共卫生事件相关信息报告管理工作规范（试行）, 2005, 附件),
// the card 004 传染病 二(二) names. The card numbers its options; these enums carry its numbers (①–⑨ and (1)–(6) as 1–9
// and 1–6).

/// <summary>报告类别: □初步报告 □进程报告（ 次） □结案报告 (unnumbered boxes, in the card's order).</summary>
public enum EventReportStage
{
    [Label("初步报告")] Initial = 1,
    [Label("进程报告")] Progress = 2,
    [Label("结案报告")] Closing = 3,
}

/// <summary>信息类别.</summary>
public enum EventCategory
{
    [Label("传染病")] InfectiousDisease = 1,
    [Label("食物中毒")] FoodPoisoning = 2,
    [Label("职业中毒")] OccupationalPoisoning = 3,
    [Label("其它中毒事件")] OtherPoisoning = 4,
    [Label("环境卫生")] EnvironmentalHealth = 5,
    [Label("免疫接种")] Immunization = 6,
    [Label("群体性不明原因疾病")] UnexplainedClusterIllness = 7,
    [Label("医疗机构内感染")] HealthcareAssociatedInfection = 8,
    [Label("放射性卫生")] Radiological = 9,
    [Label("其它公共卫生")] Other = 10,
}

/// <summary>突发事件等级. 6 非突发事件 only on a closing report (填卡说明).</summary>
public enum EventGrade
{
    [Label("特别重大")] ExtremelySerious = 1,
    [Label("重大")] Serious = 2,
    [Label("较大")] Major = 3,
    [Label("一般")] General = 4,
    [Label("未分级")] Ungraded = 5,
    [Label("非突发事件")] NotAnEmergency = 6,
}

/// <summary>事件发生场所.</summary>
public enum EventSetting
{
    [Label("学校")] School = 1,
    [Label("医疗卫生机构")] HealthFacility = 2,
    [Label("家庭")] Household = 3,
    [Label("宾馆饭店写字楼")] HotelOrOffice = 4,
    [Label("餐饮服务单位")] Catering = 5,
    [Label("交通运输工具")] Transport = 6,
    [Label("菜场、商场或超市")] Market = 7,
    [Label("车站、码头或机场")] Station = 8,
    [Label("党政机关办公场所")] GovernmentOffice = 9,
    [Label("企事业单位办公场所")] EnterpriseOffice = 10,
    [Label("大型厂矿企业生产场所")] LargeFactory = 11,
    [Label("中小型厂矿企业生产场所")] SmallFactory = 12,
    [Label("城市住宅小区")] UrbanResidential = 13,
    [Label("城市其它公共场所")] UrbanPublicPlace = 14,
    [Label("农村村庄")] RuralVillage = 15,
    [Label("农村农田野外")] RuralField = 16,
    [Label("其它重要公共场所")] OtherPublicPlace = 17,
}

/// <summary>如是医疗卫生机构，则 (1) 类别: ①–⑤.</summary>
public enum HealthFacilityType
{
    [Label("公办医疗机构")] PublicHospital = 1,
    [Label("疾病预防控制机构")] DiseaseControl = 2,
    [Label("采供血机构")] BloodService = 3,
    [Label("检验检疫机构")] Quarantine = 4,
    [Label("其它及私立机构")] PrivateOrOther = 5,
}

/// <summary>如是医疗卫生机构，则 (2) 感染部门: ①–⑨.</summary>
public enum HealthFacilityDepartment
{
    [Label("病房")] Ward = 1,
    [Label("手术室")] OperatingRoom = 2,
    [Label("门诊")] Outpatient = 3,
    [Label("化验室")] Laboratory = 4,
    [Label("药房")] Pharmacy = 5,
    [Label("办公室")] Office = 6,
    [Label("治疗室")] TreatmentRoom = 7,
    [Label("特殊检查室")] SpecialExamination = 8,
    [Label("其他场所")] Other = 9,
}

/// <summary>如是学校，则类别: (1)–(6).</summary>
public enum SchoolType
{
    [Label("托幼机构")] Nursery = 1,
    [Label("小学")] Primary = 2,
    [Label("中学")] Secondary = 3,
    [Label("大、中专院校")] College = 4,
    [Label("综合类学校")] Combined = 5,
    [Label("其它")] Other = 6,
}

/// <summary>事件信息来源.</summary>
public enum EventInformationSource
{
    [Label("属地医疗机构")] LocalHealthFacility = 1,
    [Label("外地医疗机构")] OtherHealthFacility = 2,
    [Label("报纸")] Newspaper = 3,
    [Label("电视")] Television = 4,
    [Label("特服号电话95120")] Hotline = 5,
    [Label("互联网")] Internet = 6,
    [Label("市民电话报告")] CitizenPhone = 7,
    [Label("上门直接报告")] InPerson = 8,
    [Label("本系统自动预警产生")] SystemAlert = 9,
    [Label("广播")] Radio = 10,
    [Label("填报单位人员目睹")] WitnessedByReporter = 11,
    [Label("其它")] Other = 12,
}

/// <summary>主要症状 (multi-select).</summary>
public enum EventSymptom
{
    [Label("呼吸道症状")] Respiratory = 1,
    [Label("胃肠道症状")] Gastrointestinal = 2,
    [Label("神经系统症状")] Neurological = 3,
    [Label("皮肤粘膜症状")] Mucocutaneous = 4,
    [Label("精神症状")] Psychiatric = 5,
    [Label("其他"), Blank] Other = 6,
}

/// <summary>
/// 突发公共卫生事件相关信息报告卡 (004 传染病 二(二)): one report about an event — the initial report, a progress report
/// (numbered), or the closing report. Times are China Standard Time, to the minute where the card asks for it. The
/// category tables (附表: 传染病、食物中毒 … 相关信息表) are not modelled field by field: their content goes in
/// <see cref="AnnexDetails"/>.
/// </summary>
public sealed record PublicHealthEventReport
{
    /// <summary>□初步报告 □进程报告（ 次） □结案报告.</summary>
    public EventReportStage? Stage { get; init; }
    /// <summary>进程报告（ 次）: the number of this progress report, 1, 2, 3 ….</summary>
    public int? ProgressNumber { get; init; }

    /// <summary>填报单位（盖章）.</summary>
    public string? ReportingUnit { get; init; }
    /// <summary>填报日期.</summary>
    public DateOnly? FilledOn { get; init; }
    /// <summary>报告人 (or the unit that reported it).</summary>
    public string? Reporter { get; init; }
    /// <summary>联系电话 of the reporter.</summary>
    [Sensitive]
    public string? ReporterPhone { get; init; }
    /// <summary>事件名称: 一般不宜超过30字, with place, kind and grade.</summary>
    public string? EventName { get; init; }
    /// <summary>信息类别.</summary>
    public EventCategory? Category { get; init; }
    /// <summary>突发事件等级.</summary>
    public EventGrade? Grade { get; init; }
    /// <summary>初步诊断.</summary>
    public string? InitialDiagnosis { get; init; }
    /// <summary>初步诊断时间.</summary>
    public DateOnly? InitialDiagnosisOn { get; init; }
    /// <summary>订正诊断.</summary>
    public string? CorrectedDiagnosis { get; init; }
    /// <summary>订正诊断时间.</summary>
    public DateOnly? CorrectedDiagnosisOn { get; init; }
    /// <summary>确认分级时间.</summary>
    public DateOnly? GradeConfirmedOn { get; init; }
    /// <summary>订正分级时间.</summary>
    public DateOnly? GradeCorrectedOn { get; init; }

    /// <summary>报告地区: 省 市 县(区), at least the county.</summary>
    public string? ReportingArea { get; init; }
    /// <summary>发生地区: 省 市 县(区) 乡(镇), to the township.</summary>
    public string? OccurrenceArea { get; init; }
    /// <summary>详细地点.</summary>
    public string? DetailedPlace { get; init; }
    /// <summary>事件发生场所.</summary>
    public EventSetting? Setting { get; init; }
    /// <summary>如是医疗卫生机构: 类别.</summary>
    public HealthFacilityType? HealthFacilityType { get; init; }
    /// <summary>如是医疗卫生机构: 感染部门.</summary>
    public HealthFacilityDepartment? HealthFacilityDepartment { get; init; }
    /// <summary>如是学校: 类别.</summary>
    public SchoolType? SchoolType { get; init; }
    /// <summary>事件信息来源.</summary>
    public EventInformationSource? InformationSource { get; init; }
    /// <summary>事件信息来源详细.</summary>
    public string? InformationSourceDetail { get; init; }
    /// <summary>事件波及的地域范围.</summary>
    public string? AffectedArea { get; init; }

    /// <summary>新报告病例数.</summary>
    public int? NewCases { get; init; }
    /// <summary>新报告死亡数.</summary>
    public int? NewDeaths { get; init; }
    /// <summary>排除病例数.</summary>
    public int? ExcludedCases { get; init; }
    /// <summary>累计报告病例数.</summary>
    public int? TotalCases { get; init; }
    /// <summary>累计报告死亡数.</summary>
    public int? TotalDeaths { get; init; }

    /// <summary>事件发生时间 (年月日时分).</summary>
    public DateTime? OccurredAt { get; init; }
    /// <summary>接到报告时间 (年月日时分): the clock of the 2-hour limit starts here.</summary>
    public DateTime? ReceivedAt { get; init; }
    /// <summary>首例病人发病时间.</summary>
    public DateTime? FirstCaseOnsetAt { get; init; }
    /// <summary>末例病人发病时间.</summary>
    public DateTime? LastCaseOnsetAt { get; init; }

    /// <summary>主要症状.</summary>
    public IReadOnlyList<EventSymptom> MainSymptoms { get; init; } = [];
    /// <summary>主要症状 其他: the text.</summary>
    public string? MainSymptomOther { get; init; }
    /// <summary>主要体征.</summary>
    public string? MainSigns { get; init; }
    /// <summary>主要措施与效果.</summary>
    public string? MeasuresAndEffect { get; init; }
    /// <summary>The category table's content (附表), as text.</summary>
    public string? AnnexDetails { get; init; }
}

/// <summary>A report as the register keeps it: the card and the time the system recorded it as reported.</summary>
public sealed record FiledEventReport(long Id, PublicHealthEventReport Report, DateTime? ReportedAt);

/// <summary>
/// One public health emergency (or its information) as the institution follows it: when the institution received
/// the information (the 2-hour clock), when the event ended if it has, and its reports in the order filed.
/// </summary>
public sealed record PublicHealthEvent(long Id, DateTime ReceivedAt, IReadOnlyList<FiledEventReport> Reports, DateOnly? EndedOn = null);
