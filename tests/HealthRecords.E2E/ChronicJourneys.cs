using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>Issue #5 journeys of hypertension and diabetes management.</summary>
[Collection(AppCollection.Name)]
public sealed class ChronicJourneys(AppServer app)
{
    [Fact]
    public async Task ADangerSignOnAFollowUpMeansUrgentReferralAndAnUrgentDueItem()
    {
        var page = await app.SignInAsync("cunyi");
        var id = await ResidentAsync(page, 0);

        // enrol through the page other services link to
        await GoToLiveAsync(page, $"/residents/{id}/enrol/hypertension?source=direct");
        await page.GetByTestId("enrol-submit").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/residents/{id}/chronic", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("enrolment-hypertension")).ToContainTextAsync("纳入（直接纳入）");

        await GoToLiveAsync(page, $"/residents/{id}/hypertension/new");
        // no "控制满意" before there is a reading to judge
        await Assertions.Expect(page.GetByTestId("suggestion-hypertension")).ToHaveTextAsync("系统建议：填写血压后给出");
        await TypeAsync(page, "form.signs.systolic", "185");
        await TypeAsync(page, "form.signs.diastolic", "100");
        // the warning shows as soon as the reading is typed, before saving
        await Assertions.Expect(page.GetByTestId("danger-hypertension")).ToContainTextAsync("收缩压185mmHg（≥180）");
        await Assertions.Expect(page.GetByTestId("suggestion-hypertension")).ToContainTextAsync("紧急转诊");

        // Enter in a field does not save; saving without a referral reason is refused beside the field, keeping the input
        await page.GetByTestId("form.signs.systolic").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("error-summary")).ToHaveCountAsync(0);
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form.referral.reason-error")).ToContainTextAsync("须紧急转诊");
        await Assertions.Expect(page.GetByTestId("form.signs.systolic")).ToHaveValueAsync("185");

        await TypeAsync(page, "form.referral.reason", "血压185/100mmHg");
        await TypeAsync(page, "form.referral.institutionAndDepartment", "大渡口区人民医院心内科");
        await page.GetByTestId("save").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/residents/{id}/chronic", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("follow-up-row").First).ToContainTextAsync("紧急转诊");

        // the work list's source for this resident: an urgent referral follow-up within 2 weeks
        var due = await (await page.Context.APIRequest.GetAsync($"/api/residents/{id}/chronic/due")).JsonAsync();
        var item = due!.Value.EnumerateArray().Single(i => i.GetProperty("service").GetString() == "hypertension");
        Assert.Equal("referral-follow-up", item.GetProperty("kind").GetString());
        Assert.True(item.GetProperty("urgent").GetBoolean());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(14), DateOnly.Parse(item.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        // the overview shows the follow-up history
        await GoToLiveAsync(page, $"/residents/{id}");
        await Assertions.Expect(page.GetByTestId("chronic-panel")).ToContainTextAsync("紧急转诊");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ACombinedHypertensionAndDiabetesVisitEntersSharedFieldsOnceAndWritesBoth()
    {
        var page = await app.SignInAsync("cunyi");
        var id = await ResidentAsync(page, 1);
        foreach (var disease in new[] { "hypertension", "diabetes" })
        {
            var r = await page.Context.APIRequest.PostAsync($"/api/residents/{id}/chronic/{disease}/enrolment",
                new() { DataObject = new { source = 4 } });
            Assert.True(r.Ok, await r.TextAsync());
        }
        // an examination a month ago measured 160 cm: the follow-up's 体质指数 is computed from it
        var examDate = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var exam = await page.Context.APIRequest.PostAsync($"/api/residents/{id}/examinations", new()
        {
            DataObject = new { form = new { examDate, doctor = "李村医", general = new { height = 160, weight = 70 } } },
        });
        Assert.True(exam.Ok, await exam.TextAsync());

        await GoToLiveAsync(page, $"/residents/{id}/chronic");
        await page.GetByTestId("new-combined").ClickAsync();
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("section-diabetes").WaitForAsync();
        await TypeAsync(page, "shared.visitMode", "2"); // 家庭, typed as on paper
        await TypeAsync(page, "shared.signs.systolic", "150");
        await TypeAsync(page, "shared.signs.diastolic", "92");
        await TypeAsync(page, "shared.signs.weightKg.now", "68");
        await TypeAsync(page, "shared.signs.weightKg.target", "62");
        await Assertions.Expect(page.GetByTestId("shared.signs.bmi.now")).ToHaveValueAsync("26.6");    // 68 / 1.6²
        await Assertions.Expect(page.GetByTestId("shared.signs.bmi.target")).ToHaveValueAsync("24.2"); // 62 / 1.6²
        await Assertions.Expect(page.GetByTestId("shared.signs.bmi.now-hint")).ToContainTextAsync($"{examDate} 体检身高 160 cm");
        await TypeAsync(page, "diabetes.fastingGlucose", "6.4");
        await TypeAsync(page, "hypertension.saltIntake.now", "3");
        await Assertions.Expect(page.GetByTestId("suggestion-hypertension")).ToContainTextAsync("控制不满意");
        await Assertions.Expect(page.GetByTestId("suggestion-diabetes")).ToContainTextAsync("控制满意");
        await page.GetByTestId("save").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/residents/{id}/chronic", StringComparison.Ordinal));

        var rows = page.GetByTestId("follow-up-row");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = "高血压（合并）" })).ToContainTextAsync("150/92");
        await Assertions.Expect(rows.Filter(new() { HasText = "2型糖尿病（合并）" })).ToContainTextAsync("150/92");
        await Assertions.Expect(rows.Filter(new() { HasText = "2型糖尿病（合并）" })).ToContainTextAsync("6.4");

        // printed in the paper layout with the last 8 digits of the record number
        var print = await page.Context.NewPageAsync();
        await print.GotoAsync($"/residents/{id}/chronic/print/diabetes");
        await Assertions.Expect(print.GetByTestId("follow-up-sheet")).ToContainTextAsync("2型糖尿病患者随访服务记录表");
        await Assertions.Expect(print.GetByTestId("follow-up-sheet")).ToContainTextAsync("6.4 mmol/L");
        await page.Context.CloseAsync();
    }

    /// <summary>A demo resident aged 35+ of the village doctor's villages not yet under chronic management; distinct journeys take distinct ones.</summary>
    private static async Task<long> ResidentAsync(IPage page, int index)
    {
        var response = await page.Context.APIRequest.GetAsync("/api/residents?pageSize=200&sort=recordNumber");
        var items = (await response.JsonAsync())!.Value.GetProperty("items").EnumerateArray().Reverse().ToList();
        var free = 0;
        foreach (var item in items)
        {
            var id = item.GetProperty("id").GetInt64();
            var chronic = await (await page.Context.APIRequest.GetAsync($"/api/residents/{id}/chronic")).JsonAsync();
            // 35 or over: a younger patient is enrolled only with a reason (004 高血压/糖尿病 一, issue #15 item 7)
            if (item.GetProperty("age").GetInt32() < 35)
            {
                continue;
            }
            if (chronic!.Value.GetProperty("enrolments").GetArrayLength() == 0 && free++ == index)
            {
                return id;
            }
        }
        throw new InvalidOperationException("no demo resident free of chronic management");
    }

    private static async Task TypeAsync(IPage page, string testId, string text)
    {
        var input = page.GetByTestId(testId);
        await input.FillAsync(text);
        await input.PressAsync("Tab"); // the change event: inputs are bound on change, as a user tabbing through the form
    }

    private static async Task GoToLiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
