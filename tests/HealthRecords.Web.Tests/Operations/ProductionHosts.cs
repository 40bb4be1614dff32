using System.Net.Http.Json;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Setup;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Operations;

/// <summary>The host as a county installs it: no demo, no county, no accounts until setup.</summary>
public sealed class ProductionSqliteHost : HostFixture
{
    public override string Provider => "Sqlite";
    protected override bool Demo => false;
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(TestDatabases.CreateSqlite());
    protected override Task DropDatabaseAsync()
    {
        TestDatabases.DropSqlite(ConnectionString);
        return Task.CompletedTask;
    }
}

public sealed class ProductionPostgresHost : HostFixture
{
    public override string Provider => "Postgres";
    protected override bool Demo => false;
    protected override Task<string> CreateDatabaseAsync() => TestDatabases.CreatePostgresAsync();
    protected override Task DropDatabaseAsync() => TestDatabases.DropPostgresAsync(ConnectionString);
}

public static class Administrators
{
    public const string Password = "Ch4nged#Pass";

    /// <summary>
    /// The installation's administrator as setup creates it (or a new password for it), signed in and past the forced
    /// password change.
    /// </summary>
    public static async Task<HttpClient> SignInAsync(HostFixture host, string userName = "chief")
    {
        string issued;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var exists = await users.FindByNameAsync(userName) is not null;
            var outcome = await FirstAdministrator.CreateAsync(users, userName, "县卫健委 管理员", reset: exists);
            Assert.True(outcome.Ok, outcome.Message);
            issued = outcome.Password!;
        }
        var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = issued })).EnsureSuccessStatusCode();
        var changed = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = issued, newPassword = Password, confirmPassword = Password });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>A user an administrator created, signed in past the forced change.</summary>
    public static async Task<HttpClient> SignInIssuedAsync(HostFixture host, string userName, string issued)
    {
        var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = issued })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = issued, newPassword = Password, confirmPassword = Password })).EnsureSuccessStatusCode();
        return client;
    }
}
