namespace HealthRecords.Domain.Schedules;

/// <summary>The kinds of <see cref="ScheduleItem"/> the services share (a service may declare its own keys as well).</summary>
public static class ScheduleKinds
{
    public const string FollowUp = "follow-up";
    public const string ReferralFollowUp = "referral-follow-up";
    public const string ScreeningRecheck = "screening-recheck";
    public const string NeverFollowedUp = "never-followed-up";
    public const string AnnualExamination = "annual-examination";
    public const string Reminder = "reminder";
}
