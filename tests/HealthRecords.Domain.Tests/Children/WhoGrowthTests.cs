using HealthRecords.Domain.Children;
using HealthRecords.Domain.Codes;

namespace HealthRecords.Domain.Tests.Children;

/// <summary>
/// z-scores against WHO's own values: the expected numbers come from the test suites of WHO's anthro and anthroplus
/// R packages (WorldHealthOrganization on GitHub) unless a test says it computed them from the published formula.
/// </summary>
public sealed class WhoGrowthTests
{
    private static GrowthZScores Z(Sex sex, int days, decimal? weight = null, decimal? length = null, MeasurementPosition? position = null) =>
        WhoGrowth.Compute(new GrowthMeasurement(sex, days, weight, length, position));

    [Fact]
    public void GirlOf1522DaysWeighing17KgHasWeightForAge024() =>
        // anthro tests/testthat/test-zscore-weight-for-age.R; ../shared/data/who-growth/README.md
        Assert.Equal(0.24, Z(Sex.Female, 1522, weight: 17m).WeightForAge);

    [Fact]
    public void LyingLengthFrom24MonthsLoses07CmBeforeHeightForAge()
    {
        // anthro test-zscores.R: boy, 987 days, 72.86 cm lying -> zlen -6.09
        var z = Z(Sex.Male, 987, length: 72.86m, position: MeasurementPosition.Lying);
        Assert.Equal(72.16m, z.AdjustedLengthCm);
        Assert.Equal(-6.09, z.LengthHeightForAge);
    }

    [Fact]
    public void StandingHeightUnder24MonthsGains07Cm()
    {
        // anthro test-zscores.R: boy, 9 months (274 days), standing 60 cm -> 60.7 cm, zlen -5.02
        var z = Z(Sex.Male, 274, length: 60m, position: MeasurementPosition.Standing);
        Assert.Equal(60.7m, z.AdjustedLengthCm);
        Assert.Equal(-5.02, z.LengthHeightForAge);
        Assert.False(z.StandingUnderNineMonths);
    }

    [Fact]
    public void StandingUnderNineMonthsIsFlaggedAndNotAdjusted()
    {
        // anthro test-zscores.R: boy, 8 months (244 days), standing 60 cm -> c9mo_flag, 60.0 cm, zlen -4.81
        var z = Z(Sex.Male, 244, length: 60m, position: MeasurementPosition.Standing);
        Assert.True(z.StandingUnderNineMonths);
        Assert.Equal(60m, z.AdjustedLengthCm);
        Assert.Equal(-4.81, z.LengthHeightForAge);
    }

    [Fact]
    public void At24MonthsTheHeightTableIsUsed() =>
        // anthro test-zscores.R: girl, 24 months (731 days), 77.5 cm -> zlen -2.55 (no adjustment: standing assumed)
        Assert.Equal(-2.55, Z(Sex.Female, 731, length: 77.5m).LengthHeightForAge);

    [Theory]
    [InlineData(730, MeasurementPosition.Lying, 85.0)]
    [InlineData(731, MeasurementPosition.Lying, 84.3)]
    [InlineData(730, MeasurementPosition.Standing, 85.7)]
    [InlineData(731, MeasurementPosition.Standing, 85.0)]
    public void TheLyingStandingAdjustmentSwitchesOnDay731(int days, MeasurementPosition position, decimal expected) =>
        Assert.Equal(expected, WhoGrowth.AdjustLength(days, 85.0m, position));

    [Fact]
    public void WeightForLengthUnder24MonthsAndWeightForHeightAfterAgreeAcrossTheSwitch()
    {
        // The same child measured lying on both sides of the switch: 85.0 cm on the weight-for-length table on day 730,
        // 84.3 cm on the weight-for-height table on day 731. WHO built the height table 0.7 cm from the length table,
        // so both give the same z (-0.0007 from the formula, 0.00 rounded).
        var before = Z(Sex.Male, 730, weight: 11.5m, length: 85.0m, position: MeasurementPosition.Lying);
        var after = Z(Sex.Male, 731, weight: 11.5m, length: 85.0m, position: MeasurementPosition.Lying);
        Assert.Equal(0.0, before.WeightForLengthHeight);
        Assert.Equal(0.0, after.WeightForLengthHeight);
        Assert.NotEqual(before.LengthHeightForAge, after.LengthHeightForAge);
    }

    [Fact]
    public void WeightForLengthInterpolatesBetweenTenthsOfACentimetre()
    {
        // Computed from the published formula: boy, 400 days, 75.35 cm, 9.5 kg: L, M, S halfway between 75.3 and 75.4 -> -0.0936
        var z = Z(Sex.Male, 400, weight: 9.5m, length: 75.35m);
        Assert.Equal(-0.09, z.WeightForLengthHeight);
    }

    [Fact]
    public void BeyondMinusThreeWeightUsesTheRestrictedFormula()
    {
        // Computed from WHO's formula (Methods and development, ch. 7): boy, 365 days, 6 kg: plain LMS -4.28, restricted -4.14
        var z = Z(Sex.Male, 365, weight: 6m);
        Assert.Equal(-4.14, z.WeightForAge);
    }

    [Fact]
    public void BeyondPlusThreeWeightUsesTheRestrictedFormula()
    {
        // Computed from WHO's formula: girl, 365 days, 14 kg: plain LMS 3.49, restricted 3.55
        Assert.Equal(3.55, Z(Sex.Female, 365, weight: 14m).WeightForAge);
    }

    [Fact]
    public void LengthForAgeBeyondThreeStaysOnThePlainFormula()
    {
        // length has L = 1: the z-score is (y - M) / (M S) however far out; the 987-day case above is -6.09 on it
        var z = Z(Sex.Male, 987, length: 72.86m, position: MeasurementPosition.Lying);
        Assert.True(z.LengthHeightForAge < -3);
        Assert.Equal(-6.09, z.LengthHeightForAge);
    }

    [Fact]
    public void FortyKilogramsAtThreeMonthsIsImplausible()
    {
        var z = Z(Sex.Male, 91, weight: 40m);
        Assert.True(WhoGrowth.IsImplausible(GrowthIndicator.WeightForAge, z.WeightForAge!.Value));
    }

    [Fact]
    public void TheReferenceChangesAt60Months()
    {
        Assert.Equal(GrowthReference.Standards2006, WhoGrowth.ReferenceFor(1826));
        Assert.Equal(GrowthReference.Reference2007, WhoGrowth.ReferenceFor(1827));
        // computed from the formula: girl, 18 kg: day 1826 on the 2006 standards -0.08, day 1827 on the 2007 reference -0.03
        Assert.Equal(-0.08, Z(Sex.Female, 1826, weight: 18m).WeightForAge);
        Assert.Equal(-0.03, Z(Sex.Female, 1827, weight: 18m).WeightForAge);
    }

    [Theory]
    // anthroplus tests/testthat/test-zscores.R "computes correct value for age ~ 60 months": girls at 60.32 and
    // 60.911701 months, i.e. 1836 and 1854 days
    [InlineData(1836, 113.8, 18.7, 0.21, 0.96, -0.58)]
    [InlineData(1854, 113.6, 20.5, 0.79, 0.85, 0.42)]
    public void From60MonthsTheWho2007ReferenceIsUsed(int days, double height, double weight, double wfa, double hfa, double bfa)
    {
        var z = Z(Sex.Female, days, weight: (decimal)weight, length: (decimal)height);
        Assert.Equal(GrowthReference.Reference2007, z.Reference);
        Assert.Equal(wfa, z.WeightForAge);
        Assert.Equal(hfa, z.LengthHeightForAge);
        Assert.Equal(bfa, z.BmiForAge);
        Assert.Null(z.WeightForLengthHeight);
        Assert.Equal(bfa, z.WeightForStature);
    }

    [Fact]
    public void WeightForAgeEndsAtTenYearsOnThe2007Reference() =>
        Assert.Null(Z(Sex.Male, 3700, weight: 30m).WeightForAge);

    [Fact]
    public void LengthOutsideTheWeightForLengthTableGetsNoScore() =>
        Assert.Null(Z(Sex.Male, 10, weight: 3m, length: 44.9m).WeightForLengthHeight);

    [Fact]
    public void UnknownSexGetsNoScores()
    {
        var z = Z(Sex.Unknown, 400, weight: 9m, length: 75m);
        Assert.Null(z.WeightForAge);
        Assert.Null(z.LengthHeightForAge);
    }

    [Fact]
    public void AgeInDaysCountsCompletedDays() =>
        Assert.Equal(366, WhoGrowth.AgeInDays(new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1)));

    [Theory]
    [InlineData(-2.0)]
    [InlineData(0.0)]
    [InlineData(2.0)]
    public void ACurveValueHasTheZScoreOfItsLine(double sd)
    {
        var weight = WhoGrowth.ValueAt(GrowthIndicator.WeightForAge, Sex.Female, 200, sd)!.Value;
        Assert.Equal(sd, Z(Sex.Female, 200, weight: Math.Round((decimal)weight, 4)).WeightForAge);
    }
}
