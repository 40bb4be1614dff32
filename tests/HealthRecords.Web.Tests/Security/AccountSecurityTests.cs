using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Users;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Security;

/// <summary>Account rules and user management through the real API, on both databases.</summary>
public abstract class AccountSecurityTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UserIssuedByInstitutionAdminMustChangePasswordBeforeAnythingElse()
    {
        var admin = await host.SignInAsync("jigou");
        var issued = await CreateUserAsync(admin, "Doctor");
        Assert.True(issued.User.MustChangePassword);
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "user-create" && a.Detail!.Contains(issued.User.UserName))));

        var client = await SignInAsync(issued.User.UserName, issued.Password);
        var api = await client.GetAsync("/api/residents");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("请先修改初始密码", await api.Content.ReadAsStringAsync());
        var page = await client.GetAsync("/residents");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/password", page.Headers.Location?.OriginalString);

        var weak = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = issued.Password, newPassword = "abc", confirmPassword = "abc" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var messages = (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("newPassword").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("密码至少 8 位", messages);
        Assert.Contains("密码须包含至少一个数字", messages);
        Assert.Contains("密码须包含至少一个大写字母", messages);
        Assert.Contains("密码须包含至少一个符号（如 @ # !）", messages);

        var wrongOld = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "Wrong@2026x", newPassword = "Better@2026", confirmPassword = "Better@2026" });
        Assert.Contains("原密码不正确", await wrongOld.Content.ReadAsStringAsync());

        var changed = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = issued.Password, newPassword = "Better@2026", confirmPassword = "Better@2026" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/residents")).StatusCode);
        Assert.False(await host.WithDbAsync(db => db.Users.Where(u => u.UserName == issued.User.UserName).Select(u => u.MustChangePassword).SingleAsync()));
    }

    [Fact]
    public async Task FiveFailedSignInsLockTheAccountWithAClearMessage()
    {
        var issued = await CreateUserAsync(await host.SignInAsync("jigou"), "RecordKeeper");
        var client = host.Factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/login", new { userName = issued.User.UserName, password = "Wrong@2026" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var right = await client.PostAsJsonAsync("/api/auth/login", new { userName = issued.User.UserName, password = issued.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains(AccountSecurity.LockedMessage, await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignInIsRateLimitedPerIpWithAChineseProblem()
    {
        await using var limited = host.Factory.WithWebHostBuilder(b => b.UseSetting("Security:SignInPermitsPerMinute", "3"));
        var client = limited.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "Wrong@2026" })).StatusCode);
        }
        var refused = await client.PostAsJsonAsync("/api/auth/login", new { userName = "yisheng", password = "Demo@2026" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("登录尝试过于频繁", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PortalActivationAndSignInAreRateLimitedPerIpButShowingThePagesIsNot()
    {
        await using var limited = host.Factory.WithWebHostBuilder(b => b.UseSetting("Security:SignInPermitsPerMinute", "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portal/activate")).StatusCode);
        }
        for (var i = 0; i < 3; i++)
        {
            var guess = await client.PostAsJsonAsync("/api/portal/activate", new { idNumber = "500104195001010012", code = $"GUESS{i}", password = "Resident@2026" });
            Assert.Equal(HttpStatusCode.BadRequest, guess.StatusCode);
        }
        var refused = await client.PostAsJsonAsync("/api/portal/activate", new { idNumber = "500104195001010012", code = "GUESS9", password = "Resident@2026" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/portal/login", new { idNumber = "500104195001010012", password = "Resident@2026" })).StatusCode);

        // The pages' own form posts share the limit and come back to the page, which says why.
        var page = await client.PostAsync("/portal/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "portal-login" }));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/portal/login?error=busy", page.Headers.Location?.OriginalString);
        var shown = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/portal/login?error=busy"));
        Assert.Contains("登录尝试过于频繁", shown);
    }

    [Fact]
    public async Task InstitutionAdminManagesOnlyStaffOfTheirOwnInstitution()
    {
        var jigou = await host.SignInAsync("jigou");
        var sysadmin = await host.SignInAsync("admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync("yisheng")).GetAsync("/api/users")).StatusCode);

        var supervisor = await jigou.PostAsJsonAsync("/api/users", new NewUserInput("jg-sup", "监管", "Supervisor"));
        Assert.Equal(HttpStatusCode.BadRequest, supervisor.StatusCode);
        Assert.Contains("role", (await supervisor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var farVillage = await jigou.PostAsJsonAsync("/api/users", new NewUserInput($"cy{Guid.NewGuid():N}"[..12], "村医", "VillageDoctor", null, [TestResidents.Fengyang]));
        Assert.Equal(HttpStatusCode.BadRequest, farVillage.StatusCode);
        Assert.Contains("只能分配本机构辖区", await farVillage.Content.ReadAsStringAsync());

        var villageDoctor = await CreateUserAsync(jigou, "VillageDoctor", [TestResidents.Shuanghe]);
        var assigned = await jigou.PutAsJsonAsync($"/api/users/{villageDoctor.User.Id}/villages", new VillagesInput([TestResidents.Shuanghe, TestResidents.Shilin]));
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(2, await host.WithDbAsync(db => db.UserVillages.CountAsync(v => v.UserId == villageDoctor.User.Id)));

        // A user of another institution, made by the system admin: invisible to jigou.
        var otherInstitution = await host.WithDbAsync(db => db.Villages.Where(v => v.Code == TestResidents.Fengyang).Select(v => v.InstitutionId).SingleAsync());
        var response = await sysadmin.PostAsJsonAsync("/api/users", new NewUserInput($"yo{Guid.NewGuid():N}"[..12], "他院医生", "Doctor", otherInstitution));
        var other = (await response.Content.ReadFromJsonAsync<IssuedPassword>(Json.Options))!;
        Assert.Equal(HttpStatusCode.NotFound, (await jigou.PostAsync($"/api/users/{other.User.Id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jigou.PostAsync($"/api/users/{other.User.Id}/reset-password", null)).StatusCode);
        Assert.DoesNotContain(other.User.UserName, await jigou.GetStringAsync("/api/users"));
        // The system admin account itself is not jigou's either.
        var adminId = await host.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await jigou.PostAsync($"/api/users/{adminId}/disable", null)).StatusCode);
    }

    [Fact]
    public async Task DisabledUserCannotSignInAndResetPasswordMustBeChangedAgain()
    {
        var jigou = await host.SignInAsync("jigou");
        var issued = await CreateUserAsync(jigou, "Doctor");
        Assert.Equal(HttpStatusCode.OK, (await jigou.PostAsync($"/api/users/{issued.User.Id}/disable", null)).StatusCode);
        var refused = await host.Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = issued.User.UserName, password = issued.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("账号已停用", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await jigou.PostAsync($"/api/users/{issued.User.Id}/enable", null)).StatusCode);
        var reset = (await (await jigou.PostAsync($"/api/users/{issued.User.Id}/reset-password", null)).Content.ReadFromJsonAsync<IssuedPassword>(Json.Options))!;
        Assert.NotEqual(issued.Password, reset.Password);
        var client = await SignInAsync(issued.User.UserName, reset.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/residents")).StatusCode);
        Assert.Equal(3, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("user-") && a.Action != "user-create" && a.Detail!.Contains(issued.User.UserName))));
    }

    [Fact]
    public async Task UsersListHoldsTheInstitutionsUsersForItsAdminOnly()
    {
        var jigou = await host.SignInAsync("jigou");
        Assert.Equal(HttpStatusCode.OK, (await jigou.GetAsync("/users")).StatusCode);
        var users = await jigou.GetStringAsync("/api/users");
        Assert.Contains("\"cunyi\"", users);
        Assert.DoesNotContain("\"admin\"", users);
        var yisheng = await host.SignInAsync("yisheng");
        Assert.NotEqual(HttpStatusCode.OK, (await yisheng.GetAsync("/users")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await yisheng.GetAsync("/api/users")).StatusCode);
    }

    private static async Task<IssuedPassword> CreateUserAsync(HttpClient admin, string role, IReadOnlyList<string>? villages = null)
    {
        var response = await admin.PostAsJsonAsync("/api/users", new NewUserInput($"u{Guid.NewGuid():N}"[..12], "新用户", role, null, villages));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IssuedPassword>(Json.Options))!;
    }

    private async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return client;
    }
}

public sealed class SqliteAccountSecurityTests(SqliteHost host) : AccountSecurityTests<SqliteHost>(host);

public sealed class PostgresAccountSecurityTests(PostgresHost host) : AccountSecurityTests<PostgresHost>(host);

/// <summary>Idle expiry moves the host's clock forward, which no later test of a shared host could undo: a class of its own.</summary>
public abstract class IdleSessionTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task IdleSessionExpiresButAnActiveOneSlides()
    {
        var active = await host.SignInAsync("yisheng");
        var idle = await host.SignInAsync("yisheng");
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await active.GetAsync("/api/auth/me")).StatusCode);
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await active.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/auth/me")).StatusCode);
    }
}

public sealed class SqliteIdleSessionTests(SqliteHost host) : IdleSessionTests<SqliteHost>(host);

public sealed class PostgresIdleSessionTests(PostgresHost host) : IdleSessionTests<PostgresHost>(host);
