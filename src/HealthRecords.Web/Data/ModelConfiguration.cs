namespace HealthRecords.Web.Data;

/// <summary>
/// The platform's tables: places, records, households, the change and audit logs, access requests. Forms are JSON
/// documents (<see cref="JsonDocuments"/>); search columns use byte-order collation on PostgreSQL so prefix ranges use
/// the index. The areas' tables are configured beside their entities (every <see cref="IEntityConfiguration"/>).
/// </summary>
internal sealed class ModelConfiguration : IEntityConfiguration
{
    public void Configure(ModelBuilder b, ModelOptions options)
    {
        var postgres = options.Postgres;
        var jsonType = options.JsonColumnType;

        b.Entity<Township>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(9);
            e.Property(x => x.SpecCode).HasMaxLength(3);
            e.Property(x => x.Name).HasMaxLength(50);
        });
        b.Entity<Village>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(12);
            e.Property(x => x.SpecCode).HasMaxLength(3);
            e.Property(x => x.TownshipCode).HasMaxLength(9);
            e.Property(x => x.Name).HasMaxLength(50);
            e.HasIndex(x => new { x.TownshipCode, x.SpecCode }).IsUnique();
            e.HasIndex(x => x.InstitutionId);
        });
        b.Entity<Institution>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(30);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
        });
        b.Entity<UserVillage>(e =>
        {
            e.HasKey(x => new { x.UserId, x.VillageCode });
            e.Property(x => x.VillageCode).HasMaxLength(12);
        });

        b.Entity<HealthRecord>(e =>
        {
            e.Property(x => x.RecordNumber).HasMaxLength(17);
            e.Property(x => x.RecordNumberLast8).HasMaxLength(8);
            e.Property(x => x.TownshipCode).HasMaxLength(9);
            e.Property(x => x.VillageCode).HasMaxLength(12);
            // Encrypted at rest (FieldProtection): "enc1:" + base64 of nonce, tag and value.
            e.Property(x => x.IdNumber).HasMaxLength(120);
            e.Property(x => x.Phone).HasMaxLength(120);
            e.Property(x => x.IdNumberHash).HasMaxLength(32);
            e.Property(x => x.PhoneHash).HasMaxLength(32);
            var name = e.Property(x => x.Name).HasMaxLength(50);
            if (postgres)
            {
                name.UseCollation("C");
            }
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.PersonalInfo).IsDocument(options); // ID number and phones encrypted ([Sensitive], Kernel/SensitiveDocuments)
            e.Property(x => x.Cover).IsDocument(options);
            e.HasIndex(x => x.RecordNumber).IsUnique();
            e.HasIndex(x => x.RecordNumberLast8);
            // One record per mainland ID number; other documents may repeat across types.
            // Exact lookup goes through the keyed hashes (Features/Privacy/SensitiveLookup).
            e.HasIndex(x => new { x.IdNumberHash, x.IdDocumentType }).IsUnique();
            e.HasIndex(x => x.PhoneHash);
            e.HasIndex(x => new { x.TownshipCode, x.Name });
            e.HasIndex(x => new { x.VillageCode, x.Name });
            if (postgres)
            {
                // A pinyin search goes from its name keys to their records by id; with what the search filters and sorts
                // on beside the id, choosing and counting the matches reads this index, not the wide rows with their
                // forms (docs/performance.md).
                e.HasIndex(x => x.Id, "IX_HealthRecords_Id_Search")
                    .IncludeProperties(x => new { x.TownshipCode, x.ManagingInstitutionId, x.Status, x.Name });
                // A village doctor's scope (VillageCode IN …, active) for the work list's due items, read from the index
                // alone instead of the wide rows; and the 65+ of a year for 老年人健康管理率 and the elderly work list
                // (docs/performance.md, issues #4 and #5).
                e.HasIndex(x => new { x.VillageCode, x.Status }, "IX_HealthRecords_VillageCode_Status")
                    .IncludeProperties(x => new { x.Id, x.BirthDate });
                e.HasIndex(x => new { x.BirthDate, x.Status }, "IX_HealthRecords_BirthDate_Status")
                    .IncludeProperties(x => x.Id);
                // The measures dashboard (issue #5): every record-level measure filters the county's records on status, dates
                // and age and counts them by township; this index holds those columns, so the counts read it instead of the
                // 1.9 GB of wide rows (docs/performance.md, "Dashboard at 1,000,000 residents after DashboardIndexes").
                e.HasIndex(x => new { x.TownshipCode, x.Status }, "IX_HealthRecords_TownshipCode_Measures")
                    .IncludeProperties(x => new { x.Id, x.CreatedOn, x.ClosedOn, x.BirthDate });
            }
            e.HasIndex(x => x.HouseholdId);
            e.HasIndex(x => x.ManagingInstitutionId);
            e.HasMany(x => x.NameKeys).WithOne().HasForeignKey(k => k.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Village>().WithMany().HasForeignKey(x => x.VillageCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Institution>().WithMany().HasForeignKey(x => x.ManagingInstitutionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<NameSearchKey>(e =>
        {
            e.HasKey(x => new { x.HealthRecordId, x.Key });
            var key = e.Property(x => x.Key).HasMaxLength(60);
            if (postgres)
            {
                key.UseCollation("C");
            }
            e.Property(x => x.TownshipCode).HasMaxLength(9);
            var townshipKey = e.HasIndex(x => new { x.TownshipCode, x.Key });
            if (postgres)
            {
                // The record id with the key, so a pinyin search in a township reads only this index (docs/performance.md).
                townshipKey.IncludeProperties(x => x.HealthRecordId);
            }
            e.HasIndex(x => x.Key);
        });
        b.Entity<Household>(e =>
        {
            e.Property(x => x.TownshipCode).HasMaxLength(9);
            e.Property(x => x.VillageCode).HasMaxLength(12);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.LivingEnvironment).IsDocument(options);
            e.HasIndex(x => x.VillageCode);
        });
        b.Entity<RecordChange>(e =>
        {
            e.Property(x => x.Field).HasMaxLength(100);
            e.HasIndex(x => new { x.HealthRecordId, x.ChangedAtUtc });
        });
        b.Entity<RecordNumberSequence>(e =>
        {
            e.HasKey(x => x.VillageCode);
            e.Property(x => x.VillageCode).HasMaxLength(12);
        });
        b.Entity<RecordMerge>(e =>
        {
            e.Property(x => x.MergedSnapshotJson).HasColumnType(jsonType);
            e.HasIndex(x => x.SurvivorId);
            e.HasIndex(x => x.MergedId);
        });
        b.Entity<RecordTransfer>(e =>
        {
            e.HasIndex(x => x.HealthRecordId);
            e.HasIndex(x => x.FromInstitutionId);
            e.HasIndex(x => x.ToInstitutionId);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.Property(x => x.Action).HasMaxLength(50);
            e.HasIndex(x => new { x.HealthRecordId, x.AtUtc });
            e.HasIndex(x => x.AtUtc);
            e.Property(x => x.UserName).HasMaxLength(100);
            e.Property(x => x.UserRole).HasMaxLength(50);
            e.HasIndex(x => new { x.InstitutionId, x.AtUtc });
        });
        b.Entity<AccessRequest>(e =>
        {
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.DecisionNote).HasMaxLength(500);
            e.Property(x => x.RequesterName).HasMaxLength(100);
            e.Property(x => x.DecidedByName).HasMaxLength(100);
            e.HasIndex(x => new { x.RequesterId, x.HealthRecordId });
            e.HasIndex(x => new { x.ManagingInstitutionId, x.Status });
        });
    }
}
