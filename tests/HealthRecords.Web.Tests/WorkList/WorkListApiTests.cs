using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.WorkList;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.WorkList;

/// <summary>
/// The work list over a test-only due-item source (<see cref="BirthdayDueItemSource"/>): scope, urgency order,
/// days overdue, filters, the 14-day planner, and contact attempts. "Today" is 2026-06-15.
/// </summary>
public abstract class WorkListApiTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly ConcurrentDictionary<HostFixture, WebApplicationFactory<Program>> WithSource = new();
    private const string Only = "?service=" + BirthdayDueItemSource.Service;

    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The same host and database with the test source registered (disposed with the host's factory).</summary>
    private WebApplicationFactory<Program> Factory => WithSource.GetOrAdd(host, h => h.Factory.WithWebHostBuilder(b =>
        b.ConfigureServices(s => s.AddScoped<IDueItemSource, BirthdayDueItemSource>())));

    private Task<HttpClient> SignInAsync(string userName) => HostFixture.SignInAsync(Factory, userName);

    private async Task<Dictionary<string, long>> ArrangeAsync()
    {
        var doctor = await SignInAsync("yisheng");
        var ids = new Dictionary<string, long>();
        async Task Add(string name, string village, DateOnly birth, string? phone = null) =>
            ids[name] = (await TestResidents.CreateAsync(doctor, TestResidents.New(name, village, birth, phone: phone))).Id;
        await Add("甲一", TestResidents.Shilin, new DateOnly(1960, 6, 1), "13812345678"); // 14 days overdue
        await Add("乙二", TestResidents.Gongqiao, new DateOnly(1940, 6, 10));            // 86: urgent, 5 days overdue
        await Add("丙三", TestResidents.Shilin, new DateOnly(1970, 6, 15));             // due today
        await Add("丁四", TestResidents.Shuanghe, new DateOnly(1960, 6, 1));            // not the village doctor's village
        await Add("戊五", TestResidents.Shilin, new DateOnly(1965, 6, 20));             // due in 5 days: planner only
        await Add("己六", TestResidents.Shilin, new DateOnly(1960, 6, 2));              // closed record: never listed
        await host.WithDbAsync(db => db.HealthRecords.Where(r => r.Id == ids["己六"])
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RecordStatus.Closed)));
        return ids;
    }

    [Fact]
    public async Task VillageDoctorSeesHisVillagesItemsUrgentFirstThenMostOverdue()
    {
        await ArrangeAsync();
        var cunyi = await SignInAsync("cunyi");

        var list = (await cunyi.GetFromJsonAsync<WorkListResult>("/api/worklist" + Only, Json.Options))!;

        Assert.Equal(["乙二", "甲一", "丙三"], list.Items.Select(i => i.Name));
        Assert.Equal([5, 14, 0], list.Items.Select(i => i.DaysOverdue));
        Assert.Equal([true, false, false], list.Items.Select(i => i.Urgent));
        Assert.Equal((3, 2, 1), (list.Total, list.Overdue, list.Urgent));
        Assert.Equal("138****5678", list.Items.Single(i => i.Name == "甲一").Phone); // masked
        Assert.Equal(["500104103203", "500104103204"], list.Villages.Select(v => v.Value)); // his two villages only

        var township = (await (await SignInAsync("yisheng")).GetFromJsonAsync<WorkListResult>("/api/worklist" + Only, Json.Options))!;
        Assert.Equal(["乙二", "甲一", "丁四", "丙三"], township.Items.Select(i => i.Name)); // 丁四 has the same due date as 甲一
    }

    [Fact]
    public async Task FiltersByVillageServiceAndKind()
    {
        await ArrangeAsync();
        var cunyi = await SignInAsync("cunyi");

        var gongqiao = (await cunyi.GetFromJsonAsync<WorkListResult>($"/api/worklist{Only}&village={TestResidents.Gongqiao}", Json.Options))!;
        var otherKind = (await cunyi.GetFromJsonAsync<WorkListResult>($"/api/worklist{Only}&kind={DueKinds.FollowUp}", Json.Options))!;
        var otherVillage = (await cunyi.GetFromJsonAsync<WorkListResult>($"/api/worklist{Only}&village={TestResidents.Shuanghe}", Json.Options))!;
        var all = (await cunyi.GetFromJsonAsync<WorkListResult>("/api/worklist", Json.Options))!;
        var count = (await cunyi.GetFromJsonAsync<CountBody>("/api/worklist/count", Json.Options))!;

        Assert.Equal(["乙二"], gongqiao.Items.Select(i => i.Name));
        Assert.Empty(otherKind.Items);
        Assert.Empty(otherVillage.Items); // a village outside his scope gives nothing
        Assert.Contains(all.Services, s => s.Value == BirthdayDueItemSource.Service);
        Assert.Equal(all.Total, count.Count);
    }

    [Fact]
    public async Task PlannerCountsItemsPerVillagePerDayForFourteenDays()
    {
        await ArrangeAsync();
        var cunyi = await SignInAsync("cunyi");

        var plan = (await cunyi.GetFromJsonAsync<PlannerResult>("/api/worklist/planner" + Only, Json.Options))!;

        Assert.Equal(14, plan.Days.Count);
        Assert.Equal(new DateOnly(2026, 6, 15), plan.Days[0]);
        var shilin = plan.Villages.Single(v => v.VillageCode == TestResidents.Shilin);
        Assert.Equal(1, shilin.Overdue);    // 甲一
        Assert.Equal(1, shilin.PerDay[0]);  // 丙三 today
        Assert.Equal(1, shilin.PerDay[5]);  // 戊五 on 06-20
        Assert.Equal(3, shilin.Total);
        var gongqiao = plan.Villages.Single(v => v.VillageCode == TestResidents.Gongqiao);
        Assert.Equal((1, 1), (gongqiao.Overdue, gongqiao.Total));
        Assert.DoesNotContain(plan.Villages, v => v.VillageCode == TestResidents.Shuanghe);
    }

    [Fact]
    public async Task UnreachableAttemptIsShownBesideTheItemWhichStaysOnTheList()
    {
        var ids = await ArrangeAsync();
        var cunyi = await SignInAsync("cunyi");
        var item = (await cunyi.GetFromJsonAsync<WorkListResult>("/api/worklist" + Only, Json.Options))!.Items.Single(i => i.Name == "甲一");

        var saved = await cunyi.PostAsJsonAsync("/api/worklist/contacts", new
        {
            healthRecordId = item.HealthRecordId, service = item.Service, kind = item.Kind, sourceId = item.SourceId,
            outcome = 3, contactedOn = "2026-06-15", note = "家中无人",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var after = (await cunyi.GetFromJsonAsync<WorkListResult>("/api/worklist" + Only, Json.Options))!;
        var row = after.Items.Single(i => i.Name == "甲一");
        Assert.Equal(3, after.Total); // still due
        Assert.Equal(ContactOutcome.Unreachable, row.LastContact!.Outcome);
        Assert.Equal("家中无人", row.LastContact.Note);
        Assert.Null(after.Items.Single(i => i.Name == "丙三").LastContact);
        var audited = await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "contact-attempt" && a.HealthRecordId == ids["甲一"]));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task ContactAttemptRefusesBadInputOutOfScopeRecordsAndReadOnlyUsers()
    {
        var ids = await ArrangeAsync();
        var cunyi = await SignInAsync("cunyi");

        var bad = await cunyi.PostAsJsonAsync("/api/worklist/contacts", new { healthRecordId = ids["甲一"], service = "x", kind = "y", contactedOn = "2026-06-16" });
        var problem = await bad.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var outside = await cunyi.PostAsJsonAsync("/api/worklist/contacts", new { healthRecordId = ids["丁四"], service = "x", kind = "y", outcome = 2, contactedOn = "2026-06-15" });
        var supervisor = await (await SignInAsync("jianguan")).PostAsJsonAsync("/api/worklist/contacts", new { healthRecordId = ids["甲一"], service = "x", kind = "y", outcome = 2, contactedOn = "2026-06-15" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("outcome", out _));
        Assert.Equal("联系日期不能晚于今天", problem.GetProperty("errors").GetProperty("contactedOn")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, supervisor.StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.ContactAttempts.CountAsync()));
    }

    [Fact]
    public async Task TheListMasksPhonesAndLinksEachItem()
    {
        var ids = await ArrangeAsync();
        var cunyi = await SignInAsync("cunyi");
        Assert.Equal(HttpStatusCode.OK, (await cunyi.GetAsync("/worklist")).StatusCode); // the page itself renders live (not prerendered)

        var raw = await cunyi.GetStringAsync("/api/worklist" + Only);
        var list = System.Text.Json.JsonSerializer.Deserialize<WorkListResult>(raw, Json.Options)!;

        var item = Assert.Single(list.Items, i => i.Name == "甲一");
        Assert.Equal("138****5678", item.Phone);
        Assert.DoesNotContain("13812345678", raw);
        Assert.NotNull(item.Link);
        Assert.Contains(list.Items, i => i.Urgent);
        Assert.DoesNotContain(list.Items, i => i.Name == "丁四"); // not his village
        Assert.Equal(ids["甲一"], item.HealthRecordId);
    }

    [Fact]
    public async Task WithoutTheSourceTheListHasNoneOfItsItems()
    {
        await ArrangeAsync();
        var plain = await host.SignInAsync("cunyi"); // the host as shipped: no test source registered

        var list = (await plain.GetFromJsonAsync<WorkListResult>("/api/worklist" + Only, Json.Options))!;

        Assert.Equal(0, list.Total);
        Assert.Empty(list.Items);
    }

    private sealed record CountBody(int Count);
}

public sealed class SqliteWorkListApiTests(SqliteHost host) : WorkListApiTests<SqliteHost>(host);

public sealed class PostgresWorkListApiTests(PostgresHost host) : WorkListApiTests<PostgresHost>(host);
