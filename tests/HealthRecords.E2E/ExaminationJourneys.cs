using System.Diagnostics;
using System.Text.Json;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Records;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HealthRecords.E2E;

/// <summary>
/// Issue #4's elderly annual examination in headless Chromium: a returning 65+ resident's new form starts from last
/// year's, the doctor types it as on paper (numbers for coded fields, Tab between fields), scores the self-care table,
/// and saves. Every keystroke and click of the user is counted (docs/usability.md).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ExaminationJourneys(AppServer app, ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task AReturningElderlyResidentsAnnualExaminationIsTypedByKeyboardFromLastYearsForm()
    {
        var page = await app.SignInAsync("yisheng");
        var (recordId, recordNumber) = await NewElderlyResidentWithLastYearsExamAsync(page, "欧阳德明", new DateOnly(1952, 4, 9));
        await page.GotoAsync($"/residents/{recordId}");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByTestId("exam-row")).ToHaveCountAsync(1);

        var user = new UserInput(page);
        var clock = Stopwatch.StartNew();
        await user.ClickAsync(page.GetByTestId("new-exam"));
        await page.GetByTestId("exam-form").WaitForAsync();

        // Pre-filled from last year, for the user to confirm: lifestyle, medication, height; the * items for a 65+ man.
        await Assertions.Expect(page.GetByTestId("prefill-note")).ToContainTextAsync(Today.AddYears(-1).ToString("yyyy-MM-dd"));
        await Assertions.Expect(page.GetByTestId("form.lifestyle.smoking")).ToHaveValueAsync("2");
        await Assertions.Expect(page.GetByTestId("form.medications[0].name")).ToHaveValueAsync("氨氯地平");
        await Assertions.Expect(page.GetByTestId("form.general.height")).ToHaveValueAsync("165");
        await Assertions.Expect(page.GetByTestId("star-items")).ToContainTextAsync("老年人生活自理能力自我评估");
        await Assertions.Expect(page.GetByTestId("gynaecology")).ToHaveCountAsync(0);

        // 症状 and 一般状况: numbers as on paper, Tab between fields; BMI is computed, never typed.
        await user.ClickAsync(page.GetByTestId("form.symptoms"));
        await user.FieldsAsync("1", "36.5", "72", "18", "132", "80", "130", "78", null, "63", "85");
        await Assertions.Expect(page.GetByTestId("bmi")).ToHaveTextAsync("23.1"); // 63 / 1.65²
        // The elderly self-assessments and the self-care table (进餐 3, 梳洗 1, 穿衣 0, 如厕 1, 活动 0 = 5: 轻度依赖).
        await user.FieldsAsync("2", "3", "1", "0", "1", "0", "1");
        await user.TypeAsync("1");
        await Assertions.Expect(page.GetByTestId("selfcare-result")).ToContainTextAsync("总评分：5");
        await Assertions.Expect(page.GetByTestId("selfcare-result")).ToContainTextAsync("2 轻度依赖");

        // 生活方式 stays as pre-filled. 脏器功能 and 查体: the normal answers in one click each, then the measured values.
        await user.ClickAsync(page.GetByTestId("organs-normal"));
        await user.ClickAsync(page.GetByTestId("form.organs.visionLeft"));
        await user.FieldsAsync("4.8");
        await user.TypeAsync("4.9");
        await user.ClickAsync(page.GetByTestId("physical-normal"));
        await user.ClickAsync(page.GetByTestId("form.physical.heartRate"));
        await user.TypeAsync("72");

        // 辅助检查 of the elderly service: blood and urine routine, glucose, ECG, liver, kidney, lipids (blank = Tab).
        await user.ClickAsync(page.GetByTestId("form.auxiliary.hemoglobin"));
        await user.FieldsAsync("135", "6.2", "210", null, "-", "-", "-", "-", null, "5.6", null, "1", null, null, null, null,
            "22", "25", null, "12", null, "80", "5.2", null, null, "4.8", "1.4", "2.7");
        await user.TypeAsync("1.3");

        // 健康评价, confirm the pre-filled sections, save.
        await user.ClickAsync(page.GetByTestId("form.evaluation"));
        await user.TypeAsync("1");
        await user.ClickAsync(page.GetByTestId("prefill-confirmed"));
        await ScreenshotAsync(page, "exam-form");
        await user.ClickAsync(page.GetByTestId("save"));
        await page.WaitForURLAsync("**/examinations/*/edit");
        clock.Stop();
        await Assertions.Expect(page.GetByTestId("missing")).ToHaveCountAsync(0); // complete for a 65+ resident

        output.WriteLine($"annual examination with pre-fill: {user.Keystrokes} keystrokes + {user.Clicks} clicks = {user.Total}, {clock.Elapsed.TotalSeconds:0.0} s (headless, scripted)");
        Assert.True(user.Total < 150, $"{user.Total} keystrokes and clicks");

        // The overview's history shows both years; the print page carries the last 8 digits of the record number.
        await page.GotoAsync($"/residents/{recordId}");
        await Assertions.Expect(page.GetByTestId("exam-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("exam-row").First).ToContainTextAsync("轻度依赖");
        var examId = await NewestExamIdAsync(page, recordId);
        await page.GotoAsync($"/examinations/{examId}/print");
        await Assertions.Expect(page.GetByTestId("print-number")).ToHaveTextAsync(recordNumber[^8..^5] + "-" + recordNumber[^5..]);
        await Assertions.Expect(page.GetByTestId("print-bmi")).ToContainTextAsync("23.1");
        await ScreenshotAsync(page, "exam-print");
    }

    /// <summary>With HR_SCREENSHOTS=dir, keeps a full-page picture of the step for a person to look at.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("HR_SCREENSHOTS") is { Length: > 0 } dir)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
        }
    }

    [Fact]
    public async Task BadInputIsShownBesideItsFieldAndNothingTypedIsLost()
    {
        var page = await app.SignInAsync("yisheng");
        var (recordId, _) = await NewElderlyResidentWithLastYearsExamAsync(page, "司马秀英", new DateOnly(1950, 2, 3), female: true);
        await page.GotoAsync($"/residents/{recordId}/examinations/new");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("exam-form").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("gynaecology")).ToBeVisibleAsync(); // a woman: 妇科 shown

        await page.GetByTestId("form.general.systolicLeft").FillAsync("70");
        await page.GetByTestId("form.general.diastolicLeft").FillAsync("90");
        await page.GetByTestId("form.general.temperature").FillAsync("98.6");
        await page.GetByTestId("form.general.weight").FillAsync("abc");
        await page.GetByTestId("form.general.weight").PressAsync("Enter"); // Enter never submits
        await page.GetByTestId("form.general.pulse").FocusAsync();
        await Assertions.Expect(page.GetByTestId("form.general.weight-error")).ToContainTextAsync("请输入数字");
        Assert.Contains("/examinations/new", page.Url);

        await page.GetByTestId("prefill-confirmed").CheckAsync();
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form.general.systolicLeft-error")).ToContainTextAsync("收缩压应高于舒张压");
        await Assertions.Expect(page.GetByTestId("form.general.temperature-error")).ToContainTextAsync("34～43℃");
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        // everything typed is still there
        await Assertions.Expect(page.GetByTestId("form.general.systolicLeft")).ToHaveValueAsync("70");
        await Assertions.Expect(page.GetByTestId("form.general.temperature")).ToHaveValueAsync("98.6");
        await Assertions.Expect(page.GetByTestId("form.general.weight")).ToHaveValueAsync("abc");
        Assert.Contains("/examinations/new", page.Url);

        // the same date twice is refused at the date
        await page.GetByTestId("form.general.systolicLeft").FillAsync("150");
        await page.GetByTestId("form.general.temperature").FillAsync("36.6");
        await page.GetByTestId("form.general.weight").FillAsync("55");
        await page.GetByTestId("form.guidance").FillAsync("1"); // 纳入慢性病患者健康管理
        await page.GetByTestId("form.general.pulse").FocusAsync();
        await Assertions.Expect(page.GetByTestId("enrol-after-save")).ToBeVisibleAsync();
        await page.GetByTestId("save").ClickAsync();
        await page.WaitForURLAsync("**/examinations/*/edit");
        // the guidance offers enrolment in the chronic disease programmes, naming this examination as the source
        var examId = page.Url.Split('/')[^2];
        await Assertions.Expect(page.GetByTestId("enrol-hypertension")).ToHaveAttributeAsync("href",
            $"/residents/{recordId}/enrol/hypertension?source=examination&sourceId={examId}");
        await Assertions.Expect(page.GetByTestId("enrol-diabetes")).ToHaveAttributeAsync("href",
            $"/residents/{recordId}/enrol/diabetes?source=examination&sourceId={examId}");
        await page.GotoAsync($"/residents/{recordId}/examinations/new");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("exam-form").WaitForAsync();
        await page.GetByTestId("prefill-confirmed").CheckAsync();
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form.examDate-error")).ToContainTextAsync("同一天只能有一份");
        await ScreenshotAsync(page, "exam-errors");
    }

    [Fact]
    public async Task TheElderlyPageListsThisYearsTargetsAndNewcomers()
    {
        var page = await app.SignInAsync("yisheng");
        var newcomer = await CreateResidentAsync(page, "诸葛新", new DateOnly(Today.Year - 65, 11, 30), female: false);
        await page.GotoAsync("/elderly");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("view-new").ClickAsync();
        await Assertions.Expect(page.GetByTestId("elderly-table")).ToContainTextAsync("诸葛新");
        await page.GetByTestId("view-pending").ClickAsync();
        await Assertions.Expect(page.GetByTestId("elderly-table")).ToContainTextAsync("诸葛新");
        await ScreenshotAsync(page, "elderly-list");
        Assert.True(newcomer.Id > 0);
    }

    private static async Task<long> NewestExamIdAsync(IPage page, long recordId)
    {
        var list = await page.Context.APIRequest.GetAsync($"/api/residents/{recordId}/examinations");
        return JsonDocument.Parse(await list.TextAsync()).RootElement[0].GetProperty("id").GetInt64();
    }

    private static async Task<(long Id, string RecordNumber)> CreateResidentAsync(IPage page, string name, DateOnly birth, bool female)
    {
        var order = 400 + (Environment.TickCount64 % 90) * 2 + (female ? 0 : 1) + (name.Length % 2 == 0 ? 0 : 200);
        var first17 = $"500104{birth:yyyyMMdd}{order:000}";
        var created = await page.Context.APIRequest.PostAsync("/api/residents", new()
        {
            DataObject = new
            {
                villageCode = "500104103203", // 石林村, 跳磴镇卫生院
                confirmNotDuplicate = true,
                info = new { name, sex = female ? 2 : 1, birthDate = birth.ToString("yyyy-MM-dd"), idDocumentType = 1, idNumber = first17 + IdCardNumber.CheckDigit(first17), residenceType = 1 },
                cover = new { currentAddress = "跳磴镇石林村5组", registeredAddress = "跳磴镇石林村5组" },
            },
        });
        Assert.True(created.Ok, await created.TextAsync());
        var json = JsonDocument.Parse(await created.TextAsync()).RootElement;
        return (json.GetProperty("id").GetInt64(), json.GetProperty("recordNumber").GetString()!);
    }

    private static async Task<(long Id, string RecordNumber)> NewElderlyResidentWithLastYearsExamAsync(IPage page, string name, DateOnly birth, bool female = false)
    {
        var resident = await CreateResidentAsync(page, name, birth, female);
        var lastYear = new HealthExamination
        {
            ExamDate = Today.AddYears(-1),
            Doctor = "李医生",
            Symptoms = [Symptom.None],
            General = new GeneralCondition { Temperature = 36.4m, Pulse = 70, Respiration = 18, SystolicLeft = 128, DiastolicLeft = 78, Height = 165, Weight = 62, Waist = 84 },
            Lifestyle = new Lifestyle
            {
                ExerciseFrequency = ExerciseFrequency.Daily, ExerciseMinutes = 30, ExerciseYears = 10, ExerciseKind = "散步",
                Diet = [DietHabit.Balanced], Smoking = SmokingStatus.Quit, SmokingStartAge = 20, SmokingQuitAge = 60,
                Drinking = DrinkingFrequency.Never, OccupationalExposure = NoYes.No,
            },
            Medications = [new Medication("氨氯地平", "口服，每日1次", "5mg", "2年")],
            Evaluation = HealthEvaluation.Normal,
        };
        var response = await page.Context.APIRequest.PostAsync($"/api/residents/{resident.Id}/examinations", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Data = JsonSerializer.Serialize(new { form = lastYear }, Web),
        });
        Assert.True(response.Ok, await response.TextAsync());
        return resident;
    }
}
