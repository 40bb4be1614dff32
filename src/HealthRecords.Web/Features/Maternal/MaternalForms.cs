using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Maternal;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthRecords.Web.Features.Maternal;

/// <summary>
/// A pregnancy episode (孕产妇保健手册, 建册) of a woman's record: the registration as a document, the hospital's delivery
/// information and the ending as documents beside it, and the columns the schedule, the lists and the measures need
/// promoted. One open episode per record (a partial unique index); earlier ones are kept.
/// </summary>
public sealed class PregnancyEpisode : ServiceForm
{
    public DateOnly RegisteredOn { get; set; }
    public EpisodeOpening Opening { get; set; }
    public DateOnly? LastMenstrualPeriod { get; set; }
    public DateOnly? ExpectedDelivery { get; set; }
    /// <summary>Day 0 of 孕周 (the LMP, else the expected date − 280 days), for window queries.</summary>
    public DateOnly? DatingStart { get; set; }
    /// <summary>早孕建册 (registered before 孕13周), stored at save: <see cref="PregnancyRules.IsEarlyRegistration"/>.</summary>
    public bool EarlyRegistered { get; set; }
    public DateOnly? DeliveredOn { get; set; }
    public DateOnly? DischargedOn { get; set; }
    /// <summary>Babies born alive at the delivery (the measures' denominator counts them).</summary>
    public int LiveBirths { get; set; }
    public DateOnly? EndedOn { get; set; }
    public EpisodeEndReason? EndReason { get; set; }
    public Pregnancy Form { get; set; } = new();
    public DeliveryInfo? Delivery { get; set; }
    public EpisodeEnding? Ending { get; set; }

    public override DateOnly ServiceDate => RegisteredOn;

    public PregnancyDating Dating => new(LastMenstrualPeriod, ExpectedDelivery);

    /// <summary>Stores the registration and copies its promoted columns. The only writer of those columns.</summary>
    public PregnancyEpisode With(Pregnancy form)
    {
        Form = form;
        RegisteredOn = form.RegisteredOn;
        Opening = form.Opening;
        LastMenstrualPeriod = form.Facts.LastMenstrualPeriod;
        ExpectedDelivery = form.Facts.ExpectedDelivery;
        DatingStart = form.Facts.Dating.Start;
        EarlyRegistered = PregnancyRules.IsEarlyRegistration(form);
        return this;
    }

    /// <summary>Stores the delivery information and copies its promoted columns.</summary>
    public PregnancyEpisode With(DeliveryInfo delivery)
    {
        Delivery = delivery;
        DeliveredOn = delivery.DeliveredOn;
        DischargedOn = delivery.DischargedOn;
        LiveBirths = Births.LiveBirths(delivery);
        return this;
    }

    /// <summary>Stores the ending (null reopens nothing: an ending is only replaced) and copies its columns.</summary>
    public PregnancyEpisode With(EpisodeEnding ending)
    {
        Ending = ending;
        EndedOn = ending.EndedOn;
        EndReason = ending.Reason;
        return this;
    }
}

/// <summary>第1次 (Round 1) or 第2~5次 (Round 2–5) 产前随访服务记录表 of an episode.</summary>
public sealed class PrenatalVisitForm : ServiceForm
{
    public long PregnancyId { get; set; }
    /// <summary>1: the 第1次产前随访服务记录表; 2–5: a column of the 第2~5次 form.</summary>
    public int Round { get; set; }
    public DateOnly VisitDate { get; set; }
    public CheckResult? Classification { get; set; }
    public bool Referred { get; set; }
    public bool UrgentReferral { get; set; }
    /// <summary>The day the referral's result was followed up (the 2-week work-list item ends then).</summary>
    public DateOnly? ReferralResultOn { get; set; }
    public string? OverrideReason { get; set; }
    public FirstPrenatalVisit? First { get; set; }
    public PrenatalVisit? Visit { get; set; }

    public override DateOnly ServiceDate => VisitDate;

    public PrenatalVisitForm With(FirstPrenatalVisit form, VisitAdvice<CheckResult> advice)
    {
        (First, Visit, Round, VisitDate) = (form, null, 1, form.VisitDate);
        Classification = form.Assessment.Code;
        Referred = form.Referral.IsReferred;
        UrgentReferral = Referred && advice.Urgent;
        return this;
    }

    public PrenatalVisitForm With(PrenatalVisit form, VisitAdvice<CheckResult> advice)
    {
        (First, Visit, Round, VisitDate) = (null, form, form.Round, form.VisitDate);
        Classification = form.Classification.Code;
        Referred = form.Referral.IsReferred;
        UrgentReferral = Referred && advice.Urgent;
        return this;
    }
}

/// <summary>What a postpartum form is.</summary>
public enum PostpartumFormKind
{
    /// <summary>产后访视记录表 (附件3).</summary>
    Visit = 1,
    /// <summary>产后42天健康检查记录表 (附件4).</summary>
    Check42 = 2,
}

/// <summary>产后访视记录表 or 产后42天健康检查记录表 of an episode.</summary>
public sealed class PostpartumForm : ServiceForm
{
    public long PregnancyId { get; set; }
    public PostpartumFormKind Kind { get; set; }
    public DateOnly VisitDate { get; set; }
    public bool Referred { get; set; }
    public DateOnly? ReferralResultOn { get; set; }
    /// <summary>42-day check: 已恢复.</summary>
    public bool? Recovered { get; set; }
    public string? OverrideReason { get; set; }
    public PostpartumVisit? Visit { get; set; }
    public Postpartum42DayCheck? Check42 { get; set; }

    public override DateOnly ServiceDate => VisitDate;

    public PostpartumForm With(PostpartumVisit form)
    {
        (Kind, Visit, Check42, VisitDate, Recovered) = (PostpartumFormKind.Visit, form, null, form.VisitDate, null);
        Referred = form.Referral.IsReferred;
        return this;
    }

    public PostpartumForm With(Postpartum42DayCheck form)
    {
        (Kind, Visit, Check42, VisitDate) = (PostpartumFormKind.Check42, null, form, form.VisitDate);
        Recovered = form.Classification.Code == RecoveryClass.Recovered;
        Referred = form.Disposition == Check42Disposition.Refer;
        return this;
    }
}

/// <summary>新生儿家庭访视记录表 (0~6岁 附件1), on the baby's own record.</summary>
public sealed class NewbornVisitForm : ServiceForm
{
    /// <summary>The mother's episode the baby was born of, when known.</summary>
    public long? PregnancyId { get; set; }
    public DateOnly VisitDate { get; set; }
    public bool Referred { get; set; }
    public DateOnly? ReferralResultOn { get; set; }
    public string? OverrideReason { get; set; }
    public NewbornVisit Form { get; set; } = new();

    public override DateOnly ServiceDate => VisitDate;

    public NewbornVisitForm With(NewbornVisit form)
    {
        Form = form;
        VisitDate = form.VisitDate;
        Referred = form.Referral.IsReferred;
        return this;
    }
}

internal sealed class PregnancyEpisodeConfiguration : FormConfiguration<PregnancyEpisode>
{
    protected override void Configure(EntityTypeBuilder<PregnancyEpisode> e, ModelOptions o)
    {
        e.ToTable("Pregnancies");
        e.Ignore(x => x.Dating);
        e.Property(x => x.Form).IsDocument(o);
        e.Property(x => x.Delivery).IsDocument(o);
        e.Property(x => x.Ending).IsDocument(o);
        // issue #17: one open pregnancy per woman, held under concurrency too.
        e.HasIndex(x => x.HealthRecordId).IsUnique().HasFilter("\"EndedOn\" IS NULL").HasDatabaseName("IX_Pregnancies_Open");
        e.HasIndex(x => new { x.HealthRecordId, x.RegisteredOn });
        e.HasIndex(x => x.DeliveredOn);
    }
}

internal sealed class PrenatalVisitFormConfiguration : FormConfiguration<PrenatalVisitForm>
{
    protected override void Configure(EntityTypeBuilder<PrenatalVisitForm> e, ModelOptions o)
    {
        e.ToTable("PrenatalVisits");
        e.HasOne<PregnancyEpisode>().WithMany().HasForeignKey(x => x.PregnancyId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.OverrideReason).HasMaxLength(500);
        e.Property(x => x.First).IsDocument(o);
        e.Property(x => x.Visit).IsDocument(o);
        // one form of a kind per day (the 第1次 form is round 1)
        e.HasIndex(x => new { x.PregnancyId, x.Round, x.VisitDate }).IsUnique();
    }
}

internal sealed class PostpartumFormConfiguration : FormConfiguration<PostpartumForm>
{
    protected override void Configure(EntityTypeBuilder<PostpartumForm> e, ModelOptions o)
    {
        e.ToTable("PostpartumVisits");
        e.HasOne<PregnancyEpisode>().WithMany().HasForeignKey(x => x.PregnancyId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.OverrideReason).HasMaxLength(500);
        e.Property(x => x.Visit).IsDocument(o);
        e.Property(x => x.Check42).IsDocument(o);
        e.HasIndex(x => new { x.PregnancyId, x.Kind, x.VisitDate }).IsUnique();
    }
}

internal sealed class NewbornVisitFormConfiguration : FormConfiguration<NewbornVisitForm>
{
    protected override void Configure(EntityTypeBuilder<NewbornVisitForm> e, ModelOptions o)
    {
        e.ToTable("NewbornVisits");
        e.HasOne<PregnancyEpisode>().WithMany().HasForeignKey(x => x.PregnancyId).OnDelete(DeleteBehavior.SetNull);
        e.Property(x => x.OverrideReason).HasMaxLength(500);
        e.Property(x => x.Form).IsDocument(o);
        e.HasIndex(x => new { x.HealthRecordId, x.VisitDate }).IsUnique();
    }
}

/// <summary>The maternal tables as properties of the context, for queries of this area and its tests.</summary>
public static class MaternalTables
{
    extension(HealthRecordsDbContext db)
    {
        public DbSet<PregnancyEpisode> Pregnancies => db.Set<PregnancyEpisode>();
        public DbSet<PrenatalVisitForm> PrenatalVisits => db.Set<PrenatalVisitForm>();
        public DbSet<PostpartumForm> PostpartumVisits => db.Set<PostpartumForm>();
        public DbSet<NewbornVisitForm> NewbornVisits => db.Set<NewbornVisitForm>();
        public DbSet<BirthRecord> BirthRecords => db.Set<BirthRecord>();
    }
}

/// <summary>
/// The health record a live birth created: one row per live-born baby of a delivery (its place in the delivery's list),
/// so saving the delivery again never creates a second baby (a unique index, held under concurrency too).
/// </summary>
public sealed class BirthRecord
{
    public long Id { get; set; }
    public long PregnancyId { get; set; }
    /// <summary>The baby's place in <see cref="DeliveryInfo.Babies"/> (0 for the first).</summary>
    public int BabyIndex { get; set; }
    /// <summary>The baby's own health record.</summary>
    public long HealthRecordId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class BirthRecordConfiguration : IEntityConfiguration
{
    public void Configure(ModelBuilder model, ModelOptions options) => model.Entity<BirthRecord>(e =>
    {
        e.ToTable("BirthRecords");
        e.HasOne<PregnancyEpisode>().WithMany().HasForeignKey(x => x.PregnancyId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<HealthRecord>().WithMany().HasForeignKey(x => x.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PregnancyId, x.BabyIndex }).IsUnique();
        e.HasIndex(x => x.HealthRecordId).IsUnique();
    });
}
