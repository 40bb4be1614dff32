using HealthRecords.Domain.Encounters;
using HealthRecords.Domain.InfectiousDisease;

namespace HealthRecords.Domain.Tests.InfectiousDisease;

public sealed class MissedReportCheckTests
{
    private static readonly DateOnly Visit = new(2026, 6, 15);

    private static OutpatientLogEntry Entry(long encounterId, string icd10, VisitKind kind = VisitKind.First, string patient = "p1", DateOnly? on = null) =>
        new(encounterId, patient, on ?? Visit, kind, [new Diagnosis(icd10, null)]);

    private static FiledCard Card(long id, string disease, DateOnly diagnosedOn, string patient = "p1", long? encounterId = null) =>
        Cards.Filed(id, Cards.Measles() with { DiseaseCode = disease, DiagnosedAt = diagnosedOn.ToDateTime(new TimeOnly(9, 0)) }, patient: patient, encounterId: encounterId);

    private static IReadOnlyList<MissedReport> Check(IEnumerable<OutpatientLogEntry> log, IReadOnlyCollection<FiledCard> cards, params MissedReportDismissal[] dismissals) =>
        MissedReportCheck.Find(log, cards, dismissals, _ => Cards.List);

    [Fact]
    public void AReportableDiagnosisWithoutACardIsMissed()
    {
        var missed = Assert.Single(Check([Entry(10, "B05.9")], []));
        Assert.Equal(10, missed.Entry.EncounterId);
        Assert.Equal("measles", Assert.Single(missed.Diagnosis.Candidates).Code);
    }

    [Fact]
    public void DiagnosesThatAreNotReportableAreNotChecked() => Assert.Empty(Check([Entry(10, "I10"), Entry(11, "J06.9")], []));

    [Fact]
    public void TheCardStartedFromTheEncounterCoversIt() =>
        Assert.Empty(Check([Entry(10, "B05.9")], [Card(1, "measles", Visit.AddDays(-60), encounterId: 10)]));

    [Fact]
    public void ACardOfTheSameDiseaseGroupCoversIt() =>
        Assert.Empty(Check([Entry(10, "B18.1")], [Card(1, "hepatitis-unspecified", Visit)]));

    [Fact]
    public void ACardOfAnotherDiseaseOrPatientDoesNot()
    {
        Assert.Single(Check([Entry(10, "B05.9")], [Card(1, "rubella", Visit)]));
        Assert.Single(Check([Entry(10, "B05.9")], [Card(1, "measles", Visit, patient: "p2")]));
    }

    [Fact]
    public void AWithdrawnCardDoesNotCover() =>
        Assert.Single(Check([Entry(10, "B05.9")], [Card(1, "measles", Visit) with { Withdrawn = true }]));

    [Theory]
    [InlineData(-30, true)]
    [InlineData(-31, false)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void AFirstVisitIsCoveredByACardDiagnosedFromThirtyDaysBeforeToSevenAfter(int days, bool covered) =>
        Assert.Equal(covered, Check([Entry(10, "B05.9")], [Card(1, "measles", Visit.AddDays(days))]).Count == 0);

    [Fact]
    public void AReturnVisitIsCoveredByAnyCardOfTheDiseaseInTheLastThreeYears()
    {
        Assert.Empty(Check([Entry(10, "A15.0", VisitKind.Return)], [Card(1, "tb-smear-negative", Visit.AddYears(-2))]));
        Assert.Single(Check([Entry(10, "A15.0", VisitKind.Return)], [Card(1, "tb-smear-negative", Visit.AddYears(-3).AddDays(-1))]));
        Assert.Single(Check([Entry(10, "A15.0", VisitKind.First)], [Card(1, "tb-smear-negative", Visit.AddYears(-2))]));
    }

    [Fact]
    public void ADismissedFindingIsNotListedAgain() =>
        Assert.Empty(Check([Entry(10, "B05.9")], [], new MissedReportDismissal(10, "b05.9", MissedReportDismissalReason.ReportedElsewhere, "区人民医院已报告")));

    [Fact]
    public void EachReportableDiagnosisOfAnEntryIsCheckedOnItsOwn()
    {
        var entry = new OutpatientLogEntry(10, "p1", Visit, VisitKind.First, [new Diagnosis("B05.9", "麻疹"), new Diagnosis("A09", "感染性腹泻")]);
        var missed = Check([entry], [Card(1, "measles", Visit)]);
        Assert.Equal("A09", Assert.Single(missed).Diagnosis.Icd10Code);
    }

    [Fact]
    public void TheListInForceOnTheVisitDayIsUsed()
    {
        var later = DiseaseLists.Parse("# version: t\n# title: t\nvaricella\t4\t\t水痘\t0\t0\n");
        Assert.Single(MissedReportCheck.Find([Entry(10, "B01.9")], [], [], _ => later));
        Assert.Empty(MissedReportCheck.Find([Entry(10, "B05.9")], [], [], _ => later));
    }
}
