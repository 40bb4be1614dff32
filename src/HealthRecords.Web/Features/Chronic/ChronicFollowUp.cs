using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>
/// One follow-up (随访) of one disease: the whole form as a JSON document (<see cref="Hypertension"/> or
/// <see cref="Diabetes"/>), with the columns work lists and measures query promoted beside it. The system's
/// suggestion and the doctor's final decision are both kept.
/// </summary>
public sealed class ChronicFollowUp : ServiceForm
{
    public ChronicDisease Disease { get; set; }
    public DateOnly VisitDate { get; set; }
    public VisitMode VisitMode { get; set; }
    public bool FaceToFace { get; set; }
    public int? Systolic { get; set; }
    public int? Diastolic { get; set; }
    public decimal? FastingGlucose { get; set; }
    /// <summary>The disease's target met at this visit (HT: &lt;140/90; DM: FBG &lt; 7.0), null when not measured.</summary>
    public bool? Controlled { get; set; }
    /// <summary>The rules' classification; null when nothing measured decided it and the doctor classified (issue #15 item 10).</summary>
    public VisitClassification? SuggestedClassification { get; set; }
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

    public override DateOnly ServiceDate => VisitDate;
}

internal sealed class ChronicFollowUpConfiguration : FormConfiguration<ChronicFollowUp>
{
    protected override void Configure(EntityTypeBuilder<ChronicFollowUp> e, ModelOptions o)
    {
        e.ToTable("ChronicFollowUps");
        e.Property(x => x.FastingGlucose).HasPrecision(5, 2);
        e.Property(x => x.OverrideReason).HasMaxLength(500);
        e.Property(x => x.DangerSigns).HasMaxLength(500);
        e.Property(x => x.Hypertension).IsDocument(o);
        e.Property(x => x.Diabetes).IsDocument(o);
        // One follow-up per disease and day (issue #5 bad input); also the index for "the latest visit" and measures.
        e.HasIndex(x => new { x.HealthRecordId, x.Disease, x.VisitDate }).IsUnique();
        var byDate = e.HasIndex(x => new { x.Disease, x.VisitDate });
        if (o.Postgres)
        {
            // The dashboard's chronic measures read a year's follow-ups from this index alone (DashboardIndexes).
            byDate.IncludeProperties(x => new { x.HealthRecordId, x.FaceToFace, x.Controlled });
        }
        e.HasIndex(x => x.CombinedVisitId);
    }
}
