namespace HealthRecords.Domain.Records;

/// <summary>
/// 个人基本信息表 (004 附件3), every field. Coded answers hold the form's numbers; every 其他 has its text.
/// Immutable: an edit produces a new form, and the host logs the changed fields.
/// </summary>
public sealed record PersonalInfo
{
    public string Name { get; init; } = "";
    /// <summary>性别: no default (a form left blank is asked for it); with a resident ID number, taken from it when left out.</summary>
    public Sex? Sex { get; init; }
    /// <summary>出生日期: from the ID card where there is one.</summary>
    public DateOnly BirthDate { get; init; }
    public IdDocumentType IdDocumentType { get; init; } = IdDocumentType.ResidentIdCard;
    /// <summary>身份证号, or the number of the document named by <see cref="IdDocumentType"/>.</summary>
    [Sensitive]
    public string? IdNumber { get; init; }
    /// <summary>工作单位: full name; retired: the last; unemployed or never employed: say so.</summary>
    public string? WorkUnit { get; init; }
    /// <summary>本人电话.</summary>
    [Sensitive]
    public string? Phone { get; init; }
    public string? ContactName { get; init; }
    [Sensitive]
    public string? ContactPhone { get; init; }
    public ResidenceType ResidenceType { get; init; } = ResidenceType.Registered;
    public Ethnicity? Ethnicity { get; init; }
    /// <summary>少数民族 written in full, e.g. 土家族.</summary>
    public string? EthnicityName { get; init; }
    public BloodType? BloodType { get; init; }
    public RhNegative? RhNegative { get; init; }
    public Education? Education { get; init; }
    public Occupation? Occupation { get; init; }
    public MaritalStatus? MaritalStatus { get; init; }
    public IReadOnlyList<PaymentMethod> PaymentMethods { get; init; } = [];
    public string? PaymentOther { get; init; }
    public IReadOnlyList<DrugAllergy> DrugAllergies { get; init; } = [];
    public string? DrugAllergyOther { get; init; }
    /// <summary>
    /// 过敏史 of the information card (004 附件8 填表说明2) beyond drugs: foods, pollen and other substances the resident
    /// is allergic to, by name. 附件3 asks only for drugs; the card asks for every allergy.
    /// </summary>
    public string? OtherAllergies { get; init; }
    public IReadOnlyList<Exposure> Exposures { get; init; } = [];
    /// <summary>既往史 疾病, each with its 确诊时间.</summary>
    public IReadOnlyList<PastDisease> PastDiseases { get; init; } = [];
    public Presence? Surgery { get; init; }
    public IReadOnlyList<HistoryEvent> Surgeries { get; init; } = [];
    public Presence? Trauma { get; init; }
    public IReadOnlyList<HistoryEvent> Traumas { get; init; } = [];
    public Presence? Transfusion { get; init; }
    /// <summary>输血: the reason in <see cref="HistoryEvent.Name"/>.</summary>
    public IReadOnlyList<HistoryEvent> Transfusions { get; init; } = [];
    public FamilyHistory FamilyHistory { get; init; } = new();
    public Presence? HereditaryDisease { get; init; }
    public string? HereditaryDiseaseName { get; init; }
    public IReadOnlyList<Disability> Disabilities { get; init; } = [];
    public string? DisabilityOther { get; init; }
}

/// <summary>One past disease: its code, the year and month of diagnosis, and the text where the form asks for it
/// (恶性肿瘤: site or name; 职业病: name; 其他: the disease).</summary>
public sealed record PastDisease(PastDiseaseCode Code, YearMonth? DiagnosedOn, string? Detail = null);

/// <summary>A surgery, trauma (名称) or transfusion (原因) with its time.</summary>
public sealed record HistoryEvent(string Name, YearMonth? On);

/// <summary>家族史 of the direct relatives, each multi-select with a text for 其他.</summary>
public sealed record FamilyHistory
{
    public RelativeHistory Father { get; init; } = new();
    public RelativeHistory Mother { get; init; } = new();
    public RelativeHistory Siblings { get; init; } = new();
    public RelativeHistory Children { get; init; } = new();
}

public sealed record RelativeHistory
{
    public IReadOnlyList<FamilyDisease> Diseases { get; init; } = [];
    public string? Other { get; init; }
}
