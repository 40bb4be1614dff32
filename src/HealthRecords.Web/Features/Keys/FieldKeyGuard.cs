namespace HealthRecords.Web.Features.Keys;

/// <summary>The field key is not the database's: the host must not start (the message says what to do).</summary>
public sealed class FieldKeyMismatchException(string message) : Setup.StartupRefusedException(message);

/// <summary>
/// Proves at start that the field key belongs to the database, before anything is written with it (issue #16). The
/// database keeps the key's fingerprint and a known text encrypted under it (<see cref="FieldKeyCheck"/>). A key that
/// cannot read it, or a missing key file for a database that has one, refuses the start; new keys are written only for
/// a database that holds nothing encrypted. A database from before the check is judged by one of its encrypted values.
/// </summary>
public static class FieldKeyGuard
{
    internal const string SentinelText = "HealthRecords field key check";

    public static async Task CheckAsync(HealthRecordsDbContext db, ILogger logger, CancellationToken ct = default)
    {
        var protector = db.Protector();
        var where = protector.KeyFilePath ?? "(the configured key directory)";
        var check = await db.Set<FieldKeyCheck>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == 1, ct);
        if (check is not null)
        {
            if (protector.IsNew)
            {
                throw new FieldKeyMismatchException(
                    $"The field key file {where} does not exist, but this database was written with field key {check.KeyId}. " +
                    "Restore the key directory (DataProtection:KeysPath) from its backup, or point DataProtection:KeysPath at it. " +
                    "A new key is never made for a database that has data.");
            }
            if (!Reads(protector, check.Sentinel))
            {
                throw new FieldKeyMismatchException(
                    $"The field key in {where} (key id {protector.KeyId}) is not the key this database was written with (key id {check.KeyId}). " +
                    "Restore the right key directory (DataProtection:KeysPath); nothing was written.");
            }
            if (protector.Previous is not null)
            {
                logger.LogWarning("A field key rotation from key id {Old} to {New} is unfinished: values are read with both keys. Stop the app and run `rotate-field-key` again to finish it",
                    protector.Previous.KeyId, protector.KeyId);
            }
            return;
        }

        var sample = await EncryptedSampleAsync(db, ct);
        if (sample is not null)
        {
            if (protector.IsNew)
            {
                throw new FieldKeyMismatchException(
                    $"The field key file {where} does not exist, but this database holds values encrypted with a field key. " +
                    "Restore the key directory (DataProtection:KeysPath) from its backup; a new key is never made for a database that has data.");
            }
            if (!Reads(protector, sample))
            {
                throw new FieldKeyMismatchException(
                    $"The field key in {where} (key id {protector.KeyId}) cannot read this database's encrypted values. " +
                    "Restore the right key directory (DataProtection:KeysPath); nothing was written.");
            }
        }
        if (protector.IsNew)
        {
            protector.PersistNewKeys();
            logger.LogWarning("New field keys written to {KeyFile} (key id {KeyId}): back this directory up now, apart from the database backups", protector.KeyFilePath, protector.KeyId);
        }
        db.Set<FieldKeyCheck>().Add(new FieldKeyCheck { Id = 1, KeyId = protector.KeyId, Sentinel = protector.Protect(SentinelText), CreatedAtUtc = DateTime.UtcNow });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another server wrote the check at the same moment: judge by theirs.
            db.ChangeTracker.Clear();
            await CheckAsync(db, logger, ct);
        }
    }

    private static bool Reads(FieldProtector protector, string stored)
    {
        try
        {
            protector.Unprotect(stored);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One value encrypted under the database's key, read as stored (not through the converters), if any.</summary>
    private static async Task<string?> EncryptedSampleAsync(HealthRecordsDbContext db, CancellationToken ct)
    {
        foreach (var column in new[] { "IdNumber", "Phone" })
        {
#pragma warning disable EF1002 // the column names are the constants above
            var found = await db.Database.SqlQueryRaw<string>(
                $"SELECT \"{column}\" AS \"Value\" FROM \"HealthRecords\" WHERE \"{column}\" LIKE '{FieldProtector.Marker}%' LIMIT 1").ToListAsync(ct);
#pragma warning restore EF1002
            if (found.Count > 0)
            {
                return found[0];
            }
        }
        return null;
    }
}
