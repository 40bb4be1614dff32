using HealthRecords.Domain.Children;
using HealthRecords.Domain.Codes;

namespace HealthRecords.Domain.Tests.Children;

public sealed class GrowthJudgingTests
{
    [Theory]
    [InlineData(2.01, GrowthRating.Upper)]
    [InlineData(2.0, GrowthRating.Middle)]
    [InlineData(0.0, GrowthRating.Middle)]
    [InlineData(-2.0, GrowthRating.Middle)]
    [InlineData(-2.01, GrowthRating.Lower)]
    public void RatesAboveTwoAsUpperAndBelowMinusTwoAsLower(double z, GrowthRating expected) =>
        Assert.Equal(expected, GrowthJudging.Rate(z, GrowthCutOffs.Default));

    [Fact]
    public void ACountyMayMoveTheRatingCutOffs() =>
        Assert.Equal(GrowthRating.Upper, GrowthJudging.Rate(1.5, GrowthCutOffs.Default with { RatingUpperAbove = 1 }));

    [Fact]
    public void NoZScoreNoRating() => Assert.Null(GrowthJudging.Rate(null, GrowthCutOffs.Default));

    private static GrowthZScores Scores(double wfa, double hfa, double wfh, GrowthReference reference = GrowthReference.Standards2006) =>
        reference == GrowthReference.Standards2006
            ? new GrowthZScores(reference, 100m, wfa, hfa, wfh, null)
            : new GrowthZScores(reference, 110m, wfa, hfa, null, wfh);

    [Fact]
    public void NormalWhenNoCutOffIsCrossed() =>
        Assert.Equal([PhysicalDevelopment.Normal], GrowthJudging.Development(Scores(0, 0, 0), GrowthCutOffs.Default));

    [Fact]
    public void UnderweightStuntedAndWastedCanApplyTogether() =>
        Assert.Equal(
            [PhysicalDevelopment.Underweight, PhysicalDevelopment.Wasted, PhysicalDevelopment.Stunted],
            GrowthJudging.Development(Scores(-2.5, -2.1, -2.2), GrowthCutOffs.Default));

    [Fact]
    public void OverweightAboveOneSdOfWeightForHeight() =>
        Assert.Equal([PhysicalDevelopment.Overweight], GrowthJudging.Development(Scores(0.5, 0, 1.01), GrowthCutOffs.Default));

    [Fact]
    public void ACountyFollowingWhoSetsOverweightAtTwoSd() =>
        Assert.Equal([PhysicalDevelopment.Normal], GrowthJudging.Development(Scores(0.5, 0, 1.5), GrowthCutOffs.Default with { OverweightAbove = 2 }));

    [Fact]
    public void FromFiveYearsBmiForAgeJudgesThinnessAndOverweight() =>
        Assert.Equal([PhysicalDevelopment.Wasted], GrowthJudging.Development(Scores(-1, 0, -2.3, GrowthReference.Reference2007), GrowthCutOffs.Default));

    [Fact]
    public void NoDevelopmentJudgementWithoutAllThreeScores() =>
        Assert.Empty(GrowthJudging.Development(new GrowthZScores(GrowthReference.Standards2006, null, 0, null, null, null), GrowthCutOffs.Default));

    [Fact]
    public void JudgesAMeasuredChildEndToEnd()
    {
        // girl, 4 years (1461 days), 16.1 kg, 102 cm standing: median-ish child
        var j = GrowthJudging.Judge(new GrowthMeasurement(Sex.Female, 1461, 16.1m, 102m), GrowthCutOffs.Default, withDevelopment: true);
        Assert.Equal(GrowthRating.Middle, j.Weight);
        Assert.Equal(GrowthRating.Middle, j.Height);
        Assert.Equal([PhysicalDevelopment.Normal], j.Development);
    }

    [Fact]
    public void DefaultCutOffsAreConsistentAndBadOnesAreNamed()
    {
        Assert.Empty(GrowthCutOffs.Default.Problems());
        Assert.NotEmpty((GrowthCutOffs.Default with { RatingLowerBelow = 3 }).Problems());
        Assert.NotEmpty((GrowthCutOffs.Default with { ObeseAbove = 0.5 }).Problems());
        Assert.NotEmpty((GrowthCutOffs.Default with { SevereBelow = -1 }).Problems());
    }
}
