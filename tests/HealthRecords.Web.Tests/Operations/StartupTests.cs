using System.Net;
using System.Net.Http.Json;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Features.Keys;
using HealthRecords.Web.Features.Setup;
using HealthRecords.Web.Tests.Backup;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HealthRecords.Web.Tests.Operations;

/// <summary>
/// What the host does at start (issue #16): it proves the field key belongs to the database and refuses otherwise
/// without writing anything, never makes a new key for a database with data, refuses the demo's passwords outside the
/// demo, keeps the cookie key ring owner-only in the key directory, and keeps query strings out of its logs.
/// </summary>
public abstract class StartupTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private readonly List<string> folders = [];

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync()
    {
        foreach (var f in folders.Where(Directory.Exists))
        {
            Directory.Delete(f, recursive: true);
        }
        return Task.CompletedTask;
    }

    private string Folder()
    {
        var f = Directory.CreateTempSubdirectory("hr-ops-").FullName;
        folders.Add(f);
        return f;
    }

    /// <summary>Starts a second host on the fixture's database with other settings; the start's log and whether it started.</summary>
    private static async Task<(bool Started, string Log)> TryStartAsync(WebApplicationFactory<Program> factory, Action<IWebHostBuilder> configure)
    {
        var logs = new LogCapture();
        await using var other = factory.WithWebHostBuilder(b =>
        {
            configure(b);
            b.ConfigureLogging(l => l.AddProvider(logs));
        });
        try
        {
            // A refused start returns from the entry point before the host runs: the test server then never answers.
            _ = other.Server;
            var refused = logs.Text.Contains("Start refused", StringComparison.Ordinal);
            return (!refused && (await other.CreateClient().GetAsync("/health")).IsSuccessStatusCode, logs.Text);
        }
        catch (Exception e) when (e is InvalidOperationException or AggregateException or HttpRequestException or OperationCanceledException)
        {
            return (false, logs.Text);
        }
    }

    private async Task WithDataAsync()
    {
        var doctor = await host.SignInAsync("yisheng");
        await TestResidents.CreateAsync(doctor, TestResidents.New("钥匙甲", TestResidents.Shilin));
    }

    [Fact]
    public async Task AWrongKeyIsRefusedWithTheReasonAndNothingIsWritten()
    {
        await WithDataAsync();
        var before = await host.WithDbAsync(TableSnapshot.TakeAsync);
        var wrong = Folder();
        FieldProtector.FromDirectory(wrong); // a key file of another installation
        var keyFile = File.ReadAllText(Path.Combine(wrong, FieldProtector.KeyFileName));

        var (started, log) = await TryStartAsync(host.Factory, b => b.UseSetting("DataProtection:KeysPath", wrong));

        Assert.False(started);
        Assert.Contains("is not the key this database was written with", log);
        Assert.Equal(keyFile, File.ReadAllText(Path.Combine(wrong, FieldProtector.KeyFileName)));
        Assert.Equal([FieldProtector.KeyFileName], Directory.GetFileSystemEntries(wrong).Select(Path.GetFileName));
        Assert.True(TableSnapshot.Same(before, await host.WithDbAsync(TableSnapshot.TakeAsync)));
    }

    [Fact]
    public async Task NoNewKeyIsMadeForADatabaseWithData()
    {
        await WithDataAsync();
        var empty = Folder();
        var (started, log) = await TryStartAsync(host.Factory, b => b.UseSetting("DataProtection:KeysPath", empty));
        Assert.False(started);
        Assert.Contains("does not exist, but this database was written with field key", log);
        Assert.Empty(Directory.GetFileSystemEntries(empty));

        // The right key directory, given from anywhere, starts as before.
        var (again, _) = await TryStartAsync(host.Factory, b => b.UseSetting("DataProtection:KeysPath", host.KeysPath));
        Assert.True(again);
    }

    [Fact]
    public async Task ADatabaseFromBeforeTheCheckIsJudgedByItsEncryptedValues()
    {
        await WithDataAsync();
        // An installation from before the check: no fingerprint row, values encrypted under its key.
        await host.WithDbAsync(db => db.Set<FieldKeyCheck>().Where(c => c.Id == 1).ExecuteDeleteAsync());
        var wrong = Folder();
        FieldProtector.FromDirectory(wrong);
        var (started, log) = await TryStartAsync(host.Factory, b => b.UseSetting("DataProtection:KeysPath", wrong));
        Assert.False(started);
        Assert.Contains("cannot read this database's encrypted values", log);
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<FieldKeyCheck>().CountAsync()));

        var (right, _) = await TryStartAsync(host.Factory, b => b.UseSetting("DataProtection:KeysPath", host.KeysPath));
        Assert.True(right);
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<FieldKeyCheck>().CountAsync())); // the check is written now
    }

    [Fact]
    public async Task OutsideTheDemoTheDemoPasswordsAreRefused()
    {
        var (started, log) = await TryStartAsync(host.Factory, b => b.UseSetting("Demo:Enabled", "false"));
        Assert.False(started);
        Assert.Contains("still have the demo's published password", log);
        Assert.Contains("admin", log);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task CookieKeysLiveOwnerOnlyInTheKeyDirectory()
    {
        await host.SignInAsync("yisheng");
        var ring = Path.Combine(host.KeysPath, CookieKeyRing.DirectoryName);
        var keys = Directory.GetFiles(ring, "*.xml");
        Assert.NotEmpty(keys);
        Assert.Equal(OwnerOnly.DirectoryMode, File.GetUnixFileMode(ring));
        Assert.All(keys, k => Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(k)));
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(Path.Combine(host.KeysPath, FieldProtector.KeyFileName)));

        // Losing the ring signs everyone out, nothing else: a new ring, a new sign-in, the same records.
        var doctor = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(doctor, TestResidents.New("钥匙乙", TestResidents.Shilin));
        Directory.Delete(ring, recursive: true);
        await using var restarted = host.Factory.WithWebHostBuilder(_ => { });
        var again = await HostFixture.SignInAsync(restarted, "yisheng");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/api/residents/{resident.Id}")).StatusCode);
    }

    [Fact]
    public async Task SearchTermsStayOutOfTheLogsEvenAtTraceLevel()
    {
        var logs = new LogCapture();
        await using var verbose = host.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Logging:LogLevel:Default", "Trace");
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            b.ConfigureLogging(l => l.AddProvider(logs));
        });
        var doctor = await HostFixture.SignInAsync(verbose, "yisheng");
        var resident = await TestResidents.CreateAsync(doctor, TestResidents.New("日志甲", TestResidents.Shilin, phone: "13912345678"));
        (await doctor.GetAsync($"/api/residents?q={resident.Info.IdNumber}")).EnsureSuccessStatusCode();
        (await doctor.PostAsJsonAsync("/api/residents/search", new Features.Residents.ResidentQuery { Q = "13912345678" })).EnsureSuccessStatusCode();
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(resident.Info.IdNumber!, logs.Text);
        Assert.DoesNotContain("13912345678", logs.Text);
    }
}

public sealed class SqliteStartupTests(SqliteHost host) : StartupTests<SqliteHost>(host);

public sealed class PostgresStartupTests(PostgresHost host) : StartupTests<PostgresHost>(host);

/// <summary>The configuration checks that decide the first log lines and refusals; no database needed.</summary>
public sealed class StartupChecksTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void APostgresConnectionStringWithoutItsProviderIsRefused()
    {
        var findings = StartupChecks.Examine(Config(("ConnectionStrings:HealthRecords", "Host=db1;Database=hr;Username=hr;Password=s3cret"),
            ("DataProtection:KeysPath", "/var/lib/healthrecords/keys")));
        Assert.Contains(findings.Refusals, r => r.Contains("Database__Provider=Postgres", StringComparison.Ordinal));
    }

    [Fact]
    public void TheFirstLineNamesProviderAndHostButNeverThePassword()
    {
        var findings = StartupChecks.Examine(Config(("Database:Provider", "Postgres"),
            ("ConnectionStrings:HealthRecords", "Host=10.0.0.11:5440,10.0.0.12:5441;Database=hr;Username=hr;Password=s3cret;Target Session Attributes=primary"),
            ("DataProtection:KeysPath", "/var/lib/healthrecords/keys")));
        Assert.Empty(findings.Refusals);
        Assert.Contains("PostgreSQL, host 10.0.0.11:5440,10.0.0.12:5441", findings.Summary);
        Assert.Contains("database hr", findings.Summary);
        Assert.DoesNotContain("s3cret", findings.Summary);
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("data/keys", "is relative")]
    public void OutsideTheDemoTheKeyDirectoryMustBeAbsolute(string? keys, string message)
    {
        var values = new List<(string, string)> { ("Database:Provider", "Postgres"), ("ConnectionStrings:HealthRecords", "Host=db;Database=hr;Username=hr") };
        if (keys is not null)
        {
            values.Add(("DataProtection:KeysPath", keys));
        }
        Assert.Contains(StartupChecks.Examine(Config([.. values])).Refusals, r => r.Contains(message, StringComparison.Ordinal));
        values.Add(("Demo:Enabled", "true"));
        Assert.DoesNotContain(StartupChecks.Examine(Config([.. values])).Refusals, r => r.Contains("DataProtection", StringComparison.Ordinal));
    }

    [Fact]
    public void KeysBesideTheDatabaseAreWarnedAbout()
    {
        var findings = StartupChecks.Examine(Config(("ConnectionStrings:HealthRecords", "Data Source=/srv/hr/data/healthrecords.db"), ("Demo:Enabled", "true")));
        Assert.Contains(findings.Warnings, w => w.Contains("/srv/hr/data/keys is inside the database's directory", StringComparison.Ordinal));
        var apart = StartupChecks.Examine(Config(("ConnectionStrings:HealthRecords", "Data Source=/srv/hr/data/healthrecords.db"), ("DataProtection:KeysPath", "/srv/hr/keys")));
        Assert.Empty(apart.Warnings);
        Assert.Empty(apart.Refusals);
    }

    [Theory]
    [InlineData("3D000", true)] // the database does not exist yet
    [InlineData("57P03", true)] // the server is starting up
    [InlineData("28P01", false)] // wrong password: retrying does not help
    public void TheStartRetriesOnlyWhileTheDatabaseIsNotThereYet(string sqlState, bool retried) =>
        Assert.Equal(retried, DatabaseStart.IsWorthRetrying(new PostgresException("x", "FATAL", "FATAL", sqlState)));
}
