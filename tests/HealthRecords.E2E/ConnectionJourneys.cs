using System.Text.Json;
using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// A live page whose connection to the server drops (a village clinic's network) says so in Chinese while Blazor
/// reconnects, and works again afterwards; an address with no page says so in Chinese.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ConnectionJourneys(AppServer app)
{
    [Fact]
    public async Task ADroppedConnectionShowsTheChineseDialogAndThePageWorksAfterReconnecting()
    {
        var page = await app.SignInAsync("yisheng");
        await page.GotoAsync("/residents");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();

        // Record each state Blazor puts on the dialog, with the text the user sees at that moment.
        await page.EvaluateAsync("""
            () => {
                window.__reconnect = [];
                const modal = document.getElementById('components-reconnect-modal');
                new MutationObserver(() => window.__reconnect.push({ cls: modal.className, text: modal.innerText }))
                    .observe(modal, { attributes: true, attributeFilter: ['class'] });
            }
            """);
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()"); // as when the network drops
        await page.WaitForFunctionAsync("() => window.__reconnect.some(s => s.cls.includes('components-reconnect-hide'))", null, new() { Timeout = 30000 });

        var states = JsonSerializer.Deserialize<List<State>>(await page.EvaluateAsync<string>("() => JSON.stringify(window.__reconnect)"),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var shown = Assert.Single(states, s => s.Cls.Contains("components-reconnect-show", StringComparison.Ordinal));
        Assert.Contains("与服务器的连接已断开", shown.Text);
        Assert.Contains("正在重新连接", shown.Text);
        Assert.DoesNotContain("Rejoin", shown.Text);
        Assert.DoesNotContain("重试", shown.Text); // the retry button is for a failed reconnect only
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();

        // The same page answers over the new connection.
        await page.GetByTestId("search-box").FillAsync("w");
        await page.GetByTestId("search-box").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("resident-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

        var missing = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "页面不存在" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "返回首页" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.Context.CloseAsync();
    }

    private sealed record State(string Cls, string Text);
}
