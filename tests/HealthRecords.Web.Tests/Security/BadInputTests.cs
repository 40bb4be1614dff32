using System.Net;
using System.Net.Http.Json;
using System.Text;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Security;

/// <summary>
/// A tampered cookie, a forged form post, a guessed URL, an oversized request and a malformed JSON body each get
/// the right 4xx, with no data in the answer and nothing changed in the database.
/// </summary>
public abstract class BadInputTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Bare() => host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private Task<int> RecordCountAsync() => host.WithDbAsync(db => db.HealthRecords.CountAsync());

    /// <summary>Signs in by JSON and returns the auth cookie as a Cookie header value.</summary>
    private async Task<string> AuthCookieAsync(string userName)
    {
        var response = await Bare().PostAsJsonAsync("/api/auth/login", new { userName, password = DemoAccounts.Password });
        response.EnsureSuccessStatusCode();
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("hr.auth", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cookies);
        return string.Join("; ", cookies);
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await Bare().SendAsync(request);
    }

    [Fact]
    public async Task TamperedCookieIsUnauthorizedAndLeaksNothing()
    {
        var doctor = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(doctor, TestResidents.New("篡改", TestResidents.Shilin));
        var cookie = await AuthCookieAsync("yisheng");
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync($"/api/residents/{resident.Id}", cookie)).StatusCode);

        // Flip one character in the middle of the protected payload.
        var at = cookie.IndexOf('=', StringComparison.Ordinal) + cookie.Length / 2 / 2 + 20;
        var tampered = cookie[..at] + (cookie[at] == 'A' ? 'B' : 'A') + cookie[(at + 1)..];
        foreach (var url in new[] { $"/api/residents/{resident.Id}", "/api/residents?q=篡改", "/api/auth/me" })
        {
            var response = await GetWithCookieAsync(url, tampered);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("篡改", body);
            Assert.DoesNotContain(resident.RecordNumber, body);
            Assert.DoesNotContain(resident.Info.IdNumber!, body);
        }
        // A page with a tampered cookie is sent to sign in, not shown.
        var page = await GetWithCookieAsync($"/residents/{resident.Id}", tampered);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedSignInFormPostIsRefused()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "yisheng", ["password"] = DemoAccounts.Password, ["returnUrl"] = "/" });
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = form };
        request.Headers.Add("Origin", "https://evil.example");
        var response = await Bare().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // refused as cross-site before the form is read (issue #14 item 4)
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("hr.auth", StringComparison.Ordinal)),
            "a forged sign-in must not set the auth cookie");
    }

    [Fact]
    public async Task JsonSignInTakesOnlyJsonSoACrossSiteFormCannotPostIt()
    {
        foreach (HttpContent content in new HttpContent[]
                 {
                     new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "yisheng", ["password"] = DemoAccounts.Password }),
                     new StringContent($"{{\"userName\":\"yisheng\",\"password\":\"{DemoAccounts.Password}\"}}", Encoding.UTF8, "text/plain"),
                 })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = content };
            var response = await Bare().SendAsync(request);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode); // (with a foreign Origin it is refused earlier still: RequestSweepTests)
            Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("hr.auth", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task ForgedSignOutPostIsRefusedAndTheSessionStays()
    {
        var cookie = await AuthCookieAsync("yisheng");
        foreach (HttpContent content in new HttpContent[]
                 {
                     new FormUrlEncodedContent(new Dictionary<string, string>()),
                     new StringContent("x=1", Encoding.UTF8, "text/plain"),
                 })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = content };
            request.Headers.Add("Cookie", cookie);
            var response = await Bare().SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/api/auth/me", cookie)).StatusCode);
    }

    [Fact]
    public async Task GuessedUrlOfAnotherAreasResidentIsNotFound()
    {
        var admin = await host.SignInAsync("admin");
        var elsewhere = await TestResidents.CreateAsync(admin, TestResidents.New("别处", TestResidents.Fengyang)); // 八桥镇, another institution
        var otherVillage = await TestResidents.CreateAsync(admin, TestResidents.New("邻村", TestResidents.Shuanghe)); // not the village doctor's

        foreach (var (user, resident) in new[] { ("cunyi", elsewhere), ("yisheng", elsewhere), ("cunyi", otherVillage) })
        {
            var client = await host.SignInAsync(user);
            foreach (var url in new[] { $"/api/residents/{resident.Id}", $"/api/residents/{resident.Id}/overview", $"/api/residents/{resident.Id}/changes" })
            {
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(resident.Info.Name, body);
                Assert.DoesNotContain(resident.RecordNumber, body);
            }
            // Search by the exact record number finds nothing either.
            var search = await client.GetStringAsync($"/api/residents?q={resident.RecordNumber}");
            Assert.DoesNotContain(resident.RecordNumber, search);
        }
        // The same answer as for an id that does not exist: a guess learns nothing.
        var doctor = await host.SignInAsync("yisheng");
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync("/api/residents/987654321")).StatusCode);
    }

    [Fact]
    public async Task OversizedBodyIsRefusedWith413()
    {
        var doctor = await host.SignInAsync("yisheng");
        var before = await RecordCountAsync();
        var huge = TestResidents.New("过大", TestResidents.Shilin) with
        {
            Cover = new Domain.Records.RecordCover { CurrentAddress = new string('地', 1_200_000) },
        };
        var response = await doctor.PostAsJsonAsync("/api/residents", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await RecordCountAsync());
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestProblem()
    {
        var doctor = await host.SignInAsync("gongwei"); // may also close records
        var resident = await TestResidents.CreateAsync(doctor, TestResidents.New("坏体", TestResidents.Shilin));
        var before = await RecordCountAsync();

        foreach (var (method, url, body) in new[]
                 {
                     (HttpMethod.Post, "/api/residents", "{\"villageCode\": \"500104103203\", \"info\": {"),
                     (HttpMethod.Post, "/api/residents", "{\"villageCode\": 12, \"info\": \"not an object\"}"),
                     (HttpMethod.Put, $"/api/residents/{resident.Id}", "not json at all"),
                     (HttpMethod.Post, $"/api/residents/{resident.Id}/closure", "{\"reason\": \"死亡\""),
                 })
        {
            var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await doctor.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("   at ", text); // no stack trace
        }
        Assert.Equal(before, await RecordCountAsync());
        var unchanged = await doctor.GetFromJsonAsync<Web.Features.Residents.ResidentDetail>($"/api/residents/{resident.Id}", Json.Options);
        Assert.Equal(resident.Version, unchanged!.Version);
    }
}

public sealed class SqliteBadInputTests(SqliteHost host) : BadInputTests<SqliteHost>(host);

public sealed class PostgresBadInputTests(PostgresHost host) : BadInputTests<PostgresHost>(host);
