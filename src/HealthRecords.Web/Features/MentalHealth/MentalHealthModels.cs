using System.Text.Json.Nodes;
using HealthRecords.Domain.MentalHealth;

namespace HealthRecords.Web.Features.MentalHealth;

/// <summary>个人信息补充表 as sent: the form, whether the yearly examination is agreed, and on a change the version read.</summary>
public sealed record MentalHealthProfileInput
{
    public MentalIllnessProfile? Form { get; init; }
    /// <summary>病情许可, 监护人与患者本人同意 the yearly examination (004 二(四)).</summary>
    public bool ExaminationAgreed { get; init; }
    /// <summary>Required on a change: the version that was read; an older one gets 409.</summary>
    public int? Version { get; init; }
}

/// <summary>The end of a registration: the day and why (迁出, 死亡, 诊断排除 …), with the version read.</summary>
public sealed record MentalHealthRemovalInput(DateOnly? RemovedOn, string? Reason, int? Version);

/// <summary>随访服务记录表 as sent (the override reason is the form's own <c>overrideReason</c>); on a change the version read.</summary>
public sealed record MentalHealthFollowUpInput
{
    public MentalIllnessFollowUp? Form { get; init; }
    public int? Version { get; init; }
}

/// <summary>
/// The rules' suggestion for a follow-up as typed so far: class, actions, next date, reasons. The reasons name the
/// restricted facts (危险性, 症状), so they are given only to a viewer who may see those.
/// </summary>
public sealed record MentalHealthSuggestion(
    int? Condition, string? ConditionLabel, DateOnly? NextVisitDate, IReadOnlyList<string> Actions, IReadOnlyList<string> Reasons,
    bool Referral, bool Urgent, bool EndsObservation);

/// <summary>A resident's severe mental disorders service: the registration (if any) and the follow-ups, newest first.</summary>
/// <param name="MaySeeRestricted">The viewer may see the restricted fields (else they are null and listed in each <c>Masked</c>).</param>
public sealed record MentalHealthSummary(long RecordId, bool MaySeeRestricted, MentalHealthPatientView? Patient, IReadOnlyList<MentalHealthFollowUpSummary> FollowUps);

/// <summary>A registration as read: the promoted facts and the current profile (masked for a viewer who may not see it).</summary>
public sealed record MentalHealthPatientView(
    long Id, long RecordId, DateOnly EnrolledOn, int? Consent, string ConsentLabel, bool Managed, bool ExaminationAgreed,
    DateOnly? RemovedOn, string? RemovalReason, int ProfileVersions, int Version, JsonObject Form, IReadOnlyList<string> Masked);

/// <summary>One earlier (or the current) version of the profile.</summary>
public sealed record MentalHealthProfileVersionView(
    int Number, string Cause, string ChangedBy, DateTime ChangedAtUtc, JsonObject Form, IReadOnlyList<string> Masked);

/// <summary>A follow-up in a list: nothing restricted (the class and the dates are not).</summary>
public sealed record MentalHealthFollowUpSummary(
    long Id, DateOnly VisitDate, int Condition, string ConditionLabel, string? SuggestedConditionLabel, DateOnly? NextVisitDate,
    bool Referred, bool Urgent, bool Overridden, string CreatedBy);

/// <summary>A follow-up as read: decided and suggested class and next date, the override reason, the form (masked as needed).</summary>
public sealed record MentalHealthFollowUpView(
    long Id, long PatientId, long RecordId, DateOnly VisitDate, int Condition, string ConditionLabel, int? SuggestedCondition,
    string? SuggestedConditionLabel, DateOnly? NextVisitDate, DateOnly? SuggestedNextVisitDate, bool Referred, bool Urgent,
    string? OverrideReason, int Version, JsonObject Form, IReadOnlyList<string> Masked);

/// <summary>A staff account's mental-health designation, as the administrators see it.</summary>
public sealed record MentalHealthStaffView(string UserId, string UserName, string DisplayName, int Duty, string DutyLabel);

/// <summary>A designation as sent: 1 本机构精神卫生专业人员, 2 区县精神卫生监管人员.</summary>
public sealed record MentalHealthStaffInput(MentalHealthDuty? Duty);
