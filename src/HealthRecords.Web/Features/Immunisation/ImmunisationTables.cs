using HealthRecords.Domain.Immunisation;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthRecords.Web.Features.Immunisation;

/// <summary>
/// 预防接种卡 (004 预防接种服务规范 附件2), one per child: the card's own fields as a document (its dose table is the
/// child's <see cref="VaccinationDose"/> rows), the dates the measures need, and the next appointment set when doses
/// are given (二(二)3).
/// </summary>
public sealed class VaccinationCardForm : ServiceForm
{
    public VaccinationCard Card { get; set; } = new();
    /// <summary>建卡日期.</summary>
    public DateOnly CardCreatedOn { get; set; }
    public DateOnly? MovedInOn { get; set; }
    public DateOnly? MovedOutOn { get; set; }
    /// <summary>下次接种预约: the day, the doses (Chinese titles) and the place, set when a day's doses are saved.</summary>
    public DateOnly? AppointmentOn { get; set; }
    public string? AppointmentDoses { get; set; }
    public string? AppointmentPlace { get; set; }
    /// <summary>The last half-yearly review of the card (004 二(一)3).</summary>
    public DateOnly? ReviewedOn { get; set; }

    public override DateOnly ServiceDate => CardCreatedOn;

    /// <summary>Stores the card (without doses) and copies its dates. The only writer of the promoted columns.</summary>
    public VaccinationCardForm With(VaccinationCard card)
    {
        Card = card with { Doses = [] };
        CardCreatedOn = card.CreatedOn;
        MovedInOn = card.MovedInOn;
        MovedOutOn = card.MovedOutOn;
        return this;
    }
}

/// <summary>
/// One dose given (接种记录): the domain's <see cref="Vaccination"/> as a document, with the columns the card, the work
/// list and 接种率 need: vaccine, dose number, date, schedule version, and where the dose falls in its series (the card
/// numbers doses per vaccine; the series' own dose number is computed by Domain ImmunizationPlanner.Progress on every
/// save of the child's doses, <see cref="DosePlacement"/>).
/// </summary>
public sealed class VaccinationDose : ServiceForm
{
    public Vaccination Dose { get; set; } = new("", 0, default);
    public string VaccineCode { get; set; } = "";
    public int DoseNumber { get; set; }
    /// <summary>The vaccine as the card numbers its doses: its code, and for 其他疫苗 its name too (unique with the dose number per child).</summary>
    public string DoseKey { get; set; } = "";
    public DateOnly GivenOn { get; set; }
    public string ScheduleCode { get; set; } = "";
    /// <summary>The series and the dose of it this dose gave (null: 其他疫苗, a dose of another course, or beyond the course).</summary>
    public string? SeriesCode { get; set; }
    public int? SeriesDose { get; set; }
    public string? CourseCode { get; set; }
    /// <summary>Given on or before the dose's on-time end by age (for 接种率's numerator).</summary>
    public bool OnTime { get; set; }
    /// <summary>A dose given elsewhere and copied onto the card (补录): no pre-vaccination check of ours applies.</summary>
    public bool Transcribed { get; set; }
    /// <summary>作废: the day a dose recorded in error was voided (kept for the audit trail, left out of the card, the schedule and the measures).</summary>
    public DateOnly? VoidedOn { get; set; }
    public string? VoidReason { get; set; }

    public override DateOnly ServiceDate => GivenOn;

    /// <summary>Stores the dose and copies its columns (the series placement is written by <see cref="DosePlacement"/>).</summary>
    public VaccinationDose With(Vaccination dose, bool transcribed)
    {
        Dose = dose;
        VaccineCode = dose.VaccineCode;
        DoseNumber = dose.DoseNumber;
        DoseKey = KeyOf(dose);
        GivenOn = dose.Date;
        ScheduleCode = dose.ScheduleCode ?? "";
        Transcribed = transcribed;
        return this;
    }

    public static string KeyOf(Vaccination dose) =>
        string.IsNullOrWhiteSpace(dose.OtherVaccineName) ? dose.VaccineCode : $"{dose.VaccineCode}/{dose.OtherVaccineName.Trim()}";
}

/// <summary>接种前的健康询问与禁忌检查 (004 二(二)1), as recorded on the day.</summary>
public sealed class PreVaccinationCheckForm : ServiceForm
{
    public PreVaccinationCheck Check { get; set; } = new(default, [], false, false, false, null, null, null, null);
    public DateOnly CheckedOn { get; set; }

    public override DateOnly ServiceDate => CheckedOn;

    public PreVaccinationCheckForm With(PreVaccinationCheck check)
    {
        Check = check;
        CheckedOn = check.Date;
        return this;
    }
}

/// <summary>A contraindication recorded on the card (接种禁忌), blocking its vaccine (or all) until cleared.</summary>
public sealed class VaccinationContraindication : ServiceForm
{
    public Contraindication Contraindication { get; set; } = new(null, ContraindicationKind.Temporary, "", default);
    public DateOnly RecordedOn { get; set; }
    public DateOnly? ClearedOn { get; set; }

    public override DateOnly ServiceDate => RecordedOn;

    public VaccinationContraindication With(Contraindication c)
    {
        Contraindication = c;
        RecordedOn = c.RecordedOn;
        ClearedOn = c.ClearedOn;
        return this;
    }
}

/// <summary>疑似预防接种异常反应 (AEFI) report, linked to the dose.</summary>
public sealed class AefiReport : ServiceForm
{
    public AdverseEventFollowingImmunization Report { get; set; } = new() { Dose = new AefiDose(null, "", 0, default, null, null) };
    public long DoseId { get; set; }
    public DateOnly OnsetDate { get; set; }
    public DateOnly ReportedOn { get; set; }
    public bool Serious { get; set; }
    public AefiClassification? Classification { get; set; }

    public override DateOnly ServiceDate => ReportedOn;

    public AefiReport With(AdverseEventFollowingImmunization report)
    {
        Report = report;
        DoseId = report.Dose.DoseId ?? 0;
        OnsetDate = report.OnsetDate;
        ReportedOn = report.ReportedOn;
        Serious = report.Serious;
        Classification = report.Classification;
        return this;
    }
}

/// <summary>
/// A schedule version a county added (a later national 免疫程序), as the JSON Domain
/// <see cref="ImmunizationSchedules.Parse"/> reads, with the day the county adopts it. The built-in versions are not
/// stored here; they ship with the product.
/// </summary>
public sealed class ImmunizationScheduleVersion
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The county's adoption day: overrides the document's own <c>effectiveFrom</c>.</summary>
    public DateOnly EffectiveFrom { get; set; }
    public string Json { get; set; } = "";
    public string AddedById { get; set; } = "";
    public string AddedByName { get; set; } = "";
    public DateTime AddedAtUtc { get; set; }
}

internal sealed class VaccinationCardConfiguration : FormConfiguration<VaccinationCardForm>
{
    protected override void Configure(EntityTypeBuilder<VaccinationCardForm> e, ModelOptions o)
    {
        e.ToTable("VaccinationCards");
        e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Card).IsDocument(o);
        e.Property(x => x.AppointmentDoses).HasMaxLength(500);
        e.Property(x => x.AppointmentPlace).HasMaxLength(100);
        e.HasIndex(x => x.HealthRecordId).IsUnique();
        e.HasIndex(x => x.AppointmentOn);
    }
}

internal sealed class VaccinationDoseConfiguration : FormConfiguration<VaccinationDose>
{
    protected override void Configure(EntityTypeBuilder<VaccinationDose> e, ModelOptions o)
    {
        e.ToTable("VaccinationDoses");
        e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Dose).IsDocument(o);
        e.Property(x => x.VaccineCode).HasMaxLength(20);
        e.Property(x => x.ScheduleCode).HasMaxLength(40);
        e.Property(x => x.SeriesCode).HasMaxLength(20);
        e.Property(x => x.CourseCode).HasMaxLength(20);
        e.Property(x => x.DoseKey).HasMaxLength(80);
        e.HasIndex(x => new { x.HealthRecordId, x.GivenOn });
        e.Property(x => x.VoidReason).HasMaxLength(200);
        // one dose of a vaccine per dose number on the card; a voided dose frees its number (same SQL on both providers)
        e.HasIndex(x => new { x.HealthRecordId, x.DoseKey, x.DoseNumber }).IsUnique().HasFilter("\"VoidedOn\" IS NULL");
        e.HasIndex(x => new { x.SeriesCode, x.SeriesDose, x.HealthRecordId });
        e.HasIndex(x => x.GivenOn);
    }
}

internal sealed class PreVaccinationCheckConfiguration : FormConfiguration<PreVaccinationCheckForm>
{
    protected override void Configure(EntityTypeBuilder<PreVaccinationCheckForm> e, ModelOptions o)
    {
        e.ToTable("PreVaccinationChecks");
        e.Property(x => x.Check).IsDocument(o);
        e.HasIndex(x => new { x.HealthRecordId, x.CheckedOn });
    }
}

internal sealed class VaccinationContraindicationConfiguration : FormConfiguration<VaccinationContraindication>
{
    protected override void Configure(EntityTypeBuilder<VaccinationContraindication> e, ModelOptions o)
    {
        e.ToTable("VaccinationContraindications");
        e.Property(x => x.Contraindication).IsDocument(o);
        e.HasIndex(x => x.HealthRecordId);
    }
}

internal sealed class AefiReportConfiguration : FormConfiguration<AefiReport>
{
    protected override void Configure(EntityTypeBuilder<AefiReport> e, ModelOptions o)
    {
        e.ToTable("AefiReports");
        e.Property(x => x.Report).IsDocument(o);
        e.HasOne<VaccinationDose>().WithMany().HasForeignKey(x => x.DoseId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ReportedOn);
    }
}

internal sealed class ImmunisationReferenceConfiguration : IEntityConfiguration
{
    public void Configure(ModelBuilder model, ModelOptions options)
    {
        model.Entity<ImmunizationScheduleVersion>(e =>
        {
            e.ToTable("ImmunizationScheduleVersions");
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.AddedById).HasMaxLength(450);
            e.Property(x => x.AddedByName).HasMaxLength(100);
            e.HasIndex(x => x.Code).IsUnique();
        });
    }
}

/// <summary>The immunisation tables as properties of the context, for this area's queries and its tests.</summary>
public static class ImmunisationTableAccess
{
    extension(HealthRecordsDbContext db)
    {
        public DbSet<VaccinationCardForm> VaccinationCards => db.Set<VaccinationCardForm>();
        public DbSet<VaccinationDose> VaccinationDoses => db.Set<VaccinationDose>();
        public DbSet<PreVaccinationCheckForm> PreVaccinationChecks => db.Set<PreVaccinationCheckForm>();
        public DbSet<VaccinationContraindication> VaccinationContraindications => db.Set<VaccinationContraindication>();
        public DbSet<AefiReport> AefiReports => db.Set<AefiReport>();
    }
}
