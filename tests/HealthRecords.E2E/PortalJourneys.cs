using System.Text.Json;
using HealthRecords.Domain.Records;
using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// The resident portal of issue #3 in headless Chromium: staff issue an activation code, the resident opens an
/// account on a phone-sized screen, reads their record, reports a wrong phone, and the record keeper confirms it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PortalJourneys(AppServer app)
{
    private const string ResidentPassword = "Jumin@2026";

    [Fact]
    public async Task StaffIssueACodeAndAResidentActivatesAndReadsTheirRecordOnAPhone()
    {
        // The record keeper has a record in scope and issues a one-time code from its overview.
        var keeper = await app.SignInAsync("dangan");
        var idNumber = NewIdNumber(new DateOnly(1958, 4, 9));
        var created = await keeper.Context.APIRequest.PostAsync(app.BaseUrl + "/api/residents", new()
        {
            DataObject = new
            {
                villageCode = "500104103203", // 石林村, 跳磴镇卫生院
                confirmNotDuplicate = true,
                info = new { name = "上官秀兰", sex = 2, birthDate = "1958-04-09", idDocumentType = 1, idNumber, phone = "13811112222", residenceType = 1 },
                cover = new { currentAddress = "跳磴镇石林村2组", registeredAddress = "跳磴镇石林村2组" },
            },
        });
        Assert.True(created.Ok, await created.TextAsync());
        var recordId = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetInt64();
        await keeper.GotoAsync($"/residents/{recordId}");
        await keeper.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await keeper.GetByTestId("issue-activation-code").ClickAsync();
        var code = (await keeper.GetByTestId("activation-code").InnerTextAsync()).Trim();
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}$", code);

        // The resident, on a phone.
        var phone = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
        });
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/portal");
        Assert.Contains("/portal/login", page.Url); // not signed in yet
        await page.GetByTestId("go-activate").ClickAsync();
        // The sign-in page has an #idNumber field too: wait until the activation form has replaced it before typing.
        await page.WaitForURLAsync("**/portal/activate");
        await page.Locator("#confirm").WaitForAsync();
        await page.FillAsync("#idNumber", idNumber);
        await page.FillAsync("#code", "WRONG-CODE");
        await page.FillAsync("#password", ResidentPassword);
        await page.FillAsync("#confirm", ResidentPassword);
        await page.GetByTestId("portal-activate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-code")).ToContainTextAsync("激活码不正确");

        await page.FillAsync("#code", code.ToLowerInvariant()); // typed as read from the slip, in any case
        await page.FillAsync("#password", ResidentPassword);
        await page.FillAsync("#confirm", ResidentPassword);
        await page.GetByTestId("portal-activate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-welcome")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("portal-name")).ToHaveTextAsync("上官秀兰");
        await Assertions.Expect(page.GetByTestId("portal-phone")).ToHaveTextAsync("138****2222");
        await Assertions.Expect(page.GetByTestId("portal-institution")).ToHaveTextAsync("跳磴镇卫生院");
        await Assertions.Expect(page.GetByTestId("portal-section-vaccinations")).ToContainTextAsync("暂无记录");
        // Aged 68 and not examined this year: the portal tells her the free annual examination is due.
        await Assertions.Expect(page.GetByTestId("portal-section-due-services")).ToContainTextAsync("年度健康体检（65岁及以上老年人每年一次，免费）");
        await Assertions.Expect(page.GetByTestId("portal-access-log")).ToContainTextAsync("陈档案"); // the keeper opened the record
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");

        // A wrong phone is reported; the record keeper confirms it; the resident sees the new number.
        await page.SelectOptionAsync("#field", "Phone");
        await page.FillAsync("#newValue", "13933334444");
        await page.FillAsync("#note", "换号了");
        await page.GetByTestId("portal-submit-correction").ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-submitted")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("portal-my-corrections")).ToContainTextAsync("待核实");
        if (Environment.GetEnvironmentVariable("HR_SCREENSHOTS") is { Length: > 0 } dir)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.RepositoryRoot, dir, "screenshot-portal.png"), FullPage = true });
        }

        await keeper.GotoAsync("/records/corrections");
        await keeper.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var row = keeper.Locator("tr", new() { HasText = "139****4444" });
        await row.GetByTestId("confirm-correction").ClickAsync();
        await Assertions.Expect(keeper.Locator("tr", new() { HasText = "139****4444" })).ToHaveCountAsync(0);

        await page.GotoAsync("/portal");
        await Assertions.Expect(page.GetByTestId("portal-phone")).ToHaveTextAsync("139****4444");
        await Assertions.Expect(page.GetByTestId("portal-my-corrections")).ToContainTextAsync("已更正");

        // Staff pages stay closed to a resident.
        await page.GotoAsync("/residents");
        Assert.Contains("/login", page.Url);
        await Assertions.Expect(page.GetByText("上官秀兰")).ToHaveCountAsync(0);
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/portal")); // the staff home sends a resident to the portal

        // Signed out, the resident signs in again with the ID number and the new password.
        await page.GetByTestId("portal-logout").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/portal/login"));
        await page.GotoAsync("/portal");
        Assert.Contains("/portal/login", page.Url);
        await page.FillAsync("#idNumber", idNumber);
        await page.FillAsync("#password", ResidentPassword);
        await page.GetByTestId("portal-login").ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-name")).ToHaveTextAsync("上官秀兰");
        await phone.CloseAsync();
        await keeper.Context.CloseAsync();
    }

    private static string NewIdNumber(DateOnly birth)
    {
        // Female (even order digit), a serial the other journeys do not use.
        var order = 600 + (Environment.TickCount64 % 190) * 2;
        var first17 = $"500104{birth:yyyyMMdd}{order:000}";
        return first17 + IdCardNumber.CheckDigit(first17);
    }
}
