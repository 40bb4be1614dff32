namespace HealthRecords.Web.Features.Privacy;

/// <summary>
/// One-time data step after the <c>EncryptSensitiveFields</c> migration: rewrites every record, change-log entry and
/// merge snapshot written before encryption existed, so their ID numbers and phones are encrypted and the lookup hashes
/// are set. Each row is read through the converters (plaintext passes through unchanged) and written back through them
/// (encrypted), in batches by id; running it again is harmless, so a crash halfway loses nothing and the next start
/// finishes it. When done it records <see cref="Name"/> in <c>DataSteps</c> and compacts the database so the old
/// plaintext does not linger in free pages (SQLite <c>VACUUM</c>, PostgreSQL <c>VACUUM FULL</c> of the three tables).
/// </summary>
public static class EncryptExistingValues
{
    public const string Name = "EncryptSensitiveFields";
    /// <summary>The second step: the values residents report through the portal (issue #14 item 8), encrypted since then.</summary>
    public const string CorrectionsName = "EncryptReportedCorrections";
    /// <summary>
    /// The third step: the ID numbers and phones inside form documents (referral slips, guardians' phones …, issue #14),
    /// encrypted since then (<see cref="SensitiveDocuments"/>). A document type that gains a <c>[Sensitive]</c> field later
    /// needs a step of its own name.
    /// </summary>
    public const string FormDocumentsName = "EncryptFormDocuments";
    private const int Batch = 500;

    /// <summary>Runs the steps that are not done yet; returns the number of rows rewritten.</summary>
    public static async Task<int> RunAsync(HealthRecordsDbContext db, ILogger logger, CancellationToken ct = default, TimeProvider? time = null) =>
        await RunRecordsAsync(db, logger, ct, time) + await RunCorrectionsAsync(db, logger, ct, time) + await RunFormDocumentsAsync(db, logger, ct, time);

    private static async Task<int> RunFormDocumentsAsync(HealthRecordsDbContext db, ILogger logger, CancellationToken ct, TimeProvider? time)
    {
        if (await db.Set<DataStep>().AnyAsync(s => s.Name == FormDocumentsName, ct))
        {
            return 0;
        }
        var rows = 0;
        var tables = new List<string>();
        // The record's own personal information was encrypted by the first step.
        foreach (var (entity, properties) in FieldProtection.SensitiveDocumentColumns(db.Model).Where(c => c.Entity != typeof(HealthRecord)))
        {
            var rewrite = typeof(EncryptExistingValues).GetMethod(nameof(RewriteDocumentsAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(entity);
            rows += await (Task<int>)rewrite.Invoke(null, [db, properties, ct])!;
            tables.Add(db.Model.FindEntityType(entity)!.GetTableName()!);
        }
        db.Set<DataStep>().Add(new DataStep { Name = FormDocumentsName, DoneAtUtc = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (rows > 0)
        {
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres ? "VACUUM FULL " + string.Join(", ", tables.Select(t => $"\"{t}\"")) : "VACUUM", ct);
            logger.LogInformation("Encrypted the ID numbers and phones in {Rows} form documents", rows);
        }
        return rows;
    }

    private static Task<int> RewriteDocumentsAsync<T>(HealthRecordsDbContext db, string[] properties, CancellationToken ct) where T : class =>
        RewriteAsync(db, db.Set<T>().IgnoreQueryFilters(), IdOf<T>(), row =>
        {
            var entry = db.Entry(row);
            foreach (var property in properties)
            {
                if (entry.Property(property).CurrentValue is not null)
                {
                    entry.Property(property).IsModified = true;
                }
            }
        }, ct);

    private static async Task<int> RunCorrectionsAsync(HealthRecordsDbContext db, ILogger logger, CancellationToken ct, TimeProvider? time)
    {
        if (await db.Set<DataStep>().AnyAsync(s => s.Name == CorrectionsName, ct))
        {
            return 0;
        }
        var rows = await RewriteAsync(db, db.RecordCorrections, c => c.Id, c => db.Entry(c).Property(x => x.NewValue).IsModified = true, ct);
        db.Set<DataStep>().Add(new DataStep { Name = CorrectionsName, DoneAtUtc = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (rows > 0)
        {
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres ? """VACUUM FULL "RecordCorrections" """ : "VACUUM", ct);
            logger.LogInformation("Encrypted {Rows} values reported by residents", rows);
        }
        return rows;
    }

    private static async Task<int> RunRecordsAsync(HealthRecordsDbContext db, ILogger logger, CancellationToken ct, TimeProvider? time)
    {
        if (await db.Set<DataStep>().AnyAsync(s => s.Name == Name, ct))
        {
            return 0;
        }
        var rows = await RewriteAsync(db, db.HealthRecords, r => r.Id, r =>
        {
            var entry = db.Entry(r);
            entry.Property(x => x.IdNumber).IsModified = true;
            entry.Property(x => x.Phone).IsModified = true;
            entry.Property(x => x.PersonalInfo).IsModified = true;
        }, ct);
        rows += await RewriteAsync(db, db.RecordChanges, c => c.Id, c =>
        {
            db.Entry(c).Property(x => x.OldValue).IsModified = true;
            db.Entry(c).Property(x => x.NewValue).IsModified = true;
        }, ct);
        rows += await RewriteAsync(db, db.RecordMerges, m => m.Id, m => db.Entry(m).Property(x => x.MergedSnapshotJson).IsModified = true, ct);

        db.Set<DataStep>().Add(new DataStep { Name = Name, DoneAtUtc = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (rows > 0)
        {
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres
                ? """VACUUM FULL "HealthRecords", "RecordChanges", "RecordMerges" """
                : "VACUUM", ct);
            logger.LogInformation("Encrypted the ID numbers and phones of {Rows} existing rows", rows);
        }
        return rows;
    }

    /// <summary><c>e => e.Id</c> of an entity type known at run time (compiled for the cursor, translated for the query).</summary>
    private static System.Linq.Expressions.Expression<Func<T, long>> IdOf<T>()
    {
        var e = System.Linq.Expressions.Expression.Parameter(typeof(T), "e");
        return System.Linq.Expressions.Expression.Lambda<Func<T, long>>(System.Linq.Expressions.Expression.Property(e, "Id"), e);
    }

    private static async Task<int> RewriteAsync<T>(HealthRecordsDbContext db, IQueryable<T> set, System.Linq.Expressions.Expression<Func<T, long>> id,
        Action<T> markChanged, CancellationToken ct) where T : class
    {
        var getId = id.Compile();
        // "id > cursor.Last" with the cursor captured, so EF sends it as a parameter and compiles the query once.
        var cursor = new Cursor();
        var above = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
            System.Linq.Expressions.Expression.GreaterThan(id.Body,
                System.Linq.Expressions.Expression.Field(System.Linq.Expressions.Expression.Constant(cursor), nameof(Cursor.Last))),
            id.Parameters[0]);
        var total = 0;
        while (true)
        {
            var batch = await set.Where(above).OrderBy(id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return total;
            }
            foreach (var row in batch)
            {
                markChanged(row);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
            cursor.Last = getId(batch[^1]);
        }
    }

    private sealed class Cursor
    {
        public long Last;
    }
}
