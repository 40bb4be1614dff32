namespace HealthRecords.Domain.Immunisation;

/// <summary>接种部位 of an injected vaccine (附件2 填表说明 7: 左侧用1表示，右侧用2表示).</summary>
public enum InjectionSite
{
    [Label("左")] Left = 1,
    [Label("右")] Right = 2,
}

/// <summary>与儿童关系 (附件2 填表说明 3: 注明母亲、父亲或其他关系). The form has a blank; the numbers are ours.</summary>
public enum GuardianRelation
{
    [Label("母亲")] Mother = 1,
    [Label("父亲")] Father = 2,
    [Label("其他"), Examinations.Blank] Other = 3,
}

/// <summary>户籍地址: 1 同家庭现住址, 2 another address written to the township (附件2 填表说明 5).</summary>
public enum HukouAddressKind
{
    [Label("同家庭地址")] SameAsHome = 1,
    [Label("其他地址"), Examinations.Blank] Elsewhere = 2,
}

/// <summary>监护人: only one (填表说明 3), with the relation and a phone.</summary>
public sealed record Guardian(string? Name = null, GuardianRelation? Relation = null, string? RelationOther = null, [property: Sensitive] string? Phone = null);

/// <summary>An address written to the township only (填表说明 4, 5): 省 市 县(区) 乡镇(街道).</summary>
public sealed record TownshipAddress(string? Province = null, string? City = null, string? County = null, string? Township = null);

/// <summary>
/// One dose given (接种记录): the card's row (接种日期, 接种部位, 疫苗批号, 接种医生, 备注) and what the booklet (预防接种证)
/// adds (生产企业, 接种单位, 有效日期), and the schedule version it was given under (issue #18: records keep which
/// version applied).
/// </summary>
/// <param name="VaccineCode">The vaccine's code in the schedule's catalogue.</param>
/// <param name="DoseNumber">剂次 of this vaccine, 1, 2 … as the card numbers its rows.</param>
/// <param name="Date">接种日期.</param>
/// <param name="Site">接种部位 for injected vaccines only.</param>
/// <param name="BatchNumber">疫苗批号.</param>
/// <param name="Manufacturer">生产企业.</param>
/// <param name="Doctor">接种医生.</param>
/// <param name="Institution">接种单位.</param>
/// <param name="ExpiryDate">有效日期 (有效截止日期) of the batch, as the booklet asks.</param>
/// <param name="Remark">备注: 乙肝疫苗的种类（酵母苗/CHO苗）、百白破疫苗的种类（全细胞苗/无细胞苗）、特殊情况下的剂量 (填表说明 8).</param>
/// <param name="OtherVaccineName">The vaccine's name when it is 其他疫苗 (填表说明 9).</param>
/// <param name="ScheduleCode">The schedule version in force when it was given.</param>
/// <param name="OverrideReason">Why it was given against a rule of the schedule (too early, inside an interval), when it was.</param>
public sealed record Vaccination(
    string VaccineCode,
    int DoseNumber,
    DateOnly Date,
    InjectionSite? Site = null,
    string? BatchNumber = null,
    string? Manufacturer = null,
    string? Doctor = null,
    string? Institution = null,
    DateOnly? ExpiryDate = null,
    string? Remark = null,
    string? OtherVaccineName = null,
    string? ScheduleCode = null,
    string? OverrideReason = null);

/// <summary>
/// 预防接种卡 (004 预防接种服务规范 附件2), every field, for each child living in the area for 3 months or more
/// (二(一)1). Immutable. 姓名 may be empty until the child is named (填表说明 1).
/// </summary>
public sealed record VaccinationCard
{
    /// <summary>姓名.</summary>
    public string? Name { get; init; }
    /// <summary>编号 □□□-□□□□□.</summary>
    public string? CardNumber { get; init; }
    public Sex Sex { get; init; }
    /// <summary>出生日期.</summary>
    public DateOnly BirthDate { get; init; }
    /// <summary>监护人姓名, 与儿童关系, 联系电话.</summary>
    public Guardian Guardian { get; init; } = new();
    /// <summary>家庭现住址: 县(区) 乡镇(街道).</summary>
    public TownshipAddress HomeAddress { get; init; } = new();
    /// <summary>户籍地址: 1 同家庭地址, or 2 with the address.</summary>
    public HukouAddressKind? HukouKind { get; init; }
    public TownshipAddress? HukouAddress { get; init; }
    /// <summary>迁入时间.</summary>
    public DateOnly? MovedInOn { get; init; }
    /// <summary>迁出时间.</summary>
    public DateOnly? MovedOutOn { get; init; }
    /// <summary>迁出原因.</summary>
    public string? MoveOutReason { get; init; }
    /// <summary>疫苗异常反应史 (asked before each vaccination, 填表说明 6).</summary>
    public string? AdverseReactionHistory { get; init; }
    /// <summary>接种禁忌 (asked before each vaccination).</summary>
    public string? Contraindications { get; init; }
    /// <summary>传染病史 (asked before each vaccination).</summary>
    public string? InfectiousDiseaseHistory { get; init; }
    /// <summary>建卡日期.</summary>
    public DateOnly CreatedOn { get; init; }
    /// <summary>建卡人.</summary>
    public string? CreatedBy { get; init; }
    /// <summary>The dose table.</summary>
    public IReadOnlyList<Vaccination> Doses { get; init; } = [];
}
