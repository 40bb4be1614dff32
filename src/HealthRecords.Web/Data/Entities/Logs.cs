namespace HealthRecords.Web.Data.Entities;

/// <summary>One changed field of a record: the paper rule "amend in place and note the date" as a log.</summary>
public sealed class RecordChange
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    public DateTime ChangedAtUtc { get; set; }
    public required string ChangedById { get; set; }
    public required string ChangedByName { get; set; }
    /// <summary>Field path in the form, e.g. "personalInfo.phone" or "status".</summary>
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The next free sequence of a village's record numbers. Numbers are never reused.</summary>
public sealed class RecordNumberSequence
{
    public required string VillageCode { get; set; }
    public int LastSequence { get; set; }
}

/// <summary>A merge of a duplicate into a surviving record, with the merged record as it was.</summary>
public sealed class RecordMerge
{
    public long Id { get; set; }
    public long SurvivorId { get; set; }
    public long MergedId { get; set; }
    public DateTime MergedAtUtc { get; set; }
    public required string MergedById { get; set; }
    public required string MergedSnapshotJson { get; set; }
    public string? Note { get; set; }
}

/// <summary>档案迁移、交接: a record handed from one institution to another; both sides see it.</summary>
public sealed class RecordTransfer
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    public int FromInstitutionId { get; set; }
    public int ToInstitutionId { get; set; }
    public required string FromVillageCode { get; set; }
    public required string ToVillageCode { get; set; }
    public DateOnly TransferredOn { get; set; }
    public required string TransferredById { get; set; }
    public required string HandOverNote { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>Append-only audit of reads and changes of records. Holds no personal data beyond the record id.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string UserId { get; set; }
    /// <summary>The user's display name and role when the entry was written (accounts can be renamed or change role later).</summary>
    public string? UserName { get; set; }
    public string? UserRole { get; set; }
    /// <summary>The user's institution at the time, so a record keeper's search can be scoped to their institution's users.</summary>
    public int? InstitutionId { get; set; }
    public required string Action { get; set; }
    public long? HealthRecordId { get; set; }
    public string? Detail { get; set; }
    public string? RemoteIp { get; set; }
}

/// <summary>档案借阅: a request by staff outside a record's scope to read it, decided by the managing institution.</summary>
public sealed class AccessRequest
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    /// <summary>The institution that managed the record when the request was made; its keepers decide.</summary>
    public int ManagingInstitutionId { get; set; }
    public required string RequesterId { get; set; }
    public required string RequesterName { get; set; }
    public int? RequesterInstitutionId { get; set; }
    public required string Reason { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public AccessRequestStatus Status { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecisionNote { get; set; }
    /// <summary>When an approval stops letting the requester read the record.</summary>
    public DateTime? ExpiresAtUtc { get; set; }
}

public enum AccessRequestStatus
{
    Pending = 0,
    Approved = 1,
    Refused = 2,
}
