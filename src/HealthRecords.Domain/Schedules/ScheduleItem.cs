namespace HealthRecords.Domain.Schedules;

/// <summary>
/// One service due for one person, as a schedule rule of the specification decides it: a pure function takes the
/// person's history (the dates and results of earlier services) and today, and returns these. The host turns them
/// into work-list lines; it never decides what is due or when.
/// </summary>
/// <param name="Kind">What is due, a stable key the service declares ("follow-up", "referral-follow-up", "prenatal-2" …).</param>
/// <param name="Title">The Chinese text shown on the work list, e.g. "高血压随访", "第2次产前随访（孕16~20周）".</param>
/// <param name="WindowStart">The first day the service may be done on schedule; it is listed as coming from here.</param>
/// <param name="DueDate">The day it is due (the work list sorts and plans by it).</param>
/// <param name="WindowEnd">The last day it is on time; from the day after, it is overdue. Equal to
/// <paramref name="DueDate"/> for a service without a window (a next follow-up date).</param>
/// <param name="Urgent">A danger sign or a referral awaiting its result: sorts first.</param>
/// <param name="SourceId">The stored row the item comes from (the last follow-up, the referral …), if any.</param>
public sealed record ScheduleItem(
    string Kind,
    string Title,
    DateOnly WindowStart,
    DateOnly DueDate,
    DateOnly WindowEnd,
    bool Urgent = false,
    long? SourceId = null)
{
    /// <summary>An item due on one day, without a window: overdue from the next day.</summary>
    public static ScheduleItem On(string kind, string title, DateOnly due, bool urgent = false, long? sourceId = null) =>
        new(kind, title, due, due, due, urgent, sourceId);

    /// <summary>Past the last day of its window.</summary>
    public bool IsOverdue(DateOnly today) => today > WindowEnd;

    /// <summary>Days since the window closed; 0 while on time.</summary>
    public int DaysOverdue(DateOnly today) => Math.Max(0, today.DayNumber - WindowEnd.DayNumber);
}
