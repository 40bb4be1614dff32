using HealthRecords.Domain.MentalHealth;
using HealthRecords.Web.Features.Examinations;
using HealthRecords.Web.Features.WorkList;

namespace HealthRecords.Web.Features.MentalHealth;

/// <summary>
/// Work-list items of the managed patients in scope: loads each open registration's follow-ups and the record's health
/// examinations, asks the domain (<see cref="MentalHealthSchedule.Due"/>) what is due (the next follow-up — urgent after
/// 不稳定 or a referral —, the yearly examination when agreed) and keeps those due by <c>until</c>. A patient who did not
/// consent is registered, not managed: nothing is due. The line's title is neutral
/// (<see cref="MentalHealthPrivacy.NeutralTitle"/>): the work list does not know whether its reader may see the diagnosis.
/// </summary>
public sealed class MentalHealthDueItems : IDueItemSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(HealthRecordsDbContext db, IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var patients = await db.MentalHealthPatients.AsNoTracking()
            .Where(p => p.RemovedOn == null && p.Managed && records.Any(r => r.Id == p.HealthRecordId))
            .Select(p => new { p.Id, p.HealthRecordId, p.EnrolledOn, p.Consent, p.ExaminationAgreed })
            .ToListAsync(ct);
        if (patients.Count == 0)
        {
            return [];
        }
        var ids = patients.Select(p => p.Id).ToList();
        var recordIds = patients.Select(p => p.HealthRecordId).ToList();
        var visits = (await db.MentalHealthFollowUps.AsNoTracking().Where(v => ids.Contains(v.PatientId))
            .Select(v => new { v.PatientId, Entry = new MentalFollowUpEntry(v.Id, v.VisitDate, v.Condition, v.NextVisitDate, v.Referred && v.ReferralResultOn == null) })
            .ToListAsync(ct)).ToLookup(v => v.PatientId, v => v.Entry);
        var exams = (await db.Set<Examination>().AsNoTracking().Where(e => recordIds.Contains(e.HealthRecordId))
            .Select(e => new { e.HealthRecordId, e.ExamDate }).ToListAsync(ct)).ToLookup(e => e.HealthRecordId, e => e.ExamDate);
        var items = new List<DueItem>();
        foreach (var p in patients)
        {
            var history = new MentalHealthHistory(p.EnrolledOn, p.Consent, [.. visits[p.Id]], p.ExaminationAgreed, [.. exams[p.HealthRecordId]]);
            foreach (var item in MentalHealthSchedule.Due(history, today))
            {
                if (item.DueDate <= until)
                {
                    items.Add(DueItem.From(p.HealthRecordId, MentalHealthSchedule.Service, item with { Title = NeutralTitle(item.Kind) },
                        $"/residents/{p.HealthRecordId}/mental-health"));
                }
            }
        }
        return items;
    }

    /// <summary>The line as everyone may see it: 重点人群随访 / 重点人群年度健康检查.</summary>
    internal static string NeutralTitle(string kind) =>
        kind == MentalHealthSchedule.ExaminationKind ? "重点人群年度健康检查" : MentalHealthPrivacy.NeutralTitle;
}
