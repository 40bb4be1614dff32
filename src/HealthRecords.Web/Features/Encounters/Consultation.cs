using HealthRecords.Domain.Encounters;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>会诊记录 (004 附件6).</summary>
public sealed class Consultation : ServiceForm
{
    public DateOnly ConsultationDate { get; set; }
    public ConsultationForm Form { get; set; } = new();

    public override DateOnly ServiceDate => ConsultationDate;

    /// <summary>Stores the form and copies its date. The only writer of the promoted column.</summary>
    public Consultation With(ConsultationForm form)
    {
        Form = form;
        ConsultationDate = form.ConsultationDate!.Value;
        return this;
    }
}

internal sealed class ConsultationConfiguration : FormConfiguration<Consultation>
{
    protected override void Configure(EntityTypeBuilder<Consultation> e, ModelOptions o)
    {
        e.ToTable("Consultations");
        e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Form).IsDocument(o);
        e.HasIndex(x => new { x.HealthRecordId, x.ConsultationDate });
        e.HasIndex(x => x.ConsultationDate);
    }
}
