using HealthRecords.Domain.Immunisation;
using HealthRecords.Web.Features.WorkList;

namespace HealthRecords.Web.Features.Immunisation;

/// <summary>
/// Work-list items of immunisation ("tells them each morning who is due or overdue"): for each child under 7 in scope
/// whose card has not moved out, the next dose of every routine series from Domain
/// <see cref="ImmunizationPlanner.ScheduleItems"/> (earliest valid day, window to the last day before it is overdue),
/// computed from the doses' promoted columns with the schedule version in force today.
/// </summary>
public sealed class ImmunisationDueItems(ScheduleVersions versions) : IDueItemSource
{
    /// <summary>The work list's service key of these items.</summary>
    public const string Service = ImmunizationPlanner.Service;

    /// <summary>The age below which a child is on the immunisation work list (the routine schedule ends at 6 years).</summary>
    public const int UnderYears = 7;

    public async Task<IReadOnlyList<DueItem>> DueAsync(HealthRecordsDbContext db, IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var bornAfter = today.AddYears(-UnderYears);
        var movedOut = db.Set<VaccinationCardForm>().Where(c => c.MovedOutOn != null && c.MovedOutOn <= today);
        var children = await records.Where(r => r.BirthDate > bornAfter && r.BirthDate <= today && !movedOut.Any(c => c.HealthRecordId == r.Id))
            .Select(r => new { r.Id, r.BirthDate }).ToListAsync(ct);
        if (children.Count == 0)
        {
            return [];
        }
        var ids = children.Select(c => c.Id).ToList();
        var doses = (await db.Set<VaccinationDose>().AsNoTracking()
                .Where(d => d.VoidedOn == null && ids.Contains(d.HealthRecordId))
                .Select(d => new { d.HealthRecordId, d.VaccineCode, d.DoseNumber, d.GivenOn })
                .ToListAsync(ct))
            .ToLookup(d => d.HealthRecordId, d => new Vaccination(d.VaccineCode, d.DoseNumber, d.GivenOn));
        var schedule = await versions.CurrentAsync(ct);
        var items = new List<DueItem>();
        foreach (var child in children)
        {
            foreach (var item in ImmunizationPlanner.ScheduleItems(schedule, child.BirthDate, doses[child.Id], today))
            {
                if (item.DueDate <= until)
                {
                    items.Add(DueItem.From(child.Id, Service, item, $"/residents/{child.Id}/immunisation"));
                }
            }
        }
        return items;
    }
}
