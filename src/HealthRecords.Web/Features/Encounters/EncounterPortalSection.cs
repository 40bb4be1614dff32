using HealthRecords.Domain.Encounters;
using HealthRecords.Web.Features.Portal;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>
/// The resident's own encounters, consultations and referrals in the portal, newest first: the date, what it was and
/// the diagnoses or destination in plain words. The doctors' notes stay in the record.
/// </summary>
public sealed class EncounterPortalSection(HealthRecordsDbContext db) : IPortalSection
{
    public const string SectionKey = "encounters";

    public string Key => SectionKey;
    public string Title => "就诊、会诊与转诊";
    public int Order => 35;

    public async Task<IReadOnlyList<PortalItem>> LoadAsync(long recordId, CancellationToken ct)
    {
        var encounters = await db.Encounters.AsNoTracking().Where(e => e.HealthRecordId == recordId)
            .OrderByDescending(e => e.EncounterDate).Take(50).Select(e => new { e.EncounterDate, e.Form }).ToListAsync(ct);
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.HealthRecordId == recordId)
            .OrderByDescending(c => c.ConsultationDate).Take(50).Select(c => c.ConsultationDate).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.HealthRecordId == recordId)
            .OrderByDescending(r => r.ReferredOn).Take(50).Select(r => new { r.ReferredOn, r.ToInstitution, r.Result }).ToListAsync(ct);
        return encounters.Select(e => new PortalItem(e.EncounterDate, "就诊",
                e.Form.Diagnoses.Count == 0 ? null : "诊断：" + string.Join("、", e.Form.Diagnoses.Select(d => d.Name))))
            .Concat(consultations.Select(on => new PortalItem(on, "会诊", null)))
            .Concat(referrals.Select(r => new PortalItem(r.ReferredOn, $"转诊至{r.ToInstitution}",
                ReferralRules.IsOpen(r.Result) ? "待随访转诊结果" : r.Result?.Outcome?.Label())))
            .OrderByDescending(i => i.On)
            .ToList();
    }
}
