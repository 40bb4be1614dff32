using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Chronic;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Features.WorkList;
using HealthRecords.Web.Tests.Examinations;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Chronic;

/// <summary>Issue #15's chronic items through the API and the measures, on SQLite and PostgreSQL. Today is 2026-06-15.</summary>
public abstract class ChronicConformanceApiTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Client, long Id)> PatientAsync(string name, DateOnly birth, params ChronicDisease[] diseases)
    {
        var client = await host.SignInAsync("cunyi");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New(name, birth: birth));
        foreach (var d in diseases)
        {
            var r = await client.PostAsJsonAsync($"/api/residents/{resident.Id}/chronic/{ChronicApi.Slug(d)}/enrolment",
                new EnrolInput(new DateOnly(2026, 1, 10), EnrolmentSource.Direct, null));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        return (client, resident.Id);
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private static async Task<FollowUpView> CreatedAsync(HttpResponseMessage r)
    {
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<FollowUpView>(Json.Options))!;
    }

    // item 10: a phone visit without a reading is never "控制满意" with a routine visit
    [Fact]
    public async Task APhoneVisitWithoutBloodPressureIsClassifiedByTheDoctorWithAReason()
    {
        var (client, id) = await PatientAsync("电话随访", new DateOnly(1960, 1, 1), ChronicDisease.Hypertension);
        var phone = new HypertensionFollowUp
        {
            VisitDate = Today, VisitMode = VisitMode.Phone, Symptoms = [HypertensionSymptom.None],
            Adherence = MedicationAdherence.Regular, AdverseReaction = AdverseReaction.None, Doctor = "李医生",
        };
        var refused = await ErrorsAsync(await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(phone)));
        Assert.Contains("未测量血压", refused["form.classification"].Single(), StringComparison.Ordinal);
        var noReason = await ErrorsAsync(await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups",
            new HypertensionFollowUpInput(phone with { Classification = VisitClassification.Controlled })));
        Assert.True(noReason.ContainsKey("overrideReason"));

        var saved = await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups",
            new HypertensionFollowUpInput(phone with { Classification = VisitClassification.Controlled }, "患者电话告知自测血压125/80")));
        Assert.Null(saved.SuggestedClassification);
        Assert.Equal(FollowUpAction.MeasureWithinTwoWeeks, saved.SuggestedAction);
        Assert.Equal(Today.AddDays(14), saved.SuggestedNextVisitDate);
        Assert.Equal(VisitClassification.Controlled, saved.Classification);
        Assert.Null(saved.Controlled); // the doctor's classification is not a measured control
        var summary = await client.GetFromJsonAsync<ChronicSummary>($"/api/residents/{id}/chronic", Json.Options);
        Assert.Null(summary!.FollowUps.Single().SuggestedClassification);
    }

    // item 9: a random glucose ≥ 16.7 and 其他突发异常情况 are danger signs: urgent referral
    [Fact]
    public async Task ARandomGlucoseOrAnotherSuddenAbnormalityCallsForAnUrgentReferral()
    {
        var (client, id) = await PatientAsync("随机血糖", new DateOnly(1960, 1, 1), ChronicDisease.Diabetes);
        var form = new DiabetesFollowUp
        {
            VisitDate = Today, VisitMode = VisitMode.Clinic, FastingGlucose = 6.2m, RandomGlucose = 18.4m,
            DorsalisPedisPulse = DorsalisPedisPulse.Palpable, Signs = new Signs { Systolic = 130, Diastolic = 80 }, Doctor = "李医生",
            Danger = new DangerObservations { OtherSuddenAbnormality = "视力突然骤降" },
        };
        var errors = await ErrorsAsync(await client.PostAsJsonAsync($"/api/residents/{id}/diabetes/follow-ups", new DiabetesFollowUpInput(form)));
        Assert.Contains("紧急转诊", errors["form.referral.reason"].Single(), StringComparison.Ordinal);
        var saved = await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/diabetes/follow-ups",
            new DiabetesFollowUpInput(form with { Referral = new Referral("随机血糖18.4，视力骤降", "县人民医院内分泌科") })));
        Assert.Equal(FollowUpAction.UrgentReferral, saved.SuggestedAction);
        Assert.Equal(["随机血糖18.4mmol/L（≥16.7）", "其他突发异常情况：视力突然骤降"], saved.DangerSigns);
        Assert.True(saved.UrgentReferral);
        Assert.Equal(18.4m, saved.Diabetes!.RandomGlucose);
    }

    // item 8: the diabetes form has 3 drug lines, as the paper
    [Fact]
    public async Task AFourthDiabetesDrugLineIsRefused()
    {
        var (client, id) = await PatientAsync("四行用药", new DateOnly(1960, 1, 1), ChronicDisease.Diabetes);
        var form = new DiabetesFollowUp
        {
            VisitDate = Today, VisitMode = VisitMode.Clinic, FastingGlucose = 6.2m, Signs = new Signs { Systolic = 130, Diastolic = 80 }, Doctor = "李医生",
            Medications = [new("二甲双胍", 2, 500m), new("格列美脲", 1, 2m), new("阿卡波糖", 3, 50m), new("甲钴胺", 3, 0.5m)],
        };
        var errors = await ErrorsAsync(await client.PostAsJsonAsync($"/api/residents/{id}/diabetes/follow-ups", new DiabetesFollowUpInput(form)));
        Assert.Contains("3行", errors["form.medications"].Single(), StringComparison.Ordinal);
    }

    // item 7: under 35 needs a reason, and is in no chronic measure until 35
    [Fact]
    public async Task APatientUnder35IsEnrolledOnlyWithAReasonAndCountsInNoMeasure()
    {
        var client = await host.SignInAsync("cunyi");
        var young = await TestResidents.CreateAsync(client, TestResidents.New("青年患者", birth: new DateOnly(1995, 3, 1)));
        var adult = await TestResidents.CreateAsync(client, TestResidents.New("成年患者", birth: new DateOnly(1970, 3, 1)));
        var url = $"/api/residents/{young.Id}/chronic/hypertension/enrolment";
        var refused = await ErrorsAsync(await client.PostAsJsonAsync(url, new EnrolInput(new DateOnly(2026, 1, 10), EnrolmentSource.Direct, null)));
        Assert.Contains("未满35岁", refused["belowTargetAgeReason"].Single(), StringComparison.Ordinal);
        var ok = await client.PostAsJsonAsync(url, new EnrolInput(new DateOnly(2026, 1, 10), EnrolmentSource.Direct, null, "上级医院确诊早发高血压"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("上级医院确诊早发高血压", (await ok.Content.ReadFromJsonAsync<EnrolmentView>(Json.Options))!.BelowTargetAgeReason);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/residents/{adult.Id}/chronic/hypertension/enrolment",
            new EnrolInput(new DateOnly(2026, 1, 10), EnrolmentSource.Direct, null))).StatusCode);
        foreach (var (recordId, on) in new[] { (young.Id, 0), (adult.Id, 0) }.SelectMany(p => new[] { 1, 3, 5, 6 }.Select(m => (p.Item1, m))))
        {
            var f = new HypertensionFollowUp
            {
                VisitDate = new DateOnly(2026, on, 12), VisitMode = VisitMode.Clinic, Symptoms = [HypertensionSymptom.None],
                Signs = new Signs { Systolic = 128, Diastolic = 78 }, Doctor = "李医生", NextVisitDate = new DateOnly(2026, on, 12).AddMonths(3),
            };
            await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{recordId}/hypertension/follow-ups", new HypertensionFollowUpInput(f, "按季度随访")));
        }

        var year = MeasurePeriod.Year(2026);
        foreach (var code in new[] { ChronicMeasures.HypertensionManagementRate.Code, ChronicMeasures.HypertensionStandardManagementRate.Code, ChronicMeasures.HypertensionControlRate.Code })
        {
            var (numerator, denominator) = await MeasureAsync(code, year);
            Assert.Equal(["成年患者"], numerator);
            Assert.True(denominator is null || denominator.SequenceEqual(["成年患者"]), code + ": " + string.Join(",", denominator ?? []));
        }
        // the year he turns 35 (2030), he counts
        var (later, _) = await MeasureAsync(ChronicMeasures.HypertensionManagementRate.Code, MeasurePeriod.Year(2030));
        Assert.Equal(["成年患者", "青年患者"], later);
    }

    /// <summary>Both of a measure's query forms (ids and records), which must agree, as names.</summary>
    private async Task<(List<string> Numerator, List<string>? Denominator)> MeasureAsync(string code, MeasurePeriod period)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var m = scope.ServiceProvider.GetServices<IMeasure>().OfType<IRecordSetMeasure>().Single(x => x.Definition.Code == code);
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        var ids = m.Numerator(db, db.HealthRecords, period);
        var numerator = await db.HealthRecords.Where(r => ids.Contains(r.Id)).Select(r => r.Name).OrderBy(n => n).ToListAsync();
        Assert.Equal(numerator, await m.NumeratorRecords(db, db.HealthRecords, period).Select(r => r.Name).OrderBy(n => n).ToListAsync());
        if (m.Denominator(db, db.HealthRecords, period) is not { } den)
        {
            return (numerator, null);
        }
        var denominator = await db.HealthRecords.Where(r => den.Contains(r.Id)).Select(r => r.Name).OrderBy(n => n).ToListAsync();
        Assert.Equal(denominator, await m.DenominatorRecords(db, db.HealthRecords, period)!.Select(r => r.Name).OrderBy(n => n).ToListAsync());
        return (numerator, denominator);
    }

    // item 5: the yearly examination of a patient under 65 is on the work list until it is done
    [Fact]
    public async Task APatientUnder65IsListedForTheYearlyExamination()
    {
        var (client, id) = await PatientAsync("年度体检", new DateOnly(1970, 3, 1), ChronicDisease.Hypertension, ChronicDisease.Diabetes);
        var (_, elderly) = await PatientAsync("老年患者", new DateOnly(1950, 3, 1), ChronicDisease.Hypertension);
        var list = (await client.GetFromJsonAsync<WorkListResult>("/api/worklist?service=" + DueServices.Examination, Json.Options))!;
        var item = list.Items.Single(i => i.HealthRecordId == id);
        Assert.Equal(DueKinds.AnnualExamination, item.Kind);
        Assert.Equal("高血压、糖尿病患者年度健康体检", item.Title);
        Assert.Equal(new DateOnly(2026, 1, 10), item.DueDate);
        Assert.Equal($"/residents/{id}/examinations/new", item.Link);
        Assert.DoesNotContain(list.Items, i => i.HealthRecordId == elderly); // the elderly service lists it once
        var all = (await client.GetFromJsonAsync<WorkListResult>("/api/worklist?pageSize=200", Json.Options))!;
        Assert.Single(all.Items, i => i.HealthRecordId == elderly && i.Kind == DueKinds.AnnualExamination);

        await ExaminedAsync(client, id, new DateOnly(2026, 3, 1));
        list = (await client.GetFromJsonAsync<WorkListResult>("/api/worklist?service=" + DueServices.Examination, Json.Options))!;
        Assert.DoesNotContain(list.Items, i => i.HealthRecordId == id);
    }

    // item 6: a resident marked 糖尿病高危人群 is due a fasting glucose every year, on the work list until measured
    [Fact]
    public async Task AHighRiskResidentIsListedForAYearlyFastingGlucoseUntilMeasured()
    {
        var (client, id) = await PatientAsync("高危筛查", new DateOnly(1980, 3, 1));
        var (_, examined) = await PatientAsync("高危体检", new DateOnly(1970, 3, 1));
        var (_, patient) = await PatientAsync("已管理", new DateOnly(1979, 3, 1), ChronicDisease.Diabetes);
        async Task<GlucoseScreeningView> EntryAsync(long who, object input)
        {
            var r = await client.PostAsJsonAsync($"/api/residents/{who}/diabetes-screening/entries", input);
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            return (await r.Content.ReadFromJsonAsync<GlucoseScreeningView>(Json.Options))!;
        }
        async Task<List<WorkListRow>> ListedAsync() =>
            (await client.GetFromJsonAsync<WorkListResult>("/api/worklist?pageSize=200&service=" + DueServices.Screening, Json.Options))!
                .Items.Where(i => i.Title == "糖尿病高危人群每年测量空腹血糖").ToList();

        var marked = await EntryAsync(id, new GlucoseScreeningInput(new DateOnly(2026, 2, 1), null, true));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 1)), (marked.MarkedOn, marked.Due));
        await EntryAsync(examined, new GlucoseScreeningInput(new DateOnly(2026, 1, 5), null, true));
        await EntryAsync(patient, new GlucoseScreeningInput(new DateOnly(2026, 2, 1), null, true));
        var listed = await ListedAsync();
        Assert.Equal(new DateOnly(2026, 2, 1), listed.Single(i => i.HealthRecordId == id).DueDate);
        Assert.Contains(listed, i => i.HealthRecordId == examined);
        Assert.DoesNotContain(listed, i => i.HealthRecordId == patient); // under management: followed up instead

        // A screening glucose, or a health examination that measured one, moves the next one a year on.
        var measured = await EntryAsync(id, new GlucoseScreeningInput(new DateOnly(2026, 3, 1), 6.5m, null));
        Assert.Equal(new DateOnly(2027, 3, 1), measured.Due);
        await ExaminedAsync(client, examined, new DateOnly(2026, 3, 2));
        listed = await ListedAsync();
        Assert.DoesNotContain(listed, i => i.HealthRecordId == id || i.HealthRecordId == examined);
        var read = (await client.GetFromJsonAsync<GlucoseScreeningView>($"/api/residents/{examined}/diabetes-screening", Json.Options))!;
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2027, 3, 2)), (read.LastFastingGlucoseOn, read.Due));

        // Cleared, the resident is no longer reminded.
        var cleared = await EntryAsync(id, new GlucoseScreeningInput(new DateOnly(2026, 4, 1), null, false));
        Assert.Null(cleared.MarkedOn);
        Assert.Null(cleared.Due);

        // Bad input, nothing saved.
        Assert.Contains("fastingGlucose", (await ErrorsAsync(await client.PostAsJsonAsync($"/api/residents/{id}/diabetes-screening/entries", new GlucoseScreeningInput(null, null, null)))).Keys);
        Assert.Contains("fastingGlucose", (await ErrorsAsync(await client.PostAsJsonAsync($"/api/residents/{id}/diabetes-screening/entries", new GlucoseScreeningInput(null, 99m, null)))).Keys);
        Assert.Contains("takenOn", (await ErrorsAsync(await client.PostAsJsonAsync($"/api/residents/{id}/diabetes-screening/entries", new GlucoseScreeningInput(Today.AddDays(1), 5.5m, null)))).Keys);
        Assert.Equal(3, (await client.GetFromJsonAsync<GlucoseScreeningView>($"/api/residents/{id}/diabetes-screening", Json.Options))!.Entries.Count);
    }

    private async Task ExaminedAsync(HttpClient client, long id, DateOnly on)
    {
        var r = await client.PostAsJsonAsync($"/api/residents/{id}/examinations",
            new Web.Features.Examinations.ExaminationInput { Form = ExaminationSamples.CompleteElderly(on) is var f ? f with { Lifestyle = f.Lifestyle with { SmokingQuitAge = 50 } } : null });
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
    }

    // items 11 and 16: the draft carries the lifestyle lines and targets, and pregnancy from the record
    [Fact]
    public async Task TheDraftCarriesLifestyleAndTargetsAndPreTicksPregnancy()
    {
        var client = await host.SignInAsync("cunyi");
        var input = TestResidents.New("孕期高血压", birth: new DateOnly(1988, 5, 1), sex: Sex.Female) with { Pregnant = true };
        var resident = await TestResidents.CreateAsync(client, input);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/residents/{resident.Id}/chronic/hypertension/enrolment",
            new EnrolInput(new DateOnly(2026, 1, 10), EnrolmentSource.Direct, null))).StatusCode);
        var first = await client.GetFromJsonAsync<FollowUpDraft>($"/api/residents/{resident.Id}/chronic/hypertension/draft", Json.Options);
        Assert.True(first!.CarriedOver!.Danger.PregnantOrLactating);

        var lifestyle = new Lifestyle
        {
            CigarettesPerDay = new(0, 0), AlcoholLiangPerDay = new(0m, 0m), ExerciseNow = new(3, 30), ExerciseTarget = new(5, 30),
            PsychologicalAdjustment = Rating.Good, Compliance = Rating.Fair,
        };
        await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{resident.Id}/hypertension/follow-ups", new HypertensionFollowUpInput(new HypertensionFollowUp
        {
            VisitDate = new DateOnly(2026, 3, 2), VisitMode = VisitMode.Clinic, Symptoms = [HypertensionSymptom.None],
            Signs = new Signs { Systolic = 128, Diastolic = 78, WeightKg = new(68m, 63m) }, Lifestyle = lifestyle,
            SaltIntake = new(SaltIntake.Heavy, SaltIntake.Light), Doctor = "李医生", Medications = [new("拉贝洛尔", 2, 100m)],
        })));
        var draft = (await client.GetFromJsonAsync<FollowUpDraft>($"/api/residents/{resident.Id}/chronic/hypertension/draft", Json.Options))!;
        Assert.Equal(lifestyle, draft.CarriedOver!.Lifestyle);
        Assert.Equal(new NowTarget<decimal>(null, 63m), draft.CarriedOver.Signs.WeightKg);
        Assert.Null(draft.CarriedOver.Signs.Systolic);
        Assert.Equal(new NowTarget<SaltIntake>(SaltIntake.Heavy, SaltIntake.Light), draft.Hypertension!.SaltIntake);
        Assert.True(draft.CarriedOver.Danger.PregnantOrLactating);
        Assert.Equal("拉贝洛尔", draft.Medications.Single().Name);
    }
}

public sealed class SqliteChronicConformanceApiTests(SqliteHost host) : ChronicConformanceApiTests<SqliteHost>(host);

public sealed class PostgresChronicConformanceApiTests(PostgresHost host) : ChronicConformanceApiTests<PostgresHost>(host);
