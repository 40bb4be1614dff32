using HealthRecords.Domain.Immunisation;
using static HealthRecords.Domain.Tests.Immunisation.Samples;

namespace HealthRecords.Domain.Tests.Immunisation;

public sealed class ImmunizationPlannerTests
{
    private static readonly ImmunizationSchedule V1 = ImmunizationSchedules.Nip2011;

    private static NextDose Next(string series, IEnumerable<Vaccination> doses, string today) =>
        ImmunizationPlanner.NextDoses(V1, Birth, doses, DateOnly.Parse(today)).Single(n => n.Series.Code == series);

    [Fact]
    public void HepatitisBDoseOneIsDueAtBirthAndOverdueAfter24Hours()
    {
        var next = Next("HepB", [], "2024-01-11");
        Assert.Equal(DoseStatus.Due, next.Status);
        Assert.Equal(Birth, next.Timing!.Earliest);
        Assert.Equal(new DateOnly(2024, 1, 11), next.Timing.WindowEnd);
        Assert.Equal(DoseStatus.Overdue, Next("HepB", [], "2024-01-12").Status);
    }

    [Fact]
    public void ADoseIsDueWhenTheAgeIsReachedAndOnTimeForAMonth()
    {
        var doses = new[] { Dose("HepB", 1, "2024-01-10") };
        var next = Next("HepB", doses, "2024-02-01");
        Assert.Equal(DoseStatus.NotYet, next.Status);
        Assert.Equal(new DateOnly(2024, 2, 10), next.Timing!.Earliest);
        Assert.Equal(new DateOnly(2024, 3, 9), next.Timing.WindowEnd);
        Assert.Equal("乙肝疫苗第2剂次", next.Title);
    }

    [Fact]
    public void TheMinimumIntervalDelaysADoseAfterALatePreviousOne()
    {
        // dose 1 given late at 20 days: dose 2 at 1 month would be only 11 days after; due 28 days after dose 1
        var next = Next("HepB", [Dose("HepB", 1, "2024-01-30")], "2024-02-15");
        Assert.Equal(new DateOnly(2024, 2, 27), next.Timing!.Earliest);
        Assert.Equal(DoseStatus.NotYet, next.Status);
    }

    [Fact]
    public void MenACWaitsTwelveMonthsAfterMenADoseTwo()
    {
        var doses = new[] { Dose("MenA", 1, "2025-05-01"), Dose("MenA", 2, "2025-08-01") };
        var next = Next("MenAC", doses, "2027-01-10");
        // 3 years is 2027-01-10, but MenA dose 2 + 12 months is 2026-08-01: age decides
        Assert.Equal(new DateOnly(2027, 1, 10), next.Timing!.Earliest);
        var late = new[] { Dose("MenA", 1, "2026-04-01"), Dose("MenA", 2, "2026-07-01") };
        Assert.Equal(new DateOnly(2027, 7, 1), Next("MenAC", late, "2027-01-10").Timing!.Earliest);
    }

    [Fact]
    public void InactivatedJeDoseTwoIsSevenToTenDaysAfterDoseOne()
    {
        var doses = new[] { Dose("JE-I", 1, "2024-09-10") };
        var next = Next("JE", doses, "2024-09-15");
        Assert.Equal(new DateOnly(2024, 9, 17), next.Timing!.Earliest);
        Assert.Equal(new DateOnly(2024, 9, 20), next.Timing.WindowEnd);
        Assert.Equal(DoseStatus.Overdue, Next("JE", doses, "2024-09-21").Status);
    }

    [Fact]
    public void TheCourseFollowsTheFirstDose()
    {
        Assert.Equal("JE-I", Next("JE", [Dose("JE-I", 1, "2024-09-10")], "2024-09-11").Course.Code);
        var live = Next("JE", [Dose("JE-L", 1, "2024-09-10")], "2024-09-11");
        Assert.Equal("JE-L", live.Course.Code);
        Assert.Equal(new DateOnly(2026, 1, 10), live.Timing!.Earliest);
    }

    [Fact]
    public void BeforeAnyDoseTheAlternativesAreNamed()
    {
        Assert.Equal("乙脑疫苗第1剂次（乙脑(减毒)活疫苗或乙脑灭活疫苗）", Next("JE", [], "2024-09-11").Title);
        Assert.Equal("含麻疹成分疫苗第1剂次（麻风疫苗或麻疹疫苗）", Next("Measles", [], "2024-09-11").Title);
    }

    [Fact]
    public void MeaslesDoseOneMayBeMrOrMeasles()
    {
        var next = Next("Measles", [Dose("MV", 1, "2024-09-10")], "2025-07-10");
        Assert.Equal(2, next.Rule.Number);
        Assert.Equal(["MMR", "MM", "MV"], next.Vaccines);
        Assert.Equal(DoseStatus.Due, next.Status);
    }

    [Fact]
    public void MenAIsNoLongerGivenFromThreeYears() =>
        Assert.Equal(DoseStatus.NoLongerDue, Next("MenA", [], "2027-01-10").Status);

    [Fact]
    public void ACompleteSeriesIsComplete() =>
        Assert.Equal(DoseStatus.Complete, Next("BCG", [Dose("BCG", 1, "2024-01-10")], "2024-02-01").Status);

    [Fact]
    public void TheWorkListGetsOneItemPerSeriesStillToGive()
    {
        var items = ImmunizationPlanner.ScheduleItems(V1, Birth, [Dose("HepB", 1, "2024-01-10"), Dose("BCG", 1, "2024-01-10")], new DateOnly(2024, 1, 20));
        Assert.Contains(items, i => i.Kind == "vaccine:HepB:2" && i.DueDate == new DateOnly(2024, 2, 10));
        Assert.DoesNotContain(items, i => i.Kind.StartsWith("vaccine:BCG", StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.Kind.StartsWith("vaccine:HFRS", StringComparison.Ordinal));
        Assert.Equal(items.Count, items.Select(i => i.Kind.Split(':')[1]).Distinct().Count());
    }

    [Fact]
    public void ALateChildGetsACatchUpPlanThatRespectsIntervals()
    {
        // 14 months old with only the birth doses
        var doses = new[] { Dose("HepB", 1, "2024-01-10"), Dose("BCG", 1, "2024-01-10") };
        var from = new DateOnly(2025, 3, 10);
        var plan = ImmunizationPlanner.CatchUp(V1, Birth, doses, from);

        DateOnly On(string series, int n) => plan.Doses.Single(d => d.Series == series && d.Number == n).Date;
        Assert.Equal(from, On("HepB", 2));
        Assert.Equal(from.AddDays(28), On("HepB", 3));
        Assert.Equal(from, On("OPV", 1));
        Assert.Equal(from.AddDays(28), On("OPV", 2));
        Assert.Equal(from.AddDays(56), On("OPV", 3));
        Assert.Equal(from, On("DTP", 1));
        Assert.Equal(from.AddDays(56), On("DTP", 3));
        Assert.Equal(from, On("MenA", 1));
        Assert.Equal(from.AddMonths(3), On("MenA", 2));
        // MenAC dose 1: 3 years (2027-01-10) comes after MenA dose 2 + 12 months (2026-06-10): age decides
        Assert.Equal(new DateOnly(2027, 1, 10), On("MenAC", 1));
        Assert.All(plan.Doses.Where(d => d.Date > d.OnTimeEnd), d => Assert.True(d.Late));
        Assert.True(plan.Doses.Single(d => d.Series == "HepB" && d.Number == 2).Late);
    }

    [Fact]
    public void LiveInjectedVaccinesNotGivenTogetherAreSpacedFourWeeks()
    {
        // 8 months: the measles-containing dose and live JE on the same day; given MR alone 10 days ago, JE-L waits to day 28
        var doses = new[] { Dose("MR", 1, "2024-09-10") };
        var plan = ImmunizationPlanner.CatchUp(V1, Birth, doses, new DateOnly(2024, 9, 20));
        var je = plan.Doses.Single(d => d.Series == "JE" && d.Number == 1);
        Assert.Equal(new DateOnly(2024, 10, 8), je.Date);
    }

    [Fact]
    public void ACatchUpPlanSkipsWhatIsNoLongerGiven()
    {
        var plan = ImmunizationPlanner.CatchUp(V1, Birth, [], new DateOnly(2027, 2, 1));
        Assert.DoesNotContain(plan.Doses, d => d.Series == "MenA");
        Assert.Equal(2, plan.Skipped.Count(s => s.Series == "MenA"));
        Assert.Equal(new DateOnly(2027, 2, 1), plan.Doses.Single(d => d.Series == "MenAC" && d.Number == 1).Date);
    }

    [Fact]
    public void TheNextAppointmentIsTheFirstVisitAfterTodaysDoses()
    {
        var doses = new[] { Dose("HepB", 1, "2024-01-10"), Dose("BCG", 1, "2024-01-10"), Dose("HepB", 2, "2024-02-10") };
        var appointment = ImmunizationPlanner.NextAppointment(V1, Birth, doses, new DateOnly(2024, 2, 10));
        Assert.NotNull(appointment);
        Assert.Equal(new DateOnly(2024, 3, 10), appointment.Value.Date);
        Assert.Equal(["OPV"], appointment.Value.Doses.Select(d => d.Series));
    }

    [Fact]
    public void AnOnScheduleChildsPlanIsTheSchedule()
    {
        var plan = ImmunizationPlanner.CatchUp(V1, Birth, [], Birth);
        Assert.DoesNotContain(plan.Doses, d => d.Late);
        Assert.Equal(new DateOnly(2024, 5, 10), plan.Doses.Single(d => d.Series == "DTP" && d.Number == 2).Date);
        // 乙脑: the first listed course (live) while none is chosen: 8 months and 2 years
        Assert.Equal(new DateOnly(2024, 9, 10), plan.Doses.Single(d => d.Series == "JE" && d.Number == 1).Date);
        Assert.Equal(new DateOnly(2026, 1, 10), plan.Doses.Single(d => d.Series == "JE" && d.Number == 2).Date);
    }
}
