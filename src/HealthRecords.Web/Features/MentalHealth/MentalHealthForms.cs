using HealthRecords.Domain.MentalHealth;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthRecords.Web.Features.MentalHealth;

/// <summary>
/// A resident on the severe mental disorders register (严重精神障碍患者登记): the current 个人信息补充表 (004 重性精神疾病
/// 附件1) as a document and the columns the work list and the measures need promoted — the enrolment date, 知情同意,
/// whether the patient is managed, the yearly examination agreement, the removal from the register. Every earlier
/// version of the profile is kept in <see cref="MentalHealthProfileVersion"/>. The diagnosis and the social-impact
/// counts are deliberately not promoted (they are restricted: <see cref="MentalHealthPrivacy"/>). One open enrolment per
/// record (a partial unique index).
/// </summary>
public sealed class MentalHealthPatient : ServiceForm
{
    /// <summary>The day the patient was registered (the first profile's 填表日期); later changes keep it.</summary>
    public DateOnly EnrolledOn { get; set; }
    /// <summary>知情同意 of the current profile.</summary>
    public InformedConsent? Consent { get; set; }
    /// <summary>Under management (<see cref="MentalHealthRules.IsManaged"/>): consented. A refusal is registered, not managed.</summary>
    public bool Managed { get; set; }
    /// <summary>病情许可 and guardian and patient agree to the yearly examination (004 二(四)).</summary>
    public bool ExaminationAgreed { get; set; }
    /// <summary>The day the patient left the register (moved away, died, diagnosis withdrawn); null while on it.</summary>
    public DateOnly? RemovedOn { get; set; }
    public string? RemovalReason { get; set; }
    /// <summary>How many versions of the profile there are (the current one included).</summary>
    public int ProfileVersions { get; set; }
    public MentalIllnessProfile Profile { get; set; } = new();

    public override DateOnly ServiceDate => EnrolledOn;

    /// <summary>Stores a profile and copies its promoted columns (the enrolment date only the first time). The only writer of those columns.</summary>
    public MentalHealthPatient With(MentalIllnessProfile profile, bool examinationAgreed)
    {
        if (ProfileVersions == 0)
        {
            EnrolledOn = profile.FilledOn;
        }
        Profile = profile;
        Consent = profile.Consent;
        Managed = MentalHealthRules.IsManaged(profile.Consent);
        ExaminationAgreed = examinationAgreed;
        ProfileVersions++;
        return this;
    }
}

/// <summary>One version of a patient's 个人信息补充表: what it was, from when, who changed it and why (填表说明 1: changes are recorded).</summary>
public sealed class MentalHealthProfileVersion
{
    public long Id { get; set; }
    public long PatientId { get; set; }
    public MentalHealthPatient? Patient { get; set; }
    public long HealthRecordId { get; set; }
    /// <summary>1 for the enrolment, then 2, 3 …</summary>
    public int Number { get; set; }
    /// <summary>Why it changed, in Chinese: 登记, 修改, 随访（2026-05-03）.</summary>
    public string Cause { get; set; } = "";
    public string ChangedById { get; set; } = "";
    public string ChangedByName { get; set; } = "";
    public DateTime ChangedAtUtc { get; set; }
    public MentalIllnessProfile Profile { get; set; } = new();
}

/// <summary>
/// 重性精神疾病（严重精神障碍）患者随访服务记录表 (004 附件2), one visit, with the class and next date as decided and as
/// the rules suggested (<see cref="MentalHealthRules.Decide(MentalIllnessFollowUp, PreviousVisit?)"/>), and the
/// doctor's reason when they differ. The risk level and symptoms stay inside the document (restricted).
/// </summary>
public sealed class MentalHealthFollowUpForm : ServiceForm
{
    public long PatientId { get; set; }
    public DateOnly VisitDate { get; set; }
    /// <summary>本次随访分类 as the doctor decided it (0 未访到 included).</summary>
    public Condition Condition { get; set; }
    /// <summary>The rules' class; null when nothing could be suggested (未访到).</summary>
    public Condition? SuggestedCondition { get; set; }
    public DateOnly? NextVisitDate { get; set; }
    public DateOnly? SuggestedNextVisitDate { get; set; }
    /// <summary>是否转诊 2 是.</summary>
    public bool Referred { get; set; }
    /// <summary>The day the referral's result was followed up; null while awaited.</summary>
    public DateOnly? ReferralResultOn { get; set; }
    /// <summary>Unstable or referred: the next visit is urgent on the work list.</summary>
    public bool Urgent { get; set; }
    public string? OverrideReason { get; set; }
    public MentalIllnessFollowUp Form { get; set; } = new();

    public override DateOnly ServiceDate => VisitDate;

    /// <summary>Stores the form and the rules' suggestion and copies the promoted columns. The only writer of those columns.</summary>
    public MentalHealthFollowUpForm With(MentalIllnessFollowUp form, MentalHealthDecision? suggestion)
    {
        Form = form;
        VisitDate = form.VisitDate;
        Condition = form.Condition ?? Condition.NotVisited;
        SuggestedCondition = suggestion?.Condition;
        NextVisitDate = form.NextVisitDate;
        SuggestedNextVisitDate = suggestion?.NextVisitDate;
        Referred = form.Referral == ReferralChoice.Yes;
        Urgent = Condition == Condition.Unstable || Referred;
        OverrideReason = string.IsNullOrWhiteSpace(form.OverrideReason) ? null : form.OverrideReason.Trim();
        return this;
    }

    /// <summary>As the schedule and the measures read it.</summary>
    public MentalFollowUpEntry Entry => new(Id, VisitDate, Condition, NextVisitDate, Referred && ReferralResultOn is null);
}

internal sealed class MentalHealthPatientConfiguration : FormConfiguration<MentalHealthPatient>
{
    protected override void Configure(EntityTypeBuilder<MentalHealthPatient> e, ModelOptions o)
    {
        e.ToTable("MentalHealthPatients");
        e.Property(x => x.RemovalReason).HasMaxLength(200);
        e.Property(x => x.Profile).IsDocument(o);
        // one open enrolment per resident, held under concurrency too
        e.HasIndex(x => x.HealthRecordId).IsUnique().HasFilter("\"RemovedOn\" IS NULL").HasDatabaseName("IX_MentalHealthPatients_Open");
        e.HasIndex(x => new { x.HealthRecordId, x.EnrolledOn });
    }
}

internal sealed class MentalHealthProfileVersionConfiguration : IEntityConfiguration
{
    public void Configure(ModelBuilder model, ModelOptions o) => model.Entity<MentalHealthProfileVersion>(e =>
    {
        e.ToTable("MentalHealthProfileVersions");
        e.Property(x => x.Cause).HasMaxLength(50);
        e.Property(x => x.ChangedById).HasMaxLength(450);
        e.Property(x => x.ChangedByName).HasMaxLength(100);
        e.Property(x => x.Profile).IsDocument(o);
        e.HasOne(x => x.Patient).WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PatientId, x.Number }).IsUnique();
    });
}

internal sealed class MentalHealthFollowUpFormConfiguration : FormConfiguration<MentalHealthFollowUpForm>
{
    protected override void Configure(EntityTypeBuilder<MentalHealthFollowUpForm> e, ModelOptions o)
    {
        e.ToTable("MentalHealthFollowUps");
        e.HasOne<MentalHealthPatient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.Entry);
        e.Property(x => x.OverrideReason).HasMaxLength(500);
        e.Property(x => x.Form).IsDocument(o);
        // one follow-up a day (the validator says so first; the index holds under concurrency)
        e.HasIndex(x => new { x.HealthRecordId, x.VisitDate }).IsUnique();
        e.HasIndex(x => new { x.PatientId, x.VisitDate });
    }
}

/// <summary>The mental-health tables as properties of the context, for queries of this area and its tests.</summary>
public static class MentalHealthTables
{
    extension(HealthRecordsDbContext db)
    {
        public DbSet<MentalHealthPatient> MentalHealthPatients => db.Set<MentalHealthPatient>();
        public DbSet<MentalHealthProfileVersion> MentalHealthProfileVersions => db.Set<MentalHealthProfileVersion>();
        public DbSet<MentalHealthFollowUpForm> MentalHealthFollowUps => db.Set<MentalHealthFollowUpForm>();
        public DbSet<MentalHealthStaffDesignation> MentalHealthStaff => db.Set<MentalHealthStaffDesignation>();
    }
}
