using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Elderly;
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

    [Theory]
    [InlineData("2024-01-10", false, null, true)]
    [InlineData("2024-01-10", false, "2026-02-01", true)]  // died after the period: counted for it (004 老年人 五(一))
    [InlineData("2024-01-10", false, "2025-06-01", true)]  // closed during the period: was held in it
    [InlineData("2024-01-10", false, "2025-01-01", true)]  // closed on the first day
    [InlineData("2024-01-10", false, "2024-12-31", false)] // closed before the period began
    [InlineData("2026-01-01", false, null, false)]         // created after the period
    [InlineData("2024-01-10", true, null, false)]          // a merged duplicate never counts
    public void HeldDuringThePeriod(string created, bool merged, string? closed, bool expected) =>
        Assert.Equal(expected, RecordMeasures.HeldDuring(DateOnly.Parse(created), merged, closed is null ? null : DateOnly.Parse(closed),
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));

    [Theory]
    [InlineData("2026-04-01", "2026-06-30", "2026-01-01")] // a quarter: the year to its end
    [InlineData("2026-06-01", "2026-06-30", "2026-01-01")] // a month
    [InlineData("2026-01-01", "2026-12-31", "2026-01-01")] // a year is itself
    public void YearlyMeasuresCountTheYearToThePeriodsEnd(string from, string to, string expectedFrom)
    {
        var (f, t) = ChronicMeasures.HypertensionStandardManagementRate.CountedOver(DateOnly.Parse(from), DateOnly.Parse(to));
        Assert.Equal((DateOnly.Parse(expectedFrom), DateOnly.Parse(to)), (f, t));
        Assert.True(ChronicMeasures.DiabetesStandardManagementRate.YearToDate);
        // other measures keep the period chosen
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), ChronicMeasures.HypertensionControlRate.CountedOver(DateOnly.Parse(from), DateOnly.Parse(to)));
    }

    [Fact]
    public void ElderlyManagementRateIsOverThe65PlusPopulationAndCompletenessOverForms()
    {
        // 004 老年人 五(一): 年内辖区内65岁及以上常住居民数; 五(二): 抽查的健康体检表数
        Assert.Equal(DenominatorKind.EstimatedFromPopulation, ElderlyRules.ManagementRate.DenominatorKind);
        Assert.Equal(ElderlyRules.ElderlyPopulationKey, ElderlyRules.ManagementRate.PrevalenceKey);
        Assert.Equal("份", ElderlyRules.ExaminationCompletenessRate.Unit);
        Assert.Equal(DenominatorKind.Records, ElderlyRules.ExaminationCompletenessRate.DenominatorKind);
    }

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
