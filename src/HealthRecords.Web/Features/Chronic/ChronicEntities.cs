using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>
/// A patient under management for one chronic disease (高血压 or 2型糖尿病患者管理): when and from where they were
/// enrolled, and whether they have been withdrawn (and restored). One row per record and disease.
/// </summary>
public sealed class ChronicEnrolment
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    public ChronicDisease Disease { get; set; }
    public DateOnly EnrolledOn { get; set; }
    public EnrolmentSource Source { get; set; }
    /// <summary>The examination, encounter … the diagnosis came from, when there is one.</summary>
    public long? SourceId { get; set; }
    public string EnrolledById { get; set; } = "";
    public string EnrolledByName { get; set; } = "";
    public bool Withdrawn { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public string? WithdrawReason { get; set; }
    public DateOnly? RestoredOn { get; set; }
    public string? RestoreReason { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One follow-up (随访) of one disease: the whole form as a JSON document (<see cref="Hypertension"/> or
/// <see cref="Diabetes"/>), with the columns work lists and measures query promoted beside it. The system's
/// suggestion and the doctor's final decision are both kept.
/// </summary>
public sealed class ChronicFollowUp
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    public ChronicDisease Disease { get; set; }
    public DateOnly VisitDate { get; set; }
    public VisitMode VisitMode { get; set; }
    public bool FaceToFace { get; set; }
    public int? Systolic { get; set; }
    public int? Diastolic { get; set; }
    public decimal? FastingGlucose { get; set; }
    /// <summary>The disease's target met at this visit (HT: &lt;140/90; DM: FBG &lt; 7.0), null when not measured.</summary>
    public bool? Controlled { get; set; }
    public VisitClassification SuggestedClassification { get; set; }
    public VisitClassification Classification { get; set; }
    public FollowUpAction SuggestedAction { get; set; }
    public DateOnly SuggestedNextVisitDate { get; set; }
    public DateOnly NextVisitDate { get; set; }
    public string? OverrideReason { get; set; }
    /// <summary>Danger signs found, joined with "；" (empty when none).</summary>
    public string DangerSigns { get; set; } = "";
    /// <summary>Referred at this visit; its result is followed up within 2 weeks.</summary>
    public bool Referral { get; set; }
    public bool UrgentReferral { get; set; }
    /// <summary>Shared by the two follow-ups written by one combined visit (001 六(九)).</summary>
    public Guid? CombinedVisitId { get; set; }
    /// <summary>The annual health examination the doctor marked as this follow-up (issue #5: 体检可与随访相结合).</summary>
    public long? ExaminationId { get; set; }
    public HypertensionFollowUp? Hypertension { get; set; }
    public DiabetesFollowUp? Diabetes { get; set; }
    public string CreatedById { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>A blood pressure reading taken for hypertension screening (004 高血压 二(一)), 35 and over.</summary>
public sealed class ScreeningBloodPressure
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    public DateOnly TakenOn { get; set; }
    public int Systolic { get; set; }
    public int Diastolic { get; set; }
    /// <summary>The resident has high-risk factors (高危人群): reminded every 6 months.</summary>
    public bool HighRisk { get; set; }
    public string TakenById { get; set; } = "";
    public string TakenByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
