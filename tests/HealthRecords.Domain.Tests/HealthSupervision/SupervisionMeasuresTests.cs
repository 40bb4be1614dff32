using HealthRecords.Domain.HealthSupervision;
using static HealthRecords.Domain.Tests.HealthSupervision.SupervisionRulesTests;

namespace HealthRecords.Domain.Tests.HealthSupervision;

public sealed class SupervisionMeasuresTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 31);

    [Fact]
    public void TheTwoMeasuresOf004AreDefined() =>
        Assert.Equal(["004 卫生监督协管服务规范 五(一)", "004 卫生监督协管服务规范 五(二)"], SupervisionMeasures.All.Select(m => m.Source));

    [Theory]
    [InlineData(InformationCategory.FoodSafety, true)]
    [InlineData(InformationCategory.DrinkingWater, true)]
    [InlineData(InformationCategory.SchoolHealth, true)]
    [InlineData(InformationCategory.IllegalPractice, true)]
    [InlineData(InformationCategory.OccupationalHazard, false)]
    public void TheReportRateLeavesOutOccupationalHazards(InformationCategory category, bool counted) =>
        Assert.Equal(counted, SupervisionMeasures.InReportRateDenominator(Report(new DateOnly(2026, 3, 1), category), From, To));

    [Fact]
    public void AFoundClueIsInTheNumeratorOnceReported()
    {
        var found = Report(new DateOnly(2026, 3, 1));
        Assert.False(SupervisionMeasures.InReportRateNumerator(found, From, To));
        Assert.True(SupervisionMeasures.InReportRateNumerator(found with { ReportedOn = new DateOnly(2026, 3, 2) }, From, To));
        Assert.False(SupervisionMeasures.InReportRateDenominator(Report(new DateOnly(2025, 12, 31), reported: new DateOnly(2026, 1, 2)), From, To));
    }

    [Fact]
    public void PatrolsAreCountedByKindWithTheirRecords()
    {
        PatrolRow[] patrols =
        [
            new(1, Patrol(new DateOnly(2026, 3, 1))),
            new(2, Patrol(new DateOnly(2026, 6, 1))),
            new(3, Patrol(new DateOnly(2026, 3, 5), PatrolKind.School, "跳磴镇中心小学")),
            new(4, Patrol(new DateOnly(2026, 3, 5), PatrolKind.Other, "农贸市场") with { KindOther = "公共场所" }),
            new(5, Patrol(new DateOnly(2025, 3, 5), PatrolKind.IllegalPractice, "某诊所")),
        ];
        var counts = SupervisionMeasures.CountPatrols(patrols, From, To);
        Assert.Equal([(PatrolKind.DrinkingWater, 2), (PatrolKind.School, 1), (PatrolKind.IllegalPractice, 0)], counts.Select(c => (c.Kind, c.Count)));
        Assert.Equal([1L, 2L], counts[0].PatrolIds);
    }
}
