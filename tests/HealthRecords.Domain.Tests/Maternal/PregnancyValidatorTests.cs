using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Maternal;

namespace HealthRecords.Domain.Tests.Maternal;

public sealed class PregnancyValidatorTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);
    private static readonly Mother Woman = new(Sex.Female, new DateOnly(1995, 4, 2));

    private static Pregnancy Valid => new()
    {
        RegisteredOn = new DateOnly(2025, 4, 26), // 孕8周
        Facts = new PregnancyFacts
        {
            LastMenstrualPeriod = new DateOnly(2025, 3, 1),
            ExpectedDelivery = new DateOnly(2025, 12, 8),
            Gravidity = 2,
            Parity = 1,
            VaginalDeliveries = 1,
            Caesareans = 0,
        },
    };

    private static IReadOnlyDictionary<string, string[]> Check(Pregnancy e, Mother? m = null, params EarlierPregnancy[] others) =>
        PregnancyValidator.Validate(e, m ?? Woman, others, Today);

    [Fact]
    public void AValidRegistrationHasNoErrors() => Assert.Empty(Check(Valid));

    [Fact]
    public void AManIsRefusedBesideTheResident()
    {
        var errors = Check(Valid, Woman with { Sex = Sex.Male });
        Assert.Contains("女性", Assert.Single(errors["resident"]));
    }

    [Fact]
    public void AChildIsRefusedBesideTheResident() =>
        Assert.Contains("6岁", Assert.Single(Check(Valid, new Mother(Sex.Female, new DateOnly(2018, 9, 1)))["resident"]));

    [Fact]
    public void ASecondOpenPregnancyIsRefused()
    {
        var errors = Check(Valid, null, new EarlierPregnancy(new DateOnly(2024, 11, 1), null, null));
        Assert.Contains("未结案的孕产期（建册日期2024-11-01）", Assert.Single(errors["registeredOn"]));
    }

    [Fact]
    public void AClosedEarlierPregnancyIsFine() =>
        Assert.Empty(Check(Valid, null, new EarlierPregnancy(new DateOnly(2023, 5, 1), new DateOnly(2024, 1, 20), new DateOnly(2023, 12, 8))));

    [Fact]
    public void ALastPeriodBeforeThePreviousPregnancyEndedIsRefused()
    {
        var errors = Check(Valid, null, new EarlierPregnancy(new DateOnly(2024, 9, 1), new DateOnly(2025, 4, 10), new DateOnly(2025, 3, 5)));
        Assert.Contains("上次妊娠结束的日期（2025-03-05）", Assert.Single(errors["facts.lastMenstrualPeriod"]));
    }

    [Fact]
    public void ARegistrationBeforeTheLastPeriodIsRefused()
    {
        var errors = Check(Valid with { RegisteredOn = new DateOnly(2025, 2, 20) });
        Assert.Contains("末次月经不能晚于建册日期", errors["facts.lastMenstrualPeriod"]);
    }

    [Theory]
    [InlineData("2025-03-28", true)]  // 孕3周+6天
    [InlineData("2025-03-29", false)] // 孕4周
    [InlineData("2025-12-26", false)] // 孕42周+6天
    [InlineData("2025-12-27", true)]  // 孕43周
    public void RegistrationMustFallBetweenFourAndFortyTwoWeeks(string on, bool refused)
    {
        var episode = Valid with { RegisteredOn = DateOnly.Parse(on) };
        var errors = PregnancyValidator.Validate(episode, Woman, [], new DateOnly(2026, 1, 31));
        Assert.Equal(refused, errors.ContainsKey("facts.lastMenstrualPeriod"));
    }

    [Fact]
    public void AnUnknownLastPeriodNeedsAnExpectedDate()
    {
        var errors = Check(Valid with { Facts = Valid.Facts with { LastMenstrualPeriod = null, ExpectedDelivery = null } });
        Assert.Equal(["末次月经不详时请填写预产期（如按B超推算）"], errors["facts.expectedDelivery"]);
    }

    [Fact]
    public void AnUnknownLastPeriodWithAnExpectedDateIsDatedByIt()
    {
        Assert.Empty(Check(Valid with { Facts = Valid.Facts with { LastMenstrualPeriod = null } }));
        // an expected date 255 days away makes the registration day 孕3周+4天
        var early = Valid with { Facts = Valid.Facts with { LastMenstrualPeriod = null, ExpectedDelivery = Valid.RegisteredOn.AddDays(255) } };
        Assert.True(Check(early).ContainsKey("facts.expectedDelivery"));
    }

    [Fact]
    public void AnExpectedDateFarFromTheLastPeriodIsRefused()
    {
        var errors = Check(Valid with { Facts = Valid.Facts with { ExpectedDelivery = new DateOnly(2026, 1, 5) } });
        Assert.Contains("按末次月经推算为2025-12-08", Assert.Single(errors["facts.expectedDelivery"]));
    }

    [Fact]
    public void ParityCannotReachGravidity()
    {
        var errors = Check(Valid with { Facts = Valid.Facts with { Gravidity = 1, Parity = 1, VaginalDeliveries = 1 } });
        Assert.Contains("产次（此次怀孕前的分娩次数）不能超过孕次−1（孕次1包括本次妊娠）", errors["facts.parity"]);
    }

    [Fact]
    public void VaginalAndCaesareanDeliveriesAddUpToParity()
    {
        var errors = Check(Valid with { Facts = Valid.Facts with { Gravidity = 4, Parity = 2, VaginalDeliveries = 1, Caesareans = 0 } });
        Assert.Equal(["阴道分娩1次与剖宫产0次之和应等于产次2"], errors["facts.parity"]);
    }

    [Fact]
    public void AWomanFirstKnownAtDeliveryNeedsNoDates() =>
        Assert.Empty(Check(new Pregnancy { RegisteredOn = new DateOnly(2025, 6, 20), Opening = EpisodeOpening.DeliveryNotice }));

    [Fact]
    public void ARegistrationInTheFutureIsRefused() =>
        Assert.Contains("建册日期不能晚于今天", Check(Valid with { RegisteredOn = Today.AddDays(1) })["registeredOn"]);

    // endings

    private static readonly PregnancyDating Dating = new(new DateOnly(2025, 3, 1), null);

    private static IReadOnlyDictionary<string, string[]> End(EpisodeEnding ending, DateOnly? deliveredOn = null, DateOnly? today = null) =>
        PregnancyValidator.Validate(ending, new DateOnly(2025, 4, 26), Dating, deliveredOn, today ?? new DateOnly(2026, 3, 1));

    [Fact]
    public void AnEndingMustBeDated() =>
        Assert.Equal(["请填写结束日期"], End(new EpisodeEnding(EpisodeEndReason.MaternalDeath, null))["endedOn"]);

    [Fact]
    public void AnEndingCannotPrecedeRegistrationOrDelivery()
    {
        Assert.Contains("结束日期不能早于建册日期（2025-04-26）", End(new EpisodeEnding(EpisodeEndReason.Miscarriage, new DateOnly(2025, 4, 1)))["endedOn"]);
        Assert.Contains("结束日期不能早于分娩日期（2025-12-05）",
            End(new EpisodeEnding(EpisodeEndReason.MovedAway, new DateOnly(2025, 12, 1), "重庆市渝中区", "手册已交本人"), new DateOnly(2025, 12, 5))["endedOn"]);
    }

    [Fact]
    public void AnEndingInTheFutureIsRefused() =>
        Assert.Contains("结束日期不能晚于今天", End(new EpisodeEnding(EpisodeEndReason.MaternalDeath, new DateOnly(2025, 7, 2)), today: new DateOnly(2025, 7, 1))["endedOn"]);

    [Fact]
    public void ClosingNeedsADelivery()
    {
        Assert.True(End(new EpisodeEnding(EpisodeEndReason.Closed, new DateOnly(2025, 9, 1))).ContainsKey("reason"));
        Assert.Empty(End(new EpisodeEnding(EpisodeEndReason.Closed, new DateOnly(2026, 1, 16)), new DateOnly(2025, 12, 5)));
    }

    [Fact]
    public void AMiscarriageOrTerminationCannotFollowADelivery()
    {
        Assert.True(End(new EpisodeEnding(EpisodeEndReason.Miscarriage, new DateOnly(2025, 12, 20)), new DateOnly(2025, 12, 5)).ContainsKey("reason"));
        Assert.True(End(new EpisodeEnding(EpisodeEndReason.Termination, new DateOnly(2025, 12, 20)), new DateOnly(2025, 12, 5)).ContainsKey("reason"));
    }

    [Theory]
    [InlineData("2025-09-12", false)] // 孕27周+6天
    [InlineData("2025-09-13", true)]  // 孕28周: a delivery (stillbirth), not a miscarriage
    public void AMiscarriageEndsBeforeTwentyEightWeeks(string on, bool refused) =>
        Assert.Equal(refused, End(new EpisodeEnding(EpisodeEndReason.Miscarriage, DateOnly.Parse(on))).ContainsKey("reason"));

    [Fact]
    public void MovingAwayNamesWhereToAndTheHandOver()
    {
        var errors = End(new EpisodeEnding(EpisodeEndReason.MovedAway, new DateOnly(2025, 8, 1)));
        Assert.Equal(["迁出须填写迁往地点"], errors["destination"]);
        Assert.Equal(["迁出须填写孕产妇保健手册的交接情况"], errors["handOver"]);
    }

    [Fact]
    public void AnUnknownReasonIsRefused() =>
        Assert.True(End(new EpisodeEnding((EpisodeEndReason)9, new DateOnly(2025, 8, 1))).ContainsKey("reason"));

    [Fact]
    public void AnInfantDeathIsDatedOnOrAfterBirth()
    {
        var born = new DateOnly(2025, 12, 5);
        Assert.Equal(["请填写死亡日期"], PregnancyValidator.Validate(new InfantDeath(null), born, Today.AddYears(1))["diedOn"]);
        Assert.Contains("死亡日期不能早于出生日期（2025-12-05）", PregnancyValidator.Validate(new InfantDeath(new DateOnly(2025, 12, 4)), born, Today.AddYears(1))["diedOn"]);
        Assert.Empty(PregnancyValidator.Validate(new InfantDeath(born), born, Today.AddYears(1)));
    }
}
