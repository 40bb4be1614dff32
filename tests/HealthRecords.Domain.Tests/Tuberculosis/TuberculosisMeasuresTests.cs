using System.Globalization;
using HealthRecords.Domain.Tuberculosis;

namespace HealthRecords.Domain.Tests.Tuberculosis;

public sealed class TuberculosisMeasuresTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 31);

    [Fact]
    public void TheTwoMeasuresAreDefined() =>
        Assert.Equal(["tuberculosis-management-rate", "tuberculosis-regular-medication-rate"], TuberculosisMeasures.All.Select(m => m.Code));

    [Theory]
    [InlineData("2026-03-01", "2026-03-02", true, true)]
    [InlineData("2026-03-01", null, true, false)]
    [InlineData("2025-12-31", "2026-01-02", false, false)]
    public void ManagedMeansNotifiedInThePeriodAndVisitedAtHome(string notified, string? visited, bool denominator, bool numerator)
    {
        var n = DateOnly.Parse(notified, CultureInfo.InvariantCulture);
        var v = visited is null ? (DateOnly?)null : DateOnly.Parse(visited, CultureInfo.InvariantCulture);
        Assert.Equal(denominator, TuberculosisMeasures.IsNotified(n, From, To));
        Assert.Equal(numerator, TuberculosisMeasures.IsManaged(n, v, From, To));
    }

    [Theory]
    [InlineData(StopReason.Completed, 162, 180, true, true)]
    [InlineData(StopReason.Completed, 161, 180, true, false)]
    [InlineData(StopReason.Died, 180, 180, false, false)]
    [InlineData(StopReason.Lost, 100, 180, false, false)]
    [InlineData(StopReason.MultidrugResistant, 90, 90, false, false)]
    public void RegularMedicationCountsCompletedCoursesWithNinetyPercentOfDoses(StopReason reason, int taken, int due, bool denominator, bool numerator)
    {
        var stopped = new DateOnly(2026, 9, 9);
        Assert.Equal(denominator, TuberculosisMeasures.CompletedTreatment(reason, stopped, From, To));
        Assert.Equal(numerator, TuberculosisMeasures.TookRegularly(reason, stopped, taken, due, From, To));
    }
}
