namespace HealthRecords.Web.Features.Keys;

/// <summary>A rotation cannot start or go on (the message says why); nothing was changed by the step that refused.</summary>
public sealed class FieldKeyRotationException(string message) : Exception(message);

/// <summary>
/// Replaces the field key (issue #16, docs/operations.md "Field key rotation"). A new key becomes the key file's current
/// key and the old one its previous key, so that every host reads values under either key and finds records by either
/// lookup hash while the rotation is under way. Then every encrypted column is re-encrypted under the new key, and the
/// lookup hashes recomputed, in batches, each batch in its own transaction: an interruption leaves every row readable
/// and a second run goes on (it re-encrypts from the start, which is idempotent). Only when every row has moved and a
/// scan with the new key alone has read them all is the database's key check moved to the new key and the old key
/// taken out of the key file (kept aside in <c>field-keys.retired-&lt;key id&gt;.json</c> for older backups).
/// Runs while no app server runs on the database (<see cref="FieldKeyRotationCommand"/>).
/// </summary>
public static class FieldKeyRotation
{
    public sealed record Outcome(string OldKeyId, string NewKeyId, long Rows, bool Finished, string? RetiredKeyFile);

    /// <summary>The columns written through the field-key converters of <see cref="FieldProtection.Configure"/>, by entity.</summary>
    private static readonly (Type Entity, string[] Properties)[] Fixed =
    [
        (typeof(HealthRecord), [nameof(HealthRecord.IdNumber), nameof(HealthRecord.Phone)]),
        (typeof(RecordChange), [nameof(RecordChange.OldValue), nameof(RecordChange.NewValue)]),
        (typeof(RecordMerge), [nameof(RecordMerge.MergedSnapshotJson)]),
        (typeof(RecordCorrection), [nameof(RecordCorrection.NewValue)]),
    ];

    /// <summary>
    /// Every encrypted column, by entity: the fixed ones and every document column with ID numbers or phones
    /// (<see cref="FieldProtection.SensitiveDocumentColumns"/>: the record's personal information and the forms').
    /// </summary>
    public static IReadOnlyList<(Type Entity, string[] Properties)> Encrypted(Microsoft.EntityFrameworkCore.Metadata.IModel model) =>
        Fixed.Concat(FieldProtection.SensitiveDocumentColumns(model))
            .GroupBy(c => c.Entity)
            .Select(g => (g.Key, g.SelectMany(c => c.Properties).Distinct().ToArray()))
            .ToList();

    /// <summary>The file the retired key is kept in, beside the key file.</summary>
    public static string RetiredKeyFile(string keysDirectory, string keyId) => Path.Combine(keysDirectory, $"field-keys.retired-{keyId}.json");

    /// <param name="stopAfterBatches">Stops (unfinished) after this many batches: how the tests interrupt a rotation.</param>
    public static async Task<Outcome> RunAsync(IConfiguration config, ILogger log, int batchSize = 500, int? stopAfterBatches = null, CancellationToken ct = default)
    {
        var directory = FieldProtector.KeysDirectory(config);
        var path = Path.Combine(directory, FieldProtector.KeyFileName);
        if (!File.Exists(path))
        {
            throw new FieldKeyRotationException($"There is no field key file {path}: nothing to rotate (check DataProtection:KeysPath).");
        }
        var before = FieldProtector.Read(path);
        IReadOnlyList<(Type Entity, string[] Properties)> encrypted;
        await using (var db = Open(config, before))
        {
            encrypted = Encrypted(db.Model);
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                throw new FieldKeyRotationException("The database has migrations this version has not applied: start the app once (it migrates), stop it, then rotate.");
            }
            // The key file must be the database's before anything is re-encrypted with a key derived from it.
            try
            {
                await FieldKeyGuard.CheckAsync(db, log, ct);
            }
            catch (FieldKeyMismatchException e)
            {
                throw new FieldKeyRotationException(e.Message);
            }
        }

        var both = FieldProtector.BeginRotation(path);
        var oldKeyId = both.Previous!.KeyId;
        log.LogInformation(before.Previous is null
            ? "Field key rotation started: key id {Old} → {New}"
            : "Field key rotation resumed: key id {Old} → {New}", oldKeyId, both.KeyId);

        var budget = stopAfterBatches ?? int.MaxValue;
        long rows = 0;
        foreach (var (entity, properties) in encrypted)
        {
            var (moved, left) = await ReencryptAsync(config, both, entity, properties, batchSize, budget, log, ct);
            rows += moved;
            budget = left;
            if (budget <= 0)
            {
                log.LogWarning("Field key rotation stopped before the end ({Rows} rows moved); run it again to finish", rows);
                return new Outcome(oldKeyId, both.KeyId, rows, Finished: false, RetiredKeyFile: null);
            }
        }

        var current = both.WithoutPrevious();
        await using (var db = Open(config, current))
        {
            // Proof before the old key goes: every encrypted value reads with the new key alone.
            foreach (var (entity, _) in encrypted)
            {
                await ReadAllAsync(db, entity, batchSize, ct);
            }
            var check = await db.Set<FieldKeyCheck>().SingleAsync(c => c.Id == 1, ct);
            check.KeyId = current.KeyId;
            check.Sentinel = current.Protect(FieldKeyGuard.SentinelText);
            await db.SaveChangesAsync(ct);
        }
        var retired = RetiredKeyFile(directory, oldKeyId);
        FieldProtector.EndRotation(path, retired);
        log.LogWarning("Field key rotation finished: {Rows} rows now under key id {New}. The old key {Old} is kept in {Retired} only to read backups taken before the rotation: " +
            "move it off this server with those backups. Back up the key directory now.", rows, current.KeyId, oldKeyId, retired);
        return new Outcome(oldKeyId, current.KeyId, rows, Finished: true, retired);
    }

    private static HealthRecordsDbContext Open(IConfiguration config, FieldProtector protector)
    {
        // No interceptors of the modules: a re-encryption is not a change of the record (no version, no change log);
        // UseFieldProtection's own interceptor recomputes the lookup hashes.
        var options = new DbContextOptionsBuilder<HealthRecordsDbContext>();
        DatabaseSetup.Configure(options, config).UseFieldProtection(protector);
        return new HealthRecordsDbContext(options.Options);
    }

    private static Task<(long Moved, int Budget)> ReencryptAsync(IConfiguration config, FieldProtector both, Type entity, string[] properties,
        int batchSize, int budget, ILogger log, CancellationToken ct) =>
        (Task<(long, int)>)typeof(FieldKeyRotation).GetMethod(nameof(ReencryptTableAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entity).Invoke(null, [config, both, properties, batchSize, budget, log, ct])!;

    private static async Task<(long, int)> ReencryptTableAsync<T>(IConfiguration config, FieldProtector both, string[] properties,
        int batchSize, int budget, ILogger log, CancellationToken ct) where T : class
    {
        long last = 0, moved = 0;
        while (budget > 0)
        {
            await using var db = Open(config, both);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Decrypted with whichever key wrote them; saved back under the current key.
            var batch = await Batch<T>(db, last, batchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var item in batch)
            {
                var entry = db.Entry(item);
                foreach (var property in properties)
                {
                    if (entry.Property(property).CurrentValue is not null)
                    {
                        entry.Property(property).IsModified = true;
                    }
                }
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            last = IdOf(batch[^1]);
            moved += batch.Count;
            budget--;
        }
        log.LogInformation("Field key rotation: {Table} {Rows} rows re-encrypted", typeof(T).Name, moved);
        return (moved, budget);
    }

    private static long IdOf<T>(T item) => (long)typeof(T).GetProperty("Id")!.GetValue(item)!;

    private static IQueryable<T> Batch<T>(HealthRecordsDbContext db, long after, int size) where T : class =>
        db.Set<T>().IgnoreQueryFilters().Where(e => EF.Property<long>(e, "Id") > after).OrderBy(e => EF.Property<long>(e, "Id")).Take(size);

    private static Task ReadAllAsync(HealthRecordsDbContext db, Type entity, int batchSize, CancellationToken ct) =>
        (Task)typeof(FieldKeyRotation).GetMethod(nameof(ReadTableAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entity).Invoke(null, [db, batchSize, ct])!;

    /// <summary>Materialises every row (the converters decrypt each value): throws if one is not under the key.</summary>
    private static async Task ReadTableAsync<T>(HealthRecordsDbContext db, int batchSize, CancellationToken ct) where T : class
    {
        long last = 0;
        while (true)
        {
            var batch = await Batch<T>(db, last, batchSize).AsNoTracking().ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }
            last = IdOf(batch[^1]);
        }
    }
}
