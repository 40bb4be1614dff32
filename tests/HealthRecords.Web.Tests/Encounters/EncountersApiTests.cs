using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Encounters;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Encounters;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Features.WorkList;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Encounters;

/// <summary>Encounters, consultations and two-way referrals through the API, on SQLite and PostgreSQL.</summary>
public abstract class EncountersApiTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(HostFixture.Now.UtcDateTime);

    public async Task InitializeAsync()
    {
        await host.WithDbAsync(async db =>
        {
            await db.Referrals.ExecuteDeleteAsync();
            await db.Consultations.ExecuteDeleteAsync();
            return await db.Encounters.ExecuteDeleteAsync();
        });
        await host.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static EncounterForm Encounter(DateOnly? on = null) => new()
    {
        Subjective = "胸闷、头晕2天",
        Objective = "血压 186/112 mmHg，心率 96 次/分",
        Assessment = "高血压急症可能",
        Diagnoses = [new Diagnosis("i10", null), new Diagnosis(null, "头晕待查")],
        Plan = "硝苯地平舌下含服，建议转上级医院",
        DoctorName = "王医生",
        EncounterDate = on ?? Today,
    };

    [Fact]
    public async Task EncounterIsSavedReadAndListedWithItsIcdCodes()
    {
        var client = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New("接诊甲"));

        var created = await client.PostAsJsonAsync($"/api/residents/{resident.Id}/encounters", new EncounterInput(Encounter()), Json.Options);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = (await created.Content.ReadFromJsonAsync<EncounterView>(Json.Options))!;
        Assert.Equal([new Diagnosis("I10", "原发性高血压"), new Diagnosis(null, "头晕待查")], view.Form.Diagnoses);
        Assert.Equal(1, view.Version);
        var read = (await client.GetFromJsonAsync<EncounterView>($"/api/encounters/{view.Id}", Json.Options))!;
        Assert.Equal("胸闷、头晕2天", read.Form.Subjective);
        var list = (await client.GetFromJsonAsync<List<EncounterView>>($"/api/residents/{resident.Id}/encounters", Json.Options))!;
        Assert.Equal(view.Id, Assert.Single(list).Id);
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.HealthRecordId == resident.Id && a.Action == "read" && a.Detail == $"encounter {view.Id}")));
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.HealthRecordId == resident.Id && a.Action == "encounter-create")));
    }

    [Fact]
    public async Task BadFormGets400WithFieldErrorsKeyedByJsonPath()
    {
        var client = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New("接诊乙"));

        var response = await client.PostAsJsonAsync($"/api/residents/{resident.Id}/encounters",
            new EncounterInput(Encounter(Today.AddDays(1)) with { Plan = " ", Diagnoses = [new Diagnosis("ABC", "x")] }), Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("接诊日期不能晚于今天", errors.GetProperty("form.encounterDate")[0].GetString());
        Assert.True(errors.TryGetProperty("form.plan", out _));
        Assert.True(errors.TryGetProperty("form.diagnoses[0].code", out _));
        Assert.Equal(0, await host.WithDbAsync(db => db.Encounters.CountAsync()));
    }

    [Fact]
    public async Task SaveFromAnOlderVersionIsRefusedWith409()
    {
        var client = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New("接诊丙"));
        var consultation = new ConsultationForm
        {
            Reason = "血糖控制不佳", Opinion = "加用基础胰岛素", ResponsibleDoctor = "王医生", ConsultationDate = Today,
            Consultants = [new("区人民医院", "李主任"), new("区人民医院", "陈医生"), new("区中医院", "赵医生")],
        };
        var created = await (await client.PostAsJsonAsync($"/api/residents/{resident.Id}/consultations", new ConsultationInput(consultation), Json.Options))
            .Content.ReadFromJsonAsync<ConsultationView>(Json.Options);

        var first = await client.PutAsJsonAsync($"/api/consultations/{created!.Id}", new ConsultationInput(consultation with { Opinion = "改为预混胰岛素" }, 1), Json.Options);
        var second = await client.PutAsJsonAsync($"/api/consultations/{created.Id}", new ConsultationInput(consultation with { Opinion = "维持" }, 1), Json.Options);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var stored = (await client.GetFromJsonAsync<ConsultationView>($"/api/consultations/{created.Id}", Json.Options))!;
        Assert.Equal("改为预混胰岛素", stored.Form.Opinion);
        Assert.Equal(2, stored.Version);
        Assert.Equal(3, stored.Form.Consultants.Count);
        Assert.Equal(2, stored.Form.Rows().Count);
    }

    [Fact]
    public async Task FormsFollowTheUsersDataScope()
    {
        var doctor = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(doctor, TestResidents.New("接诊丁", TestResidents.Shuanghe));
        var encounter = await (await doctor.PostAsJsonAsync($"/api/residents/{resident.Id}/encounters", new EncounterInput(Encounter()), Json.Options))
            .Content.ReadFromJsonAsync<EncounterView>(Json.Options);
        var village = await host.SignInAsync("cunyi");      // 石林村/拱桥村 only
        var supervisor = await host.SignInAsync("jianguan"); // county, read-only

        Assert.Equal(HttpStatusCode.NotFound, (await village.GetAsync($"/api/encounters/{encounter!.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await village.GetAsync($"/api/residents/{resident.Id}/encounters")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await village.PostAsJsonAsync($"/api/residents/{resident.Id}/encounters", new EncounterInput(Encounter()), Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/encounters/{encounter.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/residents/{resident.Id}/encounters", new EncounterInput(Encounter()), Json.Options)).StatusCode);
    }

    [Fact]
    public async Task ReferralFromAnEncounterIsDueInTwoWeeksAndClosesWhenItsResultIsRecorded()
    {
        var client = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New("转诊甲", TestResidents.Shuanghe, birth: new DateOnly(1950, 2, 3)));
        var encounter = await (await client.PostAsJsonAsync($"/api/residents/{resident.Id}/encounters", new EncounterInput(Encounter()), Json.Options))
            .Content.ReadFromJsonAsync<EncounterView>(Json.Options);

        var draft = (await client.GetFromJsonAsync<ReferralOut>($"/api/residents/{resident.Id}/referrals/draft?encounterId={encounter!.Id}", Json.Options))!;
        Assert.Equal("转诊甲", draft.PatientName);
        Assert.Equal(76, draft.Age);
        Assert.Equal(resident.RecordNumber, draft.RecordNumber);
        Assert.Equal("高血压急症可能；原发性高血压（I10）；头晕待查", draft.InitialImpression);
        Assert.Equal("王医生", draft.ReferringDoctor);
        Assert.Equal("跳磴镇卫生院", draft.FromInstitution);
        Assert.Equal(Today, draft.ReferredOn);

        var created = await client.PostAsJsonAsync($"/api/residents/{resident.Id}/referrals",
            new ReferralInput(draft with { ToInstitution = "大渡口区人民医院", ToDepartment = "心内科" }, encounter.Id), Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var referral = (await created.Content.ReadFromJsonAsync<ReferralView>(Json.Options))!;
        Assert.True(referral.Open);
        Assert.Equal(Today.AddDays(14), referral.FollowUpDue);
        Assert.Equal([referral.Id], (await client.GetFromJsonAsync<EncounterView>($"/api/encounters/{encounter.Id}", Json.Options))!.ReferralIds);

        var due = await DueAsync("yisheng", Today.AddDays(30));
        var item = Assert.Single(due);
        Assert.Equal((resident.Id, DueServices.Referral, DueKinds.ReferralFollowUp, Today.AddDays(14), true, referral.Id),
            (item.HealthRecordId, item.Service, item.Kind, item.DueDate, item.Urgent, item.SourceId));
        Assert.Empty(await DueAsync("yisheng", Today.AddDays(13)));  // not yet due within the window
        Assert.Empty(await DueAsync("cunyi", Today.AddDays(30)));    // 双河村 is not the village doctor's
        var open = (await client.GetFromJsonAsync<List<OpenReferral>>("/api/referrals/open", Json.Options))!;
        Assert.Equal(referral.Id, Assert.Single(open).Id);

        host.Clock.Advance(TimeSpan.FromDays(10));
        client = await host.SignInAsync("yisheng"); // the idle session has expired
        var result = new ReferralResult { FollowedUpOn = Today.AddDays(10), Outcome = ReferralOutcome.TransferredBack, FollowedUpBy = "王医生", Note = "住院7天后转回" };
        var early = new TransferBack
        {
            PatientName = "转诊甲", ReturnedOn = Today.AddDays(-1), FromInstitution = "大渡口区人民医院", ToInstitution = "跳磴镇卫生院",
            Diagnosis = "高血压3级（极高危）", ReferringDoctor = "李主任",
        };
        var refused = await client.PostAsJsonAsync($"/api/referrals/{referral.Id}/result", new ReferralResultInput(result, early, referral.Version), Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("back.returnedOn", out _));
        Assert.Single(await DueAsync("yisheng", Today.AddDays(30)));

        var closed = await client.PostAsJsonAsync($"/api/referrals/{referral.Id}/result",
            new ReferralResultInput(result, early with { ReturnedOn = Today.AddDays(8), InpatientNumber = "Z2026-0612" }, referral.Version), Json.Options);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var after = (await closed.Content.ReadFromJsonAsync<ReferralView>(Json.Options))!;
        Assert.False(after.Open);
        Assert.Equal("Z2026-0612", after.Back?.InpatientNumber);
        var moved = await client.PutAsJsonAsync($"/api/referrals/{referral.Id}", new ReferralInput(after.Form with { ReferredOn = Today.AddDays(9) }, Version: after.Version), Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode); // the transfer-back (day 8) may not come before the transfer-out
        Assert.True((await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("form.referredOn", out _));
        Assert.Empty(await DueAsync("yisheng", Today.AddDays(30)));
        Assert.Empty((await client.GetFromJsonAsync<List<OpenReferral>>("/api/referrals/open", Json.Options))!);
        var services = (await client.GetFromJsonAsync<List<ServiceEntry>>($"/api/residents/{resident.Id}/other-services", Json.Options))!;
        Assert.Equal([ServiceKinds.Referral, ServiceKinds.Encounter], services.Select(s => s.Kind).ToArray());
        Assert.False(services[0].Open);
    }

    [Fact]
    public async Task OpenReferralPastItsFortnightIsOverdue()
    {
        var client = await host.SignInAsync("cunyi");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New("转诊乙"));
        var draft = (await client.GetFromJsonAsync<ReferralOut>($"/api/residents/{resident.Id}/referrals/draft", Json.Options))!;
        var created = await client.PostAsJsonAsync($"/api/residents/{resident.Id}/referrals",
            new ReferralInput(draft with { ReferredOn = Today.AddDays(-20), ToInstitution = "区中医院", InitialImpression = "腰椎间盘突出", PresentIllness = "腰痛伴下肢麻木" }), Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var item = Assert.Single(await DueAsync("cunyi", Today));
        Assert.Equal(Today.AddDays(-6), item.DueDate);
        var open = Assert.Single((await client.GetFromJsonAsync<List<OpenReferral>>("/api/referrals/open", Json.Options))!);
        Assert.True(open.Overdue);
        Assert.Single(await DueAsync("yisheng", Today)); // the township hospital's doctor sees its villages' referrals too
    }

    [Fact]
    public async Task EncounterConsultationAndReferralDatesAreServicesReceived()
    {
        var client = await host.SignInAsync("yisheng");
        var a = await TestResidents.CreateAsync(client, TestResidents.New("服务甲"));
        var b = await TestResidents.CreateAsync(client, TestResidents.New("服务乙"));
        var c = await TestResidents.CreateAsync(client, TestResidents.New("服务丙"));
        await client.PostAsJsonAsync($"/api/residents/{a.Id}/encounters", new EncounterInput(Encounter(Today.AddDays(-40))), Json.Options);
        await client.PostAsJsonAsync($"/api/residents/{b.Id}/consultations", new ConsultationInput(new ConsultationForm
        {
            Reason = "r", Opinion = "o", ResponsibleDoctor = "王医生", ConsultationDate = Today.AddDays(-5), Consultants = [new("区人民医院", "李主任")],
        }), Json.Options);
        var draft = (await client.GetFromJsonAsync<ReferralOut>($"/api/residents/{c.Id}/referrals/draft", Json.Options))!;
        await client.PostAsJsonAsync($"/api/residents/{c.Id}/referrals", new ReferralInput(draft with { ToInstitution = "区人民医院", InitialImpression = "i", PresentIllness = "p" }), Json.Options);

        var lastMonth = await ServedAsync(Today.AddDays(-30), Today);
        var twoMonths = await ServedAsync(Today.AddDays(-60), Today);

        Assert.Equal(new[] { b.Id, c.Id }.Order(), lastMonth.Order());
        Assert.Equal(new[] { a.Id, b.Id, c.Id }.Order(), twoMonths.Order());
    }

    [Fact]
    public async Task ResidentSeesTheirVisitsAndReferralsInThePortalWithoutTheDoctorsNotes()
    {
        var client = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New("门户甲"));
        await client.PostAsJsonAsync($"/api/residents/{resident.Id}/encounters", new EncounterInput(Encounter(Today.AddDays(-2))), Json.Options);
        var draft = (await client.GetFromJsonAsync<ReferralOut>($"/api/residents/{resident.Id}/referrals/draft", Json.Options))!;
        await client.PostAsJsonAsync($"/api/residents/{resident.Id}/referrals", new ReferralInput(draft with { ToInstitution = "区人民医院", InitialImpression = "i", PresentIllness = "p" }), Json.Options);

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var section = scope.ServiceProvider.GetServices<HealthRecords.Web.Features.Portal.IPortalSection>().Last(s => s.Key == EncounterPortalSection.SectionKey);
        var items = await section.LoadAsync(resident.Id, CancellationToken.None);

        Assert.Equal(["转诊至区人民医院", "就诊"], items.Select(i => i.Title).ToArray());
        Assert.Equal("待随访转诊结果", items[0].Detail);
        Assert.Equal("诊断：原发性高血压、头晕待查", items[1].Detail);
        Assert.DoesNotContain(items, i => (i.Detail ?? "").Contains("胸闷", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoDataGivesTheVillageDoctorVisitsAndAnOpenReferral()
    {
        var client = await host.SignInAsync("cunyi");
        for (var i = 0; i < 4; i++)
        {
            await TestResidents.CreateAsync(client, TestResidents.New($"演示{i}", birth: new DateOnly(1950, 1, 1 + i)));
        }

        await host.WithDbAsync(async db =>
        {
            await DemoEncounters.AddAsync(db, host.Clock);
            return 0;
        });

        Assert.Equal(4, await host.WithDbAsync(db => db.Encounters.CountAsync()));
        Assert.Equal(1, await host.WithDbAsync(db => db.Consultations.CountAsync()));
        var open = (await client.GetFromJsonAsync<List<OpenReferral>>("/api/referrals/open", Json.Options))!;
        Assert.Equal(2, open.Count); // the diabetes and the atrial fibrillation visits were referred
        Assert.All(open, o => Assert.Equal("大渡口区人民医院", o.ToInstitution));
    }

    private async Task<IReadOnlyList<DueItem>> DueAsync(string userName, DateOnly until)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var user = await ScopeOfAsync(scope.ServiceProvider, userName);
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        var source = scope.ServiceProvider.GetServices<IDueItemSource>().OfType<ReferralDueItems>().Single();
        var records = user.Apply(db.HealthRecords).Where(r => r.Status == HealthRecords.Web.Data.Entities.RecordStatus.Active);
        return await source.DueAsync(db, records, DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime), until, CancellationToken.None);
    }

    private async Task<List<long>> ServedAsync(DateOnly from, DateOnly to)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        var source = scope.ServiceProvider.GetServices<IServiceEventSource>().OfType<EncounterServiceEvents>().Single();
        return await source.RecordsServed(db, from, to).ToListAsync();
    }

    private static async Task<DataScope> ScopeOfAsync(IServiceProvider services, string userName)
    {
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HealthRecords.Web.Data.Entities.AppUser>>();
        var principal = await services.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<HealthRecords.Web.Data.Entities.AppUser>>()
            .CreateAsync((await users.FindByNameAsync(userName))!);
        return DataScope.From(principal);
    }
}

public sealed class SqliteEncountersApiTests(SqliteHost host) : EncountersApiTests<SqliteHost>(host);

public sealed class PostgresEncountersApiTests(PostgresHost host) : EncountersApiTests<PostgresHost>(host);
