using HealthRecords.Domain.InfectiousDisease;

namespace HealthRecords.Domain.Tests.InfectiousDisease;

/// <summary>004 传染病 二(三)2, the time limits by disease class.</summary>
public sealed class ReportTimeLimitTests
{
    private static readonly DateTime Diagnosed = new(2026, 6, 15, 22, 0, 0);

    public static TheoryData<string, int> Limits => new()
    {
        { "plague", 2 }, { "cholera", 2 },                                        // 甲类
        { "anthrax-pulmonary", 2 }, { "sars", 2 }, { "polio", 2 }, { "hpai", 2 },   // 乙类 named by 004
        { "anthrax-cutaneous", 24 }, { "anthrax-unspecified", 24 },                 // 炭疽's other boxes
        { "measles", 24 }, { "hepatitis-b", 24 }, { "tb-smear-positive", 24 }, { "h1n1", 24 }, { "syphilis-latent", 24 },
        { "influenza", 24 }, { "hfmd", 24 }, { "other-infectious-diarrhoea", 24 }, // 丙类
        { "varicella", 24 },                                                       // 其他
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void EachDiseaseHasTheLimitOf004(string code, int hours) =>
        Assert.Equal((ReportTimeLimit)hours, ReportTimeLimits.For(Cards.List.Find(code)!));

    [Fact]
    public void EveryClassADiseaseIsTwoHoursAndEveryClassCDiseaseTwentyFour()
    {
        Assert.All(Cards.List.OfClass(DiseaseClass.ClassA), d => Assert.Equal(ReportTimeLimit.TwoHours, ReportTimeLimits.For(d)));
        Assert.All(Cards.List.OfClass(DiseaseClass.ClassC), d => Assert.Equal(ReportTimeLimit.TwentyFourHours, ReportTimeLimits.For(d)));
    }

    [Fact]
    public void AnOutbreakOfAnyDiseaseIsTwoHours()
    {
        Assert.Equal(ReportTimeLimit.TwoHours, ReportTimeLimits.For(Cards.List.Find("mumps")!, outbreak: true));
        Assert.Equal(ReportTimeLimit.TwoHours, ReportTimeLimits.ForUnlisted(outbreak: true));
        Assert.Equal(ReportTimeLimit.TwentyFourHours, ReportTimeLimits.ForUnlisted(outbreak: false));
    }

    [Fact]
    public void EmergencyEventsAndClustersOfUnknownCauseAreTwoHours() =>
        Assert.Equal(ReportTimeLimit.TwoHours, ReportTimeLimits.ForEmergencyEvent());

    [Fact]
    public void TheClockStartsAtDiagnosisAndRunsOverMidnight()
    {
        Assert.Equal(new DateTime(2026, 6, 16, 0, 0, 0), ReportTimeLimits.Deadline(Diagnosed, ReportTimeLimit.TwoHours));
        Assert.Equal(new DateTime(2026, 6, 16, 22, 0, 0), ReportTimeLimits.Deadline(Diagnosed, ReportTimeLimit.TwentyFourHours));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(119, true)]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void ReportedAtTheDeadlineIsOnTimeAMinuteLaterIsLate(int minutesAfterDiagnosis, bool onTime) =>
        Assert.Equal(onTime, ReportTimeLimits.IsOnTime(Diagnosed, Diagnosed.AddMinutes(minutesAfterDiagnosis), ReportTimeLimit.TwoHours));

    [Fact]
    public void ASupplementaryReportIsNeverOnTime()
    {
        Assert.Equal(ReportTimeliness.Supplementary, ReportTimeLimits.Judge(Diagnosed, Diagnosed.AddMinutes(5), ReportTimeLimit.TwentyFourHours, supplementary: true));
        Assert.Equal(ReportTimeliness.Late, ReportTimeLimits.Judge(Diagnosed, Diagnosed.AddHours(25), ReportTimeLimit.TwentyFourHours, supplementary: false));
        Assert.Equal(ReportTimeliness.OnTime, ReportTimeLimits.Judge(Diagnosed, Diagnosed.AddHours(23), ReportTimeLimit.TwentyFourHours, supplementary: false));
    }

    [Fact]
    public void TheCountdownShowsTimeLeftThenTimeOver()
    {
        var left = ReportTimeLimits.Countdown(Diagnosed, ReportTimeLimit.TwoHours, Diagnosed.AddMinutes(35));
        Assert.False(left.Overdue);
        Assert.Equal("剩余 1小时25分", left.Text);

        var over = ReportTimeLimits.Countdown(Diagnosed, ReportTimeLimit.TwoHours, Diagnosed.AddHours(5).AddMinutes(10));
        Assert.True(over.Overdue);
        Assert.Equal("已超时 3小时10分", over.Text);
        Assert.Equal("剩余 5分", ReportTimeLimits.Countdown(Diagnosed, ReportTimeLimit.TwoHours, Diagnosed.AddMinutes(115)).Text);
    }

    [Fact]
    public void ACardsLimitFollowsItsDiseaseAndOutbreak()
    {
        var card = Cards.Measles();
        Assert.Equal(ReportTimeLimit.TwentyFourHours, CardRules.TimeLimit(card, Cards.List));
        Assert.Equal(ReportTimeLimit.TwoHours, CardRules.TimeLimit(card with { DiseaseCode = "cholera" }, Cards.List));
        Assert.Equal(ReportTimeLimit.TwoHours, CardRules.TimeLimit(card with { Outbreak = true }, Cards.List));
        Assert.Equal(ReportTimeLimit.TwentyFourHours, CardRules.TimeLimit(card with { DiseaseCode = null, OtherDiseaseName = "发热伴血小板减少综合征" }, Cards.List));
    }

    [Fact]
    public void ACardHasNoCountdownBeforeItsDiagnosisTimeIsEntered() =>
        Assert.Null(CardRules.Countdown(Cards.Measles() with { DiagnosedAt = null }, Cards.List, Cards.Now));

    [Fact]
    public void AReportedCardIsJudgedByItsOwnTimes()
    {
        var onTime = Cards.Filed(1, Cards.Measles(), Cards.Diagnosed.AddHours(24));
        var late = Cards.Filed(2, Cards.Measles(), Cards.Diagnosed.AddHours(24).AddMinutes(1));
        Assert.Equal(ReportTimeliness.OnTime, CardRules.Timeliness(onTime, Cards.List));
        Assert.Equal(ReportTimeliness.Late, CardRules.Timeliness(late, Cards.List));
        Assert.Null(CardRules.Timeliness(onTime with { ReportedAt = null }, Cards.List));
    }
}
