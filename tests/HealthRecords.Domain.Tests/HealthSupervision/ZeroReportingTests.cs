using HealthRecords.Domain.HealthSupervision;
using static HealthRecords.Domain.Tests.HealthSupervision.SupervisionRulesTests;

namespace HealthRecords.Domain.Tests.HealthSupervision;

public sealed class ZeroReportingTests
{
    private static readonly ZeroReportPolicy Monthly = new(ZeroReportPeriod.Month, 5, new DateOnly(2026, 1, 1));

    [Fact]
    public void ACountyWithoutTheSystemOwesNothing() => Assert.Empty(ZeroReporting.Due(null, [], [], new DateOnly(2026, 6, 15)));

    [Fact]
    public void EachEndedMonthWithoutAReportOwesAZeroReport()
    {
        var items = ZeroReporting.Due(Monthly, [Report(new DateOnly(2026, 2, 3), reported: new DateOnly(2026, 2, 4))], [new ZeroReport(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 2))], new DateOnly(2026, 4, 30));
        Assert.Equal([new DateOnly(2026, 4, 5)], items.Select(i => i.DueDate).Take(1));
        Assert.Equal(2, items.Count); // March, and April on its last day
        var april = items[1];
        Assert.Equal((new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 5)), (april.WindowStart, april.DueDate));
        Assert.True(items[0].IsOverdue(new DateOnly(2026, 4, 30)));
    }

    [Fact]
    public void AFoundButUnreportedClueStillOwesTheZeroReport() =>
        Assert.Single(ZeroReporting.Due(Monthly with { Since = new DateOnly(2026, 3, 1) }, [Report(new DateOnly(2026, 3, 3))], [], new DateOnly(2026, 4, 2)));

    [Fact]
    public void WeeksRunMondayToSunday()
    {
        Assert.Equal((new DateOnly(2026, 6, 15), new DateOnly(2026, 6, 21)), ZeroReporting.PeriodOf(ZeroReportPeriod.Week, new DateOnly(2026, 6, 17)));
        Assert.Equal((new DateOnly(2026, 6, 15), new DateOnly(2026, 6, 21)), ZeroReporting.PeriodOf(ZeroReportPeriod.Week, new DateOnly(2026, 6, 21)));
        var weekly = new ZeroReportPolicy(ZeroReportPeriod.Week, 0, new DateOnly(2026, 6, 1));
        Assert.Equal([new DateOnly(2026, 6, 7), new DateOnly(2026, 6, 14)], ZeroReporting.Due(weekly, [], [], new DateOnly(2026, 6, 17)).Select(i => i.DueDate));
    }

    [Fact]
    public void AZeroReportIsRefusedForAPeriodWithAReportOrNotYetEnded()
    {
        var today = new DateOnly(2026, 4, 10);
        Assert.Empty(ZeroReporting.Validate(new ZeroReport(new DateOnly(2026, 3, 1), today), Monthly, [], [], today));
        Assert.Equal("本期已有卫生监督协管信息报告，不需零报告",
            Assert.Single(ZeroReporting.Validate(new ZeroReport(new DateOnly(2026, 3, 1), today), Monthly, [Report(new DateOnly(2026, 3, 2), reported: new DateOnly(2026, 3, 2))], [], today)["periodStart"]));
        Assert.Equal("本期至 2026-04-30 结束，到期末才能零报告", Assert.Single(ZeroReporting.Validate(new ZeroReport(new DateOnly(2026, 4, 1), today), Monthly, [], [], today)["periodStart"]));
        Assert.Equal("本期已零报告", Assert.Single(ZeroReporting.Validate(new ZeroReport(new DateOnly(2026, 3, 1), today), Monthly, [], [new ZeroReport(new DateOnly(2026, 3, 1), today)], today)["periodStart"]));
        Assert.Contains("periodStart", ZeroReporting.Validate(new ZeroReport(new DateOnly(2026, 3, 2), today), Monthly, [], [], today).Keys);
        Assert.Equal("本县（区）未实行零报告制度", Assert.Single(ZeroReporting.Validate(new ZeroReport(new DateOnly(2026, 3, 1), today), null, [], [], today)["periodStart"]));
    }
}
