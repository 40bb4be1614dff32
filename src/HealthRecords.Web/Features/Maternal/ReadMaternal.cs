using HealthRecords.Domain.Maternal;

namespace HealthRecords.Web.Features.Maternal;

/// <summary>
/// Reads the maternal and newborn forms of a record the user may read (in scope, or lent), through the kernel's
/// <see cref="FormReader"/>; every read audited.
/// </summary>
public sealed class ReadMaternal(HealthRecordsDbContext db, FormReader forms, BabyRecords babies, TimeProvider time)
{
    /// <summary>A woman's pregnancy episodes, newest first, each with its forms; null when the record is out of reach.</summary>
    public async Task<IReadOnlyList<PregnancyView>?> EpisodesAsync(DataScope user, long recordId, CancellationToken ct)
    {
        if (!await forms.MayReadAsync(user, recordId, "pregnancy-history", ct))
        {
            return null;
        }
        var episodes = await db.Set<PregnancyEpisode>().AsNoTracking().Where(p => p.HealthRecordId == recordId)
            .OrderByDescending(p => p.RegisteredOn).ToListAsync(ct);
        var views = new List<PregnancyView>();
        foreach (var p in episodes)
        {
            views.Add(await ViewAsync(p, ct));
        }
        return views;
    }

    /// <summary>One episode with its forms.</summary>
    public async Task<PregnancyView?> EpisodeAsync(DataScope user, long id, CancellationToken ct) =>
        await forms.OneAsync<PregnancyEpisode>(user, id, $"pregnancy {id}", ct) is { } p ? await ViewAsync(p, ct) : null;

    public async Task<PrenatalVisitView?> PrenatalVisitAsync(DataScope user, long id, CancellationToken ct) =>
        await forms.OneAsync<PrenatalVisitForm>(user, id, $"prenatal-visit {id}", ct) is { } v ? SaveMaternal.View(v) : null;

    public async Task<PostpartumView?> PostpartumAsync(DataScope user, long id, CancellationToken ct)
    {
        if (await forms.OneAsync<PostpartumForm>(user, id, $"postpartum {id}", ct) is not { } v)
        {
            return null;
        }
        var advice = v.Visit is { } visit
            ? (PostpartumRules.Advise(visit) is var a ? (a.Referral, a.Reasons, a.DangerSigns) : default)
            : (PostpartumRules.Advise(v.Check42!) is var b ? (b.Referral, b.Reasons, b.DangerSigns) : default);
        return new PostpartumView(v.Id, v.PregnancyId, v.HealthRecordId, SaveMaternal.Title(v), v.VisitDate, v.Referred, advice.Referral.Label(),
            advice.Reasons, advice.DangerSigns, v.Version, v.Visit, v.Check42);
    }

    /// <summary>A baby's 新生儿家庭访视 forms, newest first; null when the record is out of reach.</summary>
    public async Task<IReadOnlyList<MaternalFormSummary>?> NewbornVisitsAsync(DataScope user, long recordId, CancellationToken ct)
    {
        if (!await forms.MayReadAsync(user, recordId, "newborn-visit-history", ct))
        {
            return null;
        }
        return await db.Set<NewbornVisitForm>().AsNoTracking().Where(v => v.HealthRecordId == recordId).OrderByDescending(v => v.VisitDate)
            .Select(v => new MaternalFormSummary(v.Id, "newborn-visit", "新生儿家庭访视", v.VisitDate, null, v.Referred, v.CreatedByName))
            .ToListAsync(ct);
    }

    /// <summary>
    /// A new 新生儿家庭访视 form filled from what is known (nothing asked twice): when the baby's record came from a delivery,
    /// <see cref="NewbornRules.Prefill"/> from the delivery, the mother's record and her first prenatal visit; otherwise the
    /// baby's own record (name, sex, birth date, address). Null when the record is out of reach.
    /// </summary>
    public async Task<NewbornVisit?> NewbornDraftAsync(DataScope user, long recordId, CancellationToken ct)
    {
        if (!await forms.MayReadAsync(user, recordId, "newborn-visit-draft", ct))
        {
            return null;
        }
        var baby = await db.HealthRecords.AsNoTracking().Where(r => r.Id == recordId)
            .Select(r => new { r.PersonalInfo, r.Cover }).FirstAsync(ct);
        var birth = await db.Set<BirthRecord>().AsNoTracking().Where(b => b.HealthRecordId == recordId)
            .Join(db.Set<PregnancyEpisode>(), b => b.PregnancyId, p => p.Id, (b, p) => new { b.BabyIndex, p.Id, p.Delivery, p.HealthRecordId })
            .FirstOrDefaultAsync(ct);
        if (birth?.Delivery is not { } delivery || birth.BabyIndex >= delivery.Babies.Count)
        {
            return new NewbornVisit
            {
                Name = baby.PersonalInfo.Name, Sex = baby.PersonalInfo.Sex, BirthDate = baby.PersonalInfo.BirthDate, Address = baby.Cover.CurrentAddress,
            };
        }
        var mother = await db.HealthRecords.AsNoTracking().Where(r => r.Id == birth.HealthRecordId).Select(r => r.PersonalInfo).FirstAsync(ct);
        var first = await db.Set<PrenatalVisitForm>().AsNoTracking().Where(v => v.PregnancyId == birth.Id && v.Round == 1)
            .OrderBy(v => v.VisitDate).Select(v => v.First).FirstOrDefaultAsync(ct);
        var draft = NewbornRules.Prefill(delivery, delivery.Babies[birth.BabyIndex], mother, baby.Cover.CurrentAddress, first);
        // the baby's record is the truth for its name (it may have been named since the delivery)
        return draft with { Name = baby.PersonalInfo.Name };
    }

    public async Task<NewbornVisitView?> NewbornVisitAsync(DataScope user, long id, CancellationToken ct) =>
        await forms.OneAsync<NewbornVisitForm>(user, id, $"newborn-visit {id}", ct) is { } v ? SaveMaternal.View(v) : null;

    /// <summary>An episode as shown: stage, 孕周 today, the expected date by the rule and by 280 days, its forms by date.</summary>
    internal async Task<PregnancyView> ViewAsync(PregnancyEpisode p, CancellationToken ct)
    {
        var prenatal = await db.Set<PrenatalVisitForm>().AsNoTracking().Where(v => v.PregnancyId == p.Id)
            .Select(v => new { v.Id, v.Round, v.VisitDate, v.Referred, v.CreatedByName }).ToListAsync(ct);
        var postpartum = await db.Set<PostpartumForm>().AsNoTracking().Where(v => v.PregnancyId == p.Id)
            .Select(v => new { v.Id, v.Kind, v.VisitDate, v.Referred, v.CreatedByName }).ToListAsync(ct);
        var dating = p.Dating;
        var list = prenatal.Select(v => new MaternalFormSummary(v.Id, v.Round == 1 ? "prenatal-first" : "prenatal-visit",
                v.Round == 1 ? "第1次产前随访" : $"第{v.Round}次产前随访", v.VisitDate, dating.On(v.VisitDate)?.ToString(), v.Referred, v.CreatedByName))
            .Concat(postpartum.Select(v => new MaternalFormSummary(v.Id, v.Kind == PostpartumFormKind.Visit ? "postpartum-visit" : "postpartum-42",
                v.Kind == PostpartumFormKind.Visit ? "产后访视" : "产后42天健康检查", v.VisitDate, null, v.Referred, v.CreatedByName)))
            .OrderBy(f => f.VisitDate).ToList();
        var stage = PregnancyRules.Stage(p.DeliveredOn, p.Ending);
        var today = time.Today();
        return new PregnancyView(p.Id, p.HealthRecordId, p.RegisteredOn, stage.Label(), p.EarlyRegistered, p.ExpectedDelivery,
            p.LastMenstrualPeriod is DateOnly lmp ? PregnancyDating.By280Days(lmp) : null,
            stage == PregnancyStage.Pregnant ? dating.On(today)?.ToString() : null,
            p.DeliveredOn, p.LiveBirths, p.EndedOn, p.EndReason?.Label(), p.Version, p.Form, p.Delivery, p.Ending, list, await babies.OfAsync(p, ct));
    }
}
