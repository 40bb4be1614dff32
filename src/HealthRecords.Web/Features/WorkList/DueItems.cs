using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;

namespace HealthRecords.Web.Features.WorkList;

/// <summary>
/// One thing due for one resident (工作清单的一项), contributed by a service from its own rules:
/// a next follow-up date, an overdue visit, a referral awaiting its result, a screening re-check,
/// a patient never followed up this year. The work list is the union of every <see cref="IDueItemSource"/>.
/// </summary>
/// <param name="HealthRecordId">The resident's record.</param>
/// <param name="Service">The contributing service, one of <see cref="DueServices"/>.</param>
/// <param name="Kind">What is due, one of <see cref="DueKinds"/>.</param>
/// <param name="Title">Chinese text shown on the list, e.g. "高血压随访", "转诊后随访".</param>
/// <param name="DueDate">The day it is due; before today means overdue.</param>
/// <param name="Urgent">A danger sign or a referral: sorts first.</param>
/// <param name="Link">The page where the user does it, e.g. "/residents/12/hypertension/new".</param>
/// <param name="SourceId">The row it comes from (follow-up id, referral id …), so a contact attempt can refer to it.</param>
public sealed record DueItem(
    long HealthRecordId,
    string Service,
    string Kind,
    string Title,
    DateOnly DueDate,
    bool Urgent,
    string? Link,
    long? SourceId = null);

public static class DueServices
{
    public const string Hypertension = "hypertension";
    public const string Diabetes = "diabetes";
    public const string Referral = "referral";
    public const string Elderly = "elderly";
    public const string Examination = "examination";
    public const string Screening = "screening";
}

public static class DueKinds
{
    public const string FollowUp = "follow-up";
    public const string ReferralFollowUp = "referral-follow-up";
    public const string ScreeningRecheck = "screening-recheck";
    public const string NeverFollowedUp = "never-followed-up";
    public const string AnnualExamination = "annual-examination";
    public const string Reminder = "reminder";
}

/// <summary>
/// A service's contribution to the work list. Register with <c>services.AddScoped&lt;IDueItemSource, …&gt;()</c>.
/// Items are computed from the service's own tables at query time (no overnight batch), so the list
/// changes as soon as a form is saved.
/// </summary>
public interface IDueItemSource
{
    /// <summary>
    /// Items for records in <paramref name="records"/> (already restricted to the user's scope and to active
    /// records) due on or before <paramref name="until"/>, overdue ones included.
    /// </summary>
    Task<IReadOnlyList<DueItem>> DueAsync(
        HealthRecordsDbContext db,
        IQueryable<HealthRecord> records,
        DateOnly today,
        DateOnly until,
        CancellationToken ct);
}
