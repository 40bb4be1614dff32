using System.Globalization;
using HealthRecords.Domain.MentalHealth;

namespace HealthRecords.Domain.Tests.MentalHealth;

public sealed class MentalHealthMeasuresTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 31);

    private static MentalFollowUpEntry Visit(int month, Condition c, long id = 0) => new(id == 0 ? month : id, new DateOnly(2026, month, 10), c, null);

    [Fact]
    public void TheDefinitionsCiteTheSpecificationAndEstimateTheFirstDenominator()
    {
        Assert.Equal(["mental-health-management-rate", "mental-health-standard-management-rate", "mental-health-stable-rate"],
            MentalHealthMeasures.All.Select(m => m.Code));
        Assert.All(MentalHealthMeasures.All, m => Assert.StartsWith("004 重性精神疾病患者管理服务规范 五(", m.Source, StringComparison.Ordinal));
        Assert.Equal(HealthRecords.Domain.Measures.DenominatorKind.EstimatedFromPopulation, MentalHealthMeasures.ManagementRate.DenominatorKind);
        Assert.Equal(400m, MentalHealthMeasures.EstimatedPatients(100_000, 0.004m));
    }

    [Theory]
    [InlineData("2025-05-01", null, true)]
    [InlineData("2026-12-31", null, true)]
    [InlineData("2027-01-01", null, false)]
    [InlineData("2020-05-01", "2026-01-01", true)]
    [InlineData("2020-05-01", "2025-12-31", false)]
    public void RegisteredMeansOnTheRegisterAtSomeTimeInThePeriod(string enrolled, string? removed, bool registered) =>
        Assert.Equal(registered, MentalHealthMeasures.IsRegistered(DateOnly.Parse(enrolled, CultureInfo.InvariantCulture),
            removed is null ? null : DateOnly.Parse(removed, CultureInfo.InvariantCulture), From, To));

    [Fact]
    public void StandardManagementNeedsFourVisitsThatReachedThePatient()
    {
        MentalFollowUpEntry[] four = [Visit(2, Condition.Stable), Visit(5, Condition.BasicallyStable), Visit(8, Condition.Stable), Visit(11, Condition.Unstable)];
        Assert.True(MentalHealthMeasures.IsStandardlyManaged(InformedConsent.Agreed, four, From, To));
        Assert.False(MentalHealthMeasures.IsStandardlyManaged(InformedConsent.Agreed, [.. four[..3], Visit(11, Condition.NotVisited)], From, To));
        Assert.False(MentalHealthMeasures.IsStandardlyManaged(InformedConsent.Refused, four, From, To));
        Assert.False(MentalHealthMeasures.IsStandardlyManaged(InformedConsent.Agreed, four, From, new DateOnly(2026, 10, 31)));
    }

    [Fact]
    public void StableMeansStableAtTheLatestVisitOfThePeriod()
    {
        Assert.True(MentalHealthMeasures.IsStableAtLatest([Visit(3, Condition.Unstable), Visit(9, Condition.Stable)], From, To));
        Assert.False(MentalHealthMeasures.IsStableAtLatest([Visit(3, Condition.Stable), Visit(9, Condition.BasicallyStable)], From, To));
        Assert.False(MentalHealthMeasures.IsStableAtLatest([Visit(3, Condition.Stable), Visit(9, Condition.NotVisited)], From, To));
        Assert.True(MentalHealthMeasures.IsStableAtLatest([Visit(3, Condition.Stable), Visit(9, Condition.NotVisited)], From, new DateOnly(2026, 6, 30)));
        Assert.False(MentalHealthMeasures.IsStableAtLatest([], From, To));
    }
}
