using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// The Content-Security-Policy blocks nothing the system itself needs: the live (Blazor Server, MudBlazor) pages, the
/// print page's button and signing out all work, and the browser reports no policy violation on the way.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SecurityJourneys(AppServer app)
{
    [Fact]
    public async Task PagesWorkUnderTheContentSecurityPolicy()
    {
        var page = await app.SignInAsync("yisheng");
        var violations = new List<string>();
        void Watch(IPage p) => p.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                lock (violations) { violations.Add(m.Text); }
            }
        };
        Watch(page);
        page.Context.Page += (_, p) => Watch(p);

        await page.GotoAsync("/residents");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("search-box").FillAsync("w");
        await page.GetByTestId("search-box").PressAsync("Enter"); // answered over the circuit's WebSocket
        await Assertions.Expect(page.GetByTestId("resident-row").First).ToBeVisibleAsync();
        await page.GetByTestId("resident-row").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-number")).ToBeVisibleAsync();
        var overview = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync(overview); // a full page load as well as the in-page visit above
        await Assertions.Expect(page.GetByTestId("record-number")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#interactive-ready")).ToBeAttachedAsync();

        // Each visit is one read in the audit log (pages are not prerendered, so a full load reads once, not twice).
        var recordId = long.Parse(overview.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var keeper = await app.SignInAsync("dangan");
        var log = await keeper.Context.APIRequest.GetAsync(app.BaseUrl + "/api/audit?action=read&user=王医生&pageSize=200");
        Assert.True(log.Ok, await log.TextAsync());
        using (var entries = System.Text.Json.JsonDocument.Parse(await log.TextAsync()))
        {
            Assert.Equal(2, entries.RootElement.GetProperty("items").EnumerateArray()
                .Count(e => e.GetProperty("recordId").GetInt64() == recordId && e.GetProperty("detail").GetString() == "overview"));
        }
        await keeper.Context.CloseAsync();

        var card = await page.Context.NewPageAsync();
        await card.GotoAsync(overview + "/print/card");
        await Assertions.Expect(card.GetByTestId("card-front")).ToBeVisibleAsync();
        await card.WaitForLoadStateAsync(LoadState.Load);
        await card.EvaluateAsync("() => { window.__printed = false; window.print = () => { window.__printed = true; }; }");
        await card.GetByTestId("print-now").ClickAsync();
        Assert.True(await card.EvaluateAsync<bool>("() => window.__printed"), "the print button did nothing");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync(); // a form post with its anti-forgery token
        await page.WaitForURLAsync(url => url.Contains("/login"));

        lock (violations)
        {
            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AFullNumberIsShownOnAskingAndTheAskIsAudited()
    {
        var page = await app.SignInAsync("yisheng");
        await page.GotoAsync("/residents");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("search-box").FillAsync("w");
        await page.GetByTestId("search-box").PressAsync("Enter");
        var row = page.GetByTestId("resident-row").First;
        await Assertions.Expect(row).ToContainTextAsync("********"); // masked in the list
        await row.GetByTestId("reveal-idNumber").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{17}[\dX]"));
        await Assertions.Expect(row.GetByTestId("reveal-idNumber")).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-number")).ToBeVisibleAsync();
        var recordId = long.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("id-number")).ToContainTextAsync("*");
        await page.GetByTestId("reveal-idNumber").ClickAsync();
        await Assertions.Expect(page.GetByTestId("id-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{17}[\dX]$"));

        var keeper = await app.SignInAsync("dangan");
        var log = await keeper.Context.APIRequest.GetAsync(app.BaseUrl + "/api/audit?action=reveal-id&user=王医生&pageSize=200");
        Assert.True(log.Ok, await log.TextAsync());
        using (var entries = System.Text.Json.JsonDocument.Parse(await log.TextAsync()))
        {
            Assert.Contains(entries.RootElement.GetProperty("items").EnumerateArray(), e => e.GetProperty("recordId").GetInt64() == recordId);
        }
        await keeper.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnIdleLivePageSignsItselfOut()
    {
        var page = await app.SignInAsync("yisheng");
        await page.GotoAsync("/residents");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(30 * 60, int.Parse((await page.Locator("body").GetAttributeAsync("data-idle-seconds"))!, System.Globalization.CultureInfo.InvariantCulture));

        // The server's limit is 30 minutes; shorten it on this page only, then leave the page alone.
        await page.EvaluateAsync("() => { document.body.dataset.idleSeconds = '2'; window.hrSession.restart(); }");
        await page.WaitForURLAsync(url => url.Contains("/login"), new() { Timeout = 15000 });
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("长时间未操作，已自动退出，请重新登录");

        await page.GotoAsync("/residents"); // signed out on the server too
        Assert.Contains("/login", page.Url);
        await page.Context.CloseAsync();
    }
}
