using System.Text.Json;
using HealthRecords.Domain.Records;
using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// Issue #5: the annual examination of a patient under hypertension management counts as one follow-up when the
/// doctor marks it so: from the saved examination, 本次体检同时作为高血压随访 opens the follow-up form pre-filled with
/// the examination's readings; saved, it is listed as the examination's follow-up.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ExaminationFollowUpJourneys(AppServer app)
{
    [Fact]
    public async Task TheDoctorMarksAnExaminationAsTheHypertensionFollowUp()
    {
        var page = await app.SignInAsync("yisheng");
        var first17 = $"500104{new DateOnly(1952, 8, 3):yyyyMMdd}{Random.Shared.Next(100, 999):000}";
        var created = await page.Context.APIRequest.PostAsync("/api/residents", new()
        {
            DataObject = new
            {
                villageCode = "500104103203",
                confirmNotDuplicate = true,
                info = new { name = "体检随访测", sex = 1 + (first17[16] - '0' + 1) % 2, birthDate = "1952-08-03", idDocumentType = 1, idNumber = first17 + IdCardNumber.CheckDigit(first17), residenceType = 1 },
                cover = new { currentAddress = "跳磴镇石林村2组", registeredAddress = "跳磴镇石林村2组" },
            },
        });
        Assert.True(created.Ok, await created.TextAsync());
        var id = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetInt64();
        var enrol = await page.Context.APIRequest.PostAsync($"/api/residents/{id}/chronic/hypertension/enrolment", new() { DataObject = new { source = 4 } });
        Assert.True(enrol.Ok, await enrol.TextAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var exam = await page.Context.APIRequest.PostAsync($"/api/residents/{id}/examinations", new()
        {
            DataObject = new
            {
                form = new { examDate = today.ToString("yyyy-MM-dd"), doctor = "王医生", general = new { systolicLeft = 152, diastolicLeft = 94, pulse = 78, weight = 66 } },
            },
        });
        Assert.True(exam.Ok, await exam.TextAsync());
        var examId = JsonDocument.Parse(await exam.TextAsync()).RootElement.GetProperty("id").GetInt64();

        await page.GotoAsync($"/examinations/{examId}/edit");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("exam-as-hypertension").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/residents/{id}/hypertension/new?examinationId={examId}", StringComparison.Ordinal));
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByTestId("from-examination")).ToContainTextAsync("同时作为本次随访");
        await Assertions.Expect(page.GetByTestId("form.signs.systolic")).ToHaveValueAsync("152");
        await Assertions.Expect(page.GetByTestId("form.signs.diastolic")).ToHaveValueAsync("94");
        await Assertions.Expect(page.GetByTestId("form.signs.weightKg.now")).ToHaveValueAsync("66");

        await page.GetByTestId("save").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/residents/{id}/chronic", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("follow-up-row").First).ToContainTextAsync("（体检）");
        await Assertions.Expect(page.GetByTestId("follow-up-row").First).ToContainTextAsync("152/94");
        await page.Context.CloseAsync();
    }
}
