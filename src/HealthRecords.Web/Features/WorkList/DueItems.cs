using HealthRecords.Domain.Schedules;

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
/// <param name="DueDate">The day it is due (the list sorts and plans by it); overdue after <see cref="WindowEnd"/>.</param>
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
    long? SourceId = null)
{
    /// <summary>The first day the service may be done on schedule (the due date for a service without a window).</summary>
    public DateOnly WindowStart { get; init; } = DueDate;

    /// <summary>The last day the service is on time; from the day after, it is overdue.</summary>
    public DateOnly WindowEnd { get; init; } = DueDate;

    /// <summary>A line of a resident's schedule: what a domain schedule rule decided, with where the user does it.</summary>
    public static DueItem From(long recordId, string service, ScheduleItem item, string? link) =>
        new(recordId, service, item.Kind, item.Title, item.DueDate, item.Urgent, link, item.SourceId)
        {
            WindowStart = item.WindowStart,
            WindowEnd = item.WindowEnd,
        };

    /// <summary>Past the last day of its window (the work list's overdue).</summary>
    public bool IsOverdue(DateOnly today) => today > WindowEnd;

    /// <summary>Days since the window closed; 0 while on time.</summary>
    public int DaysOverdue(DateOnly today) => Math.Max(0, today.DayNumber - WindowEnd.DayNumber);
}

public static class DueServices
{
    public const string Hypertension = "hypertension";
    public const string Diabetes = "diabetes";
    public const string Referral = "referral";
    public const string Elderly = "elderly";
    public const string Examination = "examination";
    public const string Screening = "screening";
}

/// <summary>The kinds of item the services share, as the domain's schedule rules name them (<see cref="ScheduleKinds"/>).</summary>
public static class DueKinds
{
    public const string FollowUp = ScheduleKinds.FollowUp;
    public const string ReferralFollowUp = ScheduleKinds.ReferralFollowUp;
    public const string ScreeningRecheck = ScheduleKinds.ScreeningRecheck;
    public const string NeverFollowedUp = ScheduleKinds.NeverFollowedUp;
    public const string AnnualExamination = ScheduleKinds.AnnualExamination;
    public const string Reminder = ScheduleKinds.Reminder;
}

/// <summary>
/// A service's contribution to the work list, registered by its module (<c>module.WorkList&lt;T&gt;()</c>). A source only
/// loads the history its schedule needs from the service's own tables and calls the domain's schedule rule (a pure
/// function returning <see cref="ScheduleItem"/>s, e.g. <c>ChronicSchedule.Due</c>); it never decides what is due.
/// Items are computed at query time (no overnight batch), so the list changes as soon as a form is saved.
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
