using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using HealthRecords.Domain.Measures;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HealthRecords.Web.Tests.Measures;

/// <summary>
/// The record-level measures over a small hand-built county. Configured populations: 跳磴镇 1000, 八桥镇 500, every
/// other township 100 (county 2100). Residents (created 2025-01-10 unless said), "today" 2026-06-15:
///   石林村 (跳磴): 甲 (visited 2026-02-01, doctor yisheng), 乙 (doctor yisheng), 丙 (closed 2026-03-01, visited 2026-01-15)
///   拱桥村 (跳磴): 丁 (created 2026-05-01, visited 2025-03-01: more than a year before 2026's end)
///   双河村 (跳磴): 戊
///   凤阳村 (八桥, 茄子溪 centre): 己 (visited 2026-06-01), 庚 (merged: never counted)
/// Held at 2026-12-31: 甲 乙 丁 戊 (跳磴 4), 己 (八桥 1). With a visit within the year: 甲, 己.
/// </summary>
public abstract class MeasuresApiTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private const string Tiaodeng = TestResidents.TiaodengTownship, Baqiao = "500104101";
    private static readonly ConcurrentDictionary<HostFixture, WebApplicationFactory<Program>> Configured = new();

    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private WebApplicationFactory<Program> Factory => Configured.GetOrAdd(host, h => h.Factory.WithWebHostBuilder(b =>
    {
        foreach (var t in new[] { "500104001", "500104002", "500104003", "500104004", "500104005", "500104102" })
        {
            b.UseSetting($"Measures:Population:{t}", "100");
        }
        b.UseSetting($"Measures:Population:{Tiaodeng}", "1000");
        b.UseSetting($"Measures:Population:{Baqiao}", "500");
        b.ConfigureServices(s =>
        {
            s.AddScoped<IServiceEventSource, VisitServiceEventSource>();
            s.AddScoped<IMeasure, VisitedMeasure>();
        });
    }));

    private Task<HttpClient> SignInAsync(string userName) => HostFixture.SignInAsync(Factory, userName);

    private async Task<Dictionary<string, long>> ArrangeAsync()
    {
        var admin = await SignInAsync("admin");
        var ids = new Dictionary<string, long>();
        foreach (var (name, village) in new[] { ("甲", TestResidents.Shilin), ("乙", TestResidents.Shilin), ("丙", TestResidents.Shilin), ("丁", TestResidents.Gongqiao),
                     ("戊", TestResidents.Shuanghe), ("己", TestResidents.Fengyang), ("庚", TestResidents.Fengyang) })
        {
            ids[name] = (await TestResidents.CreateAsync(admin, TestResidents.New(name + "某", village, phone: "13900001111"))).Id;
        }
        await host.WithDbAsync(async db =>
        {
            var yisheng = (await db.Users.SingleAsync(u => u.UserName == "yisheng")).Id;
            await db.HealthRecords.ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedOn, new DateOnly(2025, 1, 10)));
            await db.HealthRecords.Where(r => r.Id == ids["丁"]).ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedOn, new DateOnly(2026, 5, 1)));
            await db.HealthRecords.Where(r => r.Id == ids["丙"]).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, RecordStatus.Closed).SetProperty(r => r.ClosedOn, new DateOnly(2026, 3, 1)));
            await db.HealthRecords.Where(r => r.Id == ids["庚"]).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RecordStatus.Merged));
            await db.HealthRecords.Where(r => r.Id == ids["甲"] || r.Id == ids["乙"]).ExecuteUpdateAsync(u => u.SetProperty(r => r.ResponsibleDoctorId, yisheng));
            foreach (var (name, on) in new[] { ("甲", new DateOnly(2026, 2, 1)), ("丙", new DateOnly(2026, 1, 15)), ("丁", new DateOnly(2025, 3, 1)), ("己", new DateOnly(2026, 6, 1)) })
            {
                db.ContactAttempts.Add(new ContactAttempt
                {
                    HealthRecordId = ids[name], Service = "test", Kind = "visit", Outcome = ContactOutcome.Visit, ContactedOn = on,
                    UserId = yisheng, UserName = "测试", CreatedAtUtc = DateTime.UtcNow,
                });
            }
            return await db.SaveChangesAsync();
        });
        return ids;
    }

    private static MeasureFigure Of(MeasureRow row, MeasureDefinition d) => row.Figures.Single(f => f.Code == d.Code);

    [Fact]
    public async Task SupervisorSeesTheCountyByTownshipWithEstimatedAndCountedDenominators()
    {
        await ArrangeAsync();
        var table = (await (await SignInAsync("jianguan")).GetFromJsonAsync<MeasureTable>("/api/measures?year=2026", Json.Options))!;

        var tiaodeng = table.Rows.Single(r => r.Key == Tiaodeng);
        var baqiao = table.Rows.Single(r => r.Key == Baqiao);
        Assert.Equal(8, table.Rows.Count); // every township, with zeros
        Assert.Equal((4L, 1000L), (Of(tiaodeng, RecordMeasures.RecordsRate).Numerator, Of(tiaodeng, RecordMeasures.RecordsRate).Denominator!.Value));
        Assert.Equal(0.004, Of(tiaodeng, RecordMeasures.RecordsRate).Rate!.Value, 6);
        Assert.Equal((1L, 500L), (Of(baqiao, RecordMeasures.ElectronicRecordsRate).Numerator, Of(baqiao, RecordMeasures.ElectronicRecordsRate).Denominator!.Value));
        Assert.Equal((1L, 4L, 0.25), (Of(tiaodeng, RecordMeasures.UseRate).Numerator, Of(tiaodeng, RecordMeasures.UseRate).Denominator!.Value, Of(tiaodeng, RecordMeasures.UseRate).Rate!.Value));
        Assert.Equal((1L, 1L), (Of(baqiao, RecordMeasures.UseRate).Numerator, Of(baqiao, RecordMeasures.UseRate).Denominator!.Value));
        Assert.Equal((5L, 2100L), (Of(table.Total, RecordMeasures.RecordsRate).Numerator, Of(table.Total, RecordMeasures.RecordsRate).Denominator!.Value));
        Assert.Equal(0.4, Of(table.Total, RecordMeasures.UseRate).Rate!.Value, 6); // 甲 己 of 甲 乙 丁 戊 己
    }

    [Fact]
    public async Task FiguresFollowThePeriodEnd()
    {
        await ArrangeAsync();
        var jianguan = await SignInAsync("jianguan");

        // Q1 2026 ends 03-31: 丙 closed on 03-01, 丁 not yet created: 甲 乙 戊 己 held; visits within 2025-04-01..2026-03-31: 甲.
        var q1 = (await jianguan.GetFromJsonAsync<MeasureTable>("/api/measures?year=2026&quarter=1", Json.Options))!;
        Assert.Equal(4, Of(q1.Total, RecordMeasures.RecordsRate).Numerator);
        Assert.Equal((1L, 4L), (Of(q1.Total, RecordMeasures.UseRate).Numerator, Of(q1.Total, RecordMeasures.UseRate).Denominator!.Value));

        // 2025 ends 12-31: 丙 was still open, 丁 not created: 甲 乙 丙 戊 己; visits within 2025: none of those (丁's was in 2025 but 丁 did not exist yet).
        var y2025 = (await jianguan.GetFromJsonAsync<MeasureTable>("/api/measures?year=2025", Json.Options))!;
        Assert.Equal(5, Of(y2025.Total, RecordMeasures.RecordsRate).Numerator);
        Assert.Equal(0, Of(y2025.Total, RecordMeasures.UseRate).Numerator);

        var trend = (await jianguan.GetFromJsonAsync<MeasureTrend>($"/api/measures/{RecordMeasures.RecordsRate.Code}/trend?year=2026&by=quarter", Json.Options))!;
        Assert.Equal([4L, 5L], trend.Points.Select(p => p.Numerator)); // Q1, Q2; Q3 has not begun on 06-15
        Assert.All(trend.Points, p => Assert.Equal(2100, p.Denominator));
        // A counted denominator: Q1 甲 of 甲 乙 戊 己; Q2 (12 months to 06-30) 甲 己 of 甲 乙 丁 戊 己.
        var use = (await jianguan.GetFromJsonAsync<MeasureTrend>($"/api/measures/{RecordMeasures.UseRate.Code}/trend?year=2026&by=quarter", Json.Options))!;
        Assert.Equal([(1L, 4L), (2L, 5L)], use.Points.Select(p => (p.Numerator, p.Denominator!.Value)));
    }

    [Fact]
    public async Task GroupsByVillageInstitutionAndDoctor()
    {
        await ArrangeAsync();
        var jianguan = await SignInAsync("jianguan");

        var villages = (await jianguan.GetFromJsonAsync<MeasureTable>($"/api/measures?year=2026&groupBy=village&township={Tiaodeng}", Json.Options))!;
        Assert.Equal(20, villages.Rows.Count); // every village of 跳磴镇
        var shilin = villages.Rows.Single(r => r.Key == TestResidents.Shilin);
        Assert.Equal((1L, 2L), (Of(shilin, RecordMeasures.UseRate).Numerator, Of(shilin, RecordMeasures.UseRate).Denominator!.Value));
        Assert.Equal(2, Of(shilin, RecordMeasures.RecordsRate).Numerator);
        Assert.Null(Of(shilin, RecordMeasures.RecordsRate).Denominator); // no village population configured
        Assert.Equal(1000, Of(villages.Total, RecordMeasures.RecordsRate).Denominator);

        var institutions = (await jianguan.GetFromJsonAsync<MeasureTable>("/api/measures?year=2026&groupBy=institution", Json.Options))!;
        var hospital = institutions.Rows.Single(r => r.Name == "跳磴镇卫生院");
        var centre = institutions.Rows.Single(r => r.Name == "茄子溪街道社区卫生服务中心");
        Assert.Equal((4L, 1000L), (Of(hospital, RecordMeasures.RecordsRate).Numerator, Of(hospital, RecordMeasures.RecordsRate).Denominator!.Value));
        Assert.Equal((1L, 700L), (Of(centre, RecordMeasures.RecordsRate).Numerator, Of(centre, RecordMeasures.RecordsRate).Denominator!.Value)); // 茄子溪 + 八桥 + 建胜

        var doctors = (await jianguan.GetFromJsonAsync<MeasureTable>("/api/measures?year=2026&groupBy=doctor", Json.Options))!;
        var yisheng = doctors.Rows.Single(r => r.Key != MeasureEngine.NoDoctor);
        var none = doctors.Rows.Single(r => r.Key == MeasureEngine.NoDoctor);
        Assert.Equal((1L, 2L), (Of(yisheng, RecordMeasures.UseRate).Numerator, Of(yisheng, RecordMeasures.UseRate).Denominator!.Value));
        Assert.Equal((1L, 3L), (Of(none, RecordMeasures.UseRate).Numerator, Of(none, RecordMeasures.UseRate).Denominator!.Value));
        Assert.Equal("未指定责任医生", none.Name);
        var unassigned = (await jianguan.GetFromJsonAsync<MeasureResidents>(
            $"/api/measures/{RecordMeasures.UseRate.Code}/residents?year=2026&side=denominator&groupBy=doctor&key={MeasureEngine.NoDoctor}", Json.Options))!;
        Assert.Equal(3, unassigned.Total); // 丁 戊 己
    }

    [Fact]
    public async Task InstitutionStaffAndVillageDoctorsSeeOnlyTheirScope()
    {
        await ArrangeAsync();

        var institution = (await (await SignInAsync("yisheng")).GetFromJsonAsync<MeasureTable>("/api/measures?year=2026", Json.Options))!;
        Assert.Equal([Tiaodeng], institution.Rows.Select(r => r.Key));
        Assert.Equal((4L, 1000L), (Of(institution.Total, RecordMeasures.RecordsRate).Numerator, Of(institution.Total, RecordMeasures.RecordsRate).Denominator!.Value));

        var village = (await (await SignInAsync("cunyi")).GetFromJsonAsync<MeasureTable>("/api/measures?year=2026", Json.Options))!;
        var row = village.Rows.Single();
        Assert.Equal(3, Of(row, RecordMeasures.RecordsRate).Numerator); // 甲 乙 丁: 石林村 and 拱桥村 only
        Assert.Null(Of(row, RecordMeasures.RecordsRate).Denominator);   // two villages are not the township's population
        Assert.Null(Of(village.Total, RecordMeasures.RecordsRate).Rate);
    }

    [Fact]
    public async Task DrillsDownToTheResidentsOfAFigureMasked()
    {
        var ids = await ArrangeAsync();
        var jianguan = await SignInAsync("jianguan");

        var numerator = (await jianguan.GetFromJsonAsync<MeasureResidents>(
            $"/api/measures/{RecordMeasures.UseRate.Code}/residents?year=2026&side=numerator&key={Tiaodeng}", Json.Options))!;
        var denominator = (await jianguan.GetFromJsonAsync<MeasureResidents>(
            $"/api/measures/{RecordMeasures.UseRate.Code}/residents?year=2026&side=denominator&key={Tiaodeng}&pageSize=3", Json.Options))!;
        var estimated = await jianguan.GetAsync($"/api/measures/{RecordMeasures.RecordsRate.Code}/residents?year=2026&side=denominator");
        var outside = (await (await SignInAsync("cunyi")).GetFromJsonAsync<MeasureResidents>(
            $"/api/measures/{RecordMeasures.RecordsRate.Code}/residents?year=2026&side=numerator&key={Baqiao}", Json.Options))!;

        Assert.Equal([ids["甲"]], numerator.Items.Select(r => r.Id));
        Assert.Equal("跳磴镇", numerator.GroupName);
        Assert.Equal(4, denominator.Total);
        Assert.Equal(3, denominator.Items.Count);
        Assert.All(numerator.Items, r => Assert.Matches(@"^500104\*{8}\w{4}$", r.IdNumber));
        Assert.All(numerator.Items, r => Assert.Equal("139****1111", r.Phone));
        Assert.Equal(HttpStatusCode.BadRequest, estimated.StatusCode);
        Assert.Equal(0, outside.Total); // 八桥镇 is outside the village doctor's scope
    }

    [Fact]
    public async Task ExportsAreScopedMaskedAndAudited()
    {
        await ArrangeAsync();
        var jianguan = await SignInAsync("jianguan");

        var list = await jianguan.GetAsync($"/api/measures/{RecordMeasures.UseRate.Code}/residents/export?year=2026&side=denominator");
        var table = await jianguan.GetAsync("/api/measures/export?year=2026");
        var refused = await (await SignInAsync("cunyi")).GetAsync($"/api/measures/{RecordMeasures.UseRate.Code}/residents/export?year=2026&side=denominator");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(MeasureExport.ContentType, list.Content.Headers.ContentType!.MediaType);
        var rows = (await list.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(5, rows.Count); // 甲 乙 丁 戊 己
        Assert.All(rows, r => Assert.Contains("********", (string)r["身份证号"]));
        Assert.All(rows, r => Assert.Equal("139****1111", (string)r["联系电话"]));
        var sheet = (await table.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(10, sheet.Count); // 8 townships, the total and the footnote
        Assert.Equal("合计", sheet[^2]["分组"]);
        Assert.Equal("统计期 2026-01-01 至 2026-12-31，统计于 2026-06-15 10:00:00", sheet[^1]["分组"]); // the test clock's 02:00 UTC, in China time
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode); // village doctors may not export lists
        Assert.Equal(2, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "export")));
    }

    [Fact]
    public async Task AMeasureGivingOnlyIdsIsCountedGroupedAndDrilledDown()
    {
        var ids = await ArrangeAsync();
        var jianguan = await SignInAsync("jianguan");

        // Visits in 2026: 甲 丙 (跳磴) and 己 (八桥); records not merged: 甲 乙 丙 丁 戊 (跳磴), 己 (八桥).
        var table = (await jianguan.GetFromJsonAsync<MeasureTable>("/api/measures?year=2026", Json.Options))!;
        var tiaodeng = Of(table.Rows.Single(r => r.Key == Tiaodeng), VisitedMeasure.Def);
        Assert.Equal((2L, 5L, 0.4), (tiaodeng.Numerator, tiaodeng.Denominator!.Value, tiaodeng.Rate!.Value));
        Assert.Equal((1L, 1L), (Of(table.Rows.Single(r => r.Key == Baqiao), VisitedMeasure.Def).Numerator, Of(table.Rows.Single(r => r.Key == Baqiao), VisitedMeasure.Def).Denominator!.Value));
        Assert.Equal((3L, 6L), (Of(table.Total, VisitedMeasure.Def).Numerator, Of(table.Total, VisitedMeasure.Def).Denominator!.Value));

        var list = (await jianguan.GetFromJsonAsync<MeasureResidents>($"/api/measures/{VisitedMeasure.Def.Code}/residents?year=2026&key={Tiaodeng}", Json.Options))!;
        Assert.Equal(new[] { ids["甲"], ids["丙"] }.Order(), list.Items.Select(r => r.Id).Order());

        var trend = (await jianguan.GetFromJsonAsync<MeasureTrend>($"/api/measures/{VisitedMeasure.Def.Code}/trend?year=2026&by=month", Json.Options))!;
        Assert.Equal([1L, 1L, 0L, 0L, 0L, 1L], trend.Points.Select(p => p.Numerator)); // 丙 in January, 甲 in February, 己 in June
    }

    [Fact]
    public async Task BadPeriodOrGroupingIsRefusedWithFieldErrors()
    {
        var jianguan = await SignInAsync("jianguan");

        var response = await jianguan.GetAsync("/api/measures?year=2030&quarter=5&groupBy=planet");
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("year", out _));
        Assert.True(errors.TryGetProperty("quarter", out _));
        Assert.True(errors.TryGetProperty("groupBy", out _));
    }
}

public sealed class SqliteMeasuresApiTests(SqliteHost host) : MeasuresApiTests<SqliteHost>(host);

public sealed class PostgresMeasuresApiTests(PostgresHost host) : MeasuresApiTests<PostgresHost>(host);
