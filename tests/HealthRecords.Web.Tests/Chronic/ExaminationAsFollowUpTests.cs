using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Web.Features.Chronic;
using HealthRecords.Web.Features.Examinations;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Features.WorkList;
using HealthRecords.Web.Tests.Examinations;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Chronic;

/// <summary>
/// Issue #5: the annual health examination counts as one hypertension/diabetes follow-up when the doctor marks it so.
/// The follow-up starts from the examination's measurements, is linked to it, and counts as face to face for
/// 规范管理率 and for the work list. Today is 2026-06-15.
/// </summary>
public abstract class ExaminationAsFollowUpTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static HypertensionFollowUp FromShared(SharedVisit s) => new HypertensionFollowUp
    {
        Symptoms = [HypertensionSymptom.None],
        SaltIntake = new(SaltIntake.Light, SaltIntake.Light),
        Adherence = MedicationAdherence.Regular, AdverseReaction = AdverseReaction.None,
        Medications = [new Medication("硝苯地平缓释片", 2, 10m)],
    }.WithShared(s with { Lifestyle = s.Lifestyle with { PsychologicalAdjustment = Rating.Good, Compliance = Rating.Good } });

    private async Task<(HttpClient Client, long Id, ExaminationDetail Exam)> ExaminedPatientAsync(string name)
    {
        var client = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New(name, birth: new DateOnly(1950, 1, 1)));
        (await client.PostAsJsonAsync($"/api/residents/{resident.Id}/chronic/hypertension/enrolment",
            new EnrolInput(new DateOnly(2026, 1, 10), EnrolmentSource.Direct, null))).EnsureSuccessStatusCode();
        var form = ExaminationSamples.CompleteElderly(new DateOnly(2026, 6, 1));
        form = form with { General = form.General with { SystolicLeft = 152, DiastolicLeft = 94, Pulse = 78, Weight = 68m } };
        var created = await client.PostAsJsonAsync($"/api/residents/{resident.Id}/examinations", new ExaminationInput { Form = form });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (client, resident.Id, (await created.Content.ReadFromJsonAsync<ExaminationDetail>(Json.Options))!);
    }

    [Fact]
    public async Task DraftFromAnExaminationIsPrefilledWithItsMeasurements()
    {
        var (client, id, exam) = await ExaminedPatientAsync("体检随访甲");

        var draft = (await client.GetFromJsonAsync<FollowUpDraft>($"/api/residents/{id}/chronic/hypertension/draft?examinationId={exam.Id}", Json.Options))!;

        Assert.Equal(exam.Id, draft.ExaminationId);
        var s = draft.FromExamination!;
        Assert.Equal((new DateOnly(2026, 6, 1), VisitMode.Clinic), (s.VisitDate, s.VisitMode));
        Assert.Equal((152, 94, 78, 68m), (s.Signs.Systolic, s.Signs.Diastolic, s.Signs.HeartRate, s.Signs.WeightKg.Now));
        Assert.Equal(exam.Form.General.Bmi, s.Signs.Bmi.Now);

        var other = await ExaminedPatientAsync("体检随访乙");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/residents/{id}/chronic/hypertension/draft?examinationId={other.Exam.Id}")).StatusCode);
    }

    [Fact]
    public async Task EveryDraftCarriesTheHeightOfTheLatestExaminationThatRecordedOneForTheFormsBmi()
    {
        var (client, id, _) = await ExaminedPatientAsync("体检身高甲"); // 2026-06-01, 165 cm
        var draft = (await client.GetFromJsonAsync<FollowUpDraft>($"/api/residents/{id}/chronic/hypertension/draft", Json.Options))!;
        Assert.Equal(new RecordedHeight(165m, new DateOnly(2026, 6, 1)), draft.Height);

        // a later examination without a height does not hide the measured one; a later one with a height replaces it
        var noHeight = ExaminationSamples.CompleteElderly(new DateOnly(2026, 6, 10));
        noHeight = noHeight with { General = noHeight.General with { Height = null, Weight = null } };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/residents/{id}/examinations", new ExaminationInput { Form = noHeight })).StatusCode);
        draft = (await client.GetFromJsonAsync<FollowUpDraft>($"/api/residents/{id}/chronic/hypertension/draft", Json.Options))!;
        Assert.Equal(new RecordedHeight(165m, new DateOnly(2026, 6, 1)), draft.Height);

        var taller = ExaminationSamples.CompleteElderly(new DateOnly(2026, 6, 12));
        taller = taller with { General = taller.General with { Height = 163.5m } };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/residents/{id}/examinations", new ExaminationInput { Form = taller })).StatusCode);
        draft = (await client.GetFromJsonAsync<FollowUpDraft>($"/api/residents/{id}/chronic/hypertension/draft", Json.Options))!;
        Assert.Equal(new RecordedHeight(163.5m, new DateOnly(2026, 6, 12)), draft.Height);

        // never examined: no height, the doctor enters 体质指数 by hand
        var unexamined = await TestResidents.CreateAsync(client, TestResidents.New("体检身高乙", birth: new DateOnly(1950, 1, 1)));
        (await client.PostAsJsonAsync($"/api/residents/{unexamined.Id}/chronic/hypertension/enrolment",
            new EnrolInput(new DateOnly(2026, 1, 10), EnrolmentSource.Direct, null))).EnsureSuccessStatusCode();
        Assert.Null((await client.GetFromJsonAsync<FollowUpDraft>($"/api/residents/{unexamined.Id}/chronic/hypertension/draft", Json.Options))!.Height);

        // the form's own read is scoped: the village doctor of other villages gets nothing
        var far = await TestResidents.CreateAsync(client, TestResidents.New("体检身高丙", TestResidents.Shuanghe, birth: new DateOnly(1950, 1, 1)));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/residents/{far.Id}/examinations",
            new ExaminationInput { Form = ExaminationSamples.CompleteElderly(new DateOnly(2026, 6, 1)) })).StatusCode);
        Assert.Equal(165m, (await LatestHeightAsync("yisheng", far.Id))?.HeightCm);
        Assert.Null(await LatestHeightAsync("cunyi", far.Id));
    }

    private async Task<RecordedHeight?> LatestHeightAsync(string userName, long recordId)
    {
        using var scope = host.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Data.Entities.AppUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Web.Data.Entities.AppUser>>()
            .CreateAsync((await users.FindByNameAsync(userName))!);
        return await scope.ServiceProvider.GetRequiredService<ChronicReader>()
            .LatestHeightAsync(Web.Features.Auth.DataScope.From(principal), recordId, CancellationToken.None);
    }

    [Fact]
    public async Task FollowUpMarkedAsTheExaminationIsLinkedAndMustBeOnItsDate()
    {
        var (client, id, exam) = await ExaminedPatientAsync("体检随访丙");
        var other = await ExaminedPatientAsync("体检随访丁");
        var draft = (await client.GetFromJsonAsync<FollowUpDraft>($"/api/residents/{id}/chronic/hypertension/draft?examinationId={exam.Id}", Json.Options))!;
        var form = FromShared(draft.FromExamination!);

        var notTheirs = await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(form, ExaminationId: other.Exam.Id));
        Assert.Contains("examinationId", await ErrorKeysAsync(notTheirs));
        var otherDay = await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups",
            new HypertensionFollowUpInput(form with { VisitDate = new DateOnly(2026, 6, 2) }, ExaminationId: exam.Id));
        Assert.Contains("form.visitDate", await ErrorKeysAsync(otherDay));

        var saved = await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(form, ExaminationId: exam.Id));
        Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var view = (await saved.Content.ReadFromJsonAsync<FollowUpView>(Json.Options))!;
        Assert.Equal((exam.Id, new DateOnly(2026, 6, 1), 152, false), (view.ExaminationId, view.VisitDate, view.Systolic, view.Controlled));
        Assert.True(await host.WithDbAsync(db => db.Set<ChronicFollowUp>().Where(f => f.Id == view.Id).Select(f => f.FaceToFace).SingleAsync()));

        // The work list now counts it as the follow-up: the next one is due on the date it gave, not "not yet followed up".
        var due = (await client.GetFromJsonAsync<List<DueItem>>($"/api/residents/{id}/chronic/due", Json.Options))!;
        var next = Assert.Single(due, d => d.Service == DueServices.Hypertension);
        Assert.Equal(view.NextVisitDate, next.DueDate);
    }

    [Fact]
    public async Task ExaminationMarkedAsAFollowUpCountsForStandardManagement()
    {
        var (client, id, exam) = await ExaminedPatientAsync("体检随访戊");
        foreach (var on in new[] { new DateOnly(2026, 1, 20), new DateOnly(2026, 3, 20), new DateOnly(2026, 5, 10) })
        {
            var visit = FromShared(new SharedVisit
            {
                VisitDate = on, VisitMode = VisitMode.Clinic, Doctor = "王医生",
                Signs = new Signs { Systolic = 130, Diastolic = 80, HeartRate = 76, WeightKg = new(68m, 65m) },
            });
            var r = await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups", new HypertensionFollowUpInput(visit));
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        }
        Assert.Empty(await StandardAsync());

        var draft = (await client.GetFromJsonAsync<FollowUpDraft>($"/api/residents/{id}/chronic/hypertension/draft?examinationId={exam.Id}", Json.Options))!;
        var saved = await client.PostAsJsonAsync($"/api/residents/{id}/hypertension/follow-ups",
            new HypertensionFollowUpInput(FromShared(draft.FromExamination!), OverrideReason: null, ExaminationId: exam.Id));
        Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());

        Assert.Equal([id], await StandardAsync()); // the 4th face-to-face follow-up of the year is the examination
    }

    [Fact]
    public async Task ACombinedVisitMarkedAsTheExaminationLinksBothFollowUps()
    {
        var (client, id, exam) = await ExaminedPatientAsync("体检随访己");
        (await client.PostAsJsonAsync($"/api/residents/{id}/chronic/diabetes/enrolment",
            new EnrolInput(new DateOnly(2026, 1, 10), EnrolmentSource.Direct, null))).EnsureSuccessStatusCode();
        var draft = (await client.GetFromJsonAsync<FollowUpDraft>($"/api/residents/{id}/chronic/diabetes/draft?examinationId={exam.Id}", Json.Options))!;
        Assert.Equal(exam.Form.Auxiliary.FastingGlucoseMmol, draft.ExaminationFastingGlucose);
        var shared = draft.FromExamination! with { Lifestyle = draft.FromExamination!.Lifestyle with { PsychologicalAdjustment = Rating.Good, Compliance = Rating.Good } };
        var ht = FromShared(shared);
        var dm = new HealthRecords.Domain.Diabetes.DiabetesFollowUp
        {
            Symptoms = [HealthRecords.Domain.Diabetes.DiabetesSymptom.None], FastingGlucose = draft.ExaminationFastingGlucose,
            DorsalisPedisPulse = HealthRecords.Domain.Diabetes.DorsalisPedisPulse.Palpable, Hypoglycaemia = HealthRecords.Domain.Diabetes.Hypoglycaemia.None,
            Adherence = MedicationAdherence.Regular, AdverseReaction = AdverseReaction.None, Medications = [new Medication("二甲双胍片", 3, 500m)],
        };

        var wrongDay = await client.PostAsJsonAsync($"/api/residents/{id}/chronic/combined-visits",
            new CombinedVisitInput(shared with { VisitDate = new DateOnly(2026, 6, 3) }, ht, dm, ExaminationId: exam.Id));
        Assert.Contains("shared.visitDate", await ErrorKeysAsync(wrongDay));
        var saved = await client.PostAsJsonAsync($"/api/residents/{id}/chronic/combined-visits", new CombinedVisitInput(shared, ht, dm, ExaminationId: exam.Id));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        var rows = await host.WithDbAsync(db => db.Set<ChronicFollowUp>().Where(f => f.HealthRecordId == id).Select(f => new { f.ExaminationId, f.FaceToFace, f.VisitDate }).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((exam.Id, true, new DateOnly(2026, 6, 1)), (r.ExaminationId!.Value, r.FaceToFace, r.VisitDate)));
    }

    private async Task<List<long>> StandardAsync()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var measure = scope.ServiceProvider.GetServices<IMeasure>().Single(m => m.Definition.Code == ChronicMeasures.HypertensionStandardManagementRate.Code);
        var db = scope.ServiceProvider.GetRequiredService<HealthRecords.Web.Data.HealthRecordsDbContext>();
        return await measure.Numerator(db, db.HealthRecords, MeasurePeriod.Year(2026)).ToListAsync();
    }

    private static async Task<IReadOnlyCollection<string>> ErrorKeysAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }
}

public sealed class SqliteExaminationAsFollowUpTests(SqliteHost host) : ExaminationAsFollowUpTests<SqliteHost>(host);

public sealed class PostgresExaminationAsFollowUpTests(PostgresHost host) : ExaminationAsFollowUpTests<PostgresHost>(host);
