namespace HealthRecords.Web.Features.WorkList;

/// <summary>Tables of the work list: contact attempts recorded from it.</summary>
internal sealed class WorkListModel : IEntityConfiguration
{
    public void Configure(ModelBuilder b, ModelOptions options)
    {
        b.Entity<ContactAttempt>(e =>
        {
            e.Property(x => x.Service).HasMaxLength(50);
            e.Property(x => x.Kind).HasMaxLength(50);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.UserName).HasMaxLength(100);
            e.HasOne<HealthRecord>().WithMany().HasForeignKey(x => x.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.HealthRecordId, x.ContactedOn });
        });
    }
}
