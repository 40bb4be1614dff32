using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>
/// Enrolment: the date, where the diagnosis came from, and, for a patient under 35 on that day (not a target of 004
/// 高血压/糖尿病 一), the doctor's reason for managing them anyway.
/// </summary>
public sealed record EnrolInput(DateOnly? EnrolledOn, EnrolmentSource? Source, long? SourceId, string? BelowTargetAgeReason = null);

public sealed record WithdrawInput(DateOnly? On, string? Reason, int? Version);

public sealed record RestoreInput(string? Reason, int? Version);

public sealed record EnrolmentView(
    long Id, long HealthRecordId, ChronicDisease Disease, string DiseaseLabel, DateOnly EnrolledOn, EnrolmentSource Source,
    string SourceLabel, long? SourceId, string EnrolledByName, bool Withdrawn, DateOnly? WithdrawnOn, string? WithdrawReason,
    DateOnly? RestoredOn, string? RestoreReason, int Version, string? BelowTargetAgeReason = null);

/// <summary>
/// A hypertension follow-up as sent: the form, the reason for departing from the suggestion, (to edit) the version,
/// and, when the doctor marks the annual health examination as this follow-up, the examination's id.
/// </summary>
public sealed record HypertensionFollowUpInput(HypertensionFollowUp Form, string? OverrideReason = null, int? Version = null, long? ExaminationId = null);

public sealed record DiabetesFollowUpInput(DiabetesFollowUp Form, string? OverrideReason = null, int? Version = null, long? ExaminationId = null);

/// <summary>
/// One visit of a patient with both diseases (001 六(九)): the shared fields once, each disease's own fields,
/// and a reason per disease where the doctor departs from the suggestion. Both follow-ups are written together.
/// </summary>
public sealed record CombinedVisitInput(
    SharedVisit Shared,
    HypertensionFollowUp Hypertension,
    DiabetesFollowUp Diabetes,
    string? HypertensionOverrideReason = null,
    string? DiabetesOverrideReason = null,
    long? ExaminationId = null);

public sealed record FollowUpView(
    long Id,
    long HealthRecordId,
    ChronicDisease Disease,
    string DiseaseLabel,
    DateOnly VisitDate,
    VisitMode VisitMode,
    int? Systolic,
    int? Diastolic,
    decimal? FastingGlucose,
    bool? Controlled,
    VisitClassification? SuggestedClassification,
    VisitClassification Classification,
    string ClassificationLabel,
    FollowUpAction SuggestedAction,
    string SuggestedActionLabel,
    DateOnly SuggestedNextVisitDate,
    DateOnly NextVisitDate,
    string? OverrideReason,
    IReadOnlyList<string> DangerSigns,
    bool Referral,
    bool UrgentReferral,
    Guid? CombinedVisitId,
    long? ExaminationId,
    string CreatedByName,
    int Version,
    HypertensionFollowUp? Hypertension,
    DiabetesFollowUp? Diabetes);

public sealed record CombinedVisitView(FollowUpView Hypertension, FollowUpView Diabetes);

/// <summary>
/// What a new follow-up form starts from: the medications of the previous visit carried over, the suggestion inputs, and
/// (issue #15 items 11, 16, <see cref="FollowUpCarryOver"/>) the previous visit's lifestyle lines and targets
/// (<see cref="CarriedOver"/>: lifestyle, weight/BMI targets, 妊娠期或哺乳期 pre-ticked from the record) and the form's own
/// carried lines (<see cref="Hypertension"/>: 摄盐情况; <see cref="Diabetes"/>: 主食), all for the doctor to confirm.
/// </summary>
public sealed record FollowUpDraft(
    ChronicDisease Disease,
    DateOnly EnrolledOn,
    bool? PreviousControlled,
    DateOnly? PreviousVisitDate,
    IReadOnlyList<Medication> Medications,
    Insulin? Insulin,
    string Doctor,
    long? ExaminationId = null,
    SharedVisit? FromExamination = null,
    decimal? ExaminationFastingGlucose = null,
    RecordedHeight? Height = null,
    SharedVisit? CarriedOver = null,
    HypertensionFollowUp? Hypertension = null,
    DiabetesFollowUp? Diabetes = null);

public sealed record ScreeningInput(DateOnly? TakenOn, int? Systolic, int? Diastolic, bool HighRisk);

public sealed record ScreeningView(
    bool Applies,
    bool PromptsBloodPressure,
    ScreeningStatus Status,
    string StatusLabel,
    int RaisedDays,
    DateOnly? RecheckDue,
    DateOnly? HighRiskReminder,
    IReadOnlyList<ScreeningReadingView> Readings);

public sealed record ScreeningReadingView(long Id, DateOnly TakenOn, int Systolic, int Diastolic, bool Raised, bool HighRisk, string TakenByName);

/// <summary>
/// A resident's chronic disease page: enrolments, follow-up history newest first, screening, and the fasting glucose
/// tests of diabetes follow-ups this year (four are free, 004 糖尿病 二(二)).
/// ReadOnly: the record is lent to the user (档案借阅), who may read it but not change it.
/// </summary>
/// <summary>The height measured at the resident's latest examination that recorded one (for the follow-up form's 体质指数).</summary>
public sealed record RecordedHeight(decimal HeightCm, DateOnly MeasuredOn);

public sealed record ChronicSummary(
    long HealthRecordId,
    string Name,
    string RecordNumberLast8,
    IReadOnlyList<EnrolmentView> Enrolments,
    IReadOnlyList<FollowUpView> FollowUps,
    ScreeningView Screening,
    int FastingGlucoseTestsThisYear,
    bool ReadOnly = false);
