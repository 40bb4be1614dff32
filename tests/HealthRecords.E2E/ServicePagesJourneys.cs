using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// The pages of the services built on the kernel this round, in the browser: the diabetes high-risk screening on the
/// chronic page (issue #15 item 6), and the maternal, child check-up and mental-health pages opening live without an
/// error for a demo resident of the village doctor (issues #17–#19).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ServicePagesJourneys(AppServer app)
{
    [Fact]
    public async Task AVillageDoctorMarksADiabetesHighRiskResidentAndTheYearlyGlucoseIsDue()
    {
        var page = await app.SignInAsync("cunyi");
        var id = await FirstAsync(page, age => age >= 40, async rid =>
            (await (await page.Context.APIRequest.GetAsync($"/api/residents/{rid}/diabetes-screening")).JsonAsync())!.Value
                .GetProperty("entries").GetArrayLength() == 0);

        await GoToLiveAsync(page, $"/residents/{id}/chronic");
        await Assertions.Expect(page.GetByTestId("glucose-screening-status")).ToContainTextAsync("未标记为糖尿病高危人群");

        // a glucose out of range is refused beside the field, nothing saved
        await page.GetByTestId("fastingGlucose").FillAsync("99");
        await page.GetByTestId("fastingGlucose").PressAsync("Tab");
        await page.GetByTestId("glucose-screening-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("fastingGlucose-error")).ToContainTextAsync("空腹血糖");

        // marked high-risk today, without a glucose: due now
        await page.GetByTestId("fastingGlucose").FillAsync("");
        await page.GetByTestId("fastingGlucose").PressAsync("Tab");
        await page.GetByTestId("highRisk").SelectOptionAsync("true");
        await page.GetByTestId("glucose-screening-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("glucose-screening-status")).ToContainTextAsync("起为糖尿病高危人群");
        await Assertions.Expect(page.GetByTestId("glucose-screening-status")).ToContainTextAsync("下次应测");

        var due = await (await page.Context.APIRequest.GetAsync($"/api/residents/{id}/chronic/due")).JsonAsync();
        Assert.Contains(due!.Value.EnumerateArray(), i => i.GetProperty("title").GetString() == "糖尿病高危人群每年测量空腹血糖");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheNewServicePagesOpenLiveForTheVillageDoctorsResidents()
    {
        var page = await app.SignInAsync("cunyi");
        var child = await FirstAsync(page, age => age < 7, _ => Task.FromResult(true));
        await GoToLiveAsync(page, $"/residents/{child}/child-checkups/new");
        await Assertions.Expect(page.GetByTestId("judgement")).ToBeVisibleAsync();
        await NoErrorAsync(page);

        var woman = await FirstAsync(page, age => age is >= 18 and <= 45, _ => Task.FromResult(true), sex: 2);
        await GoToLiveAsync(page, $"/residents/{woman}/maternal");
        await Assertions.Expect(page.GetByTestId("register").Or(page.GetByTestId("episode")).First).ToBeVisibleAsync();
        await NoErrorAsync(page);

        // a child is never registered (15 and over): the page says so
        await GoToLiveAsync(page, $"/residents/{child}/mental-health");
        await Assertions.Expect(page.GetByTestId("not-registered")).ToBeVisibleAsync();
        await NoErrorAsync(page);
        var adult = await FirstAsync(page, age => age >= 18, _ => Task.FromResult(true));
        await GoToLiveAsync(page, $"/residents/{adult}/mental-health");
        await Assertions.Expect(page.GetByTestId("registration").Or(page.GetByTestId("not-registered")).First).ToBeVisibleAsync();
        await NoErrorAsync(page);
        await page.Context.CloseAsync();
    }

    private static Task NoErrorAsync(IPage page) => Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

    /// <summary>The first resident of the village doctor's list (by record number) of an age (and sex) that passes <paramref name="pick"/>.</summary>
    private static async Task<long> FirstAsync(IPage page, Func<int, bool> age, Func<long, Task<bool>> pick, int? sex = null)
    {
        var response = await page.Context.APIRequest.GetAsync("/api/residents?pageSize=200&sort=recordNumber");
        foreach (var item in (await response.JsonAsync())!.Value.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetInt64();
            if (age(item.GetProperty("age").GetInt32()) && (sex is null || item.GetProperty("sex").GetInt32() == sex) && await pick(id))
            {
                return id;
            }
        }
        throw new InvalidOperationException("no demo resident fits");
    }

    /// <summary>Opens a page and waits until Blazor's circuit is connected, so typing is not lost.</summary>
    private static async Task GoToLiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
