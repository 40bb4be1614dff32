using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Backup;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HealthRecords.Web.Tests.Operations;

/// <summary>
/// An upgrade takes a backup before it migrates (docs/operations.md, "Upgrades"); a host whose PostgreSQL database is not
/// there yet waits for it instead of failing.
/// </summary>
public sealed class UpgradeAndRetryTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("hr-upgrade-").FullName;
    private readonly List<Func<Task>> cleanups = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var c in cleanups)
        {
            await c();
        }
        Directory.Delete(folder, recursive: true);
    }

    private WebApplicationFactory<Program> Host(string provider, string connection, LogCapture logs, params (string, string)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", provider);
            b.UseSetting("ConnectionStrings:HealthRecords", connection);
            b.UseSetting("Demo:Enabled", "true");
            b.UseSetting("DataProtection:KeysPath", Path.Combine(folder, "keys"));
            b.UseSetting("Measures:KeepCountyTableCounted", "false");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
            b.ConfigureLogging(l => l.AddProvider(logs));
        });

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task AnUpgradeBacksUpBeforeItMigrates(string provider)
    {
        var connection = provider == "Sqlite" ? TestDatabases.CreateSqlite() : await TestDatabases.CreatePostgresAsync();
        cleanups.Add(() => provider == "Sqlite" ? Task.Run(() => TestDatabases.DropSqlite(connection)) : TestDatabases.DropPostgresAsync(connection));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:HealthRecords"] = connection,
        }).Build();
        string previous;
        // The database as the previous version left it: every migration but the newest.
        var options = new DbContextOptionsBuilder<HealthRecordsDbContext>();
        DatabaseSetup.Configure(options, config);
        // Without the host's field protection, this context has an EF service provider of its own; the test process has many.
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.ManyServiceProvidersCreatedWarning));
        await using (var db = new HealthRecordsDbContext(options.Options))
        {
            var all = db.Database.GetMigrations().ToList();
            previous = all[^2];
            await db.GetService<IMigrator>().MigrateAsync(previous);
        }
        var backups = Path.Combine(folder, "backups");
        var logs = new LogCapture();
        await using var host = Host(provider, connection, logs, ("Backup:Directory", backups));
        _ = host.Server;

        var taken = Directory.GetFiles(backups, UpgradeBackup.Prefix + "*").Where(f => !f.EndsWith(BackupChecksum.Extension, StringComparison.Ordinal)).ToList();
        var file = Assert.Single(taken);
        Assert.StartsWith($"{UpgradeBackup.Prefix}{previous}-", Path.GetFileName(file));
        Assert.Contains("Backup before upgrading written to", logs.Text);
        // The backup is the database before the upgrade: restorable (verified) and without the newest migration.
        await host.Services.GetRequiredService<BackupService>().VerifyAsync(file);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>().Database.GetPendingMigrationsAsync());

        // Started again, nothing is pending: no second backup.
        await using var again = Host(provider, connection, new LogCapture(), ("Backup:Directory", backups));
        _ = again.Server;
        Assert.Single(Directory.GetFiles(backups, UpgradeBackup.Prefix + "*"), f => !f.EndsWith(BackupChecksum.Extension, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheHostWaitsForADatabaseThatIsNotThereYet()
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer);
        var name = $"hr_test_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer) { Database = name }.ConnectionString;
        cleanups.Add(() => TestDatabases.DropPostgresAsync(connection));
        var logs = new LogCapture();
        await using var host = Host("Postgres", connection, logs, ("Database:StartRetrySeconds", "120"));
        var starting = Task.Run(() => host.Server);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!logs.Text.Contains("Database not reachable", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the host did not say it is waiting:\n" + logs.Text);
            Assert.False(starting.IsCompleted, "the host did not wait for the database:\n" + logs.Text);
            await Task.Delay(100);
        }
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        await starting;
        Assert.Contains("Database reachable after", logs.Text);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.CreateClient().GetAsync("/health/ready")).StatusCode);
    }
}
