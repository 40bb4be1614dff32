using HealthRecords.Domain.Children;

namespace HealthRecords.Domain.Tests.Children;

public sealed class ChildMeasuresTests
{
    private static readonly DateOnly YearStart = new(2025, 1, 1);
    private static readonly DateOnly YearEnd = new(2025, 12, 31);

    [Fact]
    public void DefinitionsNameTheSpecificationAndLeaveNewbornVisitsToTheMaternalService()
    {
        Assert.Equal(["儿童健康管理率", "儿童系统管理率"], ChildMeasures.All.Select(m => m.Name));
        Assert.All(ChildMeasures.All, m => Assert.StartsWith("004 0~6岁儿童健康管理服务规范 五(", m.Source));
        Assert.DoesNotContain(ChildMeasures.All, m => m.Name.Contains("新生儿", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2025-12-31", true)]
    [InlineData("2019-01-01", true)]
    [InlineData("2018-12-31", false)]
    [InlineData("2026-01-01", false)]
    public void ChildrenUnderSevenAtTheEndOfThePeriodAreToBeManaged(string birth, bool expected) =>
        Assert.Equal(expected, ChildMeasures.IsToBeManaged(DateOnly.Parse(birth), YearEnd));

    [Fact]
    public void OneCheckupInThePeriodCountsAsManaged()
    {
        Assert.True(ChildMeasures.WasManaged([new DateOnly(2024, 6, 1), new DateOnly(2025, 3, 1)], YearStart, YearEnd));
        Assert.False(ChildMeasures.WasManaged([new DateOnly(2024, 6, 1)], YearStart, YearEnd));
    }

    [Fact]
    public void AnInfantBornTheYearBeforeOwesTheCheckupsWhoseWindowsCloseThisYear()
    {
        // 12 months is not owed yet: its window closes on 2026-04-25 (the day before 18 months' window opens)
        var birth = new DateOnly(2024, 11, 10);
        Assert.Equal(
            [CheckupAge.OneMonth, CheckupAge.Months3, CheckupAge.Months6, CheckupAge.Months8],
            ChildMeasures.OwedInPeriod(birth, YearStart, YearEnd));
    }

    [Fact]
    public void SystematicManagementNeedsEveryCheckupOwedInThePeriod()
    {
        var birth = new DateOnly(2024, 11, 10);
        CheckupAge[] all = [CheckupAge.OneMonth, CheckupAge.Months3, CheckupAge.Months6, CheckupAge.Months8];
        Assert.True(ChildMeasures.WasSystematicallyManaged(birth, all, YearStart, YearEnd));
        Assert.False(ChildMeasures.WasSystematicallyManaged(birth, all[..^1], YearStart, YearEnd));
    }

    [Fact]
    public void AFourYearOldOwesOneCheckupAYear()
    {
        var birth = new DateOnly(2021, 3, 1);
        Assert.Equal([CheckupAge.Years3], ChildMeasures.OwedInPeriod(birth, YearStart, YearEnd));
    }
}

public sealed class ChildMeasureRangesTests
{
    [Theory]
    [InlineData(2026, 1, 1, 2026, 12, 31)]
    [InlineData(2026, 2, 1, 2026, 2, 28)]
    [InlineData(2025, 7, 1, 2025, 9, 30)]
    public void TheOwedBirthRangeHoldsExactlyTheChildrenOwingThatCheckup(int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var (from, to) = (new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2));
        foreach (var age in CheckupItems.Ages)
        {
            var range = ChildMeasureRanges.OwedBirths(age, from, to);
            Assert.NotNull(range);
            // every birth date of eight years around the period: inside the range exactly when OwedInPeriod lists the age
            for (var birth = from.AddYears(-8); birth <= to; birth = birth.AddDays(1))
            {
                var owed = ChildMeasures.OwedInPeriod(birth, from, to).Contains(age);
                var inside = birth >= range!.Value.From && birth <= range.Value.To;
                Assert.True(owed == inside, $"{age} born {birth:yyyy-MM-dd}: owed {owed}, in range {inside} ({range.Value.From:yyyy-MM-dd}–{range.Value.To:yyyy-MM-dd})");
            }
        }
    }
}
