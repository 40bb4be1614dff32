using System.Text.Json;
using HealthRecords.Domain.Records;
using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// An encounter that ends in a referral (004 附件5, 附件7), and the referral's result recorded within two weeks: the
/// referral is open (on the institution's open list, due 14 days after it was made) until the result is recorded.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReferralJourneys(AppServer app)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST");

    [Fact]
    public async Task EncounterEndsInAReferralWhoseResultIsRecordedWithinTwoWeeks()
    {
        var page = await app.SignInAsync("yisheng");
        var recordId = await CreateResidentAsync(page);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, China));

        // From the overview to a new encounter.
        await GoToLiveAsync(page, $"/residents/{recordId}");
        await page.GetByTestId("new-encounter").ClickAsync();
        await page.WaitForURLAsync($"**/residents/{recordId}/encounters/new");
        var subjective = page.GetByTestId("form.subjective");
        await subjective.WaitForAsync();
        await Assertions.Expect(page.GetByTestId("form.encounterDate")).ToHaveValueAsync(today.ToString("yyyy-MM-dd"));
        await subjective.FillAsync("反复头晕、胸闷1周，加重1天");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("form.objective")).ToBeFocusedAsync(); // Tab moves in form order
        await page.Keyboard.TypeAsync("血压 188/114 mmHg，心率 98 次/分");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("form.assessment")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("高血压急症可能");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("form.diagnoses[0].code")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("I10");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("form.diagnoses[0].name")).ToHaveValueAsync("原发性高血压"); // the known code brings its name
        // Enter in a field does not save: still on the new-encounter page, nothing stored.
        await page.GetByTestId("form.doctorName").PressAsync("Enter");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form.plan-error")).ToHaveTextAsync("请填写处置计划"); // the error beside the field
        await Assertions.Expect(subjective).ToHaveValueAsync("反复头晕、胸闷1周，加重1天");         // what was typed is kept
        Assert.EndsWith("/encounters/new", page.Url);
        await page.GetByTestId("form.plan").FillAsync("硝苯地平 10mg 舌下含服，紧急转诊上级医院");
        await page.GetByTestId("form.plan").PressAsync("Tab");
        await page.GetByTestId("save").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/residents/{recordId}/encounters/\\d+$"));
        var encounterId = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("enrol-hypertension")).ToHaveAttributeAsync("href", $"/residents/{recordId}/enrol/hypertension?source=encounter&sourceId={encounterId}");

        // 转诊: a referral pre-filled from the encounter.
        await page.GetByTestId("refer").ClickAsync();
        await page.WaitForURLAsync($"**/residents/{recordId}/referrals/new?encounterId={encounterId}");
        await Assertions.Expect(page.GetByTestId("form.initialImpression")).ToHaveValueAsync("高血压急症可能；原发性高血压（I10）");
        await Assertions.Expect(page.GetByTestId("form.presentIllness")).ToContainTextAsync("反复头晕、胸闷1周");
        await Assertions.Expect(page.GetByTestId("form.patientName")).ToHaveValueAsync("转诊测");
        await Assertions.Expect(page.GetByTestId("form.fromInstitution")).ToHaveValueAsync("跳磴镇卫生院");
        await page.GetByTestId("form.toInstitution").FillAsync("大渡口区人民医院");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("form.toDepartment")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("心内科");
        await page.Keyboard.PressAsync("Tab");
        await page.GetByTestId("save").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/residents/{recordId}/referrals/\\d+$"));
        var referralId = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var due = today.AddDays(14).ToString("yyyy-MM-dd");
        await Assertions.Expect(page.GetByTestId("referral-status")).ToContainTextAsync($"应于 {due} 前随访转诊结果");

        // Open: on the institution's list and the overview, due two weeks after the referral.
        var open = await OpenReferralsAsync(page);
        Assert.Equal(due, open[referralId]);
        await GoToLiveAsync(page, "/referrals/open");
        await Assertions.Expect(page.GetByTestId($"open-referral-{referralId}")).ToContainTextAsync("大渡口区人民医院");
        await GoToLiveAsync(page, $"/residents/{recordId}");
        await Assertions.Expect(page.GetByTestId($"referral-{referralId}").GetByTestId("referral-open")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId($"encounter-{encounterId}")).ToBeVisibleAsync();

        // The result, within two weeks, with the transfer-back slip.
        await GoToLiveAsync(page, "/referrals/open");
        await page.GetByTestId($"record-result-{referralId}").ClickAsync();
        await page.WaitForURLAsync($"**/residents/{recordId}/referrals/{referralId}/result");
        await page.GetByTestId("result.outcome").WaitForAsync();
        await page.GetByTestId("result.outcome").FillAsync("1");
        await page.Keyboard.PressAsync("Tab");
        await page.GetByTestId("has-back").CheckAsync();
        await Assertions.Expect(page.GetByTestId("back.fromInstitution")).ToHaveValueAsync("大渡口区人民医院");
        await page.GetByTestId("back.returnedOn").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd")); // before the referral: refused
        await page.GetByTestId("back.diagnosis").FillAsync("高血压3级（极高危）");
        await page.GetByTestId("back.referringDoctor").FillAsync("李主任");
        await page.GetByTestId("back.referringDoctor").PressAsync("Tab");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("back.returnedOn-error")).ToContainTextAsync("不能早于转出日期");
        await Assertions.Expect(page.GetByTestId("back.diagnosis")).ToHaveValueAsync("高血压3级（极高危）");
        await page.GetByTestId("back.returnedOn").FillAsync(today.ToString("yyyy-MM-dd"));
        await page.GetByTestId("back.returnedOn").PressAsync("Tab");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("referral-status")).ToContainTextAsync("已关闭");
        await Assertions.Expect(page.GetByTestId("print-back")).ToBeVisibleAsync();

        // Closed: off the open list, shown closed on the overview.
        Assert.DoesNotContain(referralId, (await OpenReferralsAsync(page)).Keys);
        await GoToLiveAsync(page, $"/residents/{recordId}");
        await Assertions.Expect(page.GetByTestId($"referral-{referralId}").GetByTestId("referral-closed")).ToBeVisibleAsync();

        // The slip prints with its stub and the cut line.
        await page.GotoAsync($"/residents/{recordId}/print/referral/{referralId}");
        await Assertions.Expect(page.GetByTestId("stub")).ToContainTextAsync("心内科");
        await Assertions.Expect(page.GetByTestId("cut-line")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("slip")).ToContainTextAsync("大渡口区人民医院");
        await page.Context.CloseAsync();
    }

    private static async Task<Dictionary<long, string>> OpenReferralsAsync(IPage page)
    {
        var response = await page.Context.APIRequest.GetAsync("/api/referrals/open");
        Assert.True(response.Ok, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetInt64(), e => e.GetProperty("followUpDue").GetString()!);
    }

    /// <summary>A new resident of 石林村 created through the API; their record id.</summary>
    private static async Task<long> CreateResidentAsync(IPage page)
    {
        var birth = new DateOnly(1952, 9, 20);
        var first17 = $"500104{birth:yyyyMMdd}{Random.Shared.Next(100, 999):000}";
        var response = await page.Context.APIRequest.PostAsync("/api/residents", new()
        {
            DataObject = new
            {
                villageCode = "500104103203",
                confirmNotDuplicate = true,
                info = new { name = "转诊测", sex = 1 + (first17[16] - '0' + 1) % 2, birthDate = "1952-09-20", idDocumentType = 1, idNumber = first17 + IdCardNumber.CheckDigit(first17), residenceType = 1 },
                cover = new { currentAddress = "跳磴镇石林村2组", registeredAddress = "跳磴镇石林村2组" },
            },
        });
        Assert.True(response.Ok, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("id").GetInt64();
    }

    private static async Task GoToLiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
