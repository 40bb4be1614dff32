using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Maternal;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Maternal;
using HealthRecords.Web.Features.WorkList;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Maternal;

/// <summary>
/// The pregnancy episode and its forms through the API, on SQLite and PostgreSQL: the whole journey from 建册 to the
/// 42-day check, the newborn's home visit, and the bad input (each a 400 with the field's message, nothing saved).
/// </summary>
public abstract class MaternalApiTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(HostFixture.Now.UtcDateTime);
    private const string Doctor = "王医生";

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Client, long Woman)> WomanAsync(string name, DateOnly? born = null)
    {
        var client = await host.SignInAsync("yisheng");
        var woman = await TestResidents.CreateAsync(client, TestResidents.New(name, birth: born ?? new DateOnly(1995, 4, 2), sex: Sex.Female));
        return (client, woman.Id);
    }

    private static async Task<PregnancyView> RegisterAsync(HttpClient client, long woman, DateOnly lmp, DateOnly on)
    {
        var response = await client.PostAsJsonAsync($"/api/residents/{woman}/pregnancies",
            new MaternalInput<Pregnancy> { Form = DemoMaternal.Registration(on, lmp, PregnancyDating.ByFormRule(lmp)!.Value) }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PregnancyView>(Json.Options))!;
    }

    [Fact]
    public async Task AnEpisodeLongPastItsFortyTwoDayCheckLeavesTheWorkListAndABabyIsVisitedFromItsDischarge()
    {
        var (client, recent) = await WomanAsync("产妇丙");
        var (_, old) = await WomanAsync("产妇丁");
        async Task DeliverAsync(long woman, DateOnly delivered)
        {
            var lmp = delivered.AddDays(-280);
            var episode = await RegisterAsync(client, woman, lmp, lmp.AddDays(70));
            var response = await client.PutAsJsonAsync($"/api/pregnancies/{episode.Id}/delivery",
                new MaternalInput<DeliveryInfo> { Form = DemoMaternal.Delivery(delivered, lmp) with { ReceivedOn = delivered }, Version = episode.Version }, Json.Options);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await DeliverAsync(recent, Today.AddDays(-60)); // 42-day check 18 days overdue: listed
        await DeliverAsync(old, Today.AddDays(-71));    // 29 days overdue: lost to follow-up (MaternalSchedule.ListedUntil)

        var items = await DueAsync(Today.AddDays(30));
        Assert.Contains(items, i => i.HealthRecordId == recent && i.Kind == MaternalSchedule.Check42Kind);
        Assert.DoesNotContain(items, i => i.HealthRecordId == old);

        // a baby born 3 days ago of a delivery, its mother (and so the baby) discharged 2 days after the birth: the home
        // visit is due 3 days after coming home (the mother's visit day), not counted from the birth
        var (_, mother) = await WomanAsync("产妇戊");
        await DeliverAsync(mother, Today.AddDays(-3));
        var baby = await host.WithDbAsync(db => db.BirthRecords.Select(b => b.HealthRecordId).SingleAsync(id => db.HealthRecords.Any(r => r.Id == id && r.Name == "产妇戊之女")));
        var visit = Assert.Single(await DueAsync(Today.AddDays(30)), i => i.HealthRecordId == baby && i.Kind == MaternalSchedule.NewbornVisitKind);
        Assert.Equal(Today.AddDays(-1), visit.WindowStart);
        Assert.Equal(Today.AddDays(2), visit.DueDate);
    }

    private async Task<IReadOnlyList<DueItem>> DueAsync(DateOnly until)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        var items = new List<DueItem>();
        foreach (var source in scope.ServiceProvider.GetServices<IDueItemSource>().Where(s => s is MaternalDueItems or NewbornDueItems))
        {
            items.AddRange(await source.DueAsync(db, db.HealthRecords, Today, until, CancellationToken.None));
        }
        return items;
    }

    private async Task<NewbornVisit?> DraftAsync(long babyRecordId)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReadMaternal>().NewbornDraftAsync(await DoctorAsync(scope.ServiceProvider), babyRecordId, CancellationToken.None);
    }

    private static async Task<HealthRecords.Web.Features.Auth.DataScope> DoctorAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HealthRecords.Web.Data.Entities.AppUser>>();
        var principal = await services.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<HealthRecords.Web.Data.Entities.AppUser>>()
            .CreateAsync((await users.FindByNameAsync("yisheng"))!);
        return HealthRecords.Web.Features.Auth.DataScope.From(principal);
    }

    private async Task CreateBabiesAsync(long pregnancyId)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BabyRecords>().CreateAsync(await DoctorAsync(scope.ServiceProvider), pregnancyId, CancellationToken.None);
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    private static async Task<T> CreatedAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;
    }

    private static string Message(JsonElement errors, string key) =>
        errors.TryGetProperty(key, out var messages) ? messages[0].GetString()! : throw new Xunit.Sdk.XunitException($"no error for {key}: {errors}");

    [Fact]
    public async Task APregnancyIsFollowedFromRegistrationToTheFortyTwoDayCheck()
    {
        var (client, woman) = await WomanAsync("孕妇甲");
        var lmp = Today.AddDays(-330);
        var dating = new PregnancyDating(lmp, PregnancyDating.ByFormRule(lmp));
        var registered = lmp.AddDays(70);

        var episode = await RegisterAsync(client, woman, lmp, registered);
        Assert.True(episode.EarlyRegistered);
        Assert.Equal(PregnancyDating.ByFormRule(lmp), episode.ExpectedDelivery);
        Assert.Equal(lmp.AddDays(280), episode.ExpectedDeliveryBy280Days);
        Assert.Equal("孕期", episode.Stage);

        var first = await client.PostAsJsonAsync($"/api/pregnancies/{episode.Id}/first-visit",
            new MaternalInput<FirstPrenatalVisit> { Form = DemoMaternal.FirstVisit(registered, lmp, dating.ExpectedDelivery!.Value, Doctor, dating) with { GestationalAge = null, Bmi = null } }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstView = (await first.Content.ReadFromJsonAsync<PrenatalVisitView>(Json.Options))!;
        Assert.Equal("孕10周", firstView.GestationalAge); // computed, never typed
        Assert.Equal(21.5m, firstView.First!.Bmi);

        var round2 = dating.DayOf(new GestationalAge(17, 2))!.Value;
        var visit = await client.PostAsJsonAsync($"/api/pregnancies/{episode.Id}/prenatal-visits",
            new MaternalInput<PrenatalVisit> { Form = DemoMaternal.PrenatalVisit(2, round2, Doctor, dating) }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        Assert.Equal("孕17周+2天", (await visit.Content.ReadFromJsonAsync<PrenatalVisitView>(Json.Options))!.GestationalAge);

        var delivered = lmp.AddDays(280);
        var delivery = await client.PutAsJsonAsync($"/api/pregnancies/{episode.Id}/delivery",
            new MaternalInput<DeliveryInfo> { Form = DemoMaternal.Delivery(delivered, lmp), Version = episode.Version }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        var afterDelivery = (await delivery.Content.ReadFromJsonAsync<PregnancyView>(Json.Options))!;
        Assert.Equal("产后", afterDelivery.Stage);
        Assert.Equal(1, afterDelivery.LiveBirths);

        var postpartum = await client.PostAsJsonAsync($"/api/pregnancies/{episode.Id}/postpartum-visits",
            new MaternalInput<PostpartumVisit> { Form = DemoMaternal.Postpartum(delivered.AddDays(5), delivered, Doctor) }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, postpartum.StatusCode);
        var check = await client.PostAsJsonAsync($"/api/pregnancies/{episode.Id}/check-42",
            new MaternalInput<Postpartum42DayCheck> { Form = DemoMaternal.Check42(delivered.AddDays(42), Doctor) }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, check.StatusCode);

        // 结案 on the 42-day check ends the episode on its date
        var list = (await client.GetFromJsonAsync<List<PregnancyView>>($"/api/residents/{woman}/pregnancies", Json.Options))!;
        var ended = Assert.Single(list);
        Assert.Equal("已结束", ended.Stage);
        Assert.Equal(delivered.AddDays(42), ended.EndedOn);
        Assert.Equal(["第1次产前随访", "第2次产前随访", "产后访视", "产后42天健康检查"], ended.Forms.Select(f => f.Title));
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.HealthRecordId == woman && a.Action == "pregnancy-delivery")));
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.HealthRecordId == woman && a.Action == "read" && a.Detail == "pregnancy-history")));

        // a new pregnancy may be registered once the last one has ended
        var next = Today.AddDays(-40);
        await RegisterAsync(client, woman, next, Today);
    }

    [Fact]
    public async Task AManAChildOrASecondOpenPregnancyIsRefusedBesideTheField()
    {
        var client = await host.SignInAsync("yisheng");
        var man = await TestResidents.CreateAsync(client, TestResidents.New("男性甲", sex: Sex.Male));
        var child = await TestResidents.CreateAsync(client, TestResidents.New("女童甲", birth: Today.AddYears(-8), sex: Sex.Female));
        var lmp = Today.AddDays(-60);
        var form = new MaternalInput<Pregnancy> { Form = DemoMaternal.Registration(Today, lmp, PregnancyDating.ByFormRule(lmp)!.Value) };

        Assert.Contains("只能为女性建立", Message(await ErrorsAsync(await client.PostAsJsonAsync($"/api/residents/{man.Id}/pregnancies", form, Json.Options)), "form.resident"));
        Assert.Contains("8岁", Message(await ErrorsAsync(await client.PostAsJsonAsync($"/api/residents/{child.Id}/pregnancies", form, Json.Options)), "form.resident"));

        var (_, woman) = await WomanAsync("孕妇乙");
        await RegisterAsync(client, woman, lmp, Today);
        var second = await client.PostAsJsonAsync($"/api/residents/{woman}/pregnancies", form, Json.Options);
        Assert.Contains("已有未结案的孕产期", Message(await ErrorsAsync(second), "form.registeredOn"));
        Assert.Equal(1, await host.WithDbAsync(db => db.Pregnancies.CountAsync()));
    }

    [Fact]
    public async Task RegistrationByTwelveWeeksAndSixDaysIsEarlyAndFromThirteenWeeksLate()
    {
        var lmp = Today.AddDays(-200);
        var (client, early) = await WomanAsync("孕妇丙");
        Assert.True((await RegisterAsync(client, early, lmp, lmp.AddDays(90))).EarlyRegistered); // 孕12周+6天
        var (_, late) = await WomanAsync("孕妇己");
        Assert.False((await RegisterAsync(client, late, lmp, lmp.AddDays(91))).EarlyRegistered); // 孕13周
        Assert.Equal(1, await host.WithDbAsync(db => db.Pregnancies.CountAsync(p => p.EarlyRegistered)));
    }

    [Fact]
    public async Task AFormOutOfOrderGets400()
    {
        var (client, woman) = await WomanAsync("孕妇丁");
        var lmp = Today.AddDays(-200);
        var dating = new PregnancyDating(lmp, PregnancyDating.ByFormRule(lmp));
        var registered = lmp.AddDays(100); // 孕14周+2天: late (早孕建册率 does not count it)
        var episode = await RegisterAsync(client, woman, lmp, registered);
        Assert.False(episode.EarlyRegistered);

        // a visit before registration
        var before = await client.PostAsJsonAsync($"/api/pregnancies/{episode.Id}/prenatal-visits",
            new MaternalInput<PrenatalVisit> { Form = DemoMaternal.PrenatalVisit(2, registered.AddDays(-1), Doctor, dating) }, Json.Options);
        Assert.True((await ErrorsAsync(before)).TryGetProperty("form.visitDate", out _));

        // 孕周 outside the round's window: round 2 (16–20 weeks) at 孕25周
        var late = await client.PostAsJsonAsync($"/api/pregnancies/{episode.Id}/prenatal-visits",
            new MaternalInput<PrenatalVisit> { Form = DemoMaternal.PrenatalVisit(2, dating.DayOf(GestationalAge.AtWeek(25))!.Value, Doctor, dating) }, Json.Options);
        var lateErrors = await ErrorsAsync(late);
        Assert.Contains(lateErrors.EnumerateObject(), p => p.Value[0].GetString()!.Contains("孕25周", StringComparison.Ordinal));

        // a postpartum visit or 42-day check before any delivery
        var noDelivery = await client.PostAsJsonAsync($"/api/pregnancies/{episode.Id}/check-42",
            new MaternalInput<Postpartum42DayCheck> { Form = DemoMaternal.Check42(Today, Doctor) }, Json.Options);
        Assert.Contains("尚未登记分娩信息", Message(await ErrorsAsync(noDelivery), "form.visitDate"));

        // a delivery before the LMP
        var deliveryBeforeLmp = await client.PutAsJsonAsync($"/api/pregnancies/{episode.Id}/delivery",
            new MaternalInput<DeliveryInfo> { Form = DemoMaternal.Delivery(lmp.AddDays(-3), lmp), Version = episode.Version }, Json.Options);
        Assert.True((await ErrorsAsync(deliveryBeforeLmp)).TryGetProperty("form.deliveredOn", out _));

        Assert.Equal(0, await host.WithDbAsync(db => db.PrenatalVisits.CountAsync()));
        Assert.Equal(0, await host.WithDbAsync(db => db.PostpartumVisits.CountAsync()));
        Assert.Null(await host.WithDbAsync(db => db.Pregnancies.Select(p => p.DeliveredOn).SingleAsync()));
    }

    [Fact]
    public async Task AFortyTwoDayCheckBeforeTheDeliveryAndAStaleVersionAreRefused()
    {
        var (client, woman) = await WomanAsync("孕妇戊");
        var lmp = Today.AddDays(-300);
        var episode = await RegisterAsync(client, woman, lmp, lmp.AddDays(60));
        var delivered = lmp.AddDays(275);
        var ok = await client.PutAsJsonAsync($"/api/pregnancies/{episode.Id}/delivery",
            new MaternalInput<DeliveryInfo> { Form = DemoMaternal.Delivery(delivered, lmp), Version = episode.Version }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var early = await client.PostAsJsonAsync($"/api/pregnancies/{episode.Id}/check-42",
            new MaternalInput<Postpartum42DayCheck> { Form = DemoMaternal.Check42(delivered.AddDays(-1), Doctor) }, Json.Options);
        Assert.True((await ErrorsAsync(early)).TryGetProperty("form.visitDate", out _));

        var stale = await client.PutAsJsonAsync($"/api/pregnancies/{episode.Id}/delivery",
            new MaternalInput<DeliveryInfo> { Form = DemoMaternal.Delivery(delivered, lmp), Version = episode.Version }, Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.PostpartumVisits.CountAsync()));
    }

    [Fact]
    public async Task ANewbornIsVisitedAtHomeWithinTwentyEightDays()
    {
        var client = await host.SignInAsync("yisheng");
        var born = Today.AddDays(-10);
        var baby = await TestResidents.CreateAsync(client, TestResidents.New("新生儿甲", birth: born, sex: Sex.Female));

        var created = await client.PostAsJsonAsync($"/api/residents/{baby.Id}/newborn-visits",
            new MaternalInput<NewbornVisit> { Form = DemoMaternal.Newborn("新生儿甲", born.AddDays(5), born, Sex.Female, Doctor) }, Json.Options);
        var view = await CreatedAsync<NewbornVisitView>(created);
        var read = (await client.GetFromJsonAsync<NewbornVisitView>($"/api/newborn-visits/{view.Id}", Json.Options))!;
        Assert.Equal(born.AddDays(5), read.VisitDate);

        var again = await client.PostAsJsonAsync($"/api/residents/{baby.Id}/newborn-visits",
            new MaternalInput<NewbornVisit> { Form = DemoMaternal.Newborn("新生儿甲", born.AddDays(5), born, Sex.Female, Doctor) }, Json.Options);
        Assert.True((await ErrorsAsync(again)).TryGetProperty("form.visitDate", out _));

        var edited = await client.PutAsJsonAsync($"/api/newborn-visits/{view.Id}",
            new MaternalInput<NewbornVisit> { Form = DemoMaternal.Newborn("新生儿甲", born.AddDays(6), born, Sex.Female, Doctor), Version = view.Version }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => db.NewbornVisits.CountAsync()));
    }

    [Fact]
    public async Task ALiveBirthGivesEachBabyARecordInTheMothersHouseholdOnceHoweverOftenTheDeliveryIsSaved()
    {
        var (client, woman) = await WomanAsync("产妇甲");
        var lmp = Today.AddDays(-290);
        var episode = await RegisterAsync(client, woman, lmp, lmp.AddDays(70));
        var delivered = Today.AddDays(-3);
        // twin girls born alive and a third baby stillborn: two records, none for the stillbirth
        var delivery = DemoMaternal.Delivery(delivered, lmp) with
        {
            Babies =
            [
                new Baby { Outcome = BirthOutcome.LiveBirth, Sex = Sex.Female, BirthWeightKg = 2.6m, BirthLengthCm = 47 },
                new Baby { Outcome = BirthOutcome.LiveBirth, Sex = Sex.Female, BirthWeightKg = 2.4m, BirthLengthCm = 46 },
                new Baby { Outcome = BirthOutcome.Stillbirth, Sex = Sex.Male },
            ],
        };
        var response = await client.PutAsJsonAsync($"/api/pregnancies/{episode.Id}/delivery",
            new MaternalInput<DeliveryInfo> { Form = delivery, Version = episode.Version }, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var saved = (await response.Content.ReadFromJsonAsync<PregnancyView>(Json.Options))!;
        Assert.Equal([0, 1], saved.Babies.Select(b => b.BabyIndex));
        Assert.All(saved.Babies, b => Assert.NotNull(b.RecordId));

        var mother = await host.WithDbAsync(db => db.HealthRecords.AsNoTracking().FirstAsync(r => r.Id == woman));
        var babies = await host.WithDbAsync(db => db.HealthRecords.AsNoTracking().Where(r => r.Id != woman).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, babies.Count);
        Assert.All(babies, b =>
        {
            Assert.Equal("产妇甲之女", b.Name); // 附件1 填表说明 1: the mother's name + 之女 until the baby is named
            Assert.Equal(Sex.Female, b.Sex);
            Assert.Equal(delivered, b.BirthDate);
            Assert.Equal(mother.HouseholdId, b.HouseholdId);
            Assert.Equal(HouseholdRelation.Daughter, b.RelationToHead); // the head's baby
            Assert.Equal(mother.VillageCode, b.VillageCode);
            Assert.Equal(mother.Cover.CurrentAddress, b.Cover.CurrentAddress);
            Assert.Equal("产妇甲", b.PersonalInfo.ContactName); // the mother as guardian
            Assert.Equal(IdDocumentType.None, b.IdDocumentType);
        });
        Assert.Equal(babies.Select(b => (long?)b.Id), saved.Babies.Select(b => b.RecordId));
        Assert.Equal(2, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "create" && a.HealthRecordId != woman)));

        // the baby's home visit starts from the delivery and the mother's record: nothing typed twice
        var draft = (await DraftAsync(babies[1].Id))!;
        Assert.Equal(("产妇甲之女", Sex.Female, (DateOnly?)delivered, "产妇甲"), (draft.Name, draft.Sex, draft.BirthDate, draft.Mother.Name));
        Assert.Equal((2.4m, 46m, "大渡口区妇幼保健院"), (draft.BirthWeightKg!.Value, draft.BirthLengthCm!.Value, draft.BirthInstitution));
        Assert.Contains(BirthCircumstance.Multiple, draft.BirthCircumstances); // three babies born
        Assert.Equal(mother.Cover.CurrentAddress, draft.Address);

        // the delivery corrected and saved again: still two babies
        var again = await client.PutAsJsonAsync($"/api/pregnancies/{episode.Id}/delivery",
            new MaternalInput<DeliveryInfo> { Form = delivery with { Institution = "区人民医院" }, Version = saved.Version }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(3, await host.WithDbAsync(db => db.HealthRecords.CountAsync()));
        Assert.Equal(2, await host.WithDbAsync(db => db.BirthRecords.CountAsync()));
        Assert.Equal(saved.Babies.Select(b => b.RecordId), (await again.Content.ReadFromJsonAsync<PregnancyView>(Json.Options))!.Babies.Select(b => b.RecordId));

        // two saves of the babies at the same moment (the delivery saved twice at once): still two
        var (_, other) = await WomanAsync("产妇乙");
        var second = await RegisterAsync(client, other, lmp, lmp.AddDays(70));
        await host.WithDbAsync(async db =>
        {
            var row = await db.Pregnancies.FirstAsync(p => p.Id == second.Id);
            row.With(DemoMaternal.Delivery(delivered, lmp)); // stored, its baby not yet given a record
            return await db.SaveChangesAsync();
        });
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => CreateBabiesAsync(second.Id)));
        Assert.Equal(1, await host.WithDbAsync(db => db.BirthRecords.CountAsync(b => b.PregnancyId == second.Id)));
        Assert.Equal(1, await host.WithDbAsync(db => db.HealthRecords.CountAsync(r => r.Name == "产妇乙之女")));
    }

    [Fact]
    public async Task TheWorkListShowsAnOverduePrenatalRoundAReferralToFollowUpAndTheNewbornVisit()
    {
        var (client, woman) = await WomanAsync("孕妇庚");
        // 孕22周 today: round 2 (16–20 weeks) missed and overdue, round 3 (21–24 weeks) due
        var lmp = Today.AddDays(-22 * 7);
        var dating = new PregnancyDating(lmp, PregnancyDating.ByFormRule(lmp));
        var registered = lmp.AddDays(70);
        var episode = await RegisterAsync(client, woman, lmp, registered);
        // the first visit refers (urine protein, low haemoglobin): a "follow up the referral within 2 weeks" item
        var first = DemoMaternal.FirstVisit(registered, lmp, dating.ExpectedDelivery!.Value, Doctor, dating);
        first = first with
        {
            Labs = first.Labs with { Haemoglobin = 90 },
            Assessment = new(CheckResult.Abnormal, "贫血"),
            Referral = new VisitReferral { Referred = Presence.Yes, Reason = "中度贫血", InstitutionAndDepartment = "区妇幼保健院产科" },
        };
        await CreatedAsync<PrenatalVisitView>(await client.PostAsJsonAsync($"/api/pregnancies/{episode.Id}/first-visit",
            new MaternalInput<FirstPrenatalVisit> { Form = first }, Json.Options));
        var born = Today.AddDays(-4); // due on the 3rd day home (the mother's visit day), so on today's list
        var baby = await TestResidents.CreateAsync(client, TestResidents.New("新生儿乙", birth: born, sex: Sex.Male));

        var list = (await client.GetFromJsonAsync<WorkListResult>("/api/worklist?pageSize=200", Json.Options))!;

        var mine = list.Items.Where(i => i.HealthRecordId == woman).ToList();
        var round2 = Assert.Single(mine, i => i.Kind == "prenatal-2");
        Assert.Equal(Today.DayNumber - dating.DayOf(new GestationalAge(20, 6))!.Value.DayNumber, round2.DaysOverdue);
        Assert.Equal("孕产妇", round2.ServiceLabel);
        Assert.Contains(mine, i => i.Kind == "prenatal-3" && i.DaysOverdue == 0);
        var referral = Assert.Single(mine, i => i.Kind == MaternalSchedule.ReferralFollowUpKind);
        Assert.Equal(registered.AddDays(14), referral.DueDate);
        Assert.Single(list.Items, i => i.HealthRecordId == baby.Id && i.Kind == "newborn-visit");
    }
}

public sealed class SqliteMaternalApiTests(SqliteHost host) : MaternalApiTests<SqliteHost>(host);

public sealed class PostgresMaternalApiTests(PostgresHost host) : MaternalApiTests<PostgresHost>(host);
