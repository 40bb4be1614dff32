namespace HealthRecords.Web.Data.Entities;

/// <summary>
/// A one-time activation code that lets a resident (or a child's guardian) open a portal account.
/// Only a hash of the code is stored; it expires, is used once, and a newer code voids it.
/// </summary>
public sealed class ActivationCode
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    public required string CodeHash { get; set; }
    public DateTime IssuedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public required string IssuedById { get; set; }
    public DateTime? UsedAtUtc { get; set; }
    public DateTime? VoidedAtUtc { get; set; }
    /// <summary>Wrong codes tried against this one; after too many it is voided.</summary>
    public int FailedAttempts { get; set; }
}

/// <summary>A resident's report that their phone or address on the record is wrong, for the record keeper to confirm.</summary>
public sealed class RecordCorrection
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    public CorrectionField Field { get; set; }
    public required string NewValue { get; set; }
    public string? Note { get; set; }
    public CorrectionStatus Status { get; set; } = CorrectionStatus.Pending;
    public DateTime SubmittedAtUtc { get; set; }
    public required string SubmittedById { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public string? RejectReason { get; set; }
}

public enum CorrectionField
{
    [Label("本人电话")] Phone = 1,
    [Label("现住址")] Address = 2,
}

public enum CorrectionStatus
{
    [Label("待核实")] Pending = 1,
    [Label("已更正")] Confirmed = 2,
    [Label("未采纳")] Rejected = 3,
}
