using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HealthRecords.Domain.Records;
using Microsoft.Playwright;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace HealthRecords.E2E;

/// <summary>
/// Issue #15's daily-use findings in a real browser: a half-typed form survives a dropped connection (15), Tab goes
/// from coded field to coded field (17), sex and ID number on the personal form (18), Chinese everywhere (19), the
/// activation slip and the access log (20), printing (21), tables at 1366 px (22), dates in an English browser (24),
/// the home page and the overview (25).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DailyUseJourneys(AppServer app)
{
    private static int serial;

    [Fact]
    public async Task AHalfTypedFormIsOfferedBackAfterTheConnectionDropsAndClearedOnSave()
    {
        var page = await app.SignInAsync("yisheng");
        var name = UniqueName("草稿");
        var id = NewIdNumber(new DateOnly(1961, 7, 19), male: true);
        await GoToLiveAsync(page, "/residents/new");
        await TypeAsync(page, "info.name", name);
        await TypeAsync(page, "info.idNumber", id);
        await TypeAsync(page, "info.bloodType", "3");

        // The clinic's network drops; the doctor goes on typing; the page is reopened once the network is back.
        await page.Context.SetOfflineAsync(true);
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");
        await TypeAsync(page, "info.phone", "13800005555");
        await page.Context.SetOfflineAsync(false);
        await page.ReloadAsync();
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await Assertions.Expect(page.GetByTestId("draft-offer")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("info.name")).ToHaveValueAsync(""); // nothing restored until asked
        await page.GetByTestId("draft-restore").ClickAsync();
        await Assertions.Expect(page.GetByTestId("info.name")).ToHaveValueAsync(name);
        await Assertions.Expect(page.GetByTestId("info.idNumber")).ToHaveValueAsync(id);
        await Assertions.Expect(page.GetByTestId("info.bloodType")).ToHaveValueAsync("3");
        await Assertions.Expect(page.GetByTestId("info.phone")).ToHaveValueAsync("13800005555"); // typed while disconnected
        await Assertions.Expect(page.GetByTestId("info.birthDate")).ToHaveValueAsync("1961-07-19"); // the page's state followed

        var village = page.GetByTestId("villageCode");
        await village.SelectOptionAsync((await village.Locator("option:not([value=''])").First.GetAttributeAsync("value"))!);
        await page.GetByTestId("save").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/residents/\d+$"));
        await Assertions.Expect(page.GetByTestId("record-number")).ToBeVisibleAsync();
        await GoToLiveAsync(page, "/residents/new");
        await Assertions.Expect(page.GetByTestId("info.name")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("draft-offer")).ToHaveCountAsync(0); // saved: the draft is gone
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SigningOutLeavesNoDraftInTheBrowser()
    {
        var page = await app.SignInAsync("yisheng");
        await GoToLiveAsync(page, "/residents/new");
        await TypeAsync(page, "info.name", UniqueName("共用"));
        Assert.Equal(1, await DraftsAsync(page));

        await page.Locator("#logout-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));
        Assert.Equal(0, await DraftsAsync(page)); // a shared computer keeps nothing of it

        await page.FillAsync("#userName", "yisheng");
        await page.FillAsync("#password", AppServer.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await GoToLiveAsync(page, "/residents/new");
        await Assertions.Expect(page.GetByTestId("info.name")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("draft-offer")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TabGoesFromCodedFieldToCodedFieldAndNeverStopsOnAHeaderOrADangerBox()
    {
        var page = await app.SignInAsync("cunyi");
        await GoToLiveAsync(page, "/residents/new");
        var stops = await TabWalkAsync(page, "info.name", "save");
        Assert.DoesNotContain(stops, s => s.StartsWith("toggle-", StringComparison.Ordinal) || s.Contains("expand-panel", StringComparison.Ordinal));
        var coded = await CodedFieldsAsync(page);
        Assert.NotEmpty(coded);
        Assert.All(coded, c => Assert.Contains(c, stops));
        Assert.Equal(["info.name", "info.sex", "info.idDocumentType", "info.idNumber", "info.birthDate"], stops.Take(5));

        // The follow-up form of a patient under hypertension management: the danger check-boxes are no Tab stops.
        var recordId = await NewPatientAsync(page, "hypertension");
        await GoToLiveAsync(page, $"/residents/{recordId}/hypertension/new");
        await page.GetByTestId("save").WaitForAsync();
        var first = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('.mud-main-content input, .mud-main-content select')].find(e => e.tabIndex >= 0 && !e.disabled && !e.readOnly && e.type !== 'hidden').dataset.testid");
        var followUp = await TabWalkAsync(page, first, "save");
        Assert.DoesNotContain(followUp, s => s.StartsWith("danger-", StringComparison.Ordinal));
        Assert.All(await CodedFieldsAsync(page), c => Assert.Contains(c, followUp));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheSexHasNoDefaultAnIdContradictionIsShownAndAWrongIdIsCheckedAsSoonAsComplete()
    {
        var page = await app.SignInAsync("yisheng");
        await GoToLiveAsync(page, "/residents/new");
        await Assertions.Expect(page.GetByTestId("info.sex")).ToHaveValueAsync(""); // no 0 未知的性别 by default

        await TypeAsync(page, "info.sex", "2");
        var male = NewIdNumber(new DateOnly(1970, 2, 3), male: true);
        await page.GetByTestId("info.idNumber").FillAsync(male);
        await Assertions.Expect(page.GetByTestId("info.sex-warning")).ToContainTextAsync("身份证为男");
        await Assertions.Expect(page.GetByTestId("info.sex")).ToHaveValueAsync("2");                 // not overwritten
        await Assertions.Expect(page.GetByTestId("info.birthDate")).ToHaveValueAsync("1970-02-03");  // was blank: filled

        // A wrong check digit is reported as soon as the 18th character is typed, before Tab or save.
        await page.GetByTestId("info.idNumber").FillAsync("");
        await page.GetByTestId("info.idNumber").PressSequentiallyAsync(male[..17] + (male[17] == '0' ? '1' : '0'));
        await Assertions.Expect(page.GetByTestId("info.idNumber")).ToHaveValueAsync(male[..17] + (male[17] == '0' ? '1' : '0')); // nothing lost while typing
        await Assertions.Expect(page.GetByTestId("info.idNumber-warning")).ToContainTextAsync("校验位");
        await Assertions.Expect(page.GetByTestId("error-summary")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheActivationSlipPrintsTheFullAddressAndAQrCodeOfItAndTheResidentSeesOneLinePerVisit()
    {
        var keeper = await app.SignInAsync("dangan");
        var idNumber = NewIdNumber(new DateOnly(1955, 10, 1), male: false);
        var recordId = await CreateAsync(keeper, UniqueName("凭条"), idNumber, sex: 2);
        await GoToLiveAsync(keeper, $"/residents/{recordId}"); // the keeper's visit: overview, change log, reads …
        await keeper.GetByTestId("issue-activation-code").ClickAsync();
        var code = (await keeper.GetByTestId("activation-code").InnerTextAsync()).Trim();
        var address = app.BaseUrl + "/portal/activate";
        await Assertions.Expect(keeper.GetByTestId("activation-address")).ToHaveTextAsync(address);

        var slip = await keeper.RunAndWaitForPopupAsync(() => keeper.GetByTestId("print-activation-slip").ClickAsync());
        await slip.GetByTestId("activation-slip").WaitForAsync();
        await Assertions.Expect(slip.GetByTestId("activation-url")).ToHaveTextAsync(address);
        Assert.Equal(address, await ReadQrAsync(slip));

        var phone = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        var resident = await phone.NewPageAsync();
        await resident.GotoAsync(address);
        await resident.Locator("#confirm").WaitForAsync();
        await resident.FillAsync("#idNumber", idNumber);
        await resident.FillAsync("#code", code);
        await resident.FillAsync("#password", "Jumin@2026x");
        await resident.FillAsync("#confirm", "Jumin@2026x");
        await resident.GetByTestId("portal-activate").ClickAsync();
        var log = resident.GetByTestId("portal-access-log").Locator("li");
        await Assertions.Expect(log.First).ToBeVisibleAsync();
        var lines = await log.AllInnerTextsAsync();
        Assert.Single(lines, l => l.Contains("陈档案", StringComparison.Ordinal)); // one visit, one line
        Assert.DoesNotContain(lines, l => l.Contains("其他操作", StringComparison.Ordinal));
        await phone.CloseAsync();
        await keeper.Context.CloseAsync();
    }

    [Fact]
    public async Task DatesReadYearMonthDayInAnEnglishBrowser()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "en-US", TimezoneId = "America/New_York" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", "yisheng");
        await page.FillAsync("#password", AppServer.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await GoToLiveAsync(page, "/residents/new");

        Assert.Equal("text", await page.GetByTestId("info.birthDate").GetAttributeAsync("type")); // not the browser's date picker
        await TypeAsync(page, "info.name", UniqueName("日期"));
        await TypeAsync(page, "info.idDocumentType", "9");
        await TypeAsync(page, "info.sex", "1");
        await TypeAsync(page, "info.birthDate", "19560308");
        await Assertions.Expect(page.GetByTestId("info.birthDate")).ToHaveValueAsync("1956-03-08");
        await TypeAsync(page, "info.birthDate", "3/8/1956"); // a US-style date is not taken for another day
        await Assertions.Expect(page.GetByTestId("info.birthDate-warning")).ToContainTextAsync("年-月-日");
        await TypeAsync(page, "info.birthDate", "1956/3/8");
        var village = page.GetByTestId("villageCode");
        await village.SelectOptionAsync((await village.Locator("option:not([value=''])").First.GetAttributeAsync("value"))!);
        await page.GetByTestId("save").ClickAsync();
        if (await page.GetByTestId("confirm-not-duplicate").CountAsync() > 0)
        {
            await page.GetByTestId("confirm-not-duplicate").ClickAsync();
        }
        await page.WaitForURLAsync(new Regex(@"/residents/\d+$"));
        await Assertions.Expect(page.Locator(".overview-head")).ToContainTextAsync("1956-03-08");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync(DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await context.CloseAsync();
    }

    [Fact]
    public async Task LabelsAreChineseAndTheApiDocumentationIsForAdministratorsOnly()
    {
        var doctor = await app.SignInAsync("yisheng");
        await Assertions.Expect(doctor.GetByTestId("current-user")).ToBeVisibleAsync();
        await Assertions.Expect(doctor.GetByTestId("nav-api-docs")).ToHaveCountAsync(0);
        var recordId = await CreateAsync(doctor, UniqueName("中文"), NewIdNumber(new DateOnly(1980, 1, 1), male: true), sex: 1);
        var detail = await (await doctor.Context.APIRequest.GetAsync($"/api/residents/{recordId}")).JsonAsync();
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(detail!.Value.GetRawText())!;
        var info = JsonSerializer.Deserialize<Dictionary<string, object?>>(body["info"].GetRawText())!;
        info["bloodType"] = 2;
        info["name"] = UniqueName("改名");
        var edited = await doctor.Context.APIRequest.PutAsync($"/api/residents/{recordId}", new()
        {
            DataObject = new { info, cover = body["cover"], villageCode = body["villageCode"].GetString(), version = body["version"].GetInt32() },
        });
        Assert.True(edited.Ok, await edited.TextAsync());
        await GoToLiveAsync(doctor, $"/residents/{recordId}");
        var changes = doctor.GetByTestId("changes");
        await Assertions.Expect(changes).ToContainTextAsync("血型");
        await Assertions.Expect(changes).ToContainTextAsync("B型");
        Assert.DoesNotMatch(new Regex("[A-Za-z]{3,}"), await changes.InnerTextAsync());
        Assert.DoesNotMatch(new Regex("[A-Za-z]{3,}"), await doctor.GetByTestId("timeline").InnerTextAsync());
        await doctor.Context.CloseAsync();

        var admin = await app.SignInAsync("admin");
        await Assertions.Expect(admin.GetByTestId("nav-api-docs")).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task TablesInHalfWidthPanelsKeepTheirColumnsAndTheMeasuresFit1366()
    {
        var keeper = await app.SignInAsync("dangan"); // SignInAsync opens 1366 × 900
        var recordId = await CreateAsync(keeper, UniqueName("表格"), NewIdNumber(new DateOnly(1966, 6, 6), male: true), sex: 1);
        await GoToLiveAsync(keeper, $"/residents/{recordId}");
        await keeper.GetByTestId("timeline").WaitForAsync();
        var narrow = await keeper.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.overview-grid td, .overview-grid th')]
                .filter(c => c.innerText.trim().length > 1 && c.getBoundingClientRect().width < 24).map(c => c.innerText)
            """);
        Assert.Empty(narrow);

        await GoToLiveAsync(keeper, "/records/merge");
        await keeper.GetByTestId("merge-survivor").FillAsync("w");
        await keeper.GetByTestId("merge-survivor").PressAsync("Tab");
        await keeper.GetByTestId("merge-survivor-results").WaitForAsync();
        Assert.Empty(await keeper.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.merge-pickers td')].filter(c => c.innerText.trim().length > 1 && c.getBoundingClientRect().width < 24).map(c => c.innerText)
            """));

        var supervisor = await app.SignInAsync("jianguan");
        await GoToLiveAsync(supervisor, "/measures");
        await supervisor.GetByTestId("m-table").WaitForAsync();
        var fits = await supervisor.EvaluateAsync<bool>("() => { const t = document.querySelector('[data-testid=m-table]'); return t.getBoundingClientRect().right <= window.innerWidth && t.parentElement.scrollWidth <= t.parentElement.clientWidth; }");
        Assert.True(fits, "the measures table is wider than a 1366 px screen");
        await supervisor.Context.CloseAsync();
        await keeper.Context.CloseAsync();
    }

    [Fact]
    public async Task TheExaminationPrintsWithAMarginOnEveryPage()
    {
        var doctor = await app.SignInAsync("yisheng");
        var recordId = await CreateAsync(doctor, UniqueName("体检"), NewIdNumber(new DateOnly(1950, 5, 5), male: true), sex: 1);
        var exam = await doctor.Context.APIRequest.PostAsync($"/api/residents/{recordId}/examinations", new()
        {
            DataObject = new { form = new { examDate = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), doctor = "王医生", general = new { height = 165, weight = 60 } } },
        });
        Assert.True(exam.Ok, await exam.TextAsync());
        var examId = (await exam.JsonAsync())!.Value.GetProperty("id").GetInt64();

        var print = await doctor.Context.NewPageAsync();
        await print.GotoAsync($"/examinations/{examId}/print");
        await print.GetByTestId("exam-print").WaitForAsync();
        await print.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal("exam", await print.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('[data-testid=exam-print]')).page"));
        var margin = await print.EvaluateAsync<string>("""
            () => [...document.styleSheets].flatMap(s => { try { return [...s.cssRules]; } catch { return []; } })
                .filter(r => r instanceof CSSPageRule && r.selectorText === 'exam').map(r => r.style.marginTop)[0] ?? ''
            """);
        Assert.Equal("10mm", margin); // pages 2–4 no longer start at the paper's edge
        await doctor.Context.CloseAsync();
    }

    [Fact]
    public async Task TheHomePageNamesTheScopeAndTheOverviewOffersTheNextFollowUp()
    {
        var village = await app.SignInAsync("cunyi");
        await village.GetByTestId("home-figures").WaitForAsync();
        await Assertions.Expect(village.GetByTestId("home-scope")).ToContainTextAsync("石林村");
        await Assertions.Expect(village.GetByTestId("figure-worklist")).ToBeVisibleAsync();
        await village.Context.CloseAsync();

        // a demo patient whose follow-up is overdue: the overview says so and offers the follow-up
        var doctor = await app.SignInAsync("yisheng");
        var list = await (await doctor.Context.APIRequest.GetAsync("/api/worklist?service=hypertension&pageSize=200")).JsonAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var overdue = list!.Value.GetProperty("items").EnumerateArray()
            .First(i => DateOnly.Parse(i.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture) < today);
        await GoToLiveAsync(doctor, $"/residents/{overdue.GetProperty("healthRecordId").GetInt64()}");
        await Assertions.Expect(doctor.GetByTestId("chronic-due").First).ToContainTextAsync("已逾期");
        await Assertions.Expect(doctor.GetByTestId("overview-new-hypertension")).ToBeVisibleAsync();
        await doctor.Context.CloseAsync();

        var supervisor = await app.SignInAsync("jianguan");
        await supervisor.GetByTestId("home-figures").WaitForAsync();
        await Assertions.Expect(supervisor.GetByTestId("home-scope")).ToContainTextAsync("全区");
        await Assertions.Expect(supervisor.GetByTestId("figure-worklist")).ToHaveCountAsync(0); // nothing to act on
        await supervisor.Context.CloseAsync();
    }

    // ---- helpers ----

    /// <summary>The QR code on the page, drawn onto a canvas by the browser and decoded (ZXing).</summary>
    private static async Task<string?> ReadQrAsync(IPage page)
    {
        const int size = 400;
        var gray = await page.EvaluateAsync<string>($$"""
            async () => {
                const svg = document.querySelector('[data-testid=activation-qr] svg');
                const img = new Image();
                img.src = 'data:image/svg+xml;base64,' + btoa(new XMLSerializer().serializeToString(svg));
                await img.decode();
                const canvas = document.createElement('canvas');
                canvas.width = canvas.height = {{size}};
                const ctx = canvas.getContext('2d');
                ctx.fillStyle = '#fff';
                ctx.fillRect(0, 0, {{size}}, {{size}});
                ctx.drawImage(img, 40, 40, {{size - 80}}, {{size - 80}});
                const rgba = ctx.getImageData(0, 0, {{size}}, {{size}}).data;
                let out = '';
                for (let i = 0; i < rgba.length; i += 4) out += String.fromCharCode(rgba[i]);
                return btoa(out);
            }
            """);
        var source = new RGBLuminanceSource(Convert.FromBase64String(gray), size, size, RGBLuminanceSource.BitmapFormat.Gray8);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)))?.Text;
    }

    private static async Task<List<string>> TabWalkAsync(IPage page, string from, string until)
    {
        await page.GetByTestId(from).FocusAsync();
        var stops = new List<string> { from };
        for (var i = 0; i < 250; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? (e.dataset.testid || e.id || (e.tagName + '.' + e.className)) : ''; }");
            stops.Add(stop);
            if (stop == until)
            {
                return stops;
            }
        }
        throw new InvalidOperationException($"Tab never reached {until}: {string.Join(" ", stops)}");
    }

    /// <summary>The coded fields on the page (typed as the form's numbers): single and multiple choice.</summary>
    private static async Task<string[]> CodedFieldsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.mud-main-content input.code, .mud-main-content input.codes')].map(e => e.dataset.testid)");

    private static Task<int> DraftsAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('hr-draft:')).length");

    private static async Task TypeAsync(IPage page, string testId, string text)
    {
        await page.GetByTestId(testId).FillAsync(text);
        await page.GetByTestId(testId).PressAsync("Tab");
    }

    private static async Task GoToLiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task<long> CreateAsync(IPage page, string name, string idNumber, int sex)
    {
        var created = await page.Context.APIRequest.PostAsync("/api/residents", new()
        {
            DataObject = new
            {
                villageCode = "500104103203", confirmNotDuplicate = true,
                info = new { name, sex, idDocumentType = 1, idNumber, residenceType = 1, phone = "13855556666" },
                cover = new { currentAddress = "跳磴镇石林村4组" },
            },
        });
        Assert.True(created.Ok, await created.TextAsync());
        return (await created.JsonAsync())!.Value.GetProperty("id").GetInt64();
    }

    private async Task<long> NewPatientAsync(IPage page, string disease)
    {
        var id = await CreateAsync(page, UniqueName("随访"), NewIdNumber(new DateOnly(1958, 1, 1), male: true), sex: 1);
        var enrol = await page.Context.APIRequest.PostAsync($"/api/residents/{id}/chronic/{disease}/enrolment", new() { DataObject = new { source = 4 } });
        Assert.True(enrol.Ok, await enrol.TextAsync());
        return id;
    }

    private static string UniqueName(string stem) => "司马" + stem + "一二三四五六七八九十"[Interlocked.Increment(ref serial) % 10];

    private static string NewIdNumber(DateOnly birth, bool male)
    {
        var sequence = Random.Shared.Next(0, 200) * 2 + (male ? 1 : 0) + 500;
        var first17 = string.Create(CultureInfo.InvariantCulture, $"500104{birth:yyyyMMdd}{sequence:000}");
        return first17 + IdCardNumber.CheckDigit(first17);
    }
}
