using System.Diagnostics;
using HealthRecords.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HealthRecords.Web.Features.Backup;

/// <summary>A backup or restore that cannot go ahead; the message says why, for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Consistent backups of the configured database while the system runs, and restores of them:
/// PostgreSQL through <c>pg_dump</c>/<c>pg_restore</c> (custom format), SQLite through its online backup API.
/// The file's first bytes say which kind it is, so a restore refuses a file of the other provider.
/// </summary>
public sealed class BackupService(IConfiguration config, ILogger<BackupService> log)
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PgDumpMagic = "PGDMP"u8.ToArray();

    public bool IsPostgres => DatabaseSetup.IsPostgres(config);

    /// <summary>The file extension a backup of the configured provider gets.</summary>
    public string Extension => IsPostgres ? ".dump" : ".db";

    public async Task BackupAsync(string file, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Write beside the target and move into place, so a failed backup never leaves a half file under the real name.
        var partial = full + ".partial";
        File.Delete(partial);
        try
        {
            if (IsPostgres)
            {
                await RunPgToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], ct);
            }
            else
            {
                BackupSqlite(partial);
            }
            File.Move(partial, full, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        log.LogInformation("Backup written to {File} ({Bytes} bytes)", full, new FileInfo(full).Length);
    }

    public async Task RestoreAsync(string file, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            throw new BackupException($"Backup file not found: {full}");
        }
        var kind = KindOf(full);
        var configured = IsPostgres ? BackupKind.PostgresDump : BackupKind.SqliteDatabase;
        if (kind != configured)
        {
            throw new BackupException(
                $"Refusing to restore: {full} is {Describe(kind)}, but the configured database (Database:Provider) is " +
                $"{(IsPostgres ? "PostgreSQL" : "SQLite")}. Restore a {(IsPostgres ? "pg_dump custom-format file (.dump)" : "SQLite backup (.db)")} instead.");
        }
        if (IsPostgres)
        {
            await RunPgToolAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", full], ct);
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            RestoreSqlite(full);
        }
        log.LogInformation("Database restored from {File}", full);
    }

    public enum BackupKind { Unknown, SqliteDatabase, PostgresDump }

    public static BackupKind KindOf(string file)
    {
        var head = new byte[16];
        using (var stream = File.OpenRead(file))
        {
            stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        if (head.AsSpan().StartsWith(SqliteMagic))
        {
            return BackupKind.SqliteDatabase;
        }
        return head.AsSpan().StartsWith(PgDumpMagic) ? BackupKind.PostgresDump : BackupKind.Unknown;
    }

    private static string Describe(BackupKind kind) => kind switch
    {
        BackupKind.SqliteDatabase => "a SQLite database",
        BackupKind.PostgresDump => "a PostgreSQL pg_dump file",
        _ => "not a backup made by this system",
    };

    private string SqliteConnectionString =>
        config.GetConnectionString("HealthRecords") ?? "Data Source=data/healthrecords.db";

    private void BackupSqlite(string target)
    {
        // Open without creating: backing up a database that is not there is an operator error, not an empty backup.
        var live = new SqliteConnectionStringBuilder(SqliteConnectionString) { Mode = SqliteOpenMode.ReadWrite };
        if (!File.Exists(live.DataSource))
        {
            throw new BackupException($"SQLite database not found: {Path.GetFullPath(live.DataSource)} (check ConnectionStrings:HealthRecords).");
        }
        using var source = new SqliteConnection(live.ConnectionString);
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ConnectionString);
        source.Open();
        destination.Open();
        // The online backup API copies a consistent snapshot while other connections keep reading and writing.
        source.BackupDatabase(destination);
        // A backup must be one self-contained file: leave WAL mode in the copy so nothing waits in a -wal file.
        using var cmd = destination.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=DELETE;";
        cmd.ExecuteNonQuery();
    }

    private void RestoreSqlite(string backup)
    {
        SqliteConnection.ClearAllPools();
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        using var destination = new SqliteConnection(SqliteConnectionString);
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
        using var cmd = destination.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL;";
        cmd.ExecuteNonQuery();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Runs pg_dump or pg_restore against the configured database; the password goes in the environment, never on the command line.</summary>
    private async Task RunPgToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(config.GetConnectionString("HealthRecords")
            ?? throw new BackupException("ConnectionStrings:HealthRecords is required for PostgreSQL."));
        var start = new ProcessStartInfo(FindPgTool(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.ArgumentList.Add("--dbname");
        start.ArgumentList.Add(cs.Database!);
        start.Environment["PGHOST"] = cs.Host;
        start.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = cs.Username;
        if (!string.IsNullOrEmpty(cs.Password))
        {
            start.Environment["PGPASSWORD"] = cs.Password;
        }
        start.Environment["PGSSLMODE"] = cs.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        using var process = Process.Start(start) ?? throw new BackupException($"Could not start {tool}.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{tool} failed (exit code {process.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}".Trim());
        }
    }

    /// <summary><c>Backup:PgBin</c> if set, else the newest /usr/lib/postgresql/*/bin (pg_dump must not be older than the server), else PATH.</summary>
    private string FindPgTool(string tool)
    {
        if (config["Backup:PgBin"] is { Length: > 0 } bin)
        {
            return Path.Combine(bin, tool);
        }
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => d.Version >= 0 && File.Exists(Path.Combine(d.Dir, "bin", tool)))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin", tool))
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, tool)).FirstOrDefault(File.Exists);
        return onPath ?? throw new BackupException($"{tool} not found: install the PostgreSQL client tools or set Backup:PgBin.");
    }
}
