using HealthRecords.Domain.MentalHealth;
using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.MentalHealth;

/// <summary>
/// Reads the severe mental disorders forms of a record the user may read (in scope, or lent) through the kernel's
/// <see cref="FormReader"/>, every read audited; the restricted fields are masked for a viewer who may not see them
/// (<see cref="MentalHealthViewers"/>).
/// </summary>
public sealed class ReadMentalHealth(HealthRecordsDbContext db, FormReader forms, MentalHealthViewers viewers)
{
    /// <summary>The resident's registration (the open one, else the latest) and follow-ups; null when the record is out of reach.</summary>
    public async Task<MentalHealthSummary?> SummaryAsync(DataScope user, long recordId, CancellationToken ct, bool audited = true)
    {
        if (await forms.ReadAsync(user, recordId, "mental-health", ct, audited) == RecordAccess.None)
        {
            return null;
        }
        var maySee = await viewers.MaySeeAsync(user, recordId, ct);
        var patient = await db.MentalHealthPatients.AsNoTracking().Where(p => p.HealthRecordId == recordId)
            .OrderBy(p => p.RemovedOn == null ? 0 : 1).ThenByDescending(p => p.EnrolledOn).FirstOrDefaultAsync(ct);
        var followUps = patient is null ? [] : await db.MentalHealthFollowUps.AsNoTracking().Where(v => v.PatientId == patient.Id)
            .OrderByDescending(v => v.VisitDate)
            .Select(v => new { v.Id, v.VisitDate, v.Condition, v.SuggestedCondition, v.NextVisitDate, v.Referred, v.Urgent, v.OverrideReason, v.CreatedByName })
            .ToListAsync(ct);
        return new MentalHealthSummary(recordId, maySee, patient is null ? null : View(patient, maySee),
            [.. followUps.Select(v => new MentalHealthFollowUpSummary(v.Id, v.VisitDate, (int)v.Condition, v.Condition.Label(),
                v.SuggestedCondition?.Label(), v.NextVisitDate, v.Referred, v.Urgent, v.OverrideReason is not null, v.CreatedByName))]);
    }

    /// <summary>One registration by id.</summary>
    public async Task<MentalHealthPatientView?> PatientAsync(DataScope user, long id, CancellationToken ct) =>
        await forms.OneAsync<MentalHealthPatient>(user, id, $"mental-health-patient {id}", ct) is { } p
            ? View(p, await viewers.MaySeeAsync(user, p.HealthRecordId, ct))
            : null;

    /// <summary>Every version of a registration's profile, newest first (masked alike).</summary>
    public async Task<IReadOnlyList<MentalHealthProfileVersionView>?> HistoryAsync(DataScope user, long id, CancellationToken ct)
    {
        if (await forms.OneAsync<MentalHealthPatient>(user, id, $"mental-health-profile-history {id}", ct) is not { } p)
        {
            return null;
        }
        var maySee = await viewers.MaySeeAsync(user, p.HealthRecordId, ct);
        var versions = await db.MentalHealthProfileVersions.AsNoTracking().Where(v => v.PatientId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        return [.. versions.Select(v =>
        {
            var (form, masked) = MentalHealthViewers.Shown(v.Profile, MentalHealthPrivacy.ProfileForm, maySee);
            return new MentalHealthProfileVersionView(v.Number, v.Cause, v.ChangedByName, v.ChangedAtUtc, form, masked);
        })];
    }

    /// <summary>One follow-up by id.</summary>
    public async Task<MentalHealthFollowUpView?> FollowUpAsync(DataScope user, long id, CancellationToken ct) =>
        await forms.OneAsync<MentalHealthFollowUpForm>(user, id, $"mental-health-follow-up {id}", ct) is { } v
            ? View(v, await viewers.MaySeeAsync(user, v.HealthRecordId, ct))
            : null;

    internal static MentalHealthPatientView View(MentalHealthPatient p, bool maySee)
    {
        var (form, masked) = MentalHealthViewers.Shown(p.Profile, MentalHealthPrivacy.ProfileForm, maySee);
        return new(p.Id, p.HealthRecordId, p.EnrolledOn, (int?)p.Consent, p.Consent?.Label() ?? "", p.Managed, p.ExaminationAgreed,
            p.RemovedOn, p.RemovalReason, p.ProfileVersions, p.Version, form, masked);
    }

    internal static MentalHealthFollowUpView View(MentalHealthFollowUpForm v, bool maySee)
    {
        var (form, masked) = MentalHealthViewers.Shown(v.Form, MentalHealthPrivacy.FollowUpForm, maySee);
        return new(v.Id, v.PatientId, v.HealthRecordId, v.VisitDate, (int)v.Condition, v.Condition.Label(), (int?)v.SuggestedCondition,
            v.SuggestedCondition?.Label(), v.NextVisitDate, v.SuggestedNextVisitDate, v.Referred, v.Urgent,
            // the reason may name the restricted facts (危险性, 症状): shown as the form is
            maySee ? v.OverrideReason : v.OverrideReason is null ? null : MentalHealthPrivacy.MaskedText,
            v.Version, form, masked);
    }
}
