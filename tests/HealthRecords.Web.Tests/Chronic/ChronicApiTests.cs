using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Features.Chronic;
using HealthRecords.Web.Features.Portal;
using HealthRecords.Web.Features.WorkList;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Chronic;

/// <summary>Hypertension and diabetes management through the API, on SQLite and PostgreSQL. Today is 2026-06-15.</summary>
public abstract class ChronicApiTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static HypertensionFollowUp Ht(DateOnly on, int sbp, int dbp) => new()
    {
        VisitDate = on, VisitMode = VisitMode.Clinic, Symptoms = [HypertensionSymptom.None],
        Signs = new Signs { Systolic = sbp, Diastolic = dbp, HeartRate = 76, WeightKg = new(70m, 65m) },
        Lifestyle = new Lifestyle { CigarettesPerDay = new(10, 5), PsychologicalAdjustment = Rating.Good, Compliance = Rating.Fair },
        SaltIntake = new(SaltIntake.Heavy, SaltIntake.Light),
        Adherence = MedicationAdherence.Regular, AdverseReaction = AdverseReaction.None,
        Medications = [new Medication("硝苯地平缓释片", 2, 10m)],
        Doctor = "李医生",
    };

    private static DiabetesFollowUp Dm(DateOnly on, decimal fbg) => new()
    {
        VisitDate = on, VisitMode = VisitMode.Clinic, FastingGlucose = fbg, DorsalisPedisPulse = DorsalisPedisPulse.Palpable,
        Signs = new Signs { Systolic = 130, Diastolic = 80 }, Hypoglycaemia = Hypoglycaemia.None,
        Medications = [new Medication("二甲双胍", 3, 500m)], Insulin = new Insulin("门冬胰岛素", "每日3次，每次4单位"), Doctor = "李医生",
    };

    private async Task<(HttpClient Client, long Id)> PatientAsync(string name, params ChronicDisease[] diseases)
    {
        var client = await host.SignInAsync("cunyi");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New(name, birth: new DateOnly(1960, 1, 1)));
        foreach (var d in diseases)
        {
            var r = await client.PostAsJsonAsync($"/api/residents/{resident.Id}/chronic/{ChronicApi.Slug(d)}/enrolment",
                new EnrolInput(new DateOnly(2026, 1, 10), EnrolmentSource.Direct, null));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        return (client, resident.Id);
    }

    private static async Task<FollowUpView> CreatedAsync(HttpResponseMessage r)
    {
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<FollowUpView>(Json.Options))!;
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Fact]
    public async Task EnrolsOnceAndRefusesASecondEnrolment()
    {
        var (client, id) = await PatientAsync("慢病甲", ChronicDisease.Hypertension);
        var again = await client.PostAsJsonAsync($"/api/residents/{id}/chronic/hypertension/enrolment", new EnrolInput(null, EnrolmentSource.Direct, null));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var future = await client.PostAsJsonAsync($"/api/residents/{id}/chronic/diabetes/enrolment", new EnrolInput(Today.AddDays(1), EnrolmentSource.Examination, 5));
        Assert.Equal("纳入管理日期不能晚于今天", (await ErrorsAsync(future))["enrolledOn"].Single());
        var summary = await client.GetFromJsonAsync<ChronicSummary>($"/api/residents/{id}/chronic", Json.Options);
        Assert.Equal(ChronicDisease.Hypertension, summary!.Enrolments.Single().Disease);
    }

    [Fact]
    public async Task FirstUncontrolledVisitIsDueWithinTwoWeeksAndTheSecondSuggestsReferral()
    {
        var (client, id) = await PatientAsync("慢病乙", ChronicDisease.Hypertension);
        var first = await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups",
            new HypertensionFollowUpInput(Ht(new DateOnly(2026, 5, 1), 150, 95))));
        Assert.Equal(VisitClassification.Uncontrolled, first.Classification);
        Assert.Equal(FollowUpAction.RecheckWithinTwoWeeks, first.SuggestedAction);
        Assert.Equal(new DateOnly(2026, 5, 15), first.NextVisitDate);

        // consecutive: the second uncontrolled visit suggests referral, which needs a reason
        var second = Ht(new DateOnly(2026, 5, 15), 145, 85);
        var refused = await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(second));
        Assert.Contains("建议转诊", (await ErrorsAsync(refused))["form.referral.reason"].Single(), StringComparison.Ordinal);
        var saved = await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups",
            new HypertensionFollowUpInput(second with { Referral = new Referral("连续两次血压控制不满意", "区人民医院心内科") })));
        Assert.Equal(FollowUpAction.Referral, saved.SuggestedAction);
        Assert.True(saved.Referral);
        Assert.False(saved.UrgentReferral);

        var due = await ChronicDueAsync(client, id);
        var item = Assert.Single(due!, d => d.Service == DueServices.Hypertension);
        Assert.Equal(DueKinds.ReferralFollowUp, item.Kind);
        Assert.Equal(new DateOnly(2026, 5, 29), item.DueDate);
    }

    [Fact]
    public async Task TheDoctorMayOverrideTheSuggestionWithAReasonAndBothAreStored()
    {
        var (client, id) = await PatientAsync("慢病丙", ChronicDisease.Hypertension);
        var form = Ht(new DateOnly(2026, 6, 1), 130, 80) with { NextVisitDate = new DateOnly(2026, 7, 1) };
        var refused = await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(form));
        Assert.True((await ErrorsAsync(refused)).ContainsKey("overrideReason"));

        var saved = await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups",
            new HypertensionFollowUpInput(form, "患者7月初外出务工")));
        Assert.Equal(new DateOnly(2026, 9, 1), saved.SuggestedNextVisitDate);
        Assert.Equal(new DateOnly(2026, 7, 1), saved.NextVisitDate);
        Assert.Equal("患者7月初外出务工", saved.OverrideReason);
        Assert.Equal(VisitClassification.Controlled, saved.Hypertension!.Classification);
    }

    [Fact]
    public async Task ADangerSignMeansUrgentReferralAndAnUrgentDueItemWithinTwoWeeks()
    {
        var (client, id) = await PatientAsync("慢病丁", ChronicDisease.Hypertension);
        var form = Ht(new DateOnly(2026, 6, 10), 185, 100) with
        {
            Danger = new DangerObservations { Symptoms = [DangerSymptom.SevereHeadacheOrDizziness] },
            Referral = new Referral("血压185/100mmHg伴剧烈头痛", "区人民医院心内科"),
        };
        var saved = await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(form)));
        Assert.True(saved.UrgentReferral);
        Assert.Equal(["收缩压185mmHg（≥180）", "剧烈头痛或头晕"], saved.DangerSigns);

        var due = await ChronicDueAsync(client, id);
        var item = Assert.Single(due!);
        Assert.True(item.Urgent);
        Assert.Equal("高血压紧急转诊后随访", item.Title);
        Assert.Equal(new DateOnly(2026, 6, 24), item.DueDate);
        Assert.Equal(saved.Id, item.SourceId);
    }

    [Fact]
    public async Task ImpossibleValuesAreRefusedBesideTheirFields()
    {
        var (client, id) = await PatientAsync("慢病戊", ChronicDisease.Hypertension, ChronicDisease.Diabetes);
        var glucose = await client.PostAsJsonAsync($"/api/residents/{id}/diabetes/follow-ups", new DiabetesFollowUpInput(Dm(Today, 80m)));
        Assert.Contains("不可能", (await ErrorsAsync(glucose))["form.fastingGlucose"].Single(), StringComparison.Ordinal);
        var zero = await client.PostAsJsonAsync($"/api/residents/{id}/diabetes/follow-ups", new DiabetesFollowUpInput(Dm(Today, 0m)));
        Assert.True((await ErrorsAsync(zero)).ContainsKey("form.fastingGlucose"));
        var pressure = await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(Ht(Today, 80, 90)));
        Assert.Equal("收缩压应高于舒张压，请核对", (await ErrorsAsync(pressure))["form.signs.systolic"].Single());
        var future = await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(Ht(Today.AddDays(1), 130, 80)));
        Assert.Equal("随访日期不能晚于今天", (await ErrorsAsync(future))["form.visitDate"].Single());
        var early = await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(Ht(new DateOnly(2026, 1, 9), 130, 80)));
        Assert.StartsWith("随访日期不能早于纳入管理日期", (await ErrorsAsync(early))["form.visitDate"].Single(), StringComparison.Ordinal);

        await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(Ht(Today, 130, 80))));
        var sameDay = await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(Ht(Today, 128, 78)));
        Assert.Contains("当天已有一次高血压随访", (await ErrorsAsync(sameDay))["form.visitDate"].Single(), StringComparison.Ordinal);
        // the same day is fine for the other disease
        await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/diabetes/follow-ups", new DiabetesFollowUpInput(Dm(Today, 6.5m))));
    }

    [Fact]
    public async Task AnEditBasedOnAnOlderVersionIsRefused()
    {
        var (client, id) = await PatientAsync("慢病己", ChronicDisease.Hypertension);
        var saved = await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(Ht(Today, 130, 80))));
        var edited = await client.PutAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups/{saved.Id}",
            new HypertensionFollowUpInput(Ht(Today, 132, 82), null, saved.Version));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(132, (await edited.Content.ReadFromJsonAsync<FollowUpView>(Json.Options))!.Systolic);
        var stale = await client.PutAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups/{saved.Id}",
            new HypertensionFollowUpInput(Ht(Today, 134, 84), null, saved.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task ANewFollowUpCarriesOverThePreviousMedications()
    {
        var (client, id) = await PatientAsync("慢病庚", ChronicDisease.Diabetes);
        await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/diabetes/follow-ups", new DiabetesFollowUpInput(Dm(new DateOnly(2026, 3, 1), 6.2m))));
        await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/diabetes/follow-ups", new DiabetesFollowUpInput(Dm(new DateOnly(2026, 6, 1), 6.1m))));
        Assert.Equal(2, (await client.GetFromJsonAsync<ChronicSummary>($"/api/residents/{id}/chronic", Json.Options))!.FastingGlucoseTestsThisYear);
        var draft = await client.GetFromJsonAsync<FollowUpDraft>($"/api/residents/{id}/chronic/diabetes/draft", Json.Options);
        Assert.Equal("二甲双胍", draft!.Medications.Single().Name);
        Assert.Equal(500m, draft.Medications.Single().MgPerTime);
        Assert.Equal("门冬胰岛素", draft.Insulin!.Kind);
        Assert.True(draft.PreviousControlled);
    }

    [Fact]
    public async Task ACombinedVisitWritesBothFollowUpsFromTheSharedFieldsOnce()
    {
        var (client, id) = await PatientAsync("慢病辛", ChronicDisease.Hypertension, ChronicDisease.Diabetes);
        var shared = new SharedVisit
        {
            VisitDate = Today, VisitMode = VisitMode.Home, Doctor = "李医生",
            Signs = new Signs { Systolic = 150, Diastolic = 92, WeightKg = new(68m, 65m) },
            Lifestyle = new Lifestyle { CigarettesPerDay = new(0, 0) },
        };
        var htOnly = new HypertensionFollowUp { Symptoms = [HypertensionSymptom.None], SaltIntake = new(SaltIntake.Moderate, SaltIntake.Light) };
        var dmOnly = new DiabetesFollowUp { FastingGlucose = 6.4m, DorsalisPedisPulse = DorsalisPedisPulse.Palpable };

        var bad = await client.PostAsJsonAsync($"/api/residents/{id}/chronic/combined-visits",
            new CombinedVisitInput(shared with { Signs = shared.Signs with { Systolic = 80 } }, htOnly, dmOnly with { FastingGlucose = 80m }));
        var errors = await ErrorsAsync(bad);
        Assert.Equal("收缩压应高于舒张压，请核对", errors["shared.signs.systolic"].Single()); // once, though both forms carry it
        Assert.True(errors.ContainsKey("diabetes.fastingGlucose"));
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<ChronicFollowUp>().CountAsync()));

        var ok = await client.PostAsJsonAsync($"/api/residents/{id}/chronic/combined-visits", new CombinedVisitInput(shared, htOnly, dmOnly));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var visit = (await ok.Content.ReadFromJsonAsync<CombinedVisitView>(Json.Options))!;
        Assert.Equal(VisitClassification.Uncontrolled, visit.Hypertension.Classification);
        Assert.Equal(VisitClassification.Controlled, visit.Diabetes.Classification);
        Assert.Equal(150, visit.Diabetes.Diabetes!.Signs.Systolic);
        Assert.Equal(68m, visit.Hypertension.Hypertension!.Signs.WeightKg.Now);
        Assert.Equal(visit.Hypertension.CombinedVisitId, visit.Diabetes.CombinedVisitId);
        Assert.NotNull(visit.Hypertension.CombinedVisitId);
    }

    [Fact]
    public async Task WithdrawnPatientsTakeNoFollowUpUntilRestored()
    {
        var (client, id) = await PatientAsync("慢病壬", ChronicDisease.Hypertension);
        var noReason = await client.PostAsJsonAsync($"/api/residents/{id}/chronic/hypertension/enrolment/withdraw", new WithdrawInput(null, " ", 0));
        Assert.True((await ErrorsAsync(noReason)).ContainsKey("reason"));
        var withdrawn = await client.PostAsJsonAsync($"/api/residents/{id}/chronic/hypertension/enrolment/withdraw", new WithdrawInput(null, "外出务工半年", 0));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(Ht(Today, 130, 80)))).StatusCode);
        Assert.Empty((await ChronicDueAsync(client, id)));

        var restored = await client.PostAsJsonAsync($"/api/residents/{id}/chronic/hypertension/enrolment/restore", new RestoreInput("返乡", 1));
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("返乡", (await restored.Content.ReadFromJsonAsync<EnrolmentView>(Json.Options))!.RestoreReason);
        var never = Assert.Single((await ChronicDueAsync(client, id)));
        Assert.Equal(DueKinds.NeverFollowedUp, never.Kind);
        Assert.Equal(new DateOnly(2026, 1, 10), never.DueDate);
    }

    [Fact]
    public async Task ThreeRaisedScreeningReadingsOnDifferentDaysMarkSuspectedHypertension()
    {
        var (client, id) = await PatientAsync("筛查甲");
        var first = await client.PostAsJsonAsync($"/api/residents/{id}/screening/readings", new ScreeningInput(new DateOnly(2026, 6, 1), 150, 95, false));
        var view = (await first.Content.ReadFromJsonAsync<ScreeningView>(Json.Options))!;
        Assert.Equal(ScreeningStatus.RecheckDue, view.Status);
        var recheck = Assert.Single((await ChronicDueAsync(client, id)));
        Assert.Equal(DueKinds.ScreeningRecheck, recheck.Kind);
        Assert.Equal(new DateOnly(2026, 6, 8), recheck.DueDate);

        await client.PostAsJsonAsync($"/api/residents/{id}/screening/readings", new ScreeningInput(new DateOnly(2026, 6, 8), 146, 88, false));
        var third = await client.PostAsJsonAsync($"/api/residents/{id}/screening/readings", new ScreeningInput(new DateOnly(2026, 6, 15), 142, 91, false));
        Assert.Equal(ScreeningStatus.Suspected, (await third.Content.ReadFromJsonAsync<ScreeningView>(Json.Options))!.Status);
        var referral = Assert.Single((await ChronicDueAsync(client, id)));
        Assert.True(referral.Urgent);
        Assert.Equal(DueKinds.ReferralFollowUp, referral.Kind);

        var bad = await client.PostAsJsonAsync($"/api/residents/{id}/screening/readings", new ScreeningInput(Today, 80, 90, false));
        Assert.True((await ErrorsAsync(bad)).ContainsKey("systolic"));
    }

    [Fact]
    public async Task AHighRiskResidentIsRemindedSixMonthsAfterTheLastReading()
    {
        var (client, id) = await PatientAsync("筛查乙");
        await client.PostAsJsonAsync($"/api/residents/{id}/screening/readings", new ScreeningInput(new DateOnly(2026, 1, 5), 132, 84, true));
        var item = Assert.Single((await ChronicDueAsync(client, id)));
        Assert.Equal(DueKinds.Reminder, item.Kind);
        Assert.Equal(new DateOnly(2026, 7, 5), item.DueDate);
    }

    [Fact]
    public async Task OthersOutsideTheScopeSeeNothingAndReadsAreAudited()
    {
        var (client, id) = await PatientAsync("慢病癸", ChronicDisease.Hypertension);
        await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(Ht(Today, 130, 80))));
        await client.GetAsync($"/api/residents/{id}/chronic");
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.HealthRecordId == id && a.Action == "follow-up-create")));
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.HealthRecordId == id && a.Action == "read" && a.Detail == "chronic")));

        var other = await host.SignInAsync("yisheng"); // same institution: sees it
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/residents/{id}/chronic")).StatusCode);
        // a village doctor whose villages do not include the record's village
        var outsider = await host.SignInAsync("cunyi");
        var elsewhere = await TestResidents.CreateAsync(other, TestResidents.New("外村人", TestResidents.Shuanghe));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/residents/{elsewhere.Id}/chronic")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/residents/{elsewhere.Id}/chronic/hypertension/enrolment",
            new EnrolInput(null, EnrolmentSource.Direct, null))).StatusCode);
        var supervisor = await host.SignInAsync("jianguan"); // county read-only
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups",
            new HypertensionFollowUpInput(Ht(Today.AddDays(-1), 130, 80)))).StatusCode);
    }

    [Fact]
    public async Task ThePortalShowsTheResidentsOwnFollowUpsInPlainWords()
    {
        var (client, id) = await PatientAsync("慢病子", ChronicDisease.Hypertension);
        await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(Ht(Today, 130, 80))));
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var section = scope.ServiceProvider.GetServices<IPortalSection>().Last(s => s.Key == PortalSectionKeys.FollowUps);
        var item = Assert.Single(await section.LoadAsync(id, CancellationToken.None));
        Assert.Equal("高血压随访", item.Title);
        Assert.Equal("血压 130/80 mmHg；控制满意；下次随访 2026-09-15", item.Detail);
    }

    [Fact]
    public async Task AnExaminationMarkedAsAFollowUpIsStoredAsOneFollowUpLinkedToIt()
    {
        var (client, id) = await PatientAsync("体检随访", ChronicDisease.Hypertension);
        var exam = await client.PostAsJsonAsync($"/api/residents/{id}/examinations",
            new HealthRecords.Web.Features.Examinations.ExaminationInput { Form = Examinations.ExaminationSamples.CompleteElderly(Today) });
        Assert.True(exam.StatusCode == HttpStatusCode.Created, await exam.Content.ReadAsStringAsync());
        var examId = (await exam.Content.ReadFromJsonAsync<HealthRecords.Web.Features.Examinations.ExaminationDetail>(Json.Options))!.Id;
        var saved = await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups",
            new HypertensionFollowUpInput(Ht(Today, 130, 80), ExaminationId: examId)));
        Assert.Equal(examId, saved.ExaminationId);
        var summary = await client.GetFromJsonAsync<ChronicSummary>($"/api/residents/{id}/chronic", Json.Options);
        Assert.Equal(examId, summary!.FollowUps.Single().ExaminationId);
    }

    [Fact]
    public async Task DemoPatientsGetFollowUpsThatFollowTheRules()
    {
        var client = await host.SignInAsync("cunyi");
        // Residents whose 既往史 lists hypertension (every third) or diabetes (every fifth), and others.
        for (var i = 0; i < 15; i++)
        {
            var input = TestResidents.New($"演示{i}", birth: new DateOnly(1955, 1, 1).AddDays(i));
            var past = new List<PastDisease>();
            if (i % 3 == 0)
            {
                past.Add(new PastDisease(PastDiseaseCode.Hypertension, new YearMonth(2015, 3)));
            }
            if (i % 5 == 0)
            {
                past.Add(new PastDisease(PastDiseaseCode.Diabetes, new YearMonth(2016, 4)));
            }
            await TestResidents.CreateAsync(client, input with { Info = input.Info with { PastDiseases = past } });
        }
        await host.WithDbAsync(async db =>
        {
            await DemoChronicPatients.EnsureAsync(db, host.Clock);
            return 0;
        });
        var (enrolments, visits, records) = await host.WithDbAsync(async db => (
            await db.Set<ChronicEnrolment>().ToListAsync(),
            await db.Set<ChronicFollowUp>().ToListAsync(),
            await db.HealthRecords.Select(r => new { r.Id, r.KeyPopulations }).ToListAsync()));
        // Nine in ten of the patients (by record id) are under management; nobody else is.
        Assert.Equal(records.Where(r => r.KeyPopulations.HasFlag(KeyPopulation.Hypertension) && r.Id % 10 != 0).Select(r => r.Id).Order(),
            enrolments.Where(e => e.Disease == ChronicDisease.Hypertension).Select(e => e.HealthRecordId).Order());
        Assert.Equal(records.Where(r => r.KeyPopulations.HasFlag(KeyPopulation.Diabetes) && r.Id % 10 != 3).Select(r => r.Id).Order(),
            enrolments.Where(e => e.Disease == ChronicDisease.Diabetes).Select(e => e.HealthRecordId).Order());
        Assert.Contains(enrolments, e => e.Disease == ChronicDisease.Hypertension);
        Assert.All(visits, v =>
        {
            Assert.True(v.VisitDate <= Today);
            Assert.Equal(v.Disease == ChronicDisease.Hypertension ? HypertensionRules.IsControlled(v.Systolic, v.Diastolic) : DiabetesRules.IsControlled(v.FastingGlucose), v.Controlled);
            Assert.Equal(v.Controlled == true ? v.VisitDate.AddMonths(3) : v.VisitDate.AddDays(14), v.NextVisitDate);
        });
    }

    [Fact]
    public async Task PrintingFollowUpsOffersThisVisitThisYearOrAll()
    {
        // issue #15 item 21: today's visit prints on its own sheet, not on page 5 after the whole history
        var (client, id) = await PatientAsync("印表丙", ChronicDisease.Hypertension);
        await host.WithDbAsync(db => db.Set<ChronicEnrolment>().Where(e => e.HealthRecordId == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.EnrolledOn, new DateOnly(2025, 1, 1))));
        var dates = new[] { new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 1), new DateOnly(2025, 9, 1), new DateOnly(2025, 12, 1), new DateOnly(2026, 3, 1), Today };
        var ids = new List<long>();
        foreach (var (on, i) in dates.Select((d, i) => (d, i)))
        {
            var r = await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(Ht(on, 130 + i, 80)));
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            ids.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }
        async Task<string> PrintAsync(string query) => System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/residents/{id}/chronic/print/hypertension{query}"));
        static int Sheets(string html) => System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"follow-up-sheet\"").Count;

        var latest = await PrintAsync("");
        Assert.Contains("135/80", latest);            // today's visit …
        Assert.DoesNotContain("130/80", latest);      // … alone
        Assert.Contains("本年（2 次）", latest);
        Assert.Contains("全部（6 次）", latest);
        var one = await PrintAsync($"?visit={ids[1]}");
        Assert.Contains("131/80", one);
        Assert.DoesNotContain("135/80", one);
        var year = await PrintAsync("?scope=year");
        Assert.Equal((1, true, false), (Sheets(year), year.Contains("134/80", StringComparison.Ordinal), year.Contains("133/80", StringComparison.Ordinal)));
        Assert.Equal(2, Sheets(await PrintAsync("?scope=all"))); // six visits, four per sheet
    }

    [Fact]
    public async Task ADiabetesFollowUpStoredWithAFourthDrugLinePrintsEveryDrug()
    {
        // issue #15 item 8: the paper has three drug lines; follow-ups saved before the 4th line was refused keep it in print
        var (client, id) = await PatientAsync("印表丁", ChronicDisease.Diabetes);
        var created = await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/diabetes/follow-ups", new DiabetesFollowUpInput(Dm(Today, 6.5m))));
        await host.WithDbAsync(async db =>
        {
            var row = await db.Set<ChronicFollowUp>().SingleAsync(f => f.Id == created.Id);
            row.Diabetes = row.Diabetes! with
            {
                Medications = [new Medication("二甲双胍", 3, 500m), new Medication("格列齐特", 1, 80m), new Medication("阿卡波糖", 3, 50m), new Medication("西格列汀", 1, 100m)],
            };
            return await db.SaveChangesAsync();
        });

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/residents/{id}/chronic/print/diabetes"));

        Assert.Contains("阿卡波糖；西格列汀", html);
        Assert.Contains("每日3次 每次50mg；每日1次 每次100mg", html);
        Assert.Contains("格列齐特", html);
    }

    [Fact]
    public async Task TheFollowUpFormPrintsInThePaperLayoutWithTheLastEightDigits()
    {
        var (client, id) = await PatientAsync("印表甲", ChronicDisease.Hypertension);
        await CreatedAsync(await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(Ht(Today, 132, 84))));
        var last8 = await host.WithDbAsync(db => db.HealthRecords.Where(r => r.Id == id).Select(r => r.RecordNumberLast8).SingleAsync());

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/residents/{id}/chronic/print/hypertension"));

        Assert.Contains("高血压患者随访服务记录表", html);
        Assert.Contains("印表甲", html);
        Assert.Contains("132/84", html);
        Assert.Contains("硝苯地平缓释片", html);
        Assert.Contains("每日2次 每次10mg", html);
        Assert.Contains("重 / 轻", html); // 摄盐情况 now / target
        var digits = string.Concat(System.Text.RegularExpressions.Regex.Matches(html[html.IndexOf("print-number", StringComparison.Ordinal)..], "<span class=\"digit\"[^>]*>(\\d)</span>").Take(8).Select(m => m.Groups[1].Value));
        Assert.Equal(last8, digits);
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.HealthRecordId == id && a.Action == "print-follow-ups")));

        var outsider = await host.SignInAsync("cunyi");
        var elsewhere = await TestResidents.CreateAsync(await host.SignInAsync("yisheng"), TestResidents.New("印表乙", TestResidents.Shuanghe));
        Assert.Contains("data-testid=\"not-found\"", await outsider.GetStringAsync($"/residents/{elsewhere.Id}/chronic/print/hypertension"));
    }

    /// <summary>The resident's due items from the chronic services (the endpoint lists every service's, e.g. the elderly exam too).</summary>
    private static async Task<List<DueItem>> ChronicDueAsync(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<List<DueItem>>($"/api/residents/{id}/chronic/due", Json.Options))!
            .Where(i => i.Service is DueServices.Hypertension or DueServices.Diabetes or DueServices.Screening).ToList();
}

public sealed class SqliteChronicApiTests(SqliteHost host) : ChronicApiTests<SqliteHost>(host);

public sealed class PostgresChronicApiTests(PostgresHost host) : ChronicApiTests<PostgresHost>(host);
