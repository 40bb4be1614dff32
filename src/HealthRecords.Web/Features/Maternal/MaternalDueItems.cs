using HealthRecords.Domain.Maternal;
using HealthRecords.Web.Features.WorkList;

namespace HealthRecords.Web.Features.Maternal;

/// <summary>The work list's service names of this area.</summary>
public static class MaternalServices
{
    public const string Maternal = "maternal";
    public const string Newborn = "newborn";
}

/// <summary>
/// Work-list items of the open pregnancy episodes in scope: loads each episode's forms, asks the domain
/// (<see cref="MaternalSchedule.ForMother"/>) what is outstanding (each prenatal round in its window, the postpartum visit,
/// the 42-day check, referrals to follow up within 2 weeks) and keeps those due by <c>until</c>.
/// </summary>
public sealed class MaternalDueItems : IDueItemSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(HealthRecordsDbContext db, IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var lostBefore = today.AddDays(-(PostpartumRules.CheckDay + MaternalSchedule.LostToFollowUpAfterDays));
        var episodes = await db.Set<PregnancyEpisode>().AsNoTracking()
            // a delivered episode long past its 42-day check lists nothing (MaternalSchedule.ListedUntil): not loaded
            .Where(p => p.EndedOn == null && (p.DeliveredOn == null || p.DeliveredOn >= lostBefore) && records.Any(r => r.Id == p.HealthRecordId))
            .Select(p => new { p.Id, p.HealthRecordId, p.RegisteredOn, p.Opening, p.LastMenstrualPeriod, p.ExpectedDelivery, p.DeliveredOn, p.DischargedOn })
            .ToListAsync(ct);
        if (episodes.Count == 0)
        {
            return [];
        }
        var ids = episodes.Select(e => e.Id).ToList();
        var prenatal = (await db.Set<PrenatalVisitForm>().AsNoTracking().Where(v => ids.Contains(v.PregnancyId))
            .Select(v => new { v.Id, v.PregnancyId, v.Round, v.VisitDate, v.Referred, v.ReferralResultOn }).ToListAsync(ct)).ToLookup(v => v.PregnancyId);
        var postpartum = (await db.Set<PostpartumForm>().AsNoTracking().Where(v => ids.Contains(v.PregnancyId))
            .Select(v => new { v.Id, v.PregnancyId, v.Kind, v.VisitDate, v.Referred, v.ReferralResultOn }).ToListAsync(ct)).ToLookup(v => v.PregnancyId);
        var items = new List<DueItem>();
        foreach (var e in episodes)
        {
            var pre = prenatal[e.Id].ToList();
            var post = postpartum[e.Id].ToList();
            var history = new MotherHistory
            {
                EpisodeId = e.Id,
                RegisteredOn = e.RegisteredOn,
                Opening = e.Opening,
                Dating = new PregnancyDating(e.LastMenstrualPeriod, e.ExpectedDelivery),
                FirstVisitOn = pre.Where(v => v.Round == 1).Select(v => (DateOnly?)v.VisitDate).Min(),
                PrenatalVisits = pre.Where(v => v.Round > 1).Select(v => new RoundVisit(v.Round, v.VisitDate)).ToList(),
                DeliveredOn = e.DeliveredOn,
                DischargedOn = e.DischargedOn,
                PostpartumVisits = post.Where(v => v.Kind == PostpartumFormKind.Visit).Select(v => v.VisitDate).ToList(),
                Check42On = post.Where(v => v.Kind == PostpartumFormKind.Check42).Select(v => (DateOnly?)v.VisitDate).Min(),
                // 转诊后随访: a referral's own "follow up within 2 weeks" item (the maternal forms do not write Referrals rows)
                Referrals = pre.Where(v => v.Referred).Select(v => new ReferralHistory(v.VisitDate, v.ReferralResultOn, v.Id))
                    .Concat(post.Where(v => v.Referred).Select(v => new ReferralHistory(v.VisitDate, v.ReferralResultOn, v.Id))).ToList(),
            };
            foreach (var item in MaternalSchedule.ForMother(history, today))
            {
                if (item.DueDate <= until)
                {
                    items.Add(DueItem.From(e.HealthRecordId, MaternalServices.Maternal, item, $"/residents/{e.HealthRecordId}/maternal"));
                }
            }
        }
        return items;
    }
}

/// <summary>
/// Work-list items of babies in scope born in the last 28 days with no home visit yet (and open newborn referrals):
/// <see cref="MaternalSchedule.ForNewborn"/> on the baby's record (its birth date) and its 新生儿家庭访视 forms.
/// </summary>
public sealed class NewbornDueItems : IDueItemSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(HealthRecordsDbContext db, IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var since = today.AddDays(-NewbornRules.NeonatalDays);
        var visits = db.Set<NewbornVisitForm>();
        var babies = await records.Where(r => r.BirthDate >= since && r.BirthDate <= today)
            .Select(r => new { r.Id, r.BirthDate })
            .ToListAsync(ct);
        if (babies.Count == 0)
        {
            return [];
        }
        var ids = babies.Select(b => b.Id).ToList();
        var done = (await visits.AsNoTracking().Where(v => ids.Contains(v.HealthRecordId))
            .Select(v => new { v.Id, v.HealthRecordId, v.VisitDate, v.Referred, v.ReferralResultOn }).ToListAsync(ct)).ToLookup(v => v.HealthRecordId);
        // a baby whose record came from a delivery goes home on its (or its mother's) discharge
        var births = (await db.Set<BirthRecord>().AsNoTracking().Where(b => ids.Contains(b.HealthRecordId))
            .Join(db.Set<PregnancyEpisode>(), b => b.PregnancyId, p => p.Id, (b, p) => new { b.HealthRecordId, b.BabyIndex, p.Delivery })
            .ToListAsync(ct)).ToDictionary(b => b.HealthRecordId);
        var items = new List<DueItem>();
        foreach (var b in babies)
        {
            var history = new NewbornHistory
            {
                BabyId = b.Id,
                BornOn = b.BirthDate,
                // without a link to a delivery the baby is taken home on its birth day
                HomeFrom = births.TryGetValue(b.Id, out var birth) && birth.Delivery is { } d && birth.BabyIndex < d.Babies.Count
                    ? Births.HomeFrom(d, d.Babies[birth.BabyIndex]) : b.BirthDate,
                HomeVisits = done[b.Id].Select(v => v.VisitDate).ToList(),
                Referrals = done[b.Id].Where(v => v.Referred).Select(v => new ReferralHistory(v.VisitDate, v.ReferralResultOn, v.Id)).ToList(),
            };
            foreach (var item in MaternalSchedule.ForNewborn(history, today))
            {
                if (item.DueDate <= until)
                {
                    items.Add(DueItem.From(b.Id, MaternalServices.Newborn, item, $"/residents/{b.Id}"));
                }
            }
        }
        return items;
    }
}
