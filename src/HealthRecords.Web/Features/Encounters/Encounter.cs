using HealthRecords.Domain.Encounters;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>接诊记录 (004 附件5): the form as a JSON document, its date promoted.</summary>
public sealed class Encounter : ServiceForm
{
    public DateOnly EncounterDate { get; set; }
    public EncounterForm Form { get; set; } = new();

    public override DateOnly ServiceDate => EncounterDate;

    /// <summary>Stores the form and copies its date. The only writer of the promoted column.</summary>
    public Encounter With(EncounterForm form)
    {
        Form = form;
        EncounterDate = form.EncounterDate!.Value;
        return this;
    }
}

internal sealed class EncounterConfiguration : FormConfiguration<Encounter>
{
    protected override void Configure(EntityTypeBuilder<Encounter> e, ModelOptions o)
    {
        e.ToTable("Encounters");
        e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Form).IsDocument(o);
        e.HasIndex(x => new { x.HealthRecordId, x.EncounterDate });
        e.HasIndex(x => x.EncounterDate);
    }
}

/// <summary>The encounters' tables as properties of the context, for queries of this area and its tests.</summary>
public static class EncounterTables
{
    extension(HealthRecordsDbContext db)
    {
        public DbSet<Encounter> Encounters => db.Set<Encounter>();
        public DbSet<Consultation> Consultations => db.Set<Consultation>();
        public DbSet<Referral> Referrals => db.Set<Referral>();
    }
}
