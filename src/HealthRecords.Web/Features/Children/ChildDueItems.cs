using HealthRecords.Domain.Children;
using HealthRecords.Web.Features.WorkList;

namespace HealthRecords.Web.Features.Children;

/// <summary>
/// Work-list items of child health management: for each child under 7 in scope, the earliest check-up not done whose
/// window is still open (Domain <see cref="CheckupSchedule.Due"/>, window = target to the last day on time), from the
/// ages of the check-ups recorded; and for each check-up that advised a referral without a result yet, the 2-week
/// follow-up (<see cref="CheckupSchedule.ReferralFollowUp"/>, urgent).
/// </summary>
public sealed class ChildDueItems(ChildrenSettings settings) : IDueItemSource
{
    /// <summary>The work list's service key of these items.</summary>
    public const string Service = CheckupSchedule.Service;

    /// <summary>Children are managed until the day before their 7th birthday (0~6岁).</summary>
    public const int UnderYears = 7;

    public async Task<IReadOnlyList<DueItem>> DueAsync(HealthRecordsDbContext db, IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var bornAfter = today.AddYears(-UnderYears);
        var children = await records.Where(r => r.BirthDate > bornAfter && r.BirthDate <= today)
            .Select(r => new { r.Id, r.BirthDate }).ToListAsync(ct);
        if (children.Count == 0)
        {
            return [];
        }
        var ids = children.Select(c => c.Id).ToList();
        var checkups = db.Set<ChildCheckupVisit>().AsNoTracking().Where(c => ids.Contains(c.HealthRecordId));
        var done = (await checkups.Select(c => new { c.HealthRecordId, c.Age }).ToListAsync(ct)).ToLookup(c => c.HealthRecordId, c => c.Age);
        var items = new List<DueItem>();
        foreach (var child in children)
        {
            foreach (var item in CheckupSchedule.Due(child.BirthDate, done[child.Id].ToArray(), today, windows: settings.Windows))
            {
                if (item.DueDate <= until)
                {
                    items.Add(DueItem.From(child.Id, Service, item, $"/residents/{child.Id}/child-checkups/new"));
                }
            }
        }
        // referrals awaiting their result: few rows, read with their forms
        var referred = await checkups.Where(c => c.Referral && c.ReferralResultOn == null).ToListAsync(ct);
        foreach (var c in referred)
        {
            if (CheckupSchedule.ReferralFollowUp(c.Form, resultRecorded: false, c.Id) is { } item && item.DueDate <= until)
            {
                items.Add(DueItem.From(c.HealthRecordId, Service, item, $"/residents/{c.HealthRecordId}/child-checkups/{c.Id}"));
            }
        }
        return items;
    }
}
