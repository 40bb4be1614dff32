using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Maternal;

namespace HealthRecords.Domain.Tests.Maternal;

public sealed class PrenatalRoundsTests
{
    // 004 孕产妇 二(一)–(三): before 13, 16–20, 21–24, 28–36, 37–40 weeks, each window's last week included
    [Theory]
    [InlineData(1, 0, 12, "第1次产前随访（孕13周前）")]
    [InlineData(2, 16, 20, "第2次产前随访（孕16~20周）")]
    [InlineData(3, 21, 24, "第3次产前随访（孕21~24周）")]
    [InlineData(4, 28, 36, "第4次产前随访（孕28~36周）")]
    [InlineData(5, 37, 40, "第5次产前随访（孕37~40周）")]
    public void EachRoundHasItsWindow(int round, int fromWeek, int toWeek, string title)
    {
        var w = PrenatalRounds.Window(round);
        Assert.Equal(new GestationalAge(fromWeek, 0), w.From);
        Assert.Equal(new GestationalAge(toWeek, 6), w.To);
        Assert.Equal(title, w.Title);
    }

    [Theory]
    [InlineData(15, 6, null)]
    [InlineData(16, 0, 2)]
    [InlineData(20, 6, 2)]
    [InlineData(21, 0, 3)]
    [InlineData(24, 6, 3)]
    [InlineData(25, 0, null)]
    [InlineData(27, 6, null)]
    [InlineData(28, 0, 4)]
    [InlineData(36, 6, 4)]
    [InlineData(37, 0, 5)]
    [InlineData(40, 6, 5)]
    [InlineData(41, 0, null)]
    public void AGestationalAgeBelongsToAtMostOneLaterRound(int weeks, int days, int? round) =>
        Assert.Equal(round, PrenatalRounds.RoundFor(new GestationalAge(weeks, days)));

    [Fact]
    public void ThereAreOnlyFiveRounds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PrenatalRounds.Window(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrenatalRounds.Window(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrenatalRounds.GuidanceTable(1));
    }

    // 004 孕产妇 附件2: the 指导 row numbers its options differently in each column
    [Theory]
    [InlineData(2, "1 个人卫生|2 膳食|3 心理|4 运动|5 其他", 5)]
    [InlineData(3, "1 个人卫生|2 膳食|3 心理|4 运动|5 自我监护|6 母乳喂养|7 其他", 7)]
    [InlineData(4, "1 个人卫生|2 膳食|3 心理|4 运动|5 自我监测|6 分娩准备|7 母乳喂养|8 其他", 8)]
    [InlineData(5, "1 个人卫生|2 膳食|3 心理|4 运动|5 自我监测|6 分娩准备|7 母乳喂养|8 其他", 8)]
    public void EachColumnHasItsOwnGuidanceTable(int round, string options, int other)
    {
        Assert.Equal(options, string.Join("|", CodeLabels.Options(PrenatalRounds.GuidanceTable(round)).Select(o => $"{o.Code} {o.Label}")));
        Assert.Equal(other, PrenatalRounds.GuidanceOtherCode(round));
    }

    [Theory]
    [InlineData("2025-04-26", "2025-06-21")] // 孕8周 → 孕16周
    [InlineData("2025-06-21", "2025-07-26")] // 孕16周 (round 2 opens today) → 孕21周
    [InlineData("2025-07-28", "2025-09-13")] // 孕21周+2天 → 孕28周
    [InlineData("2025-09-13", "2025-11-15")] // 孕28周 → 孕37周
    [InlineData("2025-11-20", null)]          // 孕37周+5天: next is the delivery
    public void SuggestsTheNextRoundsFirstDay(string visit, string? next) =>
        Assert.Equal(next is null ? null : DateOnly.Parse(next), PrenatalRounds.SuggestNextVisit(new PregnancyDating(new DateOnly(2025, 3, 1), null), DateOnly.Parse(visit)));
}
