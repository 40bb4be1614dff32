using HealthRecords.Domain.Records;
using HealthRecords.Domain.Regions;

namespace HealthRecords.Domain.Tests.Records;

public sealed class RecordNumberTests
{
    [Fact]
    public void ComposesSeventeenDigitsAndPrintsLastEight()
    {
        var n = RecordNumber.Compose("500104", "103", "103", 42);
        Assert.Equal("50010410310300042", n.Value);
        Assert.Equal("10300042", n.Last8);
        Assert.Equal(("500104", "103", "103", 42), (n.CountyCode, n.TownshipCode, n.VillageCode, n.Sequence));
    }

    [Fact]
    public void SplitsIntoTheFourBoxedSegmentsOfTheCover() =>
        Assert.Equal(["500104", "103", "103", "00042"], RecordNumber.Compose("500104", "103", "103", 42).Segments);

    [Theory]
    [InlineData(0)]
    [InlineData(100000)]
    [InlineData(-1)]
    public void SequenceMustBeFiveDigitsAndPositive(int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RecordNumber.Compose("500104", "103", "103", sequence));

    [Theory]
    [InlineData("50010", "103", "103")]
    [InlineData("500104", "1a3", "103")]
    [InlineData("500104", "103", "1030")]
    public void SegmentsMustBeDigitsOfTheirLength(string county, string township, string village) =>
        Assert.Throws<ArgumentException>(() => RecordNumber.Compose(county, township, village, 1));

    [Theory]
    [InlineData("50010410310300042", true)]
    [InlineData("5001041031030004", false)]
    [InlineData("5001041031030004X", false)]
    [InlineData("50010410310300000", false)]
    [InlineData(null, false)]
    public void ParsesOnlySeventeenDigitsWithASequence(string? s, bool ok)
    {
        Assert.Equal(ok, RecordNumber.TryParse(s, out var n));
        if (ok)
        {
            Assert.Equal(s, n.Value);
        }
    }

    [Theory]
    [InlineData("000", VillageKind.Invalid)]
    [InlineData("001", VillageKind.ResidentsCommittee)]
    [InlineData("099", VillageKind.ResidentsCommittee)]
    [InlineData("100", VillageKind.Invalid)]
    [InlineData("101", VillageKind.VillageCommittee)]
    [InlineData("199", VillageKind.VillageCommittee)]
    [InlineData("200", VillageKind.Invalid)]
    [InlineData("900", VillageKind.Invalid)]
    [InlineData("901", VillageKind.Other)]
    [InlineData("999", VillageKind.Other)]
    [InlineData("9a9", VillageKind.Invalid)]
    [InlineData("01", VillageKind.Invalid)]
    public void VillageSegmentRangesFollowTheSpecification(string code, VillageKind kind) =>
        Assert.Equal(kind, VillageSegment.KindOf(code));
}
