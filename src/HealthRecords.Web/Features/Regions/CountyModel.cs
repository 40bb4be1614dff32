namespace HealthRecords.Web.Features.Regions;

/// <summary>Tables of the county's reference data managed by the system administrator.</summary>
internal sealed class CountyModel : Kernel.IEntityConfiguration
{
    public void Configure(ModelBuilder b, Kernel.ModelOptions options)
    {
        b.Entity<LoadedCounty>(e =>
        {
            e.ToTable("County");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(6);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.ProvinceName).HasMaxLength(50);
            e.Property(x => x.CityName).HasMaxLength(50);
            e.Property(x => x.Source).HasMaxLength(100);
            e.Property(x => x.LoadedBy).HasMaxLength(100);
        });
        b.Entity<InstitutionVillage>(e =>
        {
            e.ToTable("InstitutionVillages");
            e.HasKey(x => new { x.InstitutionId, x.VillageCode });
            e.Property(x => x.VillageCode).HasMaxLength(12);
            e.HasIndex(x => x.VillageCode);
            e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Village>().WithMany().HasForeignKey(x => x.VillageCode).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ReferenceChange>(e =>
        {
            e.ToTable("ReferenceChanges");
            e.Property(x => x.UserName).HasMaxLength(100);
            e.Property(x => x.Subject).HasMaxLength(60);
            e.Property(x => x.Field).HasMaxLength(60);
            e.Property(x => x.OldValue).HasMaxLength(500);
            e.Property(x => x.NewValue).HasMaxLength(500);
            e.HasIndex(x => new { x.Subject, x.AtUtc });
        });
        b.Entity<CountyFigure>(e =>
        {
            e.ToTable("CountyFigures");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(60);
            e.Property(x => x.Value).HasPrecision(18, 6);
            e.Property(x => x.ChangedBy).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<Institution>(e => e.Property(x => x.Version).IsConcurrencyToken());
    }
}
