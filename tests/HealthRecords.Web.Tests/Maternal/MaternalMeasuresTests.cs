using System.Net;
using System.Net.Http.Json;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Maternal;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Features.Maternal;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Maternal;

/// <summary>
/// 早孕建册率, 孕妇健康管理率, 产后访视率 and 新生儿访视率 on the measures page, on SQLite and PostgreSQL: the denominator is the
/// period's live births (twins two, a stillbirth none, a delivery of another year none), the drill-down lists the mothers.
/// </summary>
public abstract class MaternalMeasuresTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private const string Doctor = "王医生";

    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<(long Woman, PregnancyView Episode)> RegisterAsync(HttpClient client, string name, DateOnly lmp, int registeredOnDay)
    {
        var woman = (await TestResidents.CreateAsync(client, TestResidents.New(name, birth: new DateOnly(1994, 3, 3), sex: Sex.Female))).Id;
        var response = await client.PostAsJsonAsync($"/api/residents/{woman}/pregnancies",
            new MaternalInput<Pregnancy> { Form = DemoMaternal.Registration(lmp.AddDays(registeredOnDay), lmp, PregnancyDating.ByFormRule(lmp)!.Value) }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (woman, (await response.Content.ReadFromJsonAsync<PregnancyView>(Json.Options))!);
    }

    private static async Task<PregnancyView> DeliverAsync(HttpClient client, PregnancyView episode, DeliveryInfo delivery)
    {
        var response = await client.PutAsJsonAsync($"/api/pregnancies/{episode.Id}/delivery", new MaternalInput<DeliveryInfo> { Form = delivery, Version = episode.Version }, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PregnancyView>(Json.Options))!;
    }

    private static async Task PostAsync<T>(HttpClient client, string url, T form) where T : class
    {
        var response = await client.PostAsJsonAsync(url, new MaternalInput<T> { Form = form }, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheMaternalRatesCountLiveBirthsOfThePeriodAndTheirMothersServices()
    {
        var client = await host.SignInAsync("yisheng");
        // 甲: registered at 10 weeks, all five prenatal visits, twins born alive on 2026-03-01, visited on day 5; one twin visited
        var lmpA = new DateOnly(2026, 3, 1).AddDays(-280);
        var datingA = new PregnancyDating(lmpA, PregnancyDating.ByFormRule(lmpA));
        var (womanA, a) = await RegisterAsync(client, "产妇甲", lmpA, 70);
        await PostAsync(client, $"/api/pregnancies/{a.Id}/first-visit", DemoMaternal.FirstVisit(lmpA.AddDays(70), lmpA, datingA.ExpectedDelivery!.Value, Doctor, datingA));
        foreach (var (round, day) in new[] { (2, 112), (3, 147), (4, 196), (5, 259) })
        {
            await PostAsync(client, $"/api/pregnancies/{a.Id}/prenatal-visits", DemoMaternal.PrenatalVisit(round, lmpA.AddDays(day), Doctor, datingA));
        }
        var bornA = lmpA.AddDays(280);
        var twins = DemoMaternal.Delivery(bornA, lmpA) with
        {
            Babies = [new Baby { Outcome = BirthOutcome.LiveBirth, Sex = Sex.Female, BirthWeightKg = 2.6m }, new Baby { Outcome = BirthOutcome.LiveBirth, Sex = Sex.Male, BirthWeightKg = 2.5m }],
        };
        a = await DeliverAsync(client, a, twins);
        await PostAsync(client, $"/api/pregnancies/{a.Id}/postpartum-visits", DemoMaternal.Postpartum(bornA.AddDays(5), bornA, Doctor));
        var twin = a.Babies[0].RecordId!.Value;
        await PostAsync(client, $"/api/residents/{twin}/newborn-visits", DemoMaternal.Newborn("产妇甲之女", bornA.AddDays(5), bornA, Sex.Female, Doctor));

        // 乙: registered at 14 weeks (late), one live birth on 2026-04-01, no postpartum visit within 28 days (day 30)
        var lmpB = new DateOnly(2026, 4, 1).AddDays(-280);
        var (_, b) = await RegisterAsync(client, "产妇乙", lmpB, 98);
        b = await DeliverAsync(client, b, DemoMaternal.Delivery(lmpB.AddDays(280), lmpB));
        await PostAsync(client, $"/api/pregnancies/{b.Id}/postpartum-visits", DemoMaternal.Postpartum(lmpB.AddDays(310), lmpB.AddDays(280), Doctor));

        // 丙: a stillbirth in 2026 (no live birth); 丁: a live birth in 2025 (another period)
        var lmpC = new DateOnly(2026, 2, 1).AddDays(-280);
        var (_, c) = await RegisterAsync(client, "产妇丙", lmpC, 70);
        await DeliverAsync(client, c, DemoMaternal.Delivery(lmpC.AddDays(280), lmpC) with { Babies = [new Baby { Outcome = BirthOutcome.Stillbirth, Sex = Sex.Male }] });
        var lmpD = new DateOnly(2025, 12, 20).AddDays(-280);
        var (_, d) = await RegisterAsync(client, "产妇丁", lmpD, 70);
        await DeliverAsync(client, d, DemoMaternal.Delivery(lmpD.AddDays(280), lmpD));

        var table = (await client.GetFromJsonAsync<MeasureTable>("/api/measures?year=2026", Json.Options))!;
        (long, long?) Figure(string code) => table.Total.Figures.Single(f => f.Code == code) is var f ? (f.Numerator, f.Denominator) : default;
        Assert.Equal((1L, 3L), Figure(MaternalMeasures.EarlyPregnancyRegistrationRate.Code)); // 甲 of 3 live births (twins 2, 乙 1)
        Assert.Equal((1L, 3L), Figure(MaternalMeasures.PrenatalCareRate.Code));                // 甲's 5 visits
        Assert.Equal((1L, 3L), Figure(MaternalMeasures.PostpartumVisitRate.Code));             // 乙's visit on day 30 is late
        Assert.Equal((1L, 3L), Figure(MaternalMeasures.NewbornVisitRate.Code));                // 3 babies born in 2026, one visited

        var numerator = (await client.GetFromJsonAsync<MeasureResidents>($"/api/measures/{MaternalMeasures.PostpartumVisitRate.Code}/residents?year=2026&side=numerator", Json.Options))!;
        Assert.Equal([womanA], numerator.Items.Select(i => i.Id));
        var denominator = (await client.GetFromJsonAsync<MeasureResidents>($"/api/measures/{MaternalMeasures.PostpartumVisitRate.Code}/residents?year=2026&side=denominator", Json.Options))!;
        Assert.Equal(3, denominator.Total); // a line per live birth: 甲 twice
        Assert.Equal(2, await host.WithDbAsync(db => db.BirthRecords.CountAsync(x => x.PregnancyId == a.Id)));
    }
}

public sealed class SqliteMaternalMeasuresTests(SqliteHost host) : MaternalMeasuresTests<SqliteHost>(host);

public sealed class PostgresMaternalMeasuresTests(PostgresHost host) : MaternalMeasuresTests<PostgresHost>(host);
