using HealthRecords.Domain.Immunisation;
using static HealthRecords.Domain.Tests.Immunisation.Samples;

namespace HealthRecords.Domain.Tests.Immunisation;

public sealed class CardReviewTests
{
    private static readonly ImmunizationSchedule[] Versions = [ImmunizationSchedules.Nip2011];
    
    [Fact]
    public void AnUpToDateCardHasNoFindings() =>
        Assert.Empty(CardReview.Review(Card(Dose("HepB", 1, "2024-01-10"), Dose("BCG", 1, "2024-01-10")), Versions, new DateOnly(2024, 1, 20)));

    [Fact]
    public void MissingEntriesAreListed()
    {
        var card = Card(Dose("HepB", 1, "2024-01-10") with { BatchNumber = null, Site = null }) with { Name = null, Guardian = new("李芳", GuardianRelation.Mother) };
        var findings = CardReview.Review(card, Versions, new DateOnly(2024, 1, 20));
        Assert.Contains(findings, f => f.Kind == FindingKind.Missing && f.Path == "name");
        Assert.Contains(findings, f => f.Kind == FindingKind.Missing && f.Path == "guardian.phone");
        Assert.Contains(findings, f => f.Kind == FindingKind.Missing && f.Message == "乙肝疫苗第1剂次未填写疫苗批号");
        Assert.Contains(findings, f => f.Kind == FindingKind.Missing && f.Path == "doses[0].site");
    }

    [Fact]
    public void GapsAndRepeatsInDoseNumbersAreInconsistent()
    {
        var findings = CardReview.Review(Card(Dose("HepB", 1, "2024-01-10"), Dose("HepB", 3, "2024-07-10"), Dose("BCG", 1, "2024-01-10")), Versions, new DateOnly(2024, 8, 1));
        Assert.Contains(findings, f => f.Kind == FindingKind.Inconsistent && f.Message == "乙肝疫苗剂次不连续：有第3剂次，缺第2剂次");
    }

    [Fact]
    public void DosesAgainstTheScheduleWithoutAReasonAreInconsistent()
    {
        var findings = CardReview.Review(Card(Dose("HepB", 1, "2024-01-10"), Dose("HepB", 2, "2024-01-20"), Dose("BCG", 1, "2024-01-10")), Versions, new DateOnly(2024, 2, 1));
        Assert.Contains(findings, f => f.Kind == FindingKind.Inconsistent && f.Path == "doses[1].date" && f.Message.Contains("接种月龄未到", StringComparison.Ordinal));
        var withReason = Card(Dose("HepB", 1, "2024-01-10"), Dose("HepB", 2, "2024-01-20") with { OverrideReason = "母亲HBsAg阳性，遵医嘱" }, Dose("BCG", 1, "2024-01-10"));
        Assert.DoesNotContain(CardReview.Review(withReason, Versions, new DateOnly(2024, 2, 1)), f => f.Kind == FindingKind.Inconsistent);
    }

    [Fact]
    public void OverdueDosesAreListed()
    {
        var findings = CardReview.Review(Card(Dose("HepB", 1, "2024-01-10"), Dose("BCG", 1, "2024-01-10")), Versions, new DateOnly(2024, 4, 1));
        Assert.Contains(findings, f => f.Kind == FindingKind.Overdue && f.Message == "乙肝疫苗第2剂次应于2024-03-09前接种，尚未接种");
    }

    [Fact]
    public void AMovedOutChildHasNoOverdueDoses() =>
        Assert.DoesNotContain(
            CardReview.Review(Card(Dose("HepB", 1, "2024-01-10")) with { MovedOutOn = new DateOnly(2024, 2, 1), MoveOutReason = "随父母迁往外省" }, Versions, new DateOnly(2024, 6, 1)),
            f => f.Kind == FindingKind.Overdue);

    [Fact]
    public void CardsAreReviewedEverySixMonths()
    {
        Assert.Equal(new DateOnly(2024, 7, 1), CardReview.NextReview(new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 1)).DueDate);
        Assert.Equal(new DateOnly(2024, 3, 1), CardReview.NextReview(null, new DateOnly(2024, 3, 1)).DueDate);
    }
}
