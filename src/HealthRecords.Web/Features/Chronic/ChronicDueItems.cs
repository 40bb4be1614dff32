using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.WorkList;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>
/// Work list items of hypertension and diabetes management, one per patient and disease, from the latest
/// follow-up: the next visit (overdue when past), the follow-up of a referral within 2 weeks (urgent), or
/// "not followed up this year".
/// </summary>
public sealed class ChronicDueItems : IDueItemSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(HealthRecordsDbContext db, IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var yearStart = new DateOnly(today.Year, 1, 1);
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
        var rows = patients.Select(p =>
        {
            var f = p.LastId is long id ? last[id] : null;
            return new
            {
                p.HealthRecordId, p.Disease, p.EnrolledOn,
                LastId = f?.Id, LastVisit = f?.VisitDate, Next = f?.NextVisitDate, f?.Referral, Urgent = f?.UrgentReferral,
            };
        });
        var items = new List<DueItem>();
        foreach (var r in rows)
        {
            var service = r.Disease == ChronicDisease.Hypertension ? DueServices.Hypertension : DueServices.Diabetes;
            var name = r.Disease == ChronicDisease.Hypertension ? "高血压" : "糖尿病";
            var link = $"/residents/{r.HealthRecordId}/{service}/new";
            DueItem item;
            if (r.LastVisit is not DateOnly lastVisit)
            {
                var due = r.EnrolledOn > yearStart ? r.EnrolledOn : yearStart;
                item = new DueItem(r.HealthRecordId, service, DueKinds.NeverFollowedUp, $"{name}随访（纳入管理后尚未随访）", due, false, link);
            }
            else if (r.Referral == true)
            {
                // 004 二(二)(1), 二(三)(3): follow up the referral within 2 weeks
                item = new DueItem(r.HealthRecordId, service, DueKinds.ReferralFollowUp,
                    r.Urgent == true ? $"{name}紧急转诊后随访" : $"{name}转诊后随访",
                    lastVisit.AddDays(ChronicRules.ShortIntervalDays), true, link, r.LastId);
            }
            else if (lastVisit < yearStart)
            {
                item = new DueItem(r.HealthRecordId, service, DueKinds.NeverFollowedUp, $"{name}随访（今年尚未随访）", r.Next!.Value, false, link, r.LastId);
            }
            else
            {
                item = new DueItem(r.HealthRecordId, service, DueKinds.FollowUp, $"{name}随访", r.Next!.Value, false, link, r.LastId);
            }
            if (item.DueDate <= until)
            {
                items.Add(item);
            }
        }
        return items;
    }
}

/// <summary>
/// Work list items of hypertension screening (004 高血压 二(一)): re-checks after a raised reading, suspected
/// hypertension to refer and follow up within 2 weeks, and high-risk residents every 6 months. Residents already
/// under hypertension management are left out.
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
            var link = $"/residents/{g.Key}/chronic";
            var latest = g.OrderByDescending(r => r.TakenOn).ThenByDescending(r => r.Id).First();
            var state = HypertensionScreening.Assess(g.Select(r => new ScreeningReading(r.TakenOn, r.Systolic, r.Diastolic)));
            DueItem? item = state.Status switch
            {
                ScreeningStatus.RecheckDue => new DueItem(g.Key, DueServices.Screening, DueKinds.ScreeningRecheck,
                    $"血压复查（第{state.RaisedDays}次偏高后）", state.RecheckDue!.Value, false, link, latest.Id),
                // 004 高血压 二(一)2: 建议转诊到上级医院确诊，2 周内随访转诊结果
                ScreeningStatus.Suspected => new DueItem(g.Key, DueServices.Screening, DueKinds.ReferralFollowUp,
                    "疑似高血压：转诊确诊，随访转诊结果", latest.TakenOn.AddDays(ChronicRules.ShortIntervalDays), true, link, latest.Id),
                _ when latest.HighRisk => new DueItem(g.Key, DueServices.Screening, DueKinds.Reminder,
                    "高血压高危人群半年测量血压", HypertensionScreening.HighRiskReminder(latest.TakenOn), false, link, latest.Id),
                _ => null,
            };
            if (item is not null && item.DueDate <= until)
            {
                items.Add(item);
            }
        }
        return items;
    }
}
