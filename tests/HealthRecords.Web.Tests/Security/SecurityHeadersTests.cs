using System.Net;
using HealthRecords.Web.Tests.Infrastructure;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HealthRecords.Web.Tests.Security;

/// <summary>Pages and APIs carry the security headers; the page's one inline script carries the CSP nonce.</summary>
public sealed class SecurityHeadersTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task PagesCarryAStrictContentSecurityPolicyAndItsNonce()
    {
        var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single(); // one policy, ours
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        var nonce = csp.Split("'nonce-")[1].Split('\'')[0];
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"nonce=\"{nonce}\"", html); // the import map may run

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());

        // A fresh nonce per response.
        var second = (await client.GetAsync("/login")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.NotEqual(csp, second);

        // A live page carries one policy too (Blazor's own frame-ancestors header is off; ours says it).
        var live = await (await host.SignInAsync("yisheng")).GetAsync("/residents");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains("frame-ancestors 'none'", live.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task ApiAnswersCarryTheHeadersToo()
    {
        var response = await host.Factory.CreateClient().GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains(response.Headers.GetValues("Content-Security-Policy"), c => c.Contains("frame-ancestors 'none'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CookiesAreSecureOverHttps()
    {
        var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        var login = await client.GetAsync("/login");
        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);

        var signIn = await client.PostAsync("/api/auth/login", JsonContent.Create(new { userName = "yisheng", password = Features.Demo.DemoAccounts.Password }));
        signIn.EnsureSuccessStatusCode();
        var auth = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("hr.auth", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BehindATlsProxyForwardedProtoTurnsOnHstsAndSecureCookies()
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, as docs/operations.md tells a deployment behind a TLS proxy.
        await using var proxied = host.Factory.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("FORWARDEDHEADERS_ENABLED", "true"));
        var client = proxied.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://hr.example.org"), AllowAutoRedirect = false, HandleCookies = false });

        var plain = await client.GetAsync("/login");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName = "yisheng", password = Features.Demo.DemoAccounts.Password }) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        var tls = await client.SendAsync(request);
        tls.EnsureSuccessStatusCode();
        Assert.Contains("max-age=", tls.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains("secure", tls.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("hr.auth", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }
}
