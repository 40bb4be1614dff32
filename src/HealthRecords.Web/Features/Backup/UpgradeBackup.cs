using HealthRecords.Web.Features.Setup;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HealthRecords.Web.Features.Backup;

/// <summary>
/// A new version takes a backup before it applies its migrations (docs/operations.md, "Upgrades"): when the database has
/// migrations applied and newer ones are pending, the host writes <c>pre-upgrade-&lt;last applied&gt;-&lt;UTC time&gt;</c> into
/// <c>Backup:Directory</c> first, and refuses to migrate if that backup fails. <c>Backup:BeforeUpgrade=false</c> turns it off
/// (for operators who take their own).
/// </summary>
public static class UpgradeBackup
{
    public const string Prefix = "pre-upgrade-";

    public static async Task<string?> BeforeMigratingAsync(HealthRecordsDbContext db, BackupService backups, IConfiguration config, ILogger log, CancellationToken ct = default)
    {
        if (!await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>().ExistsAsync(ct))
        {
            return null; // a new database
        }
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (applied.Count == 0 || pending.Count == 0)
        {
            return null; // a new database, or nothing to upgrade
        }
        if (!config.GetValue("Backup:BeforeUpgrade", true))
        {
            log.LogWarning("Applying {Count} migrations without a backup first (Backup:BeforeUpgrade is false)", pending.Count);
            return null;
        }
        var file = Path.Combine(BackupScheduler.DirectoryOf(config),
            $"{Prefix}{applied[^1]}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{backups.Extension}");
        try
        {
            await backups.BackupAsync(file, ct);
        }
        catch (Exception e) when (e is BackupException or IOException or UnauthorizedAccessException)
        {
            throw new StartupRefusedException($"The backup before upgrading ({pending.Count} migrations pending) failed: {e.Message} " +
                "Nothing was migrated. Fix the backup (Backup:Directory, Backup:PgBin) or take one yourself and set Backup:BeforeUpgrade=false.");
        }
        log.LogInformation("Backup before upgrading written to {File}; applying {Count} migrations ({First} … {Last})", file, pending.Count, pending[0], pending[^1]);
        return file;
    }
}
