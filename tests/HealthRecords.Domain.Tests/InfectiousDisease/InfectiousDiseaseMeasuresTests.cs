using HealthRecords.Domain.Encounters;
using HealthRecords.Domain.InfectiousDisease;

namespace HealthRecords.Domain.Tests.InfectiousDisease;

public sealed class InfectiousDiseaseMeasuresTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 31);

    private static OutpatientLogEntry Entry(long id, string patient, DateOnly on, string icd10, VisitKind kind = VisitKind.First) =>
        new(id, patient, on, kind, [new Diagnosis(icd10, null)]);

    private static FiledCard Card(long id, string patient, DateOnly on, long? encounterId = null) =>
        Cards.Filed(id, Cards.Measles() with { DiagnosedAt = on.ToDateTime(new TimeOnly(9, 0)) }, on.ToDateTime(new TimeOnly(10, 0)), patient, encounterId);

    [Fact]
    public void TheThreeMeasuresOf004AreDefined()
    {
        Assert.Equal(["传染病疫情报告率", "传染病疫情报告及时率", "突发公共卫生事件相关信息报告率"], InfectiousDiseaseMeasures.All.Select(m => m.Name));
        Assert.Equal(["五(一)", "五(二)", "五(三)"], InfectiousDiseaseMeasures.All.Select(m => m.Source[^4..]));
        Assert.Equal(3, InfectiousDiseaseMeasures.All.Select(m => m.Code).Distinct().Count());
    }

    [Fact]
    public void RegisteredCasesFoldRepeatedFirstVisitsAndSkipReturnVisits()
    {
        var d = new DateOnly(2026, 3, 1);
        OutpatientLogEntry[] log =
        [
            Entry(1, "p1", d, "B05.9"),
            Entry(2, "p1", d.AddDays(3), "B05.9"),              // the same case seen again
            Entry(3, "p1", d.AddDays(10), "B05.9", VisitKind.Return),
            Entry(4, "p1", d.AddDays(200), "B05.9"),            // a new case
            Entry(5, "p2", d, "J10.1"),
            Entry(6, "p3", d, "I10"),                           // not reportable
        ];
        var cases = InfectiousDiseaseMeasures.RegisteredCases(log, [Card(1, "p1", d, encounterId: 2)], [], _ => Cards.List);

        Assert.Equal([(d, "p1", 2, true), (d, "p2", 1, false), (d.AddDays(200), "p1", 1, false)],
            cases.Select(c => (c.RegisteredOn, c.PatientKey, c.Entries.Count, c.Reported)).OrderBy(c => c.RegisteredOn).ThenBy(c => c.PatientKey));
    }

    [Fact]
    public void DismissalsDecideWhetherACaseCounts()
    {
        var d = new DateOnly(2026, 3, 1);
        OutpatientLogEntry[] log = [Entry(1, "p1", d, "B05.9"), Entry(2, "p2", d, "B05.9"), Entry(3, "p3", d, "B05.9")];
        MissedReportDismissal[] dismissals =
        [
            new(1, "B05.9", MissedReportDismissalReason.ReportedElsewhere),
            new(2, "B05.9", MissedReportDismissalReason.DiagnosisExcluded),
            new(3, "B05.9", MissedReportDismissalReason.AlreadyReported),
        ];
        var only = Assert.Single(InfectiousDiseaseMeasures.RegisteredCases(log, [], dismissals, _ => Cards.List));
        Assert.Equal(("p3", true), (only.PatientKey, only.Reported));
    }

    [Fact]
    public void TimelinessCountsInitialReportedLiveCardsDiagnosedInThePeriod()
    {
        var d = new DateOnly(2026, 6, 15);
        var onTime = Card(1, "p1", d);
        Assert.True(InfectiousDiseaseMeasures.InTimelinessNumerator(onTime, Cards.List, From, To));

        var late = onTime with { ReportedAt = d.ToDateTime(new TimeOnly(9, 0)).AddHours(25) };
        Assert.True(InfectiousDiseaseMeasures.InTimelinessDenominator(late, From, To));
        Assert.False(InfectiousDiseaseMeasures.InTimelinessNumerator(late, Cards.List, From, To));

        Assert.False(InfectiousDiseaseMeasures.InTimelinessNumerator(onTime with { Supplementary = true }, Cards.List, From, To));
        Assert.True(InfectiousDiseaseMeasures.InTimelinessDenominator(onTime with { Supplementary = true }, From, To));
        Assert.False(InfectiousDiseaseMeasures.InTimelinessDenominator(onTime with { CorrectsCardId = 9 }, From, To));
        Assert.False(InfectiousDiseaseMeasures.InTimelinessDenominator(onTime with { Withdrawn = true }, From, To));
        Assert.False(InfectiousDiseaseMeasures.InTimelinessDenominator(onTime with { ReportedAt = null }, From, To));
        Assert.False(InfectiousDiseaseMeasures.InTimelinessDenominator(Card(2, "p1", new DateOnly(2025, 12, 31)), From, To));
    }

    [Fact]
    public void AnEventCountsAsReportedWhenItsInitialReportCameWithinTwoHours()
    {
        var received = new DateTime(2026, 5, 4, 8, 0, 0);
        var initial = new PublicHealthEventReport { Stage = EventReportStage.Initial };
        var timely = new PublicHealthEvent(1, received, [new FiledEventReport(1, initial, received.AddHours(2))]);
        var late = new PublicHealthEvent(2, received, [new FiledEventReport(2, initial, received.AddHours(2).AddMinutes(1))]);
        var unreported = new PublicHealthEvent(3, received, []);

        Assert.True(InfectiousDiseaseMeasures.InEventNumerator(timely, From, To));
        Assert.False(InfectiousDiseaseMeasures.InEventNumerator(late, From, To));
        Assert.True(InfectiousDiseaseMeasures.InEventDenominator(unreported, From, To));
        Assert.False(InfectiousDiseaseMeasures.InEventNumerator(unreported, From, To));
        Assert.False(InfectiousDiseaseMeasures.InEventDenominator(timely, new DateOnly(2026, 6, 1), To));
    }
}
