using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace HealthRecords.Web.Data;

/// <summary>
/// The one model of both databases: the platform's tables (<see cref="ModelConfiguration"/>) and every area's, each
/// configured by its <see cref="Kernel.IEntityConfiguration"/> (provider differences live there).
/// </summary>
public sealed class HealthRecordsDbContext(DbContextOptions<HealthRecordsDbContext> options)
    : IdentityDbContext<AppUser>(options)
{
    public DbSet<Township> Townships => Set<Township>();
    public DbSet<Village> Villages => Set<Village>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<UserVillage> UserVillages => Set<UserVillage>();
    public DbSet<HealthRecord> HealthRecords => Set<HealthRecord>();
    public DbSet<NameSearchKey> NameSearchKeys => Set<NameSearchKey>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<RecordChange> RecordChanges => Set<RecordChange>();
    public DbSet<RecordNumberSequence> RecordNumberSequences => Set<RecordNumberSequence>();
    public DbSet<RecordMerge> RecordMerges => Set<RecordMerge>();
    public DbSet<RecordTransfer> RecordTransfers => Set<RecordTransfer>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();
    public DbSet<ActivationCode> ActivationCodes => Set<ActivationCode>();
    public DbSet<RecordCorrection> RecordCorrections => Set<RecordCorrection>();
    public DbSet<ContactAttempt> ContactAttempts => Set<ContactAttempt>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Kernel.ModelConfigurations.Apply(builder, new Kernel.ModelOptions(IsPostgres, FieldProtection.ProtectorOrNull(this)));
        FieldProtection.Configure(builder, this);
    }
}
