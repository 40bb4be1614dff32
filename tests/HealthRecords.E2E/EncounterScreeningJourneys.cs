using System.Text.Json;
using HealthRecords.Domain.Records;
using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// 004 高血压 二(一)1 on the encounter page: a resident of 35 or over at their first visit of the year gets a prompt to
/// measure blood pressure; the doctor records it in the prompt, which then says a re-check is due.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EncounterScreeningJourneys(AppServer app)
{
    [Fact]
    public async Task FirstVisitOfTheYearPromptsABloodPressureWhichIsRecordedOnThePage()
    {
        var page = await app.SignInAsync("yisheng");
        var first17 = $"500104{new DateOnly(1971, 4, 12):yyyyMMdd}{Random.Shared.Next(100, 999):000}";
        var response = await page.Context.APIRequest.PostAsync("/api/residents", new()
        {
            DataObject = new
            {
                villageCode = "500104103203",
                confirmNotDuplicate = true,
                info = new { name = "筛查测", sex = 1 + (first17[16] - '0' + 1) % 2, birthDate = "1971-04-12", idDocumentType = 1, idNumber = first17 + IdCardNumber.CheckDigit(first17), residenceType = 1 },
                cover = new { currentAddress = "跳磴镇石林村1组", registeredAddress = "跳磴镇石林村1组" },
            },
        });
        Assert.True(response.Ok, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.TextAsync());
        var id = json.RootElement.GetProperty("id").GetInt64();

        await page.GotoAsync($"/residents/{id}/encounters/new");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var prompt = page.GetByTestId("screening-prompt");
        await Assertions.Expect(prompt).ToContainTextAsync("今年尚未测量血压");

        await prompt.GetByTestId("systolic").FillAsync("150");
        await prompt.GetByTestId("diastolic").FillAsync("95");
        await prompt.GetByTestId("screening-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("screening-recorded")).ToContainTextAsync("150/95");
        await Assertions.Expect(page.GetByTestId("screening-recorded")).ToContainTextAsync("复查");

        // Measured this year: the next visit's page no longer asks.
        await page.GotoAsync($"/residents/{id}/encounters/new");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByTestId("form.subjective")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("screening-prompt")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
