using System.Net;
using System.Net.Http.Json;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Backup;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HealthRecords.Web.Tests.Backup;

/// <summary>A backup taken while the host runs restores to exactly the data it was taken from.</summary>
public abstract class BackupRestoreTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"hr-backup-{Guid.NewGuid():N}");

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        return Task.CompletedTask;
    }

    private BackupService Backups => host.Factory.Services.GetRequiredService<BackupService>();

    [Fact]
    public async Task RestoredDataIsExactlyTheBackup()
    {
        var doctor = await host.SignInAsync("gongwei");
        var kept = await TestResidents.CreateAsync(doctor, TestResidents.New("备一", TestResidents.Shilin));
        await TestResidents.CreateAsync(doctor, TestResidents.New("备二", TestResidents.Shuanghe));
        (await doctor.GetAsync($"/api/residents/{kept.Id}")).EnsureSuccessStatusCode(); // a read, audited
        var before = await host.WithDbAsync(TableSnapshot.TakeAsync);

        var file = Path.Combine(folder, "before" + Backups.Extension);
        await Backups.BackupAsync(file);

        // Change everything the backup holds: a new resident, a changed one, deleted rows.
        var added = await TestResidents.CreateAsync(doctor, TestResidents.New("备三", TestResidents.Gongqiao));
        var closed = await doctor.PostAsJsonAsync($"/api/residents/{kept.Id}/closure",
            new ClosureInput(ClosureReason.Death, new DateOnly(2026, 6, 1), null, null, null, kept.Version));
        closed.EnsureSuccessStatusCode();
        // The audit log is append-only on PostgreSQL (a trigger refuses DELETE); TRUNCATE stands in for a loss.
        await host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(db.IsPostgres ? "TRUNCATE \"AuditEntries\"" : "DELETE FROM \"AuditEntries\""));
        var changed = await host.WithDbAsync(TableSnapshot.TakeAsync);
        Assert.False(TableSnapshot.Same(before, changed));

        await Backups.RestoreAsync(file);

        var after = await host.WithDbAsync(TableSnapshot.TakeAsync);
        Assert.True(TableSnapshot.Same(before, after), "restored tables differ from the backup");
        Assert.NotEmpty(after["AuditEntries"]);
        Assert.Equal(2, after["HealthRecords"].Count);

        // The running host reads the restored data: the later resident is gone, the closed one is active again.
        var reader = await host.SignInAsync("gongwei");
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/residents/{added.Id}")).StatusCode);
        var again = await reader.GetFromJsonAsync<ResidentDetail>($"/api/residents/{kept.Id}", Json.Options);
        Assert.Equal(RecordStatus.Active, again!.Status);
        // New records still get fresh ids and numbers after a restore (sequences restored too).
        var next = await TestResidents.CreateAsync(reader, TestResidents.New("备四", TestResidents.Shilin));
        Assert.NotEqual(kept.RecordNumber, next.RecordNumber);
    }

    [Fact]
    public async Task RestoreRefusesAFileOfTheOtherDatabase()
    {
        var doctor = await host.SignInAsync("yisheng");
        await TestResidents.CreateAsync(doctor, TestResidents.New("备五", TestResidents.Shilin));
        var before = await host.WithDbAsync(TableSnapshot.TakeAsync);

        Directory.CreateDirectory(folder);
        var foreign = Path.Combine(folder, "foreign.bin");
        var magic = host.Provider == "Postgres" ? "SQLite format 3\0"u8.ToArray() : "PGDMP"u8.ToArray();
        await File.WriteAllBytesAsync(foreign, [.. magic, .. new byte[512]]);
        var garbage = Path.Combine(folder, "garbage.bin");
        await File.WriteAllTextAsync(garbage, "not a backup");

        var refused = await Assert.ThrowsAsync<BackupException>(() => Backups.RestoreAsync(foreign));
        Assert.Contains("Refusing to restore", refused.Message);
        Assert.Contains(host.Provider == "Postgres" ? "SQLite database" : "PostgreSQL pg_dump", refused.Message);
        await Assert.ThrowsAsync<BackupException>(() => Backups.RestoreAsync(garbage));
        await Assert.ThrowsAsync<BackupException>(() => Backups.RestoreAsync(Path.Combine(folder, "missing.db")));

        Assert.True(TableSnapshot.Same(before, await host.WithDbAsync(TableSnapshot.TakeAsync)));
    }

    [Fact]
    public async Task CommandLineBacksUpAndRefusesAMismatchedRestore()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = host.Provider,
            ["ConnectionStrings:HealthRecords"] = host.ConnectionString,
        }).Build();
        var command = BackupCommand.Parse(["backup", "--to", Path.Combine(folder, "cli.bak"), "--urls", "http://x"]);
        Assert.NotNull(command);
        Assert.Equal("backup", command.Value.Command);
        Assert.Equal(["--urls", "http://x"], command.Value.Arguments);
        Assert.Null(BackupCommand.Parse(["--urls", "http://x"]));

        Assert.Equal(0, await BackupCommand.RunAsync("backup", command.Value.File, config));
        Assert.Equal(host.Provider == "Postgres" ? BackupService.BackupKind.PostgresDump : BackupService.BackupKind.SqliteDatabase,
            BackupService.KindOf(command.Value.File!));
        Assert.Equal(2, await BackupCommand.RunAsync("restore", null, config)); // no --from: usage

        var other = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = host.Provider == "Postgres" ? "Sqlite" : "Postgres",
            ["ConnectionStrings:HealthRecords"] = "Host=127.0.0.1;Database=nowhere",
        }).Build();
        Assert.Equal(1, await BackupCommand.RunAsync("restore", command.Value.File, other));

        // Backing up a SQLite database that is not there is refused, not an empty backup.
        var missing = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:HealthRecords"] = $"Data Source={Path.Combine(folder, "nowhere.db")}",
        }).Build();
        Assert.Equal(1, await BackupCommand.RunAsync("backup", Path.Combine(folder, "empty.db"), missing));
        Assert.False(File.Exists(Path.Combine(folder, "nowhere.db")));
        Assert.False(File.Exists(Path.Combine(folder, "empty.db")));
    }

    [Fact]
    public async Task ScheduledBackupsKeepTheNewest()
    {
        Directory.CreateDirectory(folder);
        var ext = Backups.Extension;
        // Older backups from before, and a file of the operator's that retention must not touch.
        var old1 = Path.Combine(folder, $"healthrecords-20200101-020000{ext}");
        var old2 = Path.Combine(folder, $"healthrecords-20200102-020000{ext}");
        var notes = Path.Combine(folder, "notes.txt");
        foreach (var f in new[] { old1, old2, notes })
        {
            await File.WriteAllTextAsync(f, "x");
        }
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Backup:Schedule"] = "every 01:00:00",
            ["Backup:Directory"] = folder,
            ["Backup:Keep"] = "3",
        }).Build();
        var clock = new FakeTimeProvider(HostFixture.Now);
        using var scheduler = new BackupScheduler(Backups, config, clock, NullLogger<BackupScheduler>.Instance);
        await scheduler.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (scheduler.Runs < 5)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {scheduler.Runs} scheduled backups ran");
            clock.Advance(TimeSpan.FromMinutes(20));
            await Task.Delay(50);
        }
        await scheduler.StopAsync(CancellationToken.None);

        var left = Directory.GetFiles(folder, "healthrecords-*").Where(f => !f.EndsWith(BackupChecksum.Extension, StringComparison.Ordinal))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        // Each kept backup has its checksum beside it, and a pruned one took its checksum with it.
        Assert.Equal(left.Select(f => f + BackupChecksum.Extension), Directory.GetFiles(folder, "*" + BackupChecksum.Extension).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(3, left.Count);
        Assert.DoesNotContain(Path.GetFileName(old1), left);
        Assert.DoesNotContain(Path.GetFileName(old2), left);
        Assert.True(File.Exists(notes));
        // The three kept are the newest runs: hourly from the start, so the last one is at least 5 hours on.
        Assert.All(left, f => Assert.StartsWith("healthrecords-20260615-", f));
        Assert.True(string.CompareOrdinal(left[0], $"healthrecords-20260615-050000{ext}") >= 0, string.Join(", ", left));
        Assert.All(left, f => Assert.NotEqual(BackupService.BackupKind.Unknown, BackupService.KindOf(Path.Combine(folder, f!))));
    }

    [Fact]
    public void RetentionDeletesOnlyTheOldestBackups()
    {
        Directory.CreateDirectory(folder);
        var names = new[] { "healthrecords-20260101-020000.db", "healthrecords-20260103-020000.dump", "healthrecords-20260102-020000.db", "healthrecords-20260104-020000.db", "other.db" };
        foreach (var n in names)
        {
            File.WriteAllText(Path.Combine(folder, n), "x");
        }
        var removed = BackupRetention.Prune(folder, 2).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["healthrecords-20260101-020000.db", "healthrecords-20260102-020000.db"], removed);
        Assert.Equal(["healthrecords-20260103-020000.dump", "healthrecords-20260104-020000.db", "other.db"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("daily 02:30", "2026-06-15T02:00:00Z", "2026-06-15T02:30:00Z")]
    [InlineData("daily 02:30", "2026-06-15T02:30:00Z", "2026-06-16T02:30:00Z")]
    [InlineData("every 06:00:00", "2026-06-15T02:00:00Z", "2026-06-15T08:00:00Z")]
    public void ScheduleGivesTheNextRun(string schedule, string previous, string next) =>
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture),
            BackupSchedule.Parse(schedule).NextAfter(DateTimeOffset.Parse(previous, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc));

    [Theory]
    [InlineData("weekly")]
    [InlineData("daily 25:00")]
    [InlineData("every 00:00:10")]
    public void RefusesAScheduleItCannotRead(string schedule) =>
        Assert.Throws<FormatException>(() => BackupSchedule.Parse(schedule));
}

public sealed class SqliteBackupRestoreTests(SqliteHost host) : BackupRestoreTests<SqliteHost>(host);

public sealed class PostgresBackupRestoreTests(PostgresHost host) : BackupRestoreTests<PostgresHost>(host);
