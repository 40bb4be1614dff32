using HealthRecords.Domain.Encounters;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>Makes and corrects a two-way referral's transfer-out (004 附件7), and pre-fills a new one.</summary>
public sealed class SaveReferral(FormWriter writer, HealthRecordsDbContext db, TimeProvider time, Audit audit)
{
    public async Task<CommandResult<ReferralView>> CreateAsync(DataScope user, long recordId, ReferralInput input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<ReferralView>.Invalid("form", "请填写转诊单");
        }
        if (input.EncounterId is long encounterId && !await db.Encounters.AnyAsync(e => e.Id == encounterId && e.HealthRecordId == recordId, ct))
        {
            return CommandResult<ReferralView>.Invalid("encounterId", "接诊记录不属于该居民");
        }
        var result = await writer.CreateAsync(user, recordId, Check(form), () =>
        {
            var r = new Referral { CreatedById = user.UserId, EncounterId = input.EncounterId };
            r.Apply(form);
            return r;
        }, "referral-create", ct);
        return View(result, time.Today());
    }

    public async Task<CommandResult<ReferralView>> UpdateAsync(DataScope user, long id, ReferralInput input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<ReferralView>.Invalid("form", "请填写转诊单");
        }
        var recorded = await db.Referrals.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Result, r.Back }).FirstOrDefaultAsync(ct);
        FormWriter.Check check = (record, today) =>
        {
            var errors = EncounterRules.Validate(form, record.BirthDate, today);
            return FormWriter.Under("form", errors.Count > 0 ? errors : EncounterRules.ValidateAgainstResult(form, recorded?.Result, recorded?.Back));
        };
        var result = await writer.UpdateAsync<Referral>(user, id, input.Version, check, r => r.Apply(Residents.Masking.KeepStored(form, r.Form)), "referral-update", ct); // a phone read masked stays as stored
        return View(result, time.Today());
    }

    /// <summary>
    /// A new transfer-out for the record, pre-filled from the record (patient, age, record number, address, phone), the
    /// user (referring doctor and institution) and, when given, an encounter of the record (its notes). Null when the
    /// user may not add to the record.
    /// </summary>
    public async Task<CommandResult<ReferralOut>> DraftAsync(DataScope user, long recordId, long? encounterId, CancellationToken ct)
    {
        var (record, refusal) = await writer.WritableAsync<ReferralOut>(user, recordId, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var today = time.Today();
        var institution = user.InstitutionId is int inst
            ? await db.Institutions.AsNoTracking().Where(i => i.Id == inst).Select(i => new { i.Name, i.Phone }).FirstOrDefaultAsync(ct)
            : null;
        var draft = new ReferralOut
        {
            PatientName = record!.Name,
            Sex = record.Sex,
            Age = Age.AgeOn(record.BirthDate, today),
            RecordNumber = record.RecordNumber,
            Address = record.Cover.CurrentAddress,
            Phone = record.Phone,
            ReferringDoctor = user.DisplayName,
            ReferringDoctorPhone = institution?.Phone,
            FromInstitution = institution?.Name,
        };
        if (encounterId is long eid)
        {
            var encounter = await db.Encounters.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eid && e.HealthRecordId == recordId, ct);
            if (encounter is null)
            {
                return CommandResult<ReferralOut>.NotFound("接诊记录不存在");
            }
            draft = ReferralRules.FromEncounter(encounter.Form, draft with { ReferringDoctor = null });
            draft = draft with { ReferringDoctor = draft.ReferringDoctor ?? user.DisplayName };
        }
        await audit.ReadAsync(user, recordId, "referral-draft", ct); // the draft carries the resident's name, phone and address
        return CommandResult<ReferralOut>.Ok(draft with { ReferredOn = draft.ReferredOn ?? today });
    }

    private static FormWriter.Check Check(ReferralOut form) =>
        (record, today) => FormWriter.Under("form", EncounterRules.Validate(form, record.BirthDate, today));

    internal static ReferralView ToView(Referral r, DateOnly today) => new(
        r.Id, r.HealthRecordId, r.EncounterId, r.Form, r.Result, r.Back,
        ReferralRules.IsOpen(r.Result), r.FollowUpDue, ReferralRules.IsOverdue(r.ReferredOn, r.Result, today),
        r.CreatedByName, r.UpdatedAtUtc, r.Version);

    private static CommandResult<ReferralView> View(CommandResult<Referral> result, DateOnly today) =>
        result.Succeeded ? CommandResult<ReferralView>.Ok(ToView(result.Value!, today)) : result.As<ReferralView>();
}
