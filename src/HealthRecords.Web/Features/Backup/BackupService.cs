using System.Diagnostics;
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

    /// <summary>
    /// Writes a consistent backup of the configured database to <paramref name="file"/>, owner-only (mode 0600; a new
    /// directory 0700), with its SHA-256 beside it in <c>&lt;file&gt;.sha256</c> (the format of <c>sha256sum -c</c>), which a
    /// restore checks when present.
    /// </summary>
    public async Task BackupAsync(string file, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(file);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            Keys.OwnerOnly.CreateDirectory(directory);
        }
        // Write beside the target and move into place, so a failed backup never leaves a half file under the real name.
        // The file exists owner-only before the tool writes into it, so it is never readable by others, even for a moment.
        var partial = full + ".partial";
        File.Delete(partial);
        try
        {
            Keys.OwnerOnly.CreateEmptyFile(partial);
            if (IsPostgres)
            {
                await RunPgToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], ct);
            }
            else
            {
                BackupSqlite(partial);
            }
            Keys.OwnerOnly.Restrict(partial);
            if (BackupEncryption.FromConfiguration(config) is { } encryption)
            {
                var encrypted = full + ".encrypting";
                Keys.OwnerOnly.CreateEmptyFile(encrypted);
                try
                {
                    await encryption.EncryptAsync(partial, encrypted, ct);
                    File.Move(encrypted, partial, overwrite: true);
                }
                finally
                {
                    File.Delete(encrypted);
                }
            }
            File.Move(partial, full, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        await BackupChecksum.WriteAsync(full, ct);
        log.LogInformation("Backup written to {File} ({Bytes} bytes)", full, new FileInfo(full).Length);
    }

    /// <summary>
    /// Replaces the configured database with the backup, after verifying the whole backup first (<see cref="VerifyAsync"/>):
    /// a damaged, truncated, empty or foreign file is refused and the live database is not touched.
    /// </summary>
    public async Task RestoreAsync(string file, CancellationToken ct = default)
    {
        await using var backup = await OpenVerifiedAsync(file, ct);
        if (IsPostgres)
        {
            await RunPgToolAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", backup.Path], ct);
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            RestoreSqlite(backup.Path);
        }
        log.LogInformation("Database restored from {File}", Path.GetFullPath(file));
    }

    /// <summary>
    /// Checks a backup completely without touching the live database (issue #14): it exists and is not empty; its SHA-256
    /// matches the <c>.sha256</c> written beside it, if there is one; it is a backup of the configured database's kind; and
    /// every byte reads back — for SQLite, the page count matches the file's length, <c>PRAGMA integrity_check</c> is ok
    /// and the migrations table is there; for PostgreSQL, <c>pg_restore --list</c> shows this system's tables and a full
    /// <c>pg_restore</c> to /dev/null reads (and decompresses) every table's data. Returns the full path; throws
    /// <see cref="BackupException"/> saying what is wrong.
    /// </summary>
    public async Task<string> VerifyAsync(string file, CancellationToken ct = default)
    {
        await using var backup = await OpenVerifiedAsync(file, ct);
        return Path.GetFullPath(file);
    }

    /// <summary>A verified backup as its plain file: the file itself, or its decrypted copy (owner-only, deleted on dispose).</summary>
    private sealed class VerifiedBackup(string path, bool temporary) : IAsyncDisposable
    {
        public string Path { get; } = path;

        public ValueTask DisposeAsync()
        {
            if (temporary)
            {
                File.Delete(Path);
            }
            return ValueTask.CompletedTask;
        }
    }

    private async Task<VerifiedBackup> OpenVerifiedAsync(string file, CancellationToken ct)
    {
        var original = Path.GetFullPath(file);
        if (!File.Exists(original))
        {
            throw new BackupException($"Backup file not found: {original}");
        }
        if (new FileInfo(original).Length == 0)
        {
            throw new BackupException($"Refusing to restore: {original} is empty (0 bytes). Nothing was changed.");
        }
        if (!await BackupChecksum.MatchesAsync(original, ct))
        {
            throw new BackupException($"Refusing to restore: {original} does not match its checksum {original}{BackupChecksum.Extension}: " +
                "the file was changed or damaged after the backup. Nothing was changed.");
        }
        var full = original;
        if (BackupEncryption.IsEncrypted(original))
        {
            var encryption = BackupEncryption.FromConfiguration(config)
                ?? throw new BackupException($"Refusing to restore: {original} is an encrypted backup; set Backup:EncryptionKeyFile to its key. Nothing was changed.");
            full = original + ".decrypted";
            try
            {
                await encryption.DecryptAsync(original, full, ct);
            }
            catch (BackupException e)
            {
                File.Delete(full);
                throw new BackupException($"Refusing to restore: {original}: {e.Message}. Nothing was changed.");
            }
        }
        try
        {
            Check(full);
            var problem = IsPostgres ? await PostgresDumpProblemAsync(full, ct) : SqliteBackupProblem(full);
            if (problem is not null)
            {
                throw new BackupException($"Refusing to restore: {original} is damaged ({problem}). Nothing was changed.");
            }
            return new VerifiedBackup(full, full != original);
        }
        catch
        {
            if (full != original)
            {
                File.Delete(full);
            }
            throw;
        }
    }

    private void Check(string full)
    {
        var kind = KindOf(full);
        var configured = IsPostgres ? BackupKind.PostgresDump : BackupKind.SqliteDatabase;
        if (kind != configured)
        {
            throw new BackupException(
                $"Refusing to restore: {full} is {Describe(kind)}, but the configured database (Database:Provider) is " +
                $"{(IsPostgres ? "PostgreSQL" : "SQLite")}. Restore a {(IsPostgres ? "pg_dump custom-format file (.dump)" : "SQLite backup (.db)")} instead.");
        }
    }

    /// <summary>What is wrong with a SQLite backup file, or null when every page reads and the integrity check passes.</summary>
    private static string? SqliteBackupProblem(string file)
    {
        var header = new byte[100];
        using (var stream = File.OpenRead(file))
        {
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            {
                return "shorter than a SQLite header";
            }
            // File format: page size at offset 16 (1 means 65536), page count at offset 28 (valid when the change counter
            // at 24 equals the version-valid-for number at 92).
            var pageSize = header[16] << 8 | header[17];
            long size = pageSize == 1 ? 65536 : pageSize;
            var pages = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28));
            var counterValid = header.AsSpan(24, 4).SequenceEqual(header.AsSpan(92, 4));
            if (size < 512 || (size & (size - 1)) != 0)
            {
                return "the header's page size is invalid";
            }
            if (counterValid && pages > 0 && pages * size != stream.Length)
            {
                return $"{stream.Length} bytes where the header says {pages} pages of {size} bytes: truncated or extended";
            }
        }
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            var results = new List<string>();
            using (var reader = check.ExecuteReader())
            {
                while (reader.Read() && results.Count < 5)
                {
                    results.Add(reader.GetString(0));
                }
            }
            if (results is not ["ok"])
            {
                return "integrity check: " + string.Join("; ", results);
            }
            using var tables = connection.CreateCommand();
            tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'HealthRecords')";
            return Convert.ToInt64(tables.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 2 ? null : "not a HealthRecords database";
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    /// <summary>What is wrong with a pg_dump file, or null when its table of contents lists this system's tables and all its data reads.</summary>
    private async Task<string?> PostgresDumpProblemAsync(string file, CancellationToken ct)
    {
        var (listed, list, listError) = await RunToolAsync(FindPgTool("pg_restore"), ["--list", file], null, ct);
        if (listed != 0)
        {
            return $"pg_restore --list: {listError.Trim()}";
        }
        if (!list.Contains("TABLE public __EFMigrationsHistory", StringComparison.Ordinal) || !list.Contains("TABLE public HealthRecords", StringComparison.Ordinal))
        {
            return "its table of contents has no HealthRecords tables";
        }
        var (read, _, readError) = await RunToolAsync(FindPgTool("pg_restore"), ["--file=/dev/null", file], null, ct);
        return read == 0 ? null : $"pg_restore: {readError.Trim()}";
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

    /// <summary>
    /// Runs pg_dump or pg_restore against the primary of the configured database, whatever form the connection string
    /// has (one host, <c>Host=a:5440,b:5441</c>, <c>Host=a,b;Port=…</c>, a socket directory; docs/operations.md): Npgsql
    /// finds the primary among the hosts, the tool is pointed at that one host and told to accept only a read-write
    /// server (<c>PGTARGETSESSIONATTRS</c>). The password goes in the environment, never on the command line.
    /// </summary>
    private async Task RunPgToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var target = await PostgresPrimary.FindAsync(config.GetConnectionString("HealthRecords")
            ?? throw new BackupException("ConnectionStrings:HealthRecords is required for PostgreSQL."), ct);
        var (exit, stdout, stderr) = await RunToolAsync(FindPgTool(tool), [.. arguments, "--dbname", target.Database], target.Environment, ct);
        if (exit != 0)
        {
            throw new BackupException($"{tool} failed (exit code {exit}): {stderr.Trim()} {stdout.Trim()}".Trim());
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunToolAsync(string path, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new BackupException($"Could not start {path}.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout, await stderr);
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
