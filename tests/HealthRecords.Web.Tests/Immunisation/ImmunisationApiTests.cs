using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Immunisation;
using HealthRecords.Web.Features.Immunisation;
using HealthRecords.Web.Features.WorkList;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Immunisation;

/// <summary>
/// The vaccination card, doses, pre-vaccination checks and contraindications through the API, on SQLite and
/// PostgreSQL, with issue #18's bad input. "Today" is 2026-06-15.
/// </summary>
public abstract class ImmunisationApiTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(HostFixture.Now.UtcDateTime);

    public async Task InitializeAsync()
    {
        await host.WithDbAsync(async db =>
        {
            await db.Set<AefiReport>().ExecuteDeleteAsync();
            await db.Set<VaccinationDose>().ExecuteDeleteAsync();
            await db.Set<VaccinationCardForm>().ExecuteDeleteAsync();
            await db.Set<PreVaccinationCheckForm>().ExecuteDeleteAsync();
            return await db.Set<VaccinationContraindication>().ExecuteDeleteAsync();
        });
        await host.WithDbAsync(db => db.Set<ImmunizationScheduleVersion>().ExecuteDeleteAsync());
        await host.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly TownshipAddress Home = new("重庆市", "重庆市", "大渡口区", "跳磴镇");

    private static Vaccination Dose(string vaccine, int number, DateOnly on, InjectionSite? site = InjectionSite.Left, string batch = "202605A12") =>
        new(vaccine, number, on, site, batch, "北京生物制品研究所", "王医生", "跳磴镇卫生院");

    private async Task<(HttpClient Client, long Id, DateOnly Birth)> ChildAsync(string name, DateOnly birth)
    {
        var client = await host.SignInAsync("cunyi");
        var child = await TestResidents.CreateAsync(client, TestResidents.New(name, TestResidents.Shilin, birth));
        return (client, child.Id, birth);
    }

    private static async Task<HttpResponseMessage> RecordAsync(HttpClient client, long id, Vaccination dose, bool transcribed = false) =>
        await client.PostAsJsonAsync($"/api/residents/{id}/immunisation/doses", new DoseInput(dose, transcribed), Json.Options);

    private static async Task CheckAsync(HttpClient client, long id, params string[] vaccines)
    {
        var check = new PreVaccinationCheck(Today, vaccines, true, true, true, InformingMode.Both, null, PreVaccinationResult.Proceed, null);
        var response = await client.PostAsJsonAsync($"/api/residents/{id}/immunisation/checks", new PreVaccinationInput(check), Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task TheDaysDosesAreRecordedPlacedOnTheCardAndBookTheNextAppointment()
    {
        var (client, id, birth) = await ChildAsync("接种甲", Today.AddMonths(-2));
        var card = await client.PostAsJsonAsync($"/api/residents/{id}/immunisation/card",
            new CardInput(new VaccinationCard { Name = "接种甲", Guardian = new Guardian("李芳", GuardianRelation.Mother, null, "13812345678"),
                HomeAddress = Home, HukouKind = HukouAddressKind.SameAsHome, CreatedOn = birth.AddDays(3), CreatedBy = "王医生" }), Json.Options);
        Assert.Equal(HttpStatusCode.Created, card.StatusCode);
        // the birth doses were given at the hospital (补录), the 1-month dose here last month
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(client, id, Dose("HepB", 1, birth), transcribed: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(client, id, Dose("BCG", 1, birth), transcribed: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(client, id, Dose("HepB", 2, birth.AddMonths(1)), transcribed: true)).StatusCode);
        await CheckAsync(client, id, "OPV");

        // today's dose: oral, so no site; doctor and institution filled from the signed-in user
        var response = await RecordAsync(client, id, new Vaccination("OPV", 1, Today, null, "202604B07", "北京生物制品研究所"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = (await response.Content.ReadFromJsonAsync<DoseSaved>(Json.Options))!;
        Assert.Equal(("OPV", 1, true, "nip-2011"), (saved.Dose.SeriesCode, saved.Dose.SeriesDose, saved.Dose.OnTime, saved.Dose.Dose.ScheduleCode));
        Assert.False(string.IsNullOrEmpty(saved.Dose.Dose.Doctor));
        Assert.False(string.IsNullOrEmpty(saved.Dose.Dose.Institution));
        Assert.Empty(saved.Violations);
        // 004 附件1: 脊灰 第2剂次 and 百白破 第1剂次 at 3 months
        Assert.NotNull(saved.Appointment);
        Assert.Equal(birth.AddMonths(3), saved.Appointment!.Date);
        Assert.Contains(saved.Appointment.Doses, d => d.Contains("脊灰", StringComparison.Ordinal));
        Assert.Contains(saved.Appointment.Doses, d => d.Contains("百白破", StringComparison.Ordinal));

        var view = (await client.GetFromJsonAsync<ImmunisationCardView>($"/api/residents/{id}/immunisation", Json.Options))!;
        Assert.Equal(4, view.Doses.Count);
        Assert.Equal(birth.AddMonths(3), view.Appointment!.Date);
        Assert.Equal("李芳", view.Card!.Guardian.Name);
        var hepB = view.Due.Single(d => d.Series == "HepB");
        Assert.Equal((3, DoseStatus.NotYet), (hepB.DoseNumber, hepB.Status));
        Assert.Equal(DoseStatus.Complete, view.Due.Single(d => d.Series == "BCG").Status);
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.HealthRecordId == id && a.Action == "vaccination-create")));
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.HealthRecordId == id && a.Action == "read" && a.Detail == "immunisation-card")));
        Assert.Equal(birth.AddMonths(3), await host.WithDbAsync(db => db.Set<VaccinationCardForm>().Where(c => c.HealthRecordId == id).Select(c => c.AppointmentOn).SingleAsync()));
    }

    [Fact]
    public async Task BadDosesGetFieldErrorsAndNothingIsSaved()
    {
        var (client, id, birth) = await ChildAsync("接种乙", Today.AddMonths(-4));
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(client, id, Dose("HepB", 1, birth), transcribed: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(client, id, Dose("HepB", 2, birth.AddMonths(1)), transcribed: true)).StatusCode);

        var beforeBirth = await ErrorsAsync(await RecordAsync(client, id, Dose("BCG", 1, birth.AddDays(-1)), transcribed: true));
        Assert.Equal($"接种日期不能早于出生日期（{birth:yyyy-MM-dd}）", beforeBirth.GetProperty("dose.date")[0].GetString());
        var future = await ErrorsAsync(await RecordAsync(client, id, Dose("BCG", 1, Today.AddDays(1)), transcribed: true));
        Assert.Equal("接种日期不能晚于今天", future.GetProperty("dose.date")[0].GetString());
        var outOfOrder = await ErrorsAsync(await RecordAsync(client, id, Dose("DTP", 2, Today.AddDays(-5)), transcribed: true));
        Assert.Contains("本次应为第1剂次", outOfOrder.GetProperty("dose.doseNumber")[0].GetString());
        var duplicate = await ErrorsAsync(await RecordAsync(client, id, Dose("HepB", 2, birth.AddMonths(2)), transcribed: true));
        Assert.Contains("已有记录", duplicate.GetProperty("dose.doseNumber")[0].GetString());
        var unknown = await ErrorsAsync(await RecordAsync(client, id, Dose("XYZ", 1, Today), transcribed: true));
        Assert.StartsWith("未知疫苗", unknown.GetProperty("dose.vaccineCode")[0].GetString());
        var batch = await ErrorsAsync(await RecordAsync(client, id, Dose("BCG", 1, Today, batch: "批号?"), transcribed: true));
        Assert.Contains("格式不对", batch.GetProperty("dose.batchNumber")[0].GetString());
        // 百白破 第2剂次 needs 28 days after the first (004 附件1)
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(client, id, Dose("DTP", 1, birth.AddMonths(3)), transcribed: true)).StatusCode);
        var tooSoon = await ErrorsAsync(await RecordAsync(client, id, Dose("DTP", 2, birth.AddMonths(3).AddDays(10)), transcribed: true));
        Assert.Contains(tooSoon.EnumerateObject(), p => p.Value[0].GetString()!.Contains("如确需接种，请填写理由", StringComparison.Ordinal));
        var site = await ErrorsAsync(await RecordAsync(client, id, Dose("BCG", 1, Today, site: null), transcribed: true));
        Assert.True(site.TryGetProperty("dose.site", out _));
        var noDose = await ErrorsAsync(await client.PostAsJsonAsync($"/api/residents/{id}/immunisation/doses", new { }, Json.Options));
        Assert.True(noDose.TryGetProperty("dose", out _));

        Assert.Equal(3, await host.WithDbAsync(db => db.Set<VaccinationDose>().CountAsync(d => d.HealthRecordId == id)));
    }

    [Fact]
    public async Task ADoseIsBlockedWithoutTheDaysCheckAndByAContraindicationUntilCleared()
    {
        var (client, id, birth) = await ChildAsync("接种丙", Today.AddMonths(-3).AddDays(-2));
        var noCheck = await ErrorsAsync(await RecordAsync(client, id, Dose("DTP", 1, Today)));
        Assert.Contains(noCheck.GetProperty("dose.vaccineCode").EnumerateArray(), m => m.GetString()!.StartsWith("接种前未记录健康询问与禁忌检查", StringComparison.Ordinal));

        var c = new Contraindication("DTP", ContraindicationKind.Temporary, "发热38.5℃", Today);
        var added = await client.PostAsJsonAsync($"/api/residents/{id}/immunisation/contraindications", new ContraindicationInput(c), Json.Options);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var contraindication = (await added.Content.ReadFromJsonAsync<ContraindicationView>(Json.Options))!;
        await CheckAsync(client, id, "DTP");
        var blocked = await ErrorsAsync(await RecordAsync(client, id, Dose("DTP", 1, Today)));
        Assert.Contains(blocked.GetProperty("dose.vaccineCode").EnumerateArray(), m => m.GetString()!.StartsWith("存在未解除的暂时禁忌", StringComparison.Ordinal));
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<VaccinationDose>().CountAsync(d => d.HealthRecordId == id)));

        var badClear = await client.PutAsJsonAsync($"/api/immunisation/contraindications/{contraindication.Id}",
            new ContraindicationInput(c with { ClearedOn = Today }, contraindication.Version), Json.Options);
        Assert.True((await ErrorsAsync(badClear)).TryGetProperty("contraindication.clearedBy", out _));
        var cleared = await client.PutAsJsonAsync($"/api/immunisation/contraindications/{contraindication.Id}",
            new ContraindicationInput(c with { ClearedOn = Today, ClearedBy = "王医生", ClearReason = "体温正常" }, contraindication.Version), Json.Options);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        // cleared today: it no longer blocks from today on
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(client, id, Dose("DTP", 1, Today))).StatusCode);
    }

    [Fact]
    public async Task ADoseAgainstAScheduleRuleNeedsAReasonAndIsStoredWithIt()
    {
        var (client, id, birth) = await ChildAsync("接种丁", Today.AddMonths(-2));
        await CheckAsync(client, id, "DTP");

        var refused = await ErrorsAsync(await RecordAsync(client, id, Dose("DTP", 1, Today)));
        Assert.Contains(refused.EnumerateObject(), p => p.Value[0].GetString()!.Contains("如确需接种，请填写理由", StringComparison.Ordinal));
        var given = await RecordAsync(client, id, Dose("DTP", 1, Today) with { OverrideReason = "家长次月外出务工，提前接种" });

        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        var saved = (await given.Content.ReadFromJsonAsync<DoseSaved>(Json.Options))!;
        Assert.Contains(saved.Violations, v => v.Rule == "too-early");
        Assert.Equal("家长次月外出务工，提前接种", saved.Dose.Dose.OverrideReason);
    }

    [Fact]
    public async Task ADoseIsCorrectedWithItsVersionAndVoidedWithAReason()
    {
        var (client, id, birth) = await ChildAsync("接种戊", Today.AddMonths(-5));
        var first = (await (await RecordAsync(client, id, Dose("HepB", 1, birth), transcribed: true)).Content.ReadFromJsonAsync<DoseSaved>(Json.Options))!;
        var second = (await (await RecordAsync(client, id, Dose("HepB", 2, birth.AddMonths(1)), transcribed: true)).Content.ReadFromJsonAsync<DoseSaved>(Json.Options))!;

        var corrected = await client.PutAsJsonAsync($"/api/immunisation/doses/{second.Dose.Id}",
            new DoseInput(Dose("HepB", 2, birth.AddMonths(1).AddDays(2), batch: "202601C33"), true, second.Dose.Version), Json.Options);
        var stale = await client.PutAsJsonAsync($"/api/immunisation/doses/{second.Dose.Id}",
            new DoseInput(Dose("HepB", 2, birth.AddMonths(1)), true, second.Dose.Version), Json.Options);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var noReason = await client.PostAsJsonAsync($"/api/immunisation/doses/{first.Dose.Id}/void", new VoidDoseInput(" ", first.Dose.Version), Json.Options);
        Assert.True((await ErrorsAsync(noReason)).TryGetProperty("reason", out _));
        // voiding the first dose: the second becomes the series' first (placement is recomputed)
        var voided = await client.PostAsJsonAsync($"/api/immunisation/doses/{first.Dose.Id}/void", new VoidDoseInput("录错儿童", first.Dose.Version), Json.Options);
        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        var view = (await client.GetFromJsonAsync<ImmunisationCardView>($"/api/residents/{id}/immunisation", Json.Options))!;
        var left = Assert.Single(view.Doses);
        Assert.Equal(("202601C33", 1), (left.Dose.BatchNumber, left.SeriesDose));
        // the voided number is free again
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(client, id, Dose("HepB", 1, birth), transcribed: true)).StatusCode);
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.HealthRecordId == id && a.Action == "vaccination-void")));
    }

    [Fact]
    public async Task OneCardPerChildAndItsChangesNeedTheVersion()
    {
        var (client, id, birth) = await ChildAsync("接种己", Today.AddMonths(-6));
        var card = new VaccinationCard { Name = "接种己", CreatedOn = birth.AddDays(10), HomeAddress = Home, HukouKind = HukouAddressKind.SameAsHome, Guardian = new Guardian("张三", GuardianRelation.Father) };
        var created = (await (await client.PostAsJsonAsync($"/api/residents/{id}/immunisation/card", new CardInput(card), Json.Options)).Content.ReadFromJsonAsync<CardSaved>(Json.Options))!;

        var second = await ErrorsAsync(await client.PostAsJsonAsync($"/api/residents/{id}/immunisation/card", new CardInput(card), Json.Options));
        Assert.True(second.TryGetProperty("card", out var cardError), second.ToString());
        Assert.Equal("该儿童已建立预防接种卡，请修改原卡", cardError[0].GetString());
        var future = await ErrorsAsync(await client.PutAsJsonAsync($"/api/immunisation/cards/{created.Id}", new CardInput(card with { CreatedOn = Today.AddDays(3) }, created.Version), Json.Options));
        Assert.True(future.TryGetProperty("card.createdOn", out _));
        var noVersion = await ErrorsAsync(await client.PutAsJsonAsync($"/api/immunisation/cards/{created.Id}", new CardInput(card), Json.Options));
        Assert.True(noVersion.TryGetProperty("version", out _));
        var moved = await client.PutAsJsonAsync($"/api/immunisation/cards/{created.Id}",
            new CardInput(card with { MovedOutOn = Today, MoveOutReason = "随父母迁往外地" }, created.Version), Json.Options);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(Today, await host.WithDbAsync(db => db.Set<VaccinationCardForm>().Where(c => c.Id == created.Id).Select(c => c.MovedOutOn).SingleAsync()));
    }

    [Fact]
    public async Task OverdueDosesAreOnTheVillageDoctorsWorkListAndNotAnotherVillages()
    {
        var (client, id, birth) = await ChildAsync("接种庚", Today.AddMonths(-10));
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(client, id, Dose("HepB", 1, birth), transcribed: true)).StatusCode);
        var doctor = await host.SignInAsync("yisheng");
        var elsewhere = await TestResidents.CreateAsync(doctor, TestResidents.New("接种辛", TestResidents.Shuanghe, Today.AddMonths(-10)));

        var list = (await client.GetFromJsonAsync<WorkListResult>($"/api/worklist?service={ImmunisationDueItems.Service}&pageSize=100", Json.Options))!;

        var mine = list.Items.Where(i => i.HealthRecordId == id).ToList();
        Assert.DoesNotContain(list.Items, i => i.HealthRecordId == elsewhere.Id);
        var hepB = Assert.Single(mine, i => i.Kind == "vaccine:HepB:2");
        Assert.True(hepB.DaysOverdue > 0);
        Assert.DoesNotContain(mine, i => i.Kind == "vaccine:HepB:1"); // given
        Assert.Contains(mine, i => i.Kind == "vaccine:BCG:1" && i.DaysOverdue > 0);
        Assert.All(mine, i => Assert.Equal($"/residents/{id}/immunisation", i.Link));
    }

    [Fact]
    public async Task OutOfScopeChildrenAreNotFound()
    {
        var doctor = await host.SignInAsync("yisheng");
        var child = await TestResidents.CreateAsync(doctor, TestResidents.New("接种壬", TestResidents.Shuanghe, Today.AddMonths(-3)));
        var village = await host.SignInAsync("cunyi");

        Assert.Equal(HttpStatusCode.NotFound, (await village.GetAsync($"/api/residents/{child.Id}/immunisation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RecordAsync(village, child.Id, Dose("HepB", 1, Today.AddMonths(-3)), transcribed: true)).StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<VaccinationDose>().CountAsync()));
    }

    [Fact]
    public async Task AnAdministratorAddsALaterScheduleVersionAsData()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "src/HealthRecords.Domain/Data/Immunisation/schedule-nip-2011.json")))
        {
            dir = dir.Parent;
        }
        // a later national schedule: the same data under another code (a county adds it without code changes)
        var json = File.ReadAllText(Path.Combine(dir.FullName, "src/HealthRecords.Domain/Data/Immunisation/schedule-nip-2011.json"))
            .Replace("\"code\": \"nip-2011\"", "\"code\": \"test-2026\"", StringComparison.Ordinal);
        Assert.Contains("test-2026", json, StringComparison.Ordinal);
        var admin = await host.SignInAsync("admin");
        var doctor = await host.SignInAsync("cunyi");

        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.PostAsJsonAsync("/api/immunisation/schedules", new ScheduleVersionInput(json, Today.AddDays(1)), Json.Options)).StatusCode);
        var past = await ErrorsAsync(await admin.PostAsJsonAsync("/api/immunisation/schedules", new ScheduleVersionInput(json, Today.AddDays(-1)), Json.Options));
        Assert.True(past.TryGetProperty("effectiveFrom", out _));
        var broken = await ErrorsAsync(await admin.PostAsJsonAsync("/api/immunisation/schedules", new ScheduleVersionInput("{\"code\":1}", Today), Json.Options));
        Assert.True(broken.TryGetProperty("json", out _));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/immunisation/schedules", new ScheduleVersionInput(json, Today.AddDays(1)), Json.Options)).StatusCode);
        var versions = (await doctor.GetFromJsonAsync<List<ScheduleVersionView>>("/api/immunisation/schedules", Json.Options))!;
        Assert.Equal(["nip-2011", "test-2026"], versions.Select(v => v.Code));
    }
}

public sealed class SqliteImmunisationApiTests(SqliteHost host) : ImmunisationApiTests<SqliteHost>(host);

public sealed class PostgresImmunisationApiTests(PostgresHost host) : ImmunisationApiTests<PostgresHost>(host);
