using HealthRecords.Domain.Tcm;

namespace HealthRecords.Domain.Tests.Tcm;

public sealed class ChildTcmRulesTests
{
    private static readonly DateOnly Born = new(2025, 1, 20);

    [Theory]
    [InlineData(6, "传授摩腹和捏脊方法")]
    [InlineData(12, "传授摩腹和捏脊方法")]
    [InlineData(18, "传授按揉迎香穴、足三里穴方法")]
    [InlineData(24, "传授按揉迎香穴、足三里穴方法")]
    [InlineData(30, "传授按揉四神聪穴方法")]
    [InlineData(36, "传授按揉四神聪穴方法")]
    public void EachCheckUpTeachesItsMassage(int months, string method)
    {
        Assert.Equal(method, ChildTcmRules.MethodTaught(months));
        Assert.Equal(method, ChildTcmRules.OptionsAt(months).Single(o => o.Code == 3).Label);
    }

    [Fact]
    public void OnlySixToThirtySixMonthsInStepsOfSixAreGuidanceAges() =>
        Assert.Equal([6, 12, 18, 24, 30, 36], Enumerable.Range(0, 40).Where(ChildTcmRules.IsGuidanceAge));

    [Fact]
    public void TheGuidanceIsOnTimeWithinItsMonthAge()
    {
        Assert.Equal((new DateOnly(2025, 7, 20), new DateOnly(2025, 8, 19)), ChildTcmRules.Window(Born, 6));
        Assert.True(ChildTcmRules.OnTime(Born, new ChildTcmEntry(1, 6, new DateOnly(2025, 8, 19))));
        Assert.False(ChildTcmRules.OnTime(Born, new ChildTcmEntry(1, 6, new DateOnly(2025, 8, 20))));
    }

    [Fact]
    public void TheNextGuidanceIsDueUntilTheFollowingOneBegins()
    {
        var items = ChildTcmRules.Due(Born, [new ChildTcmEntry(1, 6, new DateOnly(2025, 7, 25))], new DateOnly(2026, 2, 1));
        var item = items.Single(i => i.WindowStart <= new DateOnly(2026, 2, 1));
        Assert.Equal(("12月龄儿童中医药健康管理", new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 19)), (item.Title, item.DueDate, item.WindowEnd));
        Assert.DoesNotContain(ChildTcmRules.Due(Born, [], new DateOnly(2026, 7, 20)), i => i.Title.StartsWith("12月龄", StringComparison.Ordinal));
        Assert.Empty(ChildTcmRules.Due(Born, [], new DateOnly(2028, 2, 20)));
    }

    [Fact]
    public void TheServiceRateCountsChildrenServedInEveryMonthAgeDueInThePeriod()
    {
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        Assert.True(ChildTcmRules.IsDue(Born, from, to)); // 12 and 18 months end in 2026
        ChildTcmEntry[] both = [new(1, 12, new DateOnly(2026, 1, 25)), new(2, 18, new DateOnly(2026, 7, 21))];
        Assert.True(ChildTcmRules.ServedByAge(Born, both, from, to));
        Assert.False(ChildTcmRules.ServedByAge(Born, [both[0]], from, to));
        Assert.False(ChildTcmRules.ServedByAge(Born, [both[0], both[1] with { Date = new DateOnly(2026, 8, 25) }], from, to));
        Assert.False(ChildTcmRules.IsDue(new DateOnly(2026, 9, 1), from, to));
    }

    [Fact]
    public void GuidanceAtAnotherAgeOrBeforeTheChildReachesItIsRefused()
    {
        var g = new ChildTcmGuidance { Date = new DateOnly(2025, 7, 25), AgeMonths = 6, Items = [ChildTcmGuidanceItem.Diet, ChildTcmGuidanceItem.Massage], Doctor = "李医生" };
        var today = new DateOnly(2026, 6, 15);
        Assert.Empty(TcmValidator.Validate(g, Born, today));
        Assert.Equal("儿童中医药健康管理在6、12、18、24、30、36月龄时提供", TcmValidator.Validate(g with { AgeMonths = 8 }, Born, today)["ageMonths"].Single());
        Assert.StartsWith("儿童未满6月龄", TcmValidator.Validate(g with { Date = new DateOnly(2025, 7, 19) }, Born, today)["date"].Single(), StringComparison.Ordinal);
        Assert.Equal("请勾选提供的中医药健康管理服务", TcmValidator.Validate(g with { Items = [] }, Born, today)["items"].Single());
    }
}
