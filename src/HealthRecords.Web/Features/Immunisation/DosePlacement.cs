using HealthRecords.Domain.Immunisation;

namespace HealthRecords.Web.Features.Immunisation;

/// <summary>
/// Where each of a child's doses falls in its series (the card numbers doses per vaccine; 麻疹类 dose 2 may be 麻腮风
/// dose 1): Domain <see cref="ImmunizationPlanner.Progress(ImmunizationSchedule, IEnumerable{Vaccination})"/> lays the
/// doses on their courses, and each given dose is on time when given by its on-time end
/// (<see cref="ImmunizationPlanner.Timing"/>). Rewritten for every dose of the child on every save, void or correction,
/// so the promoted columns 接种率 counts stay true when an earlier dose changes.
/// </summary>
public static class DosePlacement
{
    public static void Place(ImmunizationSchedule schedule, DateOnly birthDate, IEnumerable<VaccinationDose> rows)
    {
        var all = rows.ToList();
        foreach (var row in all)
        {
            row.SeriesCode = null;
            row.SeriesDose = null;
            row.CourseCode = null;
            row.OnTime = false;
        }
        var live = all.Where(r => r.VoidedOn is null).ToList();
        var byDose = new Dictionary<Vaccination, VaccinationDose>(ReferenceEqualityComparer.Instance);
        foreach (var row in live)
        {
            byDose[row.Dose] = row;
        }
        var progress = ImmunizationPlanner.Progress(schedule, live.Select(r => r.Dose));
        DateOnly? Other(string series, int dose) => progress.FirstOrDefault(p => p.Series.Code == series)?.DateOf(dose);
        foreach (var p in progress)
        {
            for (var i = 0; i < p.Slots.Count; i++)
            {
                if (p.Slots[i].Given is not { } given || !byDose.TryGetValue(given, out var row))
                {
                    continue;
                }
                row.SeriesCode = p.Series.Code;
                row.SeriesDose = p.Slots[i].Rule.Number;
                row.CourseCode = p.Course.Code;
                row.OnTime = given.Date <= ImmunizationPlanner.Timing(schedule, p.Course, i, birthDate, p.DateOf, Other).OnTimeEnd;
            }
        }
    }
}
