using System.Net.Http.Json;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Measures;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HealthRecords.Web.Tests.Demo;

/// <summary>
/// The demo county's configured population follows its residents (issue #15 item 27): a newcomer's first look at the
/// measures shows a working county's 建档率, not a few hundred records over the real county's million.
/// </summary>
public abstract class DemoPopulationTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task TheDemoCountysRatesLookLikeAWorkingCountys()
    {
        await host.ResetAsync();
        await using var demo = host.Factory.WithWebHostBuilder(b => b.UseSetting("Demo:Residents", "600"));
        var supervisor = await HostFixture.SignInAsync(demo, "jianguan");

        var table = (await supervisor.GetFromJsonAsync<MeasureTable>("/api/measures", Json.Options))!;

        double Rate(string code) => table.Total.Figures.Single(f => f.Code == code).Rate ?? -1;
        var rates = string.Join(", ", table.Total.Figures.Select(f => $"{f.Code} {f.Numerator}/{f.Denominator}"));
        Assert.True(Rate(RecordMeasures.RecordsRate.Code) is >= 0.85 and <= 0.95, rates);
        Assert.True(Rate(ChronicMeasures.HypertensionManagementRate.Code) is >= 0.4 and <= 0.8, rates);
        Assert.True(Rate(ChronicMeasures.DiabetesManagementRate.Code) is >= 0.4 and <= 0.8, rates);
        Assert.True(Rate(Domain.Elderly.ElderlyRules.ManagementRate.Code) is >= 0.2 and <= 0.9, rates); // mid-June: the year's examinations are under way
        Assert.All(table.Rows, r => Assert.NotNull(r.Figures.Single(f => f.Code == RecordMeasures.RecordsRate.Code).Denominator));
    }
}

public sealed class SqliteDemoPopulationTests(SqliteHost host) : DemoPopulationTests<SqliteHost>(host);

public sealed class PostgresDemoPopulationTests(PostgresHost host) : DemoPopulationTests<PostgresHost>(host);
