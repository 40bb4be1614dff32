using HealthRecords.Domain.Maternal;

namespace HealthRecords.Domain.Tests.Maternal;

public sealed class PregnancyDatingTests
{
    // LMP → EDD by the form's rule (month +9 or −3, day +7, surplus days into the next month) and LMP + 280 days
    [Theory]
    [InlineData("2025-01-10", "2025-10-17", "2025-10-17")] // January: month + 9, same year
    [InlineData("2025-03-25", "2026-01-01", "2025-12-30")] // December 32 carries into the next year
    [InlineData("2025-04-01", "2026-01-08", "2026-01-06")] // April: month − 3, next year
    [InlineData("2009-07-25", "2010-05-02", "2010-05-01")] // the worked example: April 32 → May 2
    [InlineData("2025-05-31", "2026-03-10", "2026-03-07")] // February 38 in a common year → March 10
    [InlineData("2023-05-25", "2024-03-03", "2024-02-29")] // February 32 in a leap year → March 3
    [InlineData("2024-05-25", "2025-03-04", "2025-03-01")] // February 32 in a common year → March 4
    [InlineData("2025-12-31", "2026-10-08", "2026-10-07")] // September 38 → October 8
    [InlineData("2025-06-24", "2026-03-31", "2026-03-31")] // day 31 fits March: no carry
    public void ExpectedDeliveryFollowsTheFormsRuleWithTheTwoHundredEightyDayDateBeside(string lmp, string byRule, string by280)
    {
        var l = DateOnly.Parse(lmp);
        Assert.Equal(DateOnly.Parse(byRule), PregnancyDating.ByFormRule(l));
        Assert.Equal(DateOnly.Parse(by280), PregnancyDating.By280Days(l));
    }

    [Fact]
    public void EveryDayOfFourYearsHasAnExpectedDateAtMostThreeDaysAfterTheTwoHundredEightyDayDate()
    {
        for (var d = new DateOnly(2023, 1, 1); d < new DateOnly(2027, 1, 1); d = d.AddDays(1))
        {
            var rule = PregnancyDating.ByFormRule(d)!.Value;
            var days = rule.DayNumber - d.DayNumber;
            Assert.InRange(days, 280, 283); // never crashes; the rule runs at most 3 days later than 280 days
        }
    }

    [Fact]
    public void AnExpectedDatePastTheCalendarsEndIsNoneRatherThanACrash()
    {
        Assert.Null(PregnancyDating.ByFormRule(new DateOnly(9999, 5, 1)));
        Assert.Null(PregnancyDating.By280Days(new DateOnly(9999, 5, 1)));
        Assert.Equal(new DateOnly(9999, 10, 8), PregnancyDating.ByFormRule(new DateOnly(9998, 12, 31)));
    }

    [Fact]
    public void SuggestsNoExpectedDateWithoutALastPeriod() => Assert.Null(PregnancyDating.Suggest(null));

    [Theory]
    [InlineData("2025-03-01", 0, 0)]
    [InlineData("2025-03-07", 0, 6)]
    [InlineData("2025-03-08", 1, 0)]
    [InlineData("2025-05-30", 12, 6)]
    [InlineData("2025-05-31", 13, 0)]
    [InlineData("2025-12-06", 40, 0)]
    public void GestationalAgeIsCompletedWeeksAndDaysSinceTheLastPeriod(string date, int weeks, int days)
    {
        var dating = new PregnancyDating(new DateOnly(2025, 3, 1), null);
        Assert.Equal(new GestationalAge(weeks, days), dating.On(DateOnly.Parse(date)));
    }

    [Fact]
    public void ADayBeforeTheLastPeriodHasNoGestationalAge() =>
        Assert.Null(new PregnancyDating(new DateOnly(2025, 3, 1), null).On(new DateOnly(2025, 2, 28)));

    [Fact]
    public void WithoutALastPeriodTheWrittenExpectedDateDatesThePregnancy()
    {
        var dating = new PregnancyDating(null, new DateOnly(2025, 12, 6));
        Assert.Equal(DatingBasis.ExpectedDelivery, dating.Basis);
        Assert.Equal(new DateOnly(2025, 3, 1), dating.Start);
        Assert.Equal(new GestationalAge(16, 0), dating.On(new DateOnly(2025, 6, 21)));
    }

    [Fact]
    public void TheLastPeriodWinsOverTheExpectedDateForGestationalAge()
    {
        var dating = new PregnancyDating(new DateOnly(2025, 3, 1), new DateOnly(2025, 12, 20));
        Assert.Equal(DatingBasis.LastMenstrualPeriod, dating.Basis);
        Assert.Equal(new GestationalAge(2, 0), dating.On(new DateOnly(2025, 3, 15)));
    }

    [Fact]
    public void AnUndatedPregnancyHasNoGestationalAge()
    {
        var dating = new PregnancyDating(null, null);
        Assert.Null(dating.Basis);
        Assert.Null(dating.On(new DateOnly(2025, 3, 15)));
        Assert.Null(dating.DayOf(GestationalAge.AtWeek(16)));
    }

    [Fact]
    public void TheDayAGestationalAgeIsReachedIsCountedFromTheLastPeriod() =>
        Assert.Equal(new DateOnly(2025, 6, 21), new PregnancyDating(new DateOnly(2025, 3, 1), null).DayOf(GestationalAge.AtWeek(16)));

    [Theory]
    [InlineData(12, 3, "孕12周+3天")]
    [InlineData(16, 0, "孕16周")]
    public void GestationalAgeReadsAsOnTheForm(int weeks, int days, string text) => Assert.Equal(text, new GestationalAge(weeks, days).ToString());

    [Fact]
    public void GestationalAgeRefusesSevenDays() => Assert.Throws<ArgumentOutOfRangeException>(() => new GestationalAge(3, 7));
}
