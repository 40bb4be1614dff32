using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Users;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthRecords.Web.Tests.Security;

/// <summary>
/// A live page keeps the user it was opened with; <see cref="CircuitRevalidation"/> ends that sign-in when the
/// account is disabled or its password is reset, against the real user store of both databases.
/// </summary>
public abstract class CircuitRevalidationTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DisablingTheAccountEndsALivePagesSignIn()
    {
        var admin = await host.SignInAsync("jigou");
        var issued = await CreateUserAsync(admin);
        var principal = await PrincipalOfAsync(issued.User.Id);
        Assert.True(await StillValidAsync(principal));

        Assert.True((await admin.PostAsync($"/api/users/{issued.User.Id}/disable", null)).IsSuccessStatusCode);
        Assert.False(await StillValidAsync(principal));

        Assert.True((await admin.PostAsync($"/api/users/{issued.User.Id}/enable", null)).IsSuccessStatusCode);
        Assert.True(await StillValidAsync(await PrincipalOfAsync(issued.User.Id)));
    }

    [Fact]
    public async Task ResettingThePasswordEndsALivePagesSignIn()
    {
        var admin = await host.SignInAsync("jigou");
        var issued = await CreateUserAsync(admin);
        var principal = await PrincipalOfAsync(issued.User.Id);
        Assert.True(await StillValidAsync(principal));

        Assert.True((await admin.PostAsync($"/api/users/{issued.User.Id}/reset-password", null)).IsSuccessStatusCode);
        Assert.False(await StillValidAsync(principal)); // the old page's stamp no longer matches
        Assert.True(await StillValidAsync(await PrincipalOfAsync(issued.User.Id)));
    }

    [Fact]
    public async Task AnUnknownUserIsNotValid()
    {
        var stranger = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], "test"));
        Assert.False(await StillValidAsync(stranger));
    }

    private async Task<ClaimsPrincipal> PrincipalOfAsync(string userId)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        return await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(userId))!);
    }

    private async Task<bool> StillValidAsync(ClaimsPrincipal principal)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stampType = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        return await CircuitRevalidation.StillValidAsync(users, principal, stampType);
    }

    private static async Task<IssuedPassword> CreateUserAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("/api/users", new NewUserInput($"c{Guid.NewGuid():N}"[..12], "复核用户", "Doctor"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IssuedPassword>(Json.Options))!;
    }
}

public sealed class SqliteCircuitRevalidationTests(SqliteHost host) : CircuitRevalidationTests<SqliteHost>(host);

public sealed class PostgresCircuitRevalidationTests(PostgresHost host) : CircuitRevalidationTests<PostgresHost>(host);
