using Microsoft.Data.Sqlite;
using Npgsql;

namespace HealthRecords.Web.Features.Backup;

/// <summary>
/// While the host runs it holds a shared claim on its database, so that a restore (which needs the claim alone) refuses
/// to replace a database the system is running on (issue #14). PostgreSQL: a session advisory lock of the database,
/// held shared on one connection of each app server (re-taken after a reconnect, e.g. a failover) and exclusively by
/// the restore. SQLite: a lock on <c>&lt;database&gt;.running</c> beside the file (flock, shared / exclusive).
/// </summary>
public sealed class RunningHost(IConfiguration config, ILogger<RunningHost> log) : BackgroundService
{
    /// <summary>The advisory lock key ("HRRUN" in ASCII); advisory locks are per database.</summary>
    public const long LockKey = 0x48_52_52_55_4E;

    private FileStream? sqliteClaim;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!DatabaseSetup.IsPostgres(config))
        {
            if (LockFile(config) is { } file)
            {
                try
                {
                    sqliteClaim = new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
                }
                catch (IOException)
                {
                    throw new Setup.StartupRefusedException($"A restore is replacing this database ({file} is locked): start again when it is done.");
                }
            }
            return;
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await OpenPrimaryAsync(config, stoppingToken);
                if (!await ScalarAsync(connection, $"SELECT pg_try_advisory_lock_shared({LockKey})", stoppingToken))
                {
                    log.LogWarning("A restore holds this database; the running-host claim is retried in 30 s");
                }
                else
                {
                    // Hold the claim: a cheap query every 30 s notices a lost connection, and the loop takes the claim again.
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
                        await ScalarAsync(connection, "SELECT true", stoppingToken);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Running-host claim lost ({Reason}); taking it again in 30 s", e.Message);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (sqliteClaim is not null)
        {
            await sqliteClaim.DisposeAsync();
            sqliteClaim = null;
        }
        await base.StopAsync(cancellationToken);
    }

    /// <summary>
    /// The claim a restore needs: held until disposed. Refuses (BackupException) while any app server runs on the database.
    /// </summary>
    public static async Task<IAsyncDisposable> ClaimAloneAsync(IConfiguration config, string job = "restore", CancellationToken ct = default)
    {
        var running = $"Refusing to {job}: the system is running on this database ({{0}}). Stop every app server first, then {job}.";
        if (!DatabaseSetup.IsPostgres(config))
        {
            if (LockFile(config) is not { } file)
            {
                return new NpgsqlConnection(); // nothing to hold
            }
            try
            {
                return new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                throw new BackupException(string.Format(System.Globalization.CultureInfo.InvariantCulture, running, file + " is locked"));
            }
        }
        NpgsqlConnection connection;
        try
        {
            connection = await OpenPrimaryAsync(config, ct);
        }
        catch (NpgsqlException e)
        {
            throw new BackupException($"No primary PostgreSQL server could be reached: {e.Message}");
        }
        if (!await ScalarAsync(connection, $"SELECT pg_try_advisory_lock({LockKey})", ct))
        {
            await connection.DisposeAsync();
            throw new BackupException(string.Format(System.Globalization.CultureInfo.InvariantCulture, running, "an app server holds its running claim"));
        }
        return connection;
    }

    private static string? LockFile(IConfiguration config)
    {
        var source = new SqliteConnectionStringBuilder(config.GetConnectionString("HealthRecords") ?? "Data Source=data/healthrecords.db").DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? null : Path.GetFullPath(source) + ".running";
    }

    private static Task<NpgsqlConnection> OpenPrimaryAsync(IConfiguration config, CancellationToken ct) =>
        PostgresPrimary.OpenAsync(config.GetConnectionString("HealthRecords")!, "HealthRecords-running", ct);

    private static async Task<bool> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
