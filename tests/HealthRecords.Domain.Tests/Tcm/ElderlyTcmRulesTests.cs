using HealthRecords.Domain.Tcm;

namespace HealthRecords.Domain.Tests.Tcm;

public sealed class ElderlyTcmRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateOnly Born = new(1955, 8, 1);

    [Fact]
    public void AResidentTurningSixtyFiveThisYearIsDueFromTheFirstOfJanuary()
    {
        var item = ElderlyTcmRules.Due(new DateOnly(1961, 12, 31), [], Today).Single();
        Assert.Equal(("tcm-questionnaire", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
            (item.Kind, item.WindowStart, item.DueDate, item.WindowEnd));
    }

    [Fact]
    public void AYoungerResidentIsNotDue() => Assert.Empty(ElderlyTcmRules.Due(new DateOnly(1962, 1, 1), [], Today));

    [Fact]
    public void TheQuestionnaireIsDueOnLastYearsAnniversaryAndNotOnceDone()
    {
        Assert.Equal(new DateOnly(2026, 9, 3), ElderlyTcmRules.Due(Born, [new ElderlyTcmEntry(1, new DateOnly(2025, 9, 3), false)], Today).Single().DueDate);
        Assert.Empty(ElderlyTcmRules.Due(Born, [new ElderlyTcmEntry(1, new DateOnly(2026, 3, 3), false)], Today));
    }

    [Fact]
    public void AnEmptyOrContradictoryResultIsRepeatedAfterTwoWeeks()
    {
        var item = ElderlyTcmRules.Due(Born, [new ElderlyTcmEntry(4, new DateOnly(2026, 6, 1), true)], Today).Single();
        Assert.Equal(("tcm-recheck", new DateOnly(2026, 6, 15), 4L), (item.Kind, item.DueDate, item.SourceId));
        Assert.Empty(ElderlyTcmRules.Due(Born, [new ElderlyTcmEntry(4, new DateOnly(2026, 6, 1), true), new ElderlyTcmEntry(5, new DateOnly(2026, 6, 14), false)], Today));
    }

    [Fact]
    public void ManagedMeansSixtyFiveInTheYearWithAQuestionnaireInThePeriod()
    {
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        Assert.True(ElderlyTcmRules.IsManaged(Born, [new DateOnly(2026, 5, 1)], from, to));
        Assert.False(ElderlyTcmRules.IsManaged(Born, [new DateOnly(2025, 5, 1)], from, to));
        Assert.False(ElderlyTcmRules.IsManaged(new DateOnly(1962, 1, 1), [new DateOnly(2026, 5, 1)], from, to));
        Assert.Equal(["tcm-elderly-management-rate", "tcm-child-service-rate"], TcmMeasures.All.Select(m => m.Code));
    }
}
