namespace HealthRecords.Web.Features.Keys;

/// <summary>
/// Proof in the database of which field key it was written with: the key's public fingerprint and a known text
/// encrypted under it (<see cref="FieldKeyGuard"/>). One row.
/// </summary>
public sealed class FieldKeyCheck
{
    public int Id { get; set; }
    public required string KeyId { get; set; }
    public required string Sentinel { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class FieldKeyCheckConfiguration : Kernel.IEntityConfiguration
{
    public void Configure(ModelBuilder b, Kernel.ModelOptions options) =>
        b.Entity<FieldKeyCheck>(e =>
        {
            e.ToTable("FieldKeyChecks");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.KeyId).HasMaxLength(64);
            e.Property(x => x.Sentinel).HasMaxLength(200);
        });
}
