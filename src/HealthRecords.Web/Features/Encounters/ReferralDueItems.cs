using HealthRecords.Domain.Encounters;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Features.WorkList;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>
/// The work list's referral follow-ups: loads the open referrals due by then (their promoted follow-up day) and asks
/// the domain (<see cref="ReferralRules.Due"/>) for each item. The list shows it to whoever has the record in scope,
/// the record's responsible doctor among them.
/// </summary>
public sealed class ReferralDueItems : IDueItemSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(HealthRecordsDbContext db, IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var rows = await (
            from f in db.Referrals.AsNoTracking()
            join r in records on f.HealthRecordId equals r.Id
            where f.ResultOn == null && f.FollowUpDue <= until
            orderby f.FollowUpDue
            select new { f.Id, f.HealthRecordId, f.ReferredOn, f.ToInstitution, f.ResultOn })
            .ToListAsync(ct);
        return rows
            .Select(x => (x, Due: ReferralRules.Due(x.Id, x.ReferredOn, x.ToInstitution, x.ResultOn)))
            .Where(x => x.Due is not null)
            .Select(x => DueItem.From(x.x.HealthRecordId, DueServices.Referral, x.Due!, $"/residents/{x.x.HealthRecordId}/referrals/{x.x.Id}/result"))
            .ToList();
    }
}

/// <summary>Encounters, consultations and referrals are services a record received (健康档案使用率).</summary>
public sealed class EncounterServiceEvents : IServiceEventSource
{
    public IQueryable<long> RecordsServed(HealthRecordsDbContext db, DateOnly from, DateOnly to) =>
        db.Encounters.Where(e => e.EncounterDate >= from && e.EncounterDate <= to).Select(e => e.HealthRecordId)
            .Union(db.Consultations.Where(c => c.ConsultationDate >= from && c.ConsultationDate <= to).Select(c => c.HealthRecordId))
            .Union(db.Referrals.Where(r => r.ReferredOn >= from && r.ReferredOn <= to).Select(r => r.HealthRecordId));
}
