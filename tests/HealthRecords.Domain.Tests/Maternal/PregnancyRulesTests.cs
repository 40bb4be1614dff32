using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Maternal;

namespace HealthRecords.Domain.Tests.Maternal;

public sealed class PregnancyRulesTests
{
    private static readonly DateOnly Lmp = new(2025, 3, 1);

    private static Pregnancy Registered(DateOnly on, EpisodeOpening opening = EpisodeOpening.Registration) => new()
    {
        RegisteredOn = on,
        Opening = opening,
        Facts = new PregnancyFacts { LastMenstrualPeriod = Lmp },
    };

    [Theory]
    [InlineData("2025-04-26", true)]  // 孕8周
    [InlineData("2025-05-30", true)]  // 孕12周+6天: still before 13 weeks
    [InlineData("2025-05-31", false)] // 孕13周
    [InlineData("2025-07-01", false)] // 孕17周+3天
    public void EarlyRegistrationIsBeforeThirteenWeeks(string registeredOn, bool early) =>
        Assert.Equal(early, PregnancyRules.IsEarlyRegistration(Registered(DateOnly.Parse(registeredOn))));

    [Fact]
    public void AWomanFirstKnownAtDeliveryWasNotRegisteredEarly() =>
        Assert.False(PregnancyRules.IsEarlyRegistration(Registered(new DateOnly(2025, 4, 26), EpisodeOpening.DeliveryNotice)));

    [Fact]
    public void AnUndatedRegistrationIsNotEarly() =>
        Assert.False(PregnancyRules.IsEarlyRegistration(new Pregnancy { RegisteredOn = new DateOnly(2025, 4, 26) }));

    [Theory]
    [InlineData(Sex.Male, "1990-01-01", "男")]
    [InlineData(Sex.Unknown, "1990-01-01", "未知的性别")]
    [InlineData(Sex.Unspecified, "1990-01-01", "未说明的性别")]
    public void OnlyAWomanCanBeRegisteredPregnant(Sex sex, string birth, string label)
    {
        var why = PregnancyRules.WhyCannotBePregnant(sex, DateOnly.Parse(birth), new DateOnly(2025, 6, 1));
        Assert.NotNull(why);
        Assert.Contains(label, why);
    }

    [Theory]
    [InlineData("2020-01-01", false)] // a child of 5
    [InlineData("2015-06-02", false)] // 9, one day short of 10
    [InlineData("2015-06-01", true)]  // 10 today
    [InlineData("1990-01-01", true)]
    [InlineData("1960-01-01", true)]  // no upper age: late pregnancies happen
    public void AChildCannotBeRegisteredPregnant(string birth, bool allowed) =>
        Assert.Equal(allowed, PregnancyRules.WhyCannotBePregnant(Sex.Female, DateOnly.Parse(birth), new DateOnly(2025, 6, 1)) is null);

    [Fact]
    public void OneOpenEpisodeIsEnoughToRefuseAnother()
    {
        Assert.False(PregnancyRules.HasOpenEpisode([new EarlierPregnancy(new DateOnly(2023, 1, 1), new DateOnly(2023, 10, 1), new DateOnly(2023, 8, 1))]));
        Assert.True(PregnancyRules.HasOpenEpisode([
            new EarlierPregnancy(new DateOnly(2023, 1, 1), new DateOnly(2023, 10, 1), null),
            new EarlierPregnancy(new DateOnly(2025, 1, 1), null, null)]));
    }

    [Fact]
    public void AnEpisodeIsPregnantThenPostpartumThenEnded()
    {
        Assert.Equal(PregnancyStage.Pregnant, PregnancyRules.Stage(null, null));
        Assert.Equal(PregnancyStage.Postpartum, PregnancyRules.Stage(new DateOnly(2025, 12, 1), null));
        Assert.Equal(PregnancyStage.Ended, PregnancyRules.Stage(new DateOnly(2025, 12, 1), new EpisodeEnding(EpisodeEndReason.Closed, new DateOnly(2026, 1, 12))));
        Assert.Equal(PregnancyStage.Ended, PregnancyRules.Stage(null, new EpisodeEnding(EpisodeEndReason.Miscarriage, new DateOnly(2025, 5, 1))));
    }

    [Fact]
    public void AFortyTwoDayCheckClosedAsRecoveredEndsTheEpisodeOnItsDate()
    {
        var closed = new Postpartum42DayCheck { VisitDate = new DateOnly(2026, 1, 12), Disposition = Check42Disposition.Close };
        Assert.Equal(new EpisodeEnding(EpisodeEndReason.Closed, new DateOnly(2026, 1, 12)), PregnancyRules.EndingFrom(closed));
        Assert.Null(PregnancyRules.EndingFrom(closed with { Disposition = Check42Disposition.Refer }));
    }

    [Theory]
    [InlineData(27, 6, true)]
    [InlineData(28, 0, false)]
    public void APregnancyEndingBeforeTwentyEightWeeksIsAMiscarriage(int weeks, int days, bool miscarriage) =>
        Assert.Equal(miscarriage, PregnancyRules.IsMiscarriageAge(new GestationalAge(weeks, days)));
}
