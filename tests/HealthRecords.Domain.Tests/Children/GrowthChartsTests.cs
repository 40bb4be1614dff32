using HealthRecords.Domain.Children;
using HealthRecords.Domain.Codes;

namespace HealthRecords.Domain.Tests.Children;

public sealed class GrowthChartsTests
{
    [Fact]
    public void WeightCurvesForAGirlRunFromBirthWithMinusTwoMedianAndPlusTwo()
    {
        var chart = GrowthCharts.ByAge(GrowthIndicator.WeightForAge, Sex.Female, 0, 365, 30);
        Assert.Equal([-2.0, 0.0, 2.0], chart.StandardDeviations);
        Assert.Equal(0, chart.Curves[0].X);
        Assert.Equal(365, chart.Curves[^1].X);
        // weianthro.txt: girl, day 0, M = 3.2322 kg
        Assert.Equal(3.232, chart.Curves[0].Values[1]);
        Assert.All(chart.Curves, p => Assert.True(p.Values[0] < p.Values[1] && p.Values[1] < p.Values[2]));
    }

    [Fact]
    public void BoysAndGirlsHaveDifferentCurves() =>
        Assert.NotEqual(
            GrowthCharts.ByAge(GrowthIndicator.WeightForAge, Sex.Male, 0, 0).Curves[0].Values[1],
            GrowthCharts.ByAge(GrowthIndicator.WeightForAge, Sex.Female, 0, 0).Curves[0].Values[1]);

    [Fact]
    public void HeightCurvesContinueOnThe2007ReferenceAfterFiveYears()
    {
        var chart = GrowthCharts.ByAge(GrowthIndicator.LengthHeightForAge, Sex.Male, 1800, 2200, 100);
        Assert.Contains(chart.Curves, p => p.X > WhoGrowth.StandardsLastDay);
        // hfawho2007.txt: boy, 61 months M = 110.2647; day 1857 is 61.01 months
        var at61 = GrowthCharts.ByAge(GrowthIndicator.LengthHeightForAge, Sex.Male, 1857, 1857).Curves.Single();
        Assert.InRange(at61.Values[1], 110.26, 110.28);
    }

    [Fact]
    public void WeightForLengthCurvesArePlottedAgainstLength()
    {
        var chart = GrowthCharts.ByLength(Sex.Male, standing: false, 45m, 110m, 5m);
        Assert.Equal(45, chart.Curves[0].X);
        Assert.Equal(110, chart.Curves[^1].X);
        Assert.Equal(GrowthIndicator.WeightForLengthHeight, chart.Indicator);
    }
}
