using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.Tests.Measures;

public sealed class RecordMeasuresTests
{
    [Theory]
    [InlineData("2026-12-31", "2026-01-01")]
    [InlineData("2026-03-31", "2025-04-01")]
    [InlineData("2024-02-29", "2023-03-01")] // a leap day: a year back is 2023-02-28, the window starts the day after
    public void DynamicRecordWindowIsTheTwelveMonthsEndingOnThePeriodsLastDay(string end, string expectedFrom)
    {
        var (from, to) = RecordMeasures.DynamicRecordWindow(DateOnly.Parse(end));
        Assert.Equal(DateOnly.Parse(expectedFrom), from);
        Assert.Equal(DateOnly.Parse(end), to);
    }

    [Theory]
    [InlineData("2026-01-10", false, null, true)]
    [InlineData("2026-12-31", false, null, true)]          // created on the last day
    [InlineData("2027-01-01", false, null, false)]         // created after the period
    [InlineData("2025-01-10", false, "2026-12-31", false)] // closed on the last day: no longer held
    [InlineData("2025-01-10", false, "2027-01-05", true)]  // closed after the period: held during it
    [InlineData("2025-01-10", true, null, false)]          // a merged duplicate never counts
    public void HeldAtPeriodEnd(string created, bool merged, string? closed, bool expected) =>
        Assert.Equal(expected, RecordMeasures.HeldAt(DateOnly.Parse(created), merged, closed is null ? null : DateOnly.Parse(closed), new DateOnly(2026, 12, 31)));

    [Fact]
    public void RecordsRatesAreOverTheResidentPopulationAndUseRateOverRecords()
    {
        Assert.Equal(DenominatorKind.EstimatedFromPopulation, RecordMeasures.RecordsRate.DenominatorKind);
        Assert.Null(RecordMeasures.RecordsRate.PrevalenceKey);
        Assert.Equal(DenominatorKind.EstimatedFromPopulation, RecordMeasures.ElectronicRecordsRate.DenominatorKind);
        Assert.Equal(DenominatorKind.Records, RecordMeasures.UseRate.DenominatorKind);
        Assert.Equal(3, RecordMeasures.All.Select(m => m.Code).Distinct().Count());
    }
}
