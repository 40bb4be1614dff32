using HealthRecords.Domain.HealthSupervision;
using static HealthRecords.Domain.Tests.HealthSupervision.SupervisionRulesTests;

namespace HealthRecords.Domain.Tests.HealthSupervision;

public sealed class PatrolPlanTests
{
    private static readonly PatrolTarget Water = new(1, PatrolKind.DrinkingWater, "石林村集中供水站", 3, WaterSupplyType.RuralCentralised);
    private static readonly PatrolTarget School = new(2, PatrolKind.School, "跳磴镇中心小学", 1);
    private static readonly PatrolPlan Plan = new(2026, [Water, School]);

    [Fact]
    public void EachTargetIsDueInItsCurrentPeriod()
    {
        var items = PatrolPlans.Due(Plan, [], new DateOnly(2026, 5, 12));
        var water = items.Single(i => i.SourceId == 1);
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)), (water.WindowStart, water.DueDate));
        Assert.Equal("饮用水卫生安全巡查：石林村集中供水站", water.Title);
        var school = items.Single(i => i.SourceId == 2);
        Assert.Equal((new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31)), (school.WindowStart, school.DueDate));
    }

    [Fact]
    public void APatrolDoneInThePeriodMovesTheTargetToTheNext()
    {
        PatrolRow[] patrols = [new(10, Patrol(new DateOnly(2026, 4, 20)))];
        var water = PatrolPlans.Due(Plan, patrols, new DateOnly(2026, 5, 12)).Single(i => i.SourceId == 1);
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), (water.WindowStart, water.DueDate));
    }

    [Fact]
    public void APatrolServesATargetByItsIdOrByKindAndPlace()
    {
        Assert.True(PatrolPlans.Serves(Patrol(new DateOnly(2026, 4, 20)), Water));
        Assert.True(PatrolPlans.Serves(Patrol(new DateOnly(2026, 4, 20), place: "别处") with { TargetId = 1 }, Water));
        Assert.False(PatrolPlans.Serves(Patrol(new DateOnly(2026, 4, 20), PatrolKind.School, "石林村集中供水站"), Water));
        Assert.False(PatrolPlans.Serves(Patrol(new DateOnly(2026, 4, 20)) with { TargetId = 2 }, Water));
    }

    [Fact]
    public void ProgressNamesTheMissedPeriods()
    {
        PatrolRow[] patrols = [new(10, Patrol(new DateOnly(2026, 2, 3), PatrolKind.School, "跳磴镇中心小学")), new(11, Patrol(new DateOnly(2026, 1, 5)))];
        var progress = PatrolPlans.Progress(Plan, patrols, new DateOnly(2026, 4, 10));
        var school = progress.Single(p => p.Target.Id == 2);
        Assert.Equal((12, 3, 1), (school.Periods, school.Ended, school.Patrolled));
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1)], school.Missed);
        var water = progress.Single(p => p.Target.Id == 1);
        Assert.Equal((4, 1, 1), (water.Periods, water.Ended, water.Patrolled));
        Assert.Empty(water.Missed);
    }

    [Fact]
    public void NothingIsDueAfterThePlansYear() => Assert.Empty(PatrolPlans.Due(Plan, [], new DateOnly(2027, 1, 2)));

    [Fact]
    public void APlanNeedsPlacesAndFrequenciesOfOneToTwelveMonths()
    {
        var today = new DateOnly(2026, 1, 5);
        Assert.Empty(PatrolPlans.Validate(Plan, today));
        var errors = PatrolPlans.Validate(new PatrolPlan(2026, [new PatrolTarget(1, PatrolKind.School, "", 0, WaterSupplyType.School)]), today);
        Assert.Equal(["targets[0].intervalMonths", "targets[0].place", "targets[0].waterSupplyType"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
