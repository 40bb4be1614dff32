using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// Issue #5 journeys: a dashboard figure drilled down to its residents (a record-level measure, 建档率); the village
/// doctor's morning list reached from the home page, with its 14-day planner of his villages.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MeasureJourneys(AppServer app)
{
    [Fact]
    public async Task SupervisorDrillsARecordsRateFigureDownToItsResidents()
    {
        var page = await app.SignInAsync("jianguan");
        await page.GotoAsync("/measures");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // The table says when it was counted, and counts again on request (so the figures below are counted now, not a
        // table kept from the host's start).
        await Assertions.Expect(page.GetByTestId("m-counted")).ToHaveTextAsync(new Regex(@"^统计于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"));
        var countedAt = await page.GetByTestId("m-counted").InnerTextAsync();
        await page.WaitForTimeoutAsync(1100); // the time shown is to the second
        await page.GetByTestId("m-recount").ClickAsync();
        await Assertions.Expect(page.GetByTestId("m-counted")).Not.ToHaveTextAsync(countedAt);
        await Assertions.Expect(page.GetByTestId("m-recount")).ToHaveTextAsync("重新统计");

        // County → township: 跳磴镇's 建档率 numerator is the sum of its villages'.
        var township = page.Locator("[data-testid=m-row][data-key='500104103']");
        var townshipCount = int.Parse(await township.Locator("[data-code=records-rate] [data-testid=m-num]").InnerTextAsync());
        Assert.True(townshipCount > 0, "the demo county has residents in 跳磴镇");
        await township.GetByTestId("m-township").ClickAsync();
        await Assertions.Expect(page.GetByTestId("m-up")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=m-row][data-key='500104103203']")).ToHaveCountAsync(1); // 石林村

        var villageRows = page.GetByTestId("m-row");
        var sum = 0;
        ILocator? figure = null;
        var expected = 0;
        for (var i = 0; i < await villageRows.CountAsync() - 1; i++) // the last row is the total
        {
            var num = villageRows.Nth(i).Locator("[data-code=records-rate] [data-testid=m-num]");
            var n = int.Parse(await num.InnerTextAsync());
            sum += n;
            if (figure is null && n > 0)
            {
                (figure, expected) = (num, n);
            }
        }
        Assert.Equal(townshipCount, sum);

        // Village figure → its residents, masked, each linked to the overview.
        await figure!.ClickAsync();
        await Assertions.Expect(page.GetByTestId("m-drill-title")).ToContainTextAsync($"健康档案建档率 · 分子");
        await Assertions.Expect(page.GetByTestId("m-drill-title")).ToContainTextAsync($"（{expected} 人）");
        await Assertions.Expect(page.GetByTestId("m-resident")).ToHaveCountAsync(Math.Min(expected, 50));
        await Assertions.Expect(page.GetByTestId("m-resident").First.Locator("td").Nth(5)).ToHaveTextAsync(new Regex(@"^(\d{6}\*+\w{4}|—)$"));

        if (Environment.GetEnvironmentVariable("HR_SCREENSHOTS") is { Length: > 0 } dir)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.RepositoryRoot, dir, "screenshot-measures.png"), FullPage = true });
        }

        // The list exports to Excel (the supervisor may export; the download is a real .xlsx).
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("m-export-list").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.Equal((byte)'P', File.ReadAllBytes(path)[0]); // a zip package

        var first = page.GetByTestId("m-resident").First.GetByRole(AriaRole.Link);
        var name = await first.InnerTextAsync();
        await first.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/residents/\d+$"));
        await Assertions.Expect(page.GetByText(name).First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task VillageDoctorOpensTheWorkListFromHomeAndSeesThePlannerOfHisVillages()
    {
        var page = await app.SignInAsync("cunyi");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var count = int.Parse(await page.GetByTestId("figure-worklist").InnerTextAsync());
        await page.GetByTestId("figure-worklist").ClickAsync();
        await page.WaitForURLAsync(new Regex("/worklist$"));
        await Assertions.Expect(page.GetByTestId("wl-summary")).ToContainTextAsync($"共 {count} 项");

        await page.GetByTestId("tab-planner").ClickAsync();
        await Assertions.Expect(page.GetByTestId("planner-row")).ToHaveCountAsync(2); // 石林村 and 拱桥村
        await Assertions.Expect(page.GetByTestId("planner")).ToContainTextAsync("石林村");
        await Assertions.Expect(page.GetByTestId("planner")).Not.ToContainTextAsync("双河村");
        if (Environment.GetEnvironmentVariable("HR_SCREENSHOTS") is { Length: > 0 } dir)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.RepositoryRoot, dir, "screenshot-planner.png") });
        }

        // A village of the planner opens that village's list.
        await page.GetByTestId("planner-village").Filter(new() { HasText = "拱桥村" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("wl-village")).ToHaveValueAsync("500104103204");
        await Assertions.Expect(page.GetByTestId("wl-summary")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
