namespace HealthRecords.Web.Features.Portal;

/// <summary>Tables of the resident portal: activation codes and reported corrections.</summary>
internal sealed class PortalModel : IEntityConfiguration
{
    public void Configure(ModelBuilder b, ModelOptions options)
    {
        b.Entity<ActivationCode>(e =>
        {
            e.Property(x => x.CodeHash).HasMaxLength(200);
            e.Property(x => x.IssuedById).HasMaxLength(450);
            e.HasOne<HealthRecord>().WithMany().HasForeignKey(x => x.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.HealthRecordId);
        });
        b.Entity<RecordCorrection>(e =>
        {
            e.Property(x => x.NewValue).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.RejectReason).HasMaxLength(500);
            e.Property(x => x.SubmittedById).HasMaxLength(450);
            e.Property(x => x.DecidedById).HasMaxLength(450);
            e.Property(x => x.DecidedByName).HasMaxLength(100);
            e.HasOne<HealthRecord>().WithMany().HasForeignKey(x => x.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.HealthRecordId, x.Status });
            e.HasIndex(x => x.Status);
        });
    }
}
