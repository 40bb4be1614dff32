using HealthRecords.Domain.Encounters;
using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>
/// Reads encounters, consultations and referrals of records the user may read (in scope, or lent), each read audited;
/// and the open referrals of the user's scope.
/// </summary>
public sealed class EncounterQueries(HealthRecordsDbContext db, FormReader forms, Audit audit, TimeProvider time)
{
    public async Task<EncounterView?> EncounterAsync(DataScope user, long id, CancellationToken ct) =>
        await forms.OneAsync<Encounter>(user, id, $"encounter {id}", ct) is { } e ? await EncounterViewAsync(e, ct) : null;

    public async Task<ConsultationView?> ConsultationAsync(DataScope user, long id, CancellationToken ct) =>
        await forms.OneAsync<Consultation>(user, id, $"consultation {id}", ct) is { } c ? SaveConsultation.ToView(c) : null;

    public async Task<ReferralView?> ReferralAsync(DataScope user, long id, CancellationToken ct) =>
        await forms.OneAsync<Referral>(user, id, $"referral {id}", ct) is { } r ? SaveReferral.ToView(r, time.Today()) : null;

    public async Task<IReadOnlyList<EncounterView>?> EncountersOfAsync(DataScope user, long recordId, CancellationToken ct)
    {
        if (!await forms.MayReadAsync(user, recordId, "encounters", ct))
        {
            return null;
        }
        var rows = await db.Encounters.AsNoTracking().Where(e => e.HealthRecordId == recordId)
            .OrderByDescending(e => e.EncounterDate).ThenByDescending(e => e.Id).ToListAsync(ct);
        var referrals = await ReferralIdsAsync(rows.Select(e => e.Id).ToArray(), ct);
        return rows.Select(e => ToView(e, referrals)).ToList();
    }

    public async Task<IReadOnlyList<ConsultationView>?> ConsultationsOfAsync(DataScope user, long recordId, CancellationToken ct)
    {
        if (!await forms.MayReadAsync(user, recordId, "consultations", ct))
        {
            return null;
        }
        return (await db.Consultations.AsNoTracking().Where(c => c.HealthRecordId == recordId)
            .OrderByDescending(c => c.ConsultationDate).ThenByDescending(c => c.Id).ToListAsync(ct))
            .Select(SaveConsultation.ToView).ToList();
    }

    public async Task<IReadOnlyList<ReferralView>?> ReferralsOfAsync(DataScope user, long recordId, CancellationToken ct)
    {
        if (!await forms.MayReadAsync(user, recordId, "referrals", ct))
        {
            return null;
        }
        var today = time.Today();
        return (await db.Referrals.AsNoTracking().Where(r => r.HealthRecordId == recordId)
            .OrderByDescending(r => r.ReferredOn).ThenByDescending(r => r.Id).ToListAsync(ct))
            .Select(r => SaveReferral.ToView(r, today)).ToList();
    }

    /// <summary>
    /// Encounters, consultations and referrals of a record in one list, newest first (the overview's list). The overview
    /// page passes <paramref name="audited"/> false: its own read of the record is already in the audit log.
    /// </summary>
    public async Task<IReadOnlyList<ServiceEntry>?> OtherServicesAsync(DataScope user, long recordId, CancellationToken ct, bool audited = true)
    {
        if (await forms.ReadAsync(user, recordId, "other-services", ct, audited) == RecordAccess.None)
        {
            return null;
        }
        var today = time.Today();
        var encounters = await db.Encounters.AsNoTracking().Where(e => e.HealthRecordId == recordId).ToListAsync(ct);
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.HealthRecordId == recordId).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.HealthRecordId == recordId).ToListAsync(ct);
        var entries = encounters.Select(e => new ServiceEntry(ServiceKinds.Encounter, e.Id, e.EncounterDate, "接诊",
                Summary(e.Form.Assessment ?? string.Join("、", e.Form.Diagnoses.Select(d => d.Name))), null, null, false))
            .Concat(consultations.Select(c => new ServiceEntry(ServiceKinds.Consultation, c.Id, c.ConsultationDate, "会诊",
                Summary(c.Form.Reason), null, null, false)))
            .Concat(referrals.Select(r => new ServiceEntry(ServiceKinds.Referral, r.Id, r.ReferredOn, "转诊",
                $"转入 {r.ToInstitution}：{Summary(r.Form.InitialImpression)}" + (r.Result?.Outcome is { } o ? $"；结果：{o.Label()}" : ""),
                ReferralRules.IsOpen(r.Result), r.FollowUpDue, ReferralRules.IsOverdue(r.ReferredOn, r.Result, today))));
        return entries.OrderByDescending(x => x.On).ThenByDescending(x => x.Kind).ThenByDescending(x => x.Id).ToList();
    }

    /// <summary>Open referrals of the records in the user's scope, the earliest due first.</summary>
    public async Task<IReadOnlyList<OpenReferral>> OpenReferralsAsync(DataScope user, CancellationToken ct)
    {
        var today = time.Today();
        var rows = await (
            from f in db.Referrals.AsNoTracking()
            join r in user.Apply(db.HealthRecords) on f.HealthRecordId equals r.Id
            where f.ResultOn == null
            orderby f.FollowUpDue, f.Id
            select new { f.Id, f.HealthRecordId, r.RecordNumber, r.Name, f.ReferredOn, f.ToInstitution, f.FollowUpDue, f.CreatedByName })
            .Take(500).ToListAsync(ct);
        await audit.WriteAsync(user, "search", null, "open-referrals", ct);
        return rows.Select(x => new OpenReferral(x.Id, x.HealthRecordId, x.RecordNumber, x.Name, x.ReferredOn, x.ToInstitution,
            x.FollowUpDue, x.FollowUpDue < today, x.CreatedByName)).ToList();
    }

    internal async Task<EncounterView> EncounterViewAsync(Encounter e, CancellationToken ct) =>
        ToView(e, await ReferralIdsAsync([e.Id], ct));

    private async Task<ILookup<long, long>> ReferralIdsAsync(long[] encounterIds, CancellationToken ct) =>
        (await db.Referrals.AsNoTracking().Where(r => r.EncounterId != null && encounterIds.Contains(r.EncounterId.Value))
            .Select(r => new { EncounterId = r.EncounterId!.Value, r.Id }).ToListAsync(ct))
            .ToLookup(x => x.EncounterId, x => x.Id);

    private static EncounterView ToView(Encounter e, ILookup<long, long> referrals) =>
        new(e.Id, e.HealthRecordId, e.Form, e.CreatedByName, e.UpdatedAtUtc, e.Version, referrals[e.Id].ToArray());

    private static string Summary(string? text)
    {
        var t = (text ?? "").Trim().ReplaceLineEndings(" ");
        return t.Length <= 40 ? t : t[..40] + "…";
    }
}
