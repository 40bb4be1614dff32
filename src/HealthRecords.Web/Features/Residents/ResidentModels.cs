namespace HealthRecords.Web.Features.Residents;

/// <summary>What a user submits to create or edit a record: the two forms and where the resident lives.</summary>
public sealed record ResidentInput
{
    public PersonalInfo Info { get; init; } = new();
    public RecordCover Cover { get; init; } = new();
    /// <summary>12-digit statistics code of the village or residents' committee.</summary>
    public string VillageCode { get; init; } = "";
    /// <summary>An existing household to join; when empty a new household is opened with this resident as head.</summary>
    public long? HouseholdId { get; init; }
    public HouseholdRelation RelationToHead { get; init; } = HouseholdRelation.Head;
    public bool Pregnant { get; init; }
    public string? ResponsibleDoctorId { get; init; }
    /// <summary>The user has seen the likely duplicates and confirms this is a different person.</summary>
    public bool ConfirmNotDuplicate { get; init; }
    /// <summary>On edit: the version the user started from (optimistic concurrency).</summary>
    public int? Version { get; init; }
}

/// <summary>A record as a page or API client reads it; views carry ID number and phones masked (<see cref="Masked"/>).</summary>
public sealed record ResidentDetail(
    long Id,
    string RecordNumber,
    string RecordNumberLast8,
    PersonalInfo Info,
    RecordCover Cover,
    string CountyName,
    string TownshipCode,
    string TownshipName,
    string VillageCode,
    string VillageName,
    long HouseholdId,
    HouseholdRelation RelationToHead,
    int ManagingInstitutionId,
    string ManagingInstitutionName,
    string? ResponsibleDoctorId,
    string? ResponsibleDoctorName,
    int Age,
    KeyPopulation KeyPopulations,
    bool Pregnant,
    RecordStatus Status,
    ClosureReason? ClosureReason,
    DateOnly? ClosedOn,
    string? ClosureDestination,
    string? ClosureHandOver,
    string? ClosureNote,
    long? MergedIntoId,
    DateOnly CreatedOn,
    string CreatedByName,
    string CreatedAtInstitutionName,
    int Version)
{
    /// <summary>This record with its ID number and phones masked.</summary>
    public ResidentDetail Masked() => this with { Info = Masking.Info(Info) };
}

/// <summary>One row of a list: ID number and phone masked.</summary>
public sealed record ResidentListItem(
    long Id,
    string RecordNumber,
    string Name,
    Sex Sex,
    DateOnly BirthDate,
    int Age,
    string? IdNumberMasked,
    string? PhoneMasked,
    string VillageName,
    long HouseholdId,
    KeyPopulation KeyPopulations,
    RecordStatus Status);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>
/// A record that may be the same person as the one being entered. Outside the user's scope only that it exists, why it
/// matched and which institution manages it (<see cref="InScope"/> false; everything else null).
/// </summary>
public sealed record DuplicateCandidate(long? Id, string? RecordNumber, string? Name, DateOnly? BirthDate, string? IdNumberMasked, string? PhoneMasked, string? VillageName, string Reason,
    string ManagingInstitution, bool InScope);

/// <summary>
/// The conflict a second record for an existing ID number gets: where the existing record is when it is in the user's
/// scope; outside it only the managing institution (id, record number and link null).
/// </summary>
public sealed record ExistingRecord(long? Id, string? RecordNumber, string? Link, string ManagingInstitution, bool InScope);

public sealed record ClosureInput(ClosureReason Reason, DateOnly? ClosedOn, string? Destination, string? HandOver, string? Note, int Version);

public sealed record ReopenInput(string Reason, int Version);

/// <param name="ResponsibleDoctorId">The receiving institution's 责任医生 (required when it has any: <see cref="ResponsibleDoctors"/>).</param>
public sealed record TransferInput(string ToVillageCode, DateOnly? TransferredOn, string HandOverNote, int Version, string? ResponsibleDoctorId = null);

public sealed record MergeInput(long SurvivorId, long MergedId, string? Note);

/// <param name="Field">The field's key (JSON path, e.g. info.sex); <paramref name="Label"/> is its Chinese name.</param>
public sealed record ChangeEntry(DateTime ChangedAtUtc, string ChangedByName, string Field, string? OldValue, string? NewValue, string? Reason, string Label = "");

public sealed record TimelineEvent(DateOnly On, string Kind, string Title, string? Detail);

/// <param name="Lent">Read through an approved access request (档案借阅), outside the user's scope: read-only.</param>
public sealed record ResidentOverview(ResidentDetail Record, IReadOnlyList<TimelineEvent> Timeline, IReadOnlyList<HouseholdMember> Household, IReadOnlyList<TransferView> Transfers, bool Lent = false);

public sealed record HouseholdMember(long Id, string Name, HouseholdRelation Relation, Sex Sex, int Age, RecordStatus Status);

/// <summary>A hand-over: who handed the record to whom, the resident (ID number masked) and where the record stands now.</summary>
public sealed record TransferView(long Id, long HealthRecordId, string RecordNumber, string Name, string FromInstitution, string ToInstitution, string FromVillage, string ToVillage, DateOnly TransferredOn, string HandOverNote,
    int FromInstitutionId, int ToInstitutionId, string? IdNumberMasked, RecordStatus Status);
