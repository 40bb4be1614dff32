using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Features.Users;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Security;

/// <summary>
/// Issue #14 item 2: signing out (staff by the API or the page's form, a resident on the portal), a password change, a
/// disabled account and a change of role end every session of the account at once: a cookie taken before is refused
/// when replayed afterwards, also by a host started afresh on the same database; an open live page is signed out too.
/// </summary>
public abstract class SessionEndTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Bare(WebApplicationFactory<Program>? factory = null) =>
        (factory ?? host.Factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<string> CookieAsync(string userName, string password = DemoAccounts.Password, WebApplicationFactory<Program>? factory = null)
    {
        var response = await Bare(factory).PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return AuthCookie(response);
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("hr.auth", StringComparison.Ordinal)));

    private async Task<HttpStatusCode> ReplayAsync(string cookie, string url = "/api/auth/me", HttpMethod? method = null, WebApplicationFactory<Program>? factory = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return (await Bare(factory).SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task SigningOutEndsEverySessionOfTheAccountAlsoAfterARestart()
    {
        var first = await CookieAsync("yisheng");
        var second = await CookieAsync("yisheng"); // another browser
        var resident = await TestResidents.CreateAsync(await host.SignInAsync("yisheng"), TestResidents.New("退出"));
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(first, $"/api/residents/{resident.Id}"));
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(second));

        Assert.Equal(HttpStatusCode.NoContent, await ReplayAsync(first, "/api/auth/logout", HttpMethod.Post));

        foreach (var cookie in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(cookie));
            Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(cookie, $"/api/residents/{resident.Id}"));
        }
        // A host started afresh on the same database (nothing kept in memory) refuses the old cookie and takes a new one.
        var fresh = await CookieAsync("yisheng");
        await using var restarted = host.Factory.WithWebHostBuilder(_ => { });
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(first, factory: restarted));
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(fresh, factory: restarted));
    }

    [Fact]
    public async Task ThePagesSignOutFormEndsTheSessionsToo()
    {
        var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await client.PostAsJsonAsync("/api/auth/login", new { userName = "cunyi", password = DemoAccounts.Password });
        var cookie = AuthCookie(signIn);
        var token = await ApiSweep.FormTokenAsync(client, "/account/password"); // a page with the sign-out form
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(cookie));
    }

    [Fact]
    public async Task ChangingAnIssuedPasswordOnThePageKeepsThatBrowserSignedIn()
    {
        var (user, password) = await NewUserAsync();
        var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await ApiSweep.FormTokenAsync(client, "/login");
        var signedIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user.UserName, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal("/account/password", signedIn.Headers.Location?.OriginalString);
        var formToken = await ApiSweep.FormTokenAsync(client, "/account/password");
        var changed = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password", ["__RequestVerificationToken"] = formToken,
            ["Input.CurrentPassword"] = password, ["Input.NewPassword"] = "Qy7#mdLp2x", ["Input.ConfirmPassword"] = "Qy7#mdLp2x",
        }));
        Assert.True(changed.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)changed.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task APortalResidentsSignOutEndsTheirSessions()
    {
        var targets = await (await SweepTargets.CreateAsync(host)).WithPortalAsync(host, "Resident#2026x");
        var idNumber = await host.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.HealthRecords.Where(r => r.Id == targets.FollowUp.Record).Select(r => r.IdNumber)));
        var login = await Bare().PostAsJsonAsync("/api/portal/login", new { idNumber, password = "Resident#2026x" });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var cookie = AuthCookie(login);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(cookie, "/api/portal/me"));

        var logout = await targets.Resident!.PostAsync("/portal/logout", null);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(cookie, "/api/portal/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await targets.Resident.GetAsync("/api/portal/me")).StatusCode);
    }

    [Fact]
    public async Task APasswordChangeEndsTheOtherSessionsAndKeepsTheOneThatChangedIt()
    {
        var (user, password) = await NewUserAsync();
        var other = await CookieAsync(user.UserName, password);
        var changer = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.True((await changer.PostAsJsonAsync("/api/auth/login", new { userName = user.UserName, password })).IsSuccessStatusCode);
        var changed = await changer.PostAsJsonAsync("/api/auth/password", new { currentPassword = password, newPassword = "Qy7#mdLp2x", confirmPassword = "Qy7#mdLp2x" });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(other));
        Assert.Equal(HttpStatusCode.OK, (await changer.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task DisablingTheAccountOrChangingItsRoleEndsItsSessions()
    {
        var admin = await host.SignInAsync("jigou");
        var (disabled, password) = await NewUserAsync();
        var cookie = await CookieAsync(disabled.UserName, password);
        Assert.True((await admin.PostAsync($"/api/users/{disabled.Id}/disable", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(cookie));

        var (moved, movedPassword) = await NewUserAsync();
        var before = await CookieAsync(moved.UserName, movedPassword);
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(moved.Id))!;
            Assert.True((await users.RemoveFromRoleAsync(user, Roles.Doctor)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.RecordKeeper)).Succeeded);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(before));
    }

    [Fact]
    public async Task AnOpenLivePageIsSignedOutAtOnceWhenTheAccountSignsOutElsewhere()
    {
        var (user, password) = await NewUserAsync();
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(user.Id))!);
        var page = (CircuitRevalidation)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        page.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var signedOut = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.AuthenticationStateChanged += async state => signedOut.TrySetResult((await state).User);

        var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.True((await client.PostAsJsonAsync("/api/auth/login", new { userName = user.UserName, password })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);

        // Not the minute of the periodic check: the sign-out itself tells the page (the wait only bounds a hang).
        var now = await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(50));
        Assert.False(now.Identity?.IsAuthenticated ?? false);
    }

    private async Task<(UserSummary User, string Password)> NewUserAsync()
    {
        var admin = await host.SignInAsync("jigou");
        var response = await admin.PostAsJsonAsync("/api/users", new NewUserInput($"s{Guid.NewGuid():N}"[..12], "会话用户", Roles.Doctor));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var issued = (await response.Content.ReadFromJsonAsync<IssuedPassword>(Json.Options))!;
        return (issued.User, issued.Password);
    }
}

public sealed class SqliteSessionEndTests(SqliteHost host) : SessionEndTests<SqliteHost>(host);

public sealed class PostgresSessionEndTests(PostgresHost host) : SessionEndTests<PostgresHost>(host);
