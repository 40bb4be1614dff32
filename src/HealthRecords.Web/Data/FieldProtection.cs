using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HealthRecords.Web.Data;

/// <summary>
/// Wires <see cref="FieldProtector"/> into EF: value converters encrypt ID numbers and phones on the way to the database
/// and decrypt them on the way back, so entities hold plaintext and no other code changes; a save stamps the keyed
/// hashes (<see cref="HealthRecord.IdNumberHash"/>, <see cref="HealthRecord.PhoneHash"/>). The protector travels in the
/// context options (<see cref="FieldProtectionExtension"/>), which pooled contexts and model building can reach; its key
/// id is part of EF's internal service provider key, so hosts with different keys in one process get separate models.
/// </summary>
public static class FieldProtection
{
    /// <summary>Adds the protector to the context options and the save hook that stamps the lookup hashes.</summary>
    public static DbContextOptionsBuilder UseFieldProtection(this DbContextOptionsBuilder options, FieldProtector protector)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new FieldProtectionExtension(protector));
        // One internal service provider per key set: a deployment has one; the test process starts a host (own keys) per
        // test class, more than EF's warning threshold of twenty, which is not the leak that warning is about.
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
        return options.AddInterceptors(StampLookupHashes.Instance);
    }

    /// <summary>The context's protector; throws if the context was built without one.</summary>
    public static FieldProtector Protector(this DbContext db) =>
        FindProtector(db) ?? throw new InvalidOperationException("The DbContext was configured without UseFieldProtection.");

    /// <summary>
    /// The document columns of <paramref name="model"/> holding encrypted ID numbers or phones (their document type has a
    /// <c>[Sensitive]</c> field, <see cref="SensitiveDocuments.Has"/>), by entity: what the start-up encryption step and the key rotation
    /// rewrite besides the fixed columns above. Each entity has a <c>long Id</c>.
    /// </summary>
    public static IEnumerable<(Type Entity, string[] Properties)> SensitiveDocumentColumns(Microsoft.EntityFrameworkCore.Metadata.IModel model) =>
        model.GetEntityTypes()
            .Select(t => (t.ClrType, t.GetDeclaredProperties().Where(p => SensitiveDocuments.Has(p.ClrType)).Select(p => p.Name).ToArray()))
            .Where(c => c.Item2.Length > 0)
            .OrderBy(c => c.ClrType.FullName, StringComparer.Ordinal);

    /// <summary>The context's protector, or null (a design-time context building the model for migrations).</summary>
    public static FieldProtector? ProtectorOrNull(DbContext db) => FindProtector(db);

    private static FieldProtector? FindProtector(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<FieldProtectionExtension>()?.Protector;

    /// <summary>
    /// Model configuration: the converters. Without a protector (design time: migrations only need the model's shape) the
    /// converters throw if ever used.
    /// </summary>
    public static void Configure(ModelBuilder b, DbContext db)
    {
        var c = new Converters(FindProtector(db));
        ValueConverter text = new ValueConverter<string, string>(v => c.Protect(v), s => c.Unprotect(s));
        var json = new ValueConverter<string, string>(v => c.ProtectJson(v), s => c.UnprotectJson(s));

        b.Entity<HealthRecord>(e =>
        {
            e.Property(x => x.IdNumber).HasConversion(text);
            e.Property(x => x.Phone).HasConversion(text);
            // PersonalInfo is a document with [Sensitive] fields: encrypted by its document converter (Kernel/SensitiveDocuments).
        });
        b.Entity<RecordChange>(e =>
        {
            // The whole change log's values: a phone or ID change is logged like any other field.
            e.Property(x => x.OldValue).HasConversion(text);
            e.Property(x => x.NewValue).HasConversion(text);
        });
        b.Entity<RecordMerge>(e => e.Property(x => x.MergedSnapshotJson).HasConversion(json));
        // A phone (or address) a resident reports through the portal, until the record keeper decides on it.
        b.Entity<RecordCorrection>(e => e.Property(x => x.NewValue).HasConversion(text));
        b.Entity<DataStep>(e =>
        {
            e.ToTable("DataSteps");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
        });
    }

    /// <summary>What the converters call (expression trees can call methods of a captured object, not local functions).</summary>
    private sealed class Converters(FieldProtector? protector)
    {
        private FieldProtector P => protector ?? throw new InvalidOperationException(
            "Sensitive fields need the field keys: configure the DbContext with UseFieldProtection.");

        public string Protect(string v) => P.Protect(v);
        public string Unprotect(string v) => P.Unprotect(v);
        public string ProtectJson(string v) => P.ProtectJson(v);
        public string UnprotectJson(string v) => P.UnprotectJson(v);
    }

    /// <summary>Sets the lookup hashes of every added or changed record from its plaintext values before it is saved.</summary>
    private sealed class StampLookupHashes : SaveChangesInterceptor
    {
        public static readonly StampLookupHashes Instance = new();

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Stamp(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Stamp(eventData.Context);
            return ValueTask.FromResult(result);
        }

        private static void Stamp(DbContext? db)
        {
            if (db is null)
            {
                return;
            }
            if (db.ChangeTracker.AutoDetectChangesEnabled)
            {
                db.ChangeTracker.DetectChanges();
            }
            FieldProtector? protector = null;
            foreach (var entry in db.ChangeTracker.Entries<HealthRecord>())
            {
                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    protector ??= db.Protector();
                    SetIfChanged(entry.Property(x => x.IdNumberHash), protector.Hash(entry.Entity.IdNumber));
                    SetIfChanged(entry.Property(x => x.PhoneHash), protector.Hash(entry.Entity.Phone));
                }
            }
        }

        private static void SetIfChanged(PropertyEntry<HealthRecord, byte[]?> property, byte[]? hash)
        {
            var current = property.CurrentValue;
            if (current is null ? hash is not null : hash is null || !current.AsSpan().SequenceEqual(hash))
            {
                property.CurrentValue = hash;
            }
        }
    }
}

/// <summary>Carries the <see cref="FieldProtector"/> in the context options.</summary>
public sealed class FieldProtectionExtension(FieldProtector protector) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public FieldProtector Protector => protector;
    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(FieldProtectionExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private string KeyId => ((FieldProtectionExtension)Extension).Protector.CacheKey;
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => $"FieldProtection={KeyId} ";
        public override int GetServiceProviderHashCode() => KeyId.GetHashCode(StringComparison.Ordinal);
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo o && o.KeyId == KeyId;
        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["FieldProtection:KeyId"] = KeyId;
    }
}
