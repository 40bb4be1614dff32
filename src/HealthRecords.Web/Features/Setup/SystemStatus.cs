using HealthRecords.Web.Features.Backup;
using HealthRecords.Web.Features.Keys;
using HealthRecords.Web.Features.Regions;

namespace HealthRecords.Web.Features.Setup;

public sealed record SystemStatusView(string Database, string KeysDirectory, string FieldKeyId, bool Demo, string? County,
    bool BackupsScheduled, string? BackupSchedule, string BackupDirectory, DateTimeOffset? LastBackupAt, string? LastBackupFile,
    DateTimeOffset? LastBackupFailureAt, string? LastBackupError, bool BackupFailing);

/// <summary>The administrator's system page (<c>/admin/system</c>, <c>/api/admin/system</c>): database, keys, county and the scheduled backups.</summary>
public sealed class SystemStatus(IConfiguration config, HealthRecordsDbContext db, BackupStatus backups)
{
    public async Task<SystemStatusView> ReadAsync(CancellationToken ct)
    {
        var findings = StartupChecks.Examine(config);
        var county = await CountyLoader.CurrentAsync(db, ct);
        var b = backups.Current;
        return new SystemStatusView(findings.Summary.Split("; keys:")[0].Replace("Database: ", "", StringComparison.Ordinal),
            FieldProtector.KeysDirectory(config), db.Protector().KeyId, StartupChecks.IsDemo(config),
            county is null ? null : $"{county.Code} {county.ProvinceName}{county.CityName}{county.Name}",
            b.Scheduled, config["Backup:Schedule"], BackupScheduler.DirectoryOf(config),
            b.LastSuccessAt, b.LastFile, b.LastFailureAt, b.LastError, b.Failing);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/system", async (SystemStatus status, CancellationToken ct) => TypedResults.Ok(await status.ReadAsync(ct)))
            .RequireAuthorization(Policies.ManageCounty).WithTags("区县与机构管理")
            .WithSummary("系统状态：数据库、密钥目录、区县、定时备份（最近一次失败在此显示）");
}
