namespace HealthRecords.Web.Data.Entities;

/// <summary>How a contact from the work list went: a home or clinic visit, a phone call, or nobody reached.</summary>
public enum ContactOutcome
{
    [Label("上门/门诊见到本人")] Visit = 1,
    [Label("电话联系到本人")] Phone = 2,
    [Label("未联系上")] Unreachable = 3,
}

/// <summary>
/// 联系记录: one attempt to reach a resident about a work-list item (issue #5 "a visit, a phone contact or an
/// unreachable attempt can be recorded from the list"). It is shown beside the item; it does not close the item:
/// the item leaves the list when its service's own form is saved.
/// </summary>
public sealed class ContactAttempt
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    /// <summary>The item's service and kind (<c>DueServices</c>, <c>DueKinds</c>) and source row, so the attempt sits beside its item.</summary>
    public required string Service { get; set; }
    public required string Kind { get; set; }
    public long? SourceId { get; set; }
    public ContactOutcome Outcome { get; set; }
    public string? Note { get; set; }
    public DateOnly ContactedOn { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
