using System.Net;
using HealthRecords.Domain.Codes;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace HealthRecords.Web.Tests.Residents;

/// <summary>导出居民名单: the search's scope and masking hold in the exported file, and every export is audited.</summary>
public abstract class ExportResidentsTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string ShilinId, string Phone)> ArrangeAsync()
    {
        var doctor = await host.SignInAsync("yisheng");
        var shilin = TestResidents.New("导出甲", TestResidents.Shilin, birth: new DateOnly(1950, 3, 1), phone: "13912345678");
        await TestResidents.CreateAsync(doctor, shilin);
        await TestResidents.CreateAsync(doctor, TestResidents.New("导出乙", TestResidents.Shuanghe, birth: new DateOnly(1980, 5, 1), sex: Sex.Female));
        await TestResidents.CreateAsync(await host.SignInAsync("admin"), TestResidents.New("导出丙", TestResidents.Fengyang, birth: new DateOnly(1970, 1, 1)));
        return (shilin.Info.IdNumber!, "13912345678");
    }

    private static async Task<List<IDictionary<string, object>>> RowsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    [Fact]
    public async Task ARecordKeeperExportsTheInstitutionsResidentsMasked()
    {
        var (id, phone) = await ArrangeAsync();
        var keeper = await host.SignInAsync("dangan");

        var rows = await RowsAsync(await keeper.GetAsync("/api/residents/export"));

        Assert.Equal(["导出乙", "导出甲"], rows.Select(r => (string)r["姓名"]).Order().ToArray()); // not 导出丙 of another institution
        var jia = rows.Single(r => (string)r["姓名"] == "导出甲");
        Assert.Equal(id[..6] + "********" + id[14..], jia["身份证号"]);
        Assert.Equal("139****5678", jia["本人电话"]);
        Assert.Equal("石林村村民委员会", jia["村(居)委会"]);
        Assert.Contains("65岁及以上老年人", (string)jia["重点人群"]);
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "export" && a.Detail == "residents:filter n2")));
        Assert.DoesNotContain(phone, await host.WithDbAsync(db => db.AuditEntries.Select(a => a.Detail ?? "").ToListAsync()).ContinueWith(t => string.Join("|", t.Result)));
    }

    [Fact]
    public async Task TheExportFollowsTheSearchAndItsFilters()
    {
        await ArrangeAsync();
        var keeper = await host.SignInAsync("dangan");

        var byName = await RowsAsync(await keeper.GetAsync("/api/residents/export?q=导出甲"));
        var byVillage = await RowsAsync(await keeper.GetAsync($"/api/residents/export?villageCode={TestResidents.Shuanghe}"));

        Assert.Equal("导出甲", (string)Assert.Single(byName)["姓名"]);
        Assert.Equal("导出乙", (string)Assert.Single(byVillage)["姓名"]);
    }

    [Fact]
    public async Task FullNumbersNeedTheRightAndAreAuditedApart()
    {
        var (id, phone) = await ArrangeAsync();

        var full = await RowsAsync(await (await host.SignInAsync("dangan")).GetAsync("/api/residents/export?full=true&q=导出甲"));
        Assert.Equal(id, Assert.Single(full)["身份证号"]);
        Assert.Equal(phone, full[0]["本人电话"]);
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "export-full")));

        // The supervisor may export (masked) but not see numbers in full; doctors may not export at all.
        var supervisor = await host.SignInAsync("jianguan");
        Assert.Equal(3, (await RowsAsync(await supervisor.GetAsync("/api/residents/export"))).Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/residents/export?full=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync("yisheng")).GetAsync("/api/residents/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync("cunyi")).GetAsync("/api/residents/export")).StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "export-full" && a.UserName!.Contains("监管"))));
    }
}

public sealed class SqliteExportResidentsTests(SqliteHost host) : ExportResidentsTests<SqliteHost>(host);

public sealed class PostgresExportResidentsTests(PostgresHost host) : ExportResidentsTests<PostgresHost>(host);
