using System.Net;
using System.Net.Http.Json;
using HealthRecords.Web.Features.Backup;
using HealthRecords.Web.Features.Keys;
using HealthRecords.Web.Features.Setup;
using HealthRecords.Web.Tests.Backup;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthRecords.Web.Tests.Operations;

/// <summary>How a backup file was damaged in a test.</summary>
public enum Damage { Overwritten, Truncated, Empty }

/// <summary>
/// Backups that can be trusted (issues #14 and #16): owner-only files with a checksum; a damaged, truncated or empty
/// backup is refused before anything live is touched; no restore while the system runs on the database; a failed
/// scheduled backup shows on health and on the administrator's page.
/// </summary>
public abstract class BackupSafetyTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"hr-safety-{Guid.NewGuid():N}", "backups");

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync()
    {
        var root = Path.GetDirectoryName(folder)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        return Task.CompletedTask;
    }

    private BackupService Backups => host.Factory.Services.GetRequiredService<BackupService>();

    private IConfiguration HostConfig => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = host.Provider,
        ["ConnectionStrings:HealthRecords"] = host.ConnectionString,
    }).Build();

    private async Task<string> GoodBackupAsync()
    {
        var doctor = await host.SignInAsync("yisheng");
        await TestResidents.CreateAsync(doctor, TestResidents.New("备份甲", TestResidents.Shilin));
        var file = Path.Combine(folder, "good" + Backups.Extension);
        await Backups.BackupAsync(file);
        return file;
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task BackupsAreOwnerOnlyWithAChecksumThatVerifies()
    {
        var file = await GoodBackupAsync();
        Assert.Equal(OwnerOnly.DirectoryMode, File.GetUnixFileMode(folder));
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(file));
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(file + BackupChecksum.Extension));
        Assert.Matches($"^[0-9a-f]{{64}}  {Path.GetFileName(file)}\n$", await File.ReadAllTextAsync(file + BackupChecksum.Extension));
        Assert.Equal(Path.GetFullPath(file), await Backups.VerifyAsync(file));
    }

    [Theory]
    [InlineData(Damage.Overwritten, true)]
    [InlineData(Damage.Overwritten, false)]
    [InlineData(Damage.Truncated, true)]
    [InlineData(Damage.Truncated, false)]
    [InlineData(Damage.Empty, false)]
    public async Task ADamagedBackupIsRefusedAndTheLiveDatabaseIsUntouched(Damage damage, bool withChecksum)
    {
        var file = await GoodBackupAsync();
        if (!withChecksum)
        {
            File.Delete(file + BackupChecksum.Extension); // a copy that lost its checksum: the content itself is checked
        }
        var bytes = await File.ReadAllBytesAsync(file);
        switch (damage)
        {
            case Damage.Overwritten:
                var (offset, length) = host.Provider == "Sqlite" ? TablePage(file) : (bytes.Length / 2, 4096);
                new Random(7).NextBytes(bytes.AsSpan(offset, Math.Min(length, bytes.Length - offset)));
                await File.WriteAllBytesAsync(file, bytes);
                break;
            case Damage.Truncated:
                await File.WriteAllBytesAsync(file, bytes[..(bytes.Length / 2)]);
                break;
            case Damage.Empty:
                await File.WriteAllBytesAsync(file, []);
                break;
        }
        var doctor = await host.SignInAsync("yisheng");
        await TestResidents.CreateAsync(doctor, TestResidents.New("备份乙", TestResidents.Shilin)); // live differs from the backup
        var before = await host.WithDbAsync(TableSnapshot.TakeAsync);

        var refused = await Assert.ThrowsAsync<BackupException>(() => Backups.RestoreAsync(file));
        Assert.Contains("Refusing to restore", refused.Message);
        Assert.Contains(damage == Damage.Empty ? "is empty" : withChecksum ? "does not match its checksum" : "is damaged", refused.Message);
        Assert.Equal(1, await BackupCommand.RunAsync("restore", file, HostConfig));
        Assert.True(TableSnapshot.Same(before, await host.WithDbAsync(TableSnapshot.TakeAsync)), "the live database changed");
    }

    /// <summary>The page holding the HealthRecords table's root: overwriting it damages the records themselves.</summary>
    private static (int Offset, int Length) TablePage(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT rootpage FROM sqlite_master WHERE name = 'HealthRecords'";
        var root = Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        cmd.CommandText = "PRAGMA page_size";
        var size = Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return ((root - 1) * size, size);
    }

    [Fact]
    public async Task EncryptedBackupsRestoreOnlyWithTheirKey()
    {
        var keyFile = Path.Combine(Path.GetDirectoryName(folder)!, "backup.key");
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        IConfiguration With(string? key) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = host.Provider,
            ["ConnectionStrings:HealthRecords"] = host.ConnectionString,
            ["Backup:EncryptionKeyFile"] = key,
        }).Build();
        var encrypted = new BackupService(With(keyFile), NullLogger<BackupService>.Instance);
        var doctor = await host.SignInAsync("yisheng");
        await TestResidents.CreateAsync(doctor, TestResidents.New("加密备份甲", TestResidents.Shilin));
        var before = await host.WithDbAsync(TableSnapshot.TakeAsync);
        var file = Path.Combine(folder, "secret" + encrypted.Extension);
        await encrypted.BackupAsync(file);

        var bytes = await File.ReadAllBytesAsync(file);
        Assert.True(BackupEncryption.IsEncrypted(file));
        Assert.Equal(BackupService.BackupKind.Unknown, BackupService.KindOf(file));
        Assert.Equal(-1, bytes.AsSpan().IndexOf("HealthRecords"u8)); // no table name, no data in clear
        Assert.Equal(OwnerOnly.FileMode, OperatingSystem.IsWindows() ? OwnerOnly.FileMode : File.GetUnixFileMode(file));

        // Without the key, or with another, nothing is restored.
        var noKey = await Assert.ThrowsAsync<BackupException>(() => new BackupService(With(null), NullLogger<BackupService>.Instance).RestoreAsync(file));
        Assert.Contains("encrypted backup", noKey.Message);
        var otherKey = Path.Combine(Path.GetDirectoryName(folder)!, "other.key");
        await File.WriteAllTextAsync(otherKey, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        await Assert.ThrowsAsync<BackupException>(() => new BackupService(With(otherKey), NullLogger<BackupService>.Instance).RestoreAsync(file));
        var truncated = Path.Combine(folder, "truncated" + encrypted.Extension);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length - 100)]);
        Assert.Contains("truncated", (await Assert.ThrowsAsync<BackupException>(() => encrypted.RestoreAsync(truncated))).Message);
        Assert.Empty(Directory.GetFiles(folder, "*.decrypted"));

        await TestResidents.CreateAsync(doctor, TestResidents.New("加密备份乙", TestResidents.Shilin));
        await encrypted.RestoreAsync(file);
        Assert.True(TableSnapshot.Same(before, await host.WithDbAsync(TableSnapshot.TakeAsync)), "the restored database differs from the backup");
        Assert.Empty(Directory.GetFiles(folder, "*.decrypted"));
    }

    [Fact]
    public async Task NoRestoreWhileTheSystemRunsOnTheDatabase()
    {
        var file = await GoodBackupAsync();
        // The host takes its running claim as it starts (on PostgreSQL in the background): wait until it holds it.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        BackupException? refused = null;
        while (refused is null && DateTime.UtcNow < deadline)
        {
            try
            {
                await (await RunningHost.ClaimAloneAsync(HostConfig)).DisposeAsync();
                await Task.Delay(200);
            }
            catch (BackupException e)
            {
                refused = e;
            }
        }
        Assert.NotNull(refused);
        Assert.Contains("the system is running on this database", refused.Message);
        var before = await host.WithDbAsync(TableSnapshot.TakeAsync);
        Assert.Equal(1, await BackupCommand.RunAsync("restore", file, HostConfig));
        Assert.True(TableSnapshot.Same(before, await host.WithDbAsync(TableSnapshot.TakeAsync)));
    }

    [Fact]
    public async Task AFailedScheduledBackupShowsOnHealthAndOnTheAdministratorsPage()
    {
        var blocker = Path.Combine(Path.GetDirectoryName(folder)!, "a-file");
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        await File.WriteAllTextAsync(blocker, "not a directory");
        await using var scheduled = host.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Backup:Schedule", "every 00:01:00");
            b.UseSetting("Backup:Directory", Path.Combine(blocker, "backups")); // cannot be created: every run fails
        });
        var client = scheduled.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/backup")).StatusCode);
        var status = scheduled.Services.GetRequiredService<BackupStatus>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!status.Current.Failing)
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduled backup did not run");
            host.Clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(100);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/backup")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode); // still serving: the database is fine
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());

        var admin = await HostFixture.SignInAsync(scheduled, "admin");
        var system = await admin.GetFromJsonAsync<SystemStatusView>("/api/admin/system", Json.Options);
        Assert.True(system!.BackupFailing);
        Assert.NotNull(system.LastBackupError);
    }
}

public sealed class SqliteBackupSafetyTests(SqliteHost host) : BackupSafetyTests<SqliteHost>(host);

public sealed class PostgresBackupSafetyTests(PostgresHost host) : BackupSafetyTests<PostgresHost>(host);

/// <summary>Backups of PostgreSQL with every documented form of the connection string reach the primary.</summary>
public sealed class PostgresConnectionFormsTests(PostgresHost host) : IClassFixture<PostgresHost>, IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("hr-forms-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    public static IEnumerable<object[]> Forms()
    {
        yield return ["Host=127.0.0.1;Port={port}"];
        yield return ["Host=127.0.0.1:{port}"];
        yield return ["Host=127.0.0.1:{dead},127.0.0.1:{port}"]; // the first host is down (failover list)
        yield return ["Host=localhost,127.0.0.1;Port={port};Target Session Attributes=primary"];
        if (Environment.GetEnvironmentVariable("HR_PG_DIR") is { Length: > 0 })
        {
            yield return ["Host={socket};Port={port}"]; // a Unix socket directory
        }
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task BacksUpAndVerifiesWithEachForm(string form)
    {
        var configured = new Npgsql.NpgsqlConnectionStringBuilder(host.ConnectionString);
        var connection = form.Replace("{port}", configured.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{dead}", "1", StringComparison.Ordinal)
            .Replace("{socket}", Environment.GetEnvironmentVariable("HR_PG_DIR") ?? "", StringComparison.Ordinal)
            + $";Database={configured.Database};Username={configured.Username}";
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:HealthRecords"] = connection,
        }).Build();
        var backups = new BackupService(config, NullLogger<BackupService>.Instance);
        var file = Path.Combine(folder, $"form-{Guid.NewGuid():N}.dump");
        await backups.BackupAsync(file);
        Assert.Equal(BackupService.BackupKind.PostgresDump, BackupService.KindOf(file));
        await backups.VerifyAsync(file);
        Assert.Equal("127.0.0.1:" + configured.Port, await PrimaryAsync(connection));
    }

    private static async Task<string> PrimaryAsync(string connection)
    {
        var found = await PostgresPrimary.FindAsync(connection, CancellationToken.None);
        return found.Host.StartsWith('/') ? "127.0.0.1:" + found.Port : $"{(found.Host == "localhost" ? "127.0.0.1" : found.Host)}:{found.Port}";
    }
}
