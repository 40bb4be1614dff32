using HealthRecords.Domain.Records;
using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// Whole journeys of issue #2 in headless Chromium against the running system: sign in, create a resident,
/// a wrong ID number refused beside its field, find by pinyin initials, print the card, close the record.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class Journeys(AppServer app)
{
    private static int serial;

    [Fact]
    public async Task SignInShowsWhoIsSignedInAndWrongPasswordIsRefused()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/residents");
        Assert.Contains("/login", page.Url); // signed-out users are sent to sign in
        await page.FillAsync("#userName", "yisheng");
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名或密码错误");

        var signedIn = await app.SignInAsync("yisheng");
        await Assertions.Expect(signedIn.GetByTestId("current-user")).ToContainTextAsync("王医生");
        await Assertions.Expect(signedIn.GetByTestId("figure-active")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[1-9]\d*$"));
        await context.CloseAsync();
        await signedIn.Context.CloseAsync();
    }

    [Fact]
    public async Task DoctorCreatesResidentFindsThemByPinyinInitialsAndPrintsTheCard()
    {
        var page = await app.SignInAsync("yisheng");
        var (name, initials) = UniqueName();
        var id = NewIdNumber(new DateOnly(1956, 3, 8), male: false);
        await CreateResidentAsync(page, name, id);

        var recordNumber = (await page.GetByTestId("record-number").InnerTextAsync()).Replace("档案编号", "").Replace(" ", "").Trim();
        Assert.Matches(@"^500104\d{11}$", recordNumber);
        await Assertions.Expect(page.GetByTestId("record-status")).ToHaveTextAsync("在管");
        var overviewUrl = page.Url;

        await GoToLiveAsync(page, "/residents");
        await page.GetByTestId("search-box").FillAsync(initials);
        await page.GetByTestId("search-box").PressAsync("Enter");
        var row = page.GetByTestId("resident-row").Filter(new() { HasText = name });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).Not.ToContainTextAsync(id); // lists mask the ID number
        if (Environment.GetEnvironmentVariable("HR_SCREENSHOTS") is { Length: > 0 } dir)
        {
            // README picture: HR_SCREENSHOTS=docs dotnet test tests/HealthRecords.E2E --filter PinyinInitials
            await page.GetByTestId("search-box").FillAsync("w");
            await page.GetByTestId("search-box").PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("resident-row").First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.RepositoryRoot, dir, "screenshot-search.png") });
            await page.GetByTestId("search-box").FillAsync(initials);
            await page.GetByTestId("search-box").PressAsync("Enter");
            await Assertions.Expect(row).ToHaveCountAsync(1);
        }
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync(overviewUrl);

        var card = await page.Context.NewPageAsync();
        await card.GotoAsync(overviewUrl + "/print/card");
        await Assertions.Expect(card.GetByTestId("card-front")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByTestId("card-back")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByTestId("card-name")).ToContainTextAsync(name);
        var printed = await card.GetByTestId("card-record-number").InnerTextAsync();
        Assert.Equal(recordNumber, new string(printed.Where(char.IsAsciiDigit).ToArray())); // printed in its 6-3-3-5 boxes
        await card.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(card.GetByTestId("print-now")).ToBeHiddenAsync(); // buttons do not print
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WrongIdNumberIsRefusedBesideTheFieldAndNothingIsSaved()
    {
        var page = await app.SignInAsync("yisheng");
        var (name, initials) = UniqueName();
        var valid = NewIdNumber(new DateOnly(1980, 5, 20), male: true);
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0'); // wrong check digit
        await GoToLiveAsync(page, "/residents/new");
        await FillBasicsAsync(page, name, wrong, sex: "1", birthDate: "1980-05-20");
        await page.GetByTestId("save").ClickAsync();

        var error = page.GetByTestId("info.idNumber-error");
        await Assertions.Expect(error).ToBeVisibleAsync();
        await Assertions.Expect(error).ToContainTextAsync("校验");
        Assert.EndsWith("/residents/new", page.Url);
        await Assertions.Expect(page.GetByTestId("info.name")).ToHaveValueAsync(name); // what was typed stays

        await GoToLiveAsync(page, "/residents");
        await page.GetByTestId("search-box").FillAsync(initials);
        await page.GetByTestId("search-box").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("no-results")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RecordKeeperClosesARecordOnDeathAndItBecomesReadOnly()
    {
        var doctor = await app.SignInAsync("yisheng");
        var (name, _) = UniqueName();
        await CreateResidentAsync(doctor, name, NewIdNumber(new DateOnly(1940, 1, 2), male: true));
        var overviewUrl = doctor.Url;
        await doctor.Context.CloseAsync();

        var keeper = await app.SignInAsync("dangan");
        await GoToLiveAsync(keeper, overviewUrl);
        await keeper.GetByTestId("close-record").ClickAsync();
        await keeper.GetByTestId("closure-submit").ClickAsync(); // nothing filled in: refused beside the fields
        await Assertions.Expect(keeper.GetByTestId("reason-error")).ToBeVisibleAsync();

        await keeper.GetByTestId("reason").FillAsync("1"); // 1 死亡, typed as on paper
        await keeper.GetByTestId("reason").PressAsync("Tab");
        await keeper.GetByTestId("closedOn").FillAsync(DateTime.Today.AddDays(-3).ToString("yyyy-MM-dd"));
        await keeper.GetByTestId("closedOn").PressAsync("Tab");
        await keeper.GetByTestId("closure-submit").ClickAsync();

        await Assertions.Expect(keeper.GetByTestId("closed-banner")).ToContainTextAsync("死亡");
        await Assertions.Expect(keeper.GetByTestId("record-status")).Not.ToHaveTextAsync("在管");
        await Assertions.Expect(keeper.GetByTestId("edit")).ToHaveCountAsync(0);
        await Assertions.Expect(keeper.GetByTestId("reopen-record")).ToBeVisibleAsync();

        // The closure was made on an interactive page (no HTTP request of its own): the audit log still says from where.
        var recordId = long.Parse(new Uri(overviewUrl).AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var log = await keeper.Context.APIRequest.GetAsync(app.BaseUrl + "/api/audit?action=close&pageSize=200");
        Assert.True(log.Ok, await log.TextAsync());
        using var entries = System.Text.Json.JsonDocument.Parse(await log.TextAsync());
        var entry = entries.RootElement.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("recordId").GetInt64() == recordId);
        Assert.Equal("127.0.0.1", entry.GetProperty("remoteIp").GetString());
        await keeper.Context.CloseAsync();
    }

    [Fact]
    public async Task LikelyDuplicateIsFlaggedBeforeSavingAndRecordKeeperMergesIt()
    {
        var doctor = await app.SignInAsync("yisheng");
        var (name, _) = UniqueName();
        var born = new DateOnly(1962, 9, 14);
        await CreateResidentAsync(doctor, name, NewIdNumber(born, male: true));
        var firstUrl = doctor.Url;
        var firstNumber = new string((await doctor.GetByTestId("record-number").InnerTextAsync()).Where(char.IsAsciiDigit).ToArray());

        // The same person again, without an ID card this time: same name and birth date in the township.
        await GoToLiveAsync(doctor, "/residents/new");
        await doctor.GetByTestId("info.name").FillAsync(name);
        await doctor.GetByTestId("info.name").PressAsync("Tab");
        await doctor.GetByTestId("info.idDocumentType").FillAsync("9"); // 9 暂无证件
        await doctor.GetByTestId("info.idDocumentType").PressAsync("Tab");
        await doctor.GetByTestId("info.sex").FillAsync("1");
        await doctor.GetByTestId("info.sex").PressAsync("Tab");
        await doctor.GetByTestId("info.birthDate").FillAsync(born.ToString("yyyy-MM-dd"));
        await doctor.GetByTestId("info.birthDate").PressAsync("Tab");
        var village = doctor.GetByTestId("villageCode");
        await village.SelectOptionAsync((await village.Locator("option:not([value=''])").First.GetAttributeAsync("value"))!);
        await doctor.GetByTestId("save").ClickAsync();
        await Assertions.Expect(doctor.GetByTestId("conflict")).ToContainTextAsync(firstNumber);
        Assert.EndsWith("/residents/new", doctor.Url); // nothing saved yet
        await doctor.GetByTestId("confirm-not-duplicate").ClickAsync();
        await doctor.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/residents/\d+$"));
        var secondNumber = new string((await doctor.GetByTestId("record-number").InnerTextAsync()).Where(char.IsAsciiDigit).ToArray());
        await doctor.Context.CloseAsync();

        var keeper = await app.SignInAsync("dangan");
        await GoToLiveAsync(keeper, "/records/merge");
        await PickAsync(keeper, "merge-survivor", firstNumber);
        await PickAsync(keeper, "merge-duplicate", secondNumber);
        await Assertions.Expect(keeper.GetByTestId("merge-compare").Locator("tr.differs")).Not.ToHaveCountAsync(0); // the ID differs
        await keeper.GetByTestId("note").FillAsync("同一人重复建档");
        await keeper.GetByTestId("note").PressAsync("Tab");
        await keeper.GetByTestId("merge-submit").ClickAsync();
        await keeper.WaitForURLAsync(firstUrl);

        // The survivor's household page lists its members; the merged record is read-only and points here.
        await keeper.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("家庭") }).First.ClickAsync();
        await Assertions.Expect(keeper.GetByTestId("member-row").Filter(new() { HasText = name })).ToHaveCountAsync(1);
        await keeper.Context.CloseAsync();
    }

    /// <summary>Finds a record with a record picker and picks the only match.</summary>
    private static async Task PickAsync(IPage page, string picker, string recordNumber)
    {
        await page.GetByTestId(picker).FillAsync(recordNumber);
        await page.GetByTestId(picker).PressAsync("Tab");
        await page.GetByTestId(picker + "-option").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId(picker + "-chosen")).ToContainTextAsync(recordNumber);
    }

    /// <summary>Fills the new-record form as a doctor would and saves; ends on the new record's overview.</summary>
    private static async Task CreateResidentAsync(IPage page, string name, string idNumber)
    {
        await GoToLiveAsync(page, "/residents/new");
        await FillBasicsAsync(page, name, idNumber, sex: null, birthDate: null);
        await page.GetByTestId("save").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/residents/\d+$"));
        await Assertions.Expect(page.GetByTestId("record-number")).ToBeVisibleAsync();
    }

    private static async Task FillBasicsAsync(IPage page, string name, string idNumber, string? sex, string? birthDate)
    {
        await page.GetByTestId("info.name").FillAsync(name);
        await page.GetByTestId("info.name").PressAsync("Tab");
        await page.GetByTestId("info.idNumber").FillAsync(idNumber);
        await page.GetByTestId("info.idNumber").PressAsync("Tab");
        if (sex is not null)
        {
            await page.GetByTestId("info.sex").FillAsync(sex);
            await page.GetByTestId("info.sex").PressAsync("Tab");
        }
        if (birthDate is not null)
        {
            await page.GetByTestId("info.birthDate").FillAsync(birthDate);
            await page.GetByTestId("info.birthDate").PressAsync("Tab");
        }
        await page.GetByTestId("info.phone").FillAsync("13800001234");
        await page.GetByTestId("info.phone").PressAsync("Tab");
        var village = page.GetByTestId("villageCode");
        var firstVillage = await village.Locator("option:not([value=''])").First.GetAttributeAsync("value");
        await village.SelectOptionAsync(firstVillage!);
    }

    /// <summary>Opens a page and waits until Blazor's circuit is connected, so typing is not lost.</summary>
    private static async Task GoToLiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>A name no synthetic resident has (a rare compound surname with a serial), with its pinyin initials.</summary>
    private static (string Name, string Initials) UniqueName()
    {
        string[] given = ["雪晴", "梦瑶", "子涵", "若曦", "思远", "浩然"];
        string[] initials = ["xq", "my", "zh", "rx", "sy", "hr"];
        var i = Interlocked.Increment(ref serial) % given.Length;
        return ("欧阳" + given[i], "oy" + initials[i]);
    }

    /// <summary>A valid 18-digit ID number of 大渡口区 (GB 11643 check digit from the domain).</summary>
    private static string NewIdNumber(DateOnly birth, bool male)
    {
        var sequence = Random.Shared.Next(0, 50) * 2 + (male ? 1 : 0) + 100;
        var first17 = $"500104{birth:yyyyMMdd}{sequence:000}";
        return first17 + IdCardNumber.CheckDigit(first17);
    }
}
