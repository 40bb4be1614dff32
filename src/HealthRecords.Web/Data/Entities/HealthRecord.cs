namespace HealthRecords.Web.Data.Entities;

/// <summary>
/// 居民健康档案: one resident's record. The forms are stored whole as JSON documents
/// (<see cref="PersonalInfo"/>, <see cref="Cover"/>); the columns beside them are promoted copies
/// that search, scope and measures need, always written from the documents by <see cref="ApplyForms"/>.
/// </summary>
public sealed class HealthRecord
{
    public long Id { get; set; }
    public required string RecordNumber { get; set; }
    public required string RecordNumberLast8 { get; set; }
    public required string TownshipCode { get; set; }
    public required string VillageCode { get; set; }
    public int ManagingInstitutionId { get; set; }
    public string? ResponsibleDoctorId { get; set; }
    public long HouseholdId { get; set; }
    public HouseholdRelation RelationToHead { get; set; }

    public string Name { get; set; } = "";
    public Sex Sex { get; set; }
    public DateOnly BirthDate { get; set; }
    public IdDocumentType IdDocumentType { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    /// <summary>Keyed hashes of <see cref="IdNumber"/> and <see cref="Phone"/> for exact lookup; stamped on save (Data/FieldProtection).</summary>
    public byte[]? IdNumberHash { get; set; }
    public byte[]? PhoneHash { get; set; }
    /// <summary>
    /// The key-population facts that do not age (<see cref="KeyPopulationRules.Stamped"/>); membership on a day, which
    /// depends on age, is computed from <see cref="BirthDate"/> (<see cref="KeyPopulationRules.On"/>, <c>KeyPopulationQueries</c>).
    /// </summary>
    public KeyPopulation KeyPopulations { get; set; }
    public bool Pregnant { get; set; }

    public PersonalInfo PersonalInfo { get; set; } = new();
    public RecordCover Cover { get; set; } = new();

    public RecordStatus Status { get; set; } = RecordStatus.Active;
    public ClosureReason? ClosureReason { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? ClosureDestination { get; set; }
    public string? ClosureHandOver { get; set; }
    public string? ClosureNote { get; set; }
    public long? MergedIntoId { get; set; }

    public DateOnly CreatedOn { get; set; }
    public required string CreatedById { get; set; }
    public int CreatedAtInstitutionId { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>Optimistic concurrency token: every save increments it; a save with an older value is refused.</summary>
    public int Version { get; set; }

    public List<NameSearchKey> NameKeys { get; set; } = [];

    /// <summary>Copies the promoted fields from the forms. The only writer of those columns.</summary>
    public void ApplyForms(PersonalInfo info, RecordCover cover, bool pregnant, DateOnly today)
    {
        PersonalInfo = info;
        Cover = cover;
        Name = info.Name.Trim();
        Sex = info.Sex ?? Sex.Unknown; // validated: never null on a saved form
        BirthDate = info.BirthDate;
        IdDocumentType = info.IdDocumentType;
        IdNumber = string.IsNullOrWhiteSpace(info.IdNumber) ? null : info.IdNumber.Trim().ToUpperInvariant();
        Phone = string.IsNullOrWhiteSpace(info.Phone) ? null : info.Phone.Trim();
        Pregnant = pregnant;
        KeyPopulations = KeyPopulationRules.Stamped(info, pregnant);
        var keys = Domain.Search.Pinyin.SearchKeys(Name);
        NameKeys.RemoveAll(k => !keys.Contains(k.Key));
        foreach (var key in keys.Where(k => NameKeys.All(n => n.Key != k)))
        {
            NameKeys.Add(new NameSearchKey { Key = key, TownshipCode = TownshipCode });
        }
        foreach (var key in NameKeys)
        {
            key.TownshipCode = TownshipCode;
        }
    }
}

/// <summary>One pinyin key of a resident's name ("zhangsan", "zs"), for prefix search.</summary>
public sealed class NameSearchKey
{
    public long HealthRecordId { get; set; }
    public required string Key { get; set; }
    public string TownshipCode { get; set; } = "";
}

public enum RecordStatus
{
    [Label("在管")] Active = 1,
    [Label("已终止")] Closed = 2,
    [Label("已合并")] Merged = 3,
}
