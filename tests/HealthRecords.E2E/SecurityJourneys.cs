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
}
