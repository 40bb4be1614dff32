using System.Net;
using System.Net.Http.Headers;
using HealthRecords.Web.Features.Common;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Common;

/// <summary>
/// A browser that asks for an address with no page, or whose page fails, gets a Chinese page with a way back; the API
/// (and anything not asking for HTML) keeps problem+json.
/// </summary>
public sealed class StatusPagesTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private static HttpRequestMessage Get(string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnAddressWithNoPageShowsAChinesePageWithAWayHome(bool signedIn)
    {
        var client = signedIn ? await host.SignInAsync("yisheng") : host.Factory.CreateClient();
        var response = await client.SendAsync(Get("/no-such-page/at-all", BrowserAccept));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>页面不存在</h1>", html);
        Assert.Contains("href=\"/\"", html);
        Assert.DoesNotContain("Not Found", html);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single()); // still under the policy
    }

    [Fact]
    public async Task TheResidentPortalsMissingPageLeadsBackToThePortal()
    {
        var response = await host.Factory.CreateClient().SendAsync(Get("/portal/no-such-page", BrowserAccept));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html);
        Assert.Contains("href=\"/portal\"", html);
    }

    [Theory]
    [InlineData("/api/no-such-endpoint", BrowserAccept)] // the API, even from a browser's address bar
    [InlineData("/no-such-page", "application/json")]    // not asking for HTML
    [InlineData("/no-such-page", "*/*")]
    public async Task TheApiAndNonBrowserRequestsKeepProblemJson(string path, string accept)
    {
        var client = await host.SignInAsync("yisheng");
        var response = await client.SendAsync(Get(path, accept));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AFailedPageRequestGetsTheChinesePageAndAFailedApiCallIsLeftToProblemJson()
    {
        var handlers = host.Factory.Services.GetServices<IExceptionHandler>();
        var handler = Assert.Single(handlers.OfType<PageExceptionHandler>()); // registered with the host

        var page = new DefaultHttpContext();
        page.Request.Method = "GET";
        page.Request.Path = "/residents/1";
        page.Request.Headers.Accept = BrowserAccept;
        page.Response.Body = new MemoryStream();
        Assert.True(await handler.TryHandleAsync(page, new InvalidOperationException("boom"), CancellationToken.None));
        Assert.Equal(500, page.Response.StatusCode);
        Assert.StartsWith("text/html", page.Response.ContentType);
        page.Response.Body.Position = 0;
        var html = await new StreamReader(page.Response.Body).ReadToEndAsync();
        Assert.Contains("<h1>系统出错了</h1>", html);
        Assert.DoesNotContain("boom", html); // nothing of the error reaches the user

        var api = new DefaultHttpContext();
        api.Request.Method = "GET";
        api.Request.Path = "/api/residents/1";
        api.Request.Headers.Accept = BrowserAccept;
        Assert.False(await handler.TryHandleAsync(api, new InvalidOperationException("boom"), CancellationToken.None));

        var post = new DefaultHttpContext();
        post.Request.Method = "POST";
        post.Request.Path = "/login";
        post.Request.Headers.Accept = "application/json";
        Assert.False(await handler.TryHandleAsync(post, new InvalidOperationException("boom"), CancellationToken.None));
    }

    [Fact]
    public async Task EveryPageCarriesTheChineseConnectionDialogAndErrorBar()
    {
        var html = await (await host.Factory.CreateClient().GetAsync("/login")).Content.ReadAsStringAsync();
        // Blazor uses an element with this id for its reconnection states instead of its own English dialog.
        Assert.Contains("id=\"components-reconnect-modal\"", html);
        Assert.Contains("id=\"blazor-error-ui\"", html);
        Assert.Contains("connection.js", html);
        Assert.DoesNotContain("Rejoining the server", html);
    }
}
