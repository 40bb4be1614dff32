using HealthRecords.Domain.Codes;
using HealthRecords.Domain.InfectiousDisease;

namespace HealthRecords.Domain.Tests.InfectiousDisease;

public sealed class EventReportRulesTests
{
    private static readonly DateTime Received = new(2026, 5, 4, 8, 0, 0);
    private static readonly DateTime Now = new(2026, 5, 4, 9, 0, 0);

    private static PublicHealthEventReport Initial() => new()
    {
        Stage = EventReportStage.Initial,
        ReportingUnit = "跳磴镇卫生院",
        FilledOn = new DateOnly(2026, 5, 4),
        Reporter = "张医生",
        EventName = "跳磴镇中心小学水痘暴发",
        Category = EventCategory.InfectiousDisease,
        Grade = EventGrade.Ungraded,
        InitialDiagnosis = "水痘",
        InitialDiagnosisOn = new DateOnly(2026, 5, 4),
        ReportingArea = "重庆市大渡口区",
        OccurrenceArea = "重庆市大渡口区跳磴镇",
        Setting = EventSetting.School,
        SchoolType = SchoolType.Primary,
        InformationSource = EventInformationSource.LocalHealthFacility,
        NewCases = 12,
        TotalCases = 12,
        NewDeaths = 0,
        TotalDeaths = 0,
        OccurredAt = Received.AddDays(-3),
        ReceivedAt = Received,
        FirstCaseOnsetAt = Received.AddDays(-3),
        LastCaseOnsetAt = Received.AddDays(-1),
        MainSymptoms = [EventSymptom.Mucocutaneous],
    };

    private static PublicHealthEvent Event(params EventReportStage[] stages) =>
        new(7, Received, stages.Select((s, i) => new FiledEventReport(i + 1, new PublicHealthEventReport { Stage = s }, Received.AddHours(1 + i))).ToArray());

    [Fact]
    public void ACompleteInitialReportIsValid() => Assert.Empty(EventReportRules.Validate(Initial(), Event(), Now));

    [Fact]
    public void TheInitialReportComesFirstAndOnlyOnce()
    {
        Assert.Equal("请先填写该事件的初步报告", EventReportRules.RefusalOfNext(Event(), EventReportStage.Progress, 1)?.Message);
        Assert.Equal("该事件已有初步报告，请填写进程报告或结案报告", EventReportRules.RefusalOfNext(Event(EventReportStage.Initial), EventReportStage.Initial, null)?.Message);
        Assert.Null(EventReportRules.RefusalOfNext(Event(EventReportStage.Initial), EventReportStage.Closing, null));
    }

    [Fact]
    public void ProgressReportsAreNumberedInOrder()
    {
        var ev = Event(EventReportStage.Initial, EventReportStage.Progress);
        Assert.Equal(2, EventReportRules.NextProgressNumber(ev));
        Assert.Null(EventReportRules.RefusalOfNext(ev, EventReportStage.Progress, 2));
        Assert.Equal(("progressNumber", "这应是该事件的第2次进程报告"), EventReportRules.RefusalOfNext(ev, EventReportStage.Progress, 3));
    }

    [Fact]
    public void NothingFollowsTheClosingReport() =>
        Assert.Equal("该事件已结案，不能再报告",
            EventReportRules.RefusalOfNext(Event(EventReportStage.Initial, EventReportStage.Closing), EventReportStage.Progress, 1)?.Message);

    [Fact]
    public void TheSequenceIsCheckedWithTheCard()
    {
        var errors = EventReportRules.Validate(Initial() with { Stage = EventReportStage.Progress, ProgressNumber = 1 }, Event(), Now);
        Assert.Equal("请先填写该事件的初步报告", Assert.Single(errors["stage"]));
        Assert.Contains("progressNumber", EventReportRules.Validate(Initial() with { Stage = EventReportStage.Progress }, Event(EventReportStage.Initial), Now).Keys);
        Assert.Contains("progressNumber", EventReportRules.Validate(Initial() with { ProgressNumber = 1 }, Event(), Now).Keys);
    }

    [Fact]
    public void NotAnEmergencyIsOnlyForTheClosingReport()
    {
        Assert.Equal("“非突发事件”只在结案报告时填写", Assert.Single(EventReportRules.Validate(Initial() with { Grade = EventGrade.NotAnEmergency }, Event(), Now)["grade"]));
        Assert.Empty(EventReportRules.Validate(Initial() with { Stage = EventReportStage.Closing, Grade = EventGrade.NotAnEmergency }, Event(EventReportStage.Initial), Now));
    }

    [Fact]
    public void TheSettingAsksItsOwnSubQuestions()
    {
        Assert.Contains("schoolType", EventReportRules.Validate(Initial() with { SchoolType = null }, Event(), Now).Keys);
        var hospital = Initial() with { Setting = EventSetting.HealthFacility, SchoolType = null };
        Assert.Equal(["healthFacilityDepartment", "healthFacilityType"], EventReportRules.Validate(hospital, Event(), Now).Keys.Order(StringComparer.Ordinal));
        Assert.Contains("schoolType", EventReportRules.Validate(Initial() with { Setting = EventSetting.Household }, Event(), Now).Keys);
    }

    [Fact]
    public void CountsAndTimesMustMakeSense()
    {
        var errors = EventReportRules.Validate(Initial() with
        {
            NewCases = -1, TotalCases = 5, NewDeaths = 2, TotalDeaths = 6,
            ReceivedAt = Now.AddMinutes(1), LastCaseOnsetAt = Received.AddDays(-4),
        }, Event(), Now);
        Assert.Equal(["lastCaseOnsetAt", "newCases", "receivedAt", "totalDeaths"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("累计报告死亡数不能多于累计报告病例数", errors["totalDeaths"]);
        Assert.Contains("接到报告时间不能晚于报告时间（2026-05-04 09:00）", errors["receivedAt"]);
    }

    [Fact]
    public void AnEventNameLongerThanThirtyCharactersIsRefused() =>
        Assert.Contains("eventName", EventReportRules.Validate(Initial() with { EventName = new string('事', 31) }, Event(), Now).Keys);

    [Fact]
    public void TheCountdownRunsUntilTheInitialReportIsMade()
    {
        Assert.Equal("剩余 1小时0分", EventReportRules.Countdown(Event(), Now)!.Text);
        Assert.True(EventReportRules.Countdown(Event(), Received.AddHours(3))!.Overdue);
        Assert.Null(EventReportRules.Countdown(Event(EventReportStage.Initial), Now));
        Assert.True(EventReportRules.InitialReportOnTime(Event(EventReportStage.Initial)));
    }

    [Fact]
    public void TheClosingReportIsDueTwoWeeksAfterTheEventEnds()
    {
        var ended = new DateOnly(2026, 5, 20);
        var item = Assert.Single(EventReportRules.Due(Event(EventReportStage.Initial) with { EndedOn = ended }));
        Assert.Equal((ended, new DateOnly(2026, 6, 3), 7L), (item.WindowStart, item.DueDate, item.SourceId!.Value));
        Assert.Empty(EventReportRules.Due(Event(EventReportStage.Initial)));
        Assert.Empty(EventReportRules.Due(Event(EventReportStage.Initial, EventReportStage.Closing) with { EndedOn = ended }));
    }

    [Fact]
    public void TheCardsCodeTablesCarryItsNumbers()
    {
        Assert.Equal("1 传染病|2 食物中毒|3 职业中毒|4 其它中毒事件|5 环境卫生|6 免疫接种|7 群体性不明原因疾病|8 医疗机构内感染|9 放射性卫生|10 其它公共卫生",
            string.Join("|", CodeLabels.Options<EventCategory>().Select(o => $"{o.Code} {o.Label}")));
        Assert.Equal(17, CodeLabels.Options<EventSetting>().Count);
        Assert.Equal("本系统自动预警产生", ((EventInformationSource)9).Label());
        Assert.Equal("非突发事件", ((EventGrade)6).Label());
    }
}
