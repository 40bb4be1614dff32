using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>Issue #3 journeys: a village doctor is refused another village's resident; an issued password is changed at first sign-in.</summary>
[Collection(AppCollection.Name)]
public sealed class ScopeJourneys(AppServer app)
{
    [Fact]
    public async Task VillageDoctorIsRefusedAResidentOfAnotherVillage()
    {
        var doctor = await app.SignInAsync("yisheng");
        // A resident of 跳磴镇 outside cunyi's two villages (the demo county has some in every township).
        var response = await doctor.Context.APIRequest.GetAsync("/api/residents?townshipCode=500104103&pageSize=200");
        var other = (await response.JsonAsync())!.Value.GetProperty("items").EnumerateArray()
            .First(r => r.GetProperty("villageName").GetString() is not ("石林村村民委员会" or "拱桥村村民委员会"));
        var (id, name, recordNumber) = (other.GetProperty("id").GetInt64(), other.GetProperty("name").GetString()!, other.GetProperty("recordNumber").GetString()!);
        await doctor.Context.CloseAsync();

        var page = await app.SignInAsync("cunyi");
        await GoToLiveAsync(page, $"/residents/{id}");
        await Assertions.Expect(page.GetByTestId("not-found")).ToContainTextAsync("不在您的管理范围内");
        await Assertions.Expect(page.GetByText(recordNumber)).ToHaveCountAsync(0);

        await GoToLiveAsync(page, "/residents");
        await page.GetByTestId("search-box").FillAsync(recordNumber);
        await page.GetByTestId("search-box").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("no-results")).ToBeVisibleAsync();
        await page.GetByTestId("search-box").FillAsync(name);
        await page.GetByTestId("search-box").PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.GetByTestId("resident-row").Filter(new() { HasText = recordNumber[9..] })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UserCreatedByInstitutionAdminMustChangePasswordAtFirstSignIn()
    {
        var admin = await app.SignInAsync("jigou");
        await GoToLiveAsync(admin, "/users");
        await Assertions.Expect(admin.Locator("[data-user='cunyi']")).ToBeVisibleAsync(); // the institution's own users
        await Assertions.Expect(admin.Locator("[data-user='admin']")).ToHaveCountAsync(0); // not the county's system admin
        var userName = $"xin{Random.Shared.Next(10000, 99999)}";
        await admin.GetByTestId("new-userName").FillAsync(userName);
        await admin.GetByTestId("new-displayName").FillAsync("新来的医生");
        await admin.GetByTestId("new-role").SelectOptionAsync("Doctor");
        await admin.GetByTestId("create-user").ClickAsync();
        var password = (await admin.GetByTestId("issued-password").TextContentAsync())!.Trim();
        await Assertions.Expect(admin.Locator($"[data-user='{userName}']")).ToContainTextAsync("待修改初始密码");
        await admin.Context.CloseAsync();

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/account/password"));
        await Assertions.Expect(page.GetByTestId("must-change")).ToBeVisibleAsync();

        await page.GotoAsync("/residents"); // any page leads back until the password is changed
        Assert.Contains("/account/password", page.Url);

        await page.FillAsync("#currentPassword", password);
        await page.FillAsync("#newPassword", "short");
        await page.FillAsync("#confirmPassword", "short");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("[data-field='newPassword']").First).ToContainTextAsync("密码至少 8 位");

        await page.FillAsync("#currentPassword", password);
        await page.FillAsync("#newPassword", "Xinyisheng@2026");
        await page.FillAsync("#confirmPassword", "Xinyisheng@2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/password"));
        await Assertions.Expect(page.GetByTestId("current-user")).ToContainTextAsync("新来的医生");
        await context.CloseAsync();
    }

    private static async Task GoToLiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
