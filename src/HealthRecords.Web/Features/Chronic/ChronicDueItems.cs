using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Web.Features.WorkList;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>
/// Work list items of hypertension and diabetes management, one per patient and disease: loads each enrolled patient's
/// latest follow-up and asks the domain (<see cref="ChronicSchedule.Due"/>) what is due.
/// </summary>
public sealed class ChronicDueItems : IDueItemSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(HealthRecordsDbContext db, IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var followUps = db.Set<ChronicFollowUp>();
        // Two steps (docs/performance.md, work list at 1,000,000 residents): each enrolled patient's last follow-up by
        // a backward probe of the (record, disease, date) index, then those follow-ups by primary key. One query with
        // "no later follow-up" read every follow-up of every patient in scope.
        var patients = await (
            from e in db.Set<ChronicEnrolment>()
            where !e.Withdrawn && records.Any(r => r.Id == e.HealthRecordId)
            select new
            {
                e.HealthRecordId, e.Disease, e.EnrolledOn,
                LastId = followUps.Where(f => f.HealthRecordId == e.HealthRecordId && f.Disease == e.Disease)
                    .OrderByDescending(f => f.VisitDate).Select(f => (long?)f.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = patients.Where(p => p.LastId is not null).Select(p => p.LastId!.Value).ToList();
        var last = await followUps.AsNoTracking()
            .Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, f.VisitDate, f.NextVisitDate, f.Referral, f.UrgentReferral })
            .ToDictionaryAsync(f => f.Id, ct);
        var items = new List<DueItem>();
        foreach (var p in patients)
        {
            var f = p.LastId is long id ? last[id] : null;
            var latest = f is null ? null : new LatestFollowUp(f.Id, f.VisitDate, f.NextVisitDate, f.Referral, f.UrgentReferral);
            var service = p.Disease == ChronicDisease.Hypertension ? DueServices.Hypertension : DueServices.Diabetes;
            var item = DueItem.From(p.HealthRecordId, service, ChronicSchedule.Due(p.Disease, p.EnrolledOn, latest, today),
                $"/residents/{p.HealthRecordId}/{service}/new");
            if (item.DueDate <= until)
            {
                items.Add(item);
            }
        }
        return items;
    }
}

/// <summary>
/// Work list items of hypertension screening: loads the last two years' readings of residents not under hypertension
/// management and asks the domain (<see cref="HypertensionScreening.Due"/>) what is due.
/// </summary>
public sealed class ScreeningDueItems : IDueItemSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(HealthRecordsDbContext db, IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var since = today.AddYears(-2);
        var enrolled = db.Set<ChronicEnrolment>().Where(e => e.Disease == ChronicDisease.Hypertension && !e.Withdrawn);
        var readings = await db.Set<ScreeningBloodPressure>().AsNoTracking()
            .Where(s => s.TakenOn >= since && records.Any(r => r.Id == s.HealthRecordId) && !enrolled.Any(e => e.HealthRecordId == s.HealthRecordId))
            .Select(s => new { s.HealthRecordId, s.Id, s.TakenOn, s.Systolic, s.Diastolic, s.HighRisk })
            .ToListAsync(ct);
        var items = new List<DueItem>();
        foreach (var g in readings.GroupBy(r => r.HealthRecordId))
        {
            var due = HypertensionScreening.Due(g.Select(r => new ScreeningEntry(r.Id, new ScreeningReading(r.TakenOn, r.Systolic, r.Diastolic), r.HighRisk)).ToList());
            if (due is not null && due.DueDate <= until)
            {
                items.Add(DueItem.From(g.Key, DueServices.Screening, due, $"/residents/{g.Key}/chronic"));
            }
        }
        return items;
    }
}

/// <summary>
/// Work list items of the yearly examination of hypertension and diabetes patients (004 高血压/2型糖尿病 二(四)): loads
/// the patients under management who are not 65+ targets this year (the elderly service lists those) and have no
/// examination this year, with their last one, and asks the domain (<see cref="ChronicSchedule.AnnualExamination"/>).
/// </summary>
public sealed class ChronicExaminationDueItems : IDueItemSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(HealthRecordsDbContext db, IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var first = new DateOnly(today.Year, 1, 1);
        var elderly = Domain.Elderly.ElderlyRules.LatestBirthDate(today.Year);
        var exams = db.Set<Examinations.Examination>();
        var rows = await (
            from e in db.Set<ChronicEnrolment>()
            where !e.Withdrawn
            join r in records on e.HealthRecordId equals r.Id
            where r.BirthDate > elderly && !exams.Any(x => x.HealthRecordId == r.Id && x.ExamDate >= first)
            select new
            {
                r.Id, r.BirthDate, e.Disease, e.EnrolledOn,
                Last = exams.Where(x => x.HealthRecordId == r.Id).Max(x => (DateOnly?)x.ExamDate),
            })
            .ToListAsync(ct);
        var items = new List<DueItem>();
        foreach (var g in rows.GroupBy(r => r.Id))
        {
            var p = g.First();
            var due = ChronicSchedule.AnnualExamination(g.Select(r => r.Disease).ToList(), p.BirthDate, g.Min(r => r.EnrolledOn), p.Last, today);
            if (due is not null && due.DueDate <= until)
            {
                items.Add(DueItem.From(g.Key, DueServices.Examination, due, $"/residents/{g.Key}/examinations/new"));
            }
        }
        return items;
    }
}
