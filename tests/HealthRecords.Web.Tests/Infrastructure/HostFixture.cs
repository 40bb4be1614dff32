using System.Net.Http.Json;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HealthRecords.Web.Tests.Infrastructure;

/// <summary>
/// The real host (<see cref="Program"/>) on a real database of its own, with the demo accounts and the
/// county's reference data, and a clock the tests control. One per test class; records are reset per test.
/// </summary>
public abstract class HostFixture : IAsyncLifetime
{
    /// <summary>"Today" in the tests: a fixed day so ages and date checks are reproducible.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);
    public WebApplicationFactory<Program> Factory { get; private set; } = default!;
    public string ConnectionString { get; private set; } = "";
    /// <summary>This host's own field key directory (DataProtection:KeysPath), a fresh temp directory.</summary>
    public string KeysPath { get; } = Directory.CreateTempSubdirectory("hr-keys-").FullName;
    public abstract string Provider { get; }
    /// <summary>Demo mode (the default county and accounts); a production fixture turns it off and loads nothing.</summary>
    protected virtual bool Demo => true;
    /// <summary>Everything the host logged.</summary>
    public LogCapture Logs { get; } = new();

    protected abstract Task<string> CreateDatabaseAsync();
    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", Provider);
            b.UseSetting("ConnectionStrings:HealthRecords", ConnectionString);
            b.UseSetting("Demo:Enabled", Demo ? "true" : "false");
            b.UseSetting("Demo:Residents", "0");
            b.UseSetting("Security:SignInPermitsPerMinute", "10000"); // many sign-ins per test class; AccountSecurityTests lowers it
            b.UseSetting("DataProtection:KeysPath", KeysPath);
            b.UseSetting("Measures:KeepCountyTableCounted", "false"); // no count in the background while tests arrange data; KeptMeasureTablesTests turns it on
            b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
            b.ConfigureLogging(l => l.AddProvider(Logs));
        });
        _ = Factory.Server; // starts the host: migrates and loads reference data and demo accounts
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await DropDatabaseAsync();
        Directory.Delete(KeysPath, recursive: true);
        Logs.Dispose();
    }

    /// <summary>A client signed in as one of the demo accounts (cookie kept by the client).</summary>
    public Task<HttpClient> SignInAsync(string userName) => SignInAsync(Factory, userName);

    /// <summary>The same on a host derived from a fixture's (<c>WithWebHostBuilder</c>: other settings or services, same database).</summary>
    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string userName)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoAccounts.Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>A scoped DbContext for arranging and checking data directly.</summary>
    public async Task<T> WithDbAsync<T>(Func<HealthRecordsDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>());
    }

    /// <summary>Removes every record and what hangs on it, keeping places, institutions and accounts.</summary>
    public Task ResetAsync() => WithDbAsync(async db =>
    {
        Clock.AdjustTime(Now); // tests may move the clock forward; AdjustTime may also go back
        // The audit log refuses DELETE on PostgreSQL (append-only trigger); TRUNCATE fires no row trigger.
        await db.Database.ExecuteSqlRawAsync(db.IsPostgres ? "TRUNCATE \"AuditEntries\"" : "DELETE FROM \"AuditEntries\"");
        foreach (var table in new[] { "AccessRequests", "RecordChanges", "RecordMerges", "RecordTransfers", "NameSearchKeys", "HealthRecords", "Households", "RecordNumberSequences" })
        {
#pragma warning disable EF1002 // the table names are the constants above, not input
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\"");
#pragma warning restore EF1002
        }
        return 0;
    });
}

public sealed class SqliteHost : HostFixture
{
    public override string Provider => "Sqlite";
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(TestDatabases.CreateSqlite());
    protected override Task DropDatabaseAsync()
    {
        TestDatabases.DropSqlite(ConnectionString);
        return Task.CompletedTask;
    }
}

public sealed class PostgresHost : HostFixture
{
    public override string Provider => "Postgres";
    protected override Task<string> CreateDatabaseAsync() => TestDatabases.CreatePostgresAsync();
    protected override Task DropDatabaseAsync() => TestDatabases.DropPostgresAsync(ConnectionString);
}
