using HealthRecords.Domain.Encounters;

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
        var encounters = db.Encounters;
        var encounterId = input.EncounterId;
        var save = new FormSave<Referral, bool>
        {
            Action = "referral-create",
            // the encounter it is made from, when named, is one of this record's
            Facts = r => encounterId == null || encounters.Any(e => e.Id == encounterId && e.HealthRecordId == r.Id),
            Check = (record, _, today) => !record.Facts
                ? CommandResult<Referral>.Invalid("encounterId", "接诊记录不属于该居民")
                : FormWriter.Invalid<Referral>(FormWriter.Under("form", EncounterRules.Validate(form, record.BirthDate, today))),
            Apply = (row, _) =>
            {
                row.EncounterId = encounterId;
                row.Apply(form);
            },
            Detail = r => $"Referral {r.ReferredOn:yyyy-MM-dd}",
        };
        return View(await writer.CreateAsync(user, recordId, save, ct), time.Today());
    }

    public async Task<CommandResult<ReferralView>> UpdateAsync(DataScope user, long id, ReferralInput input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<ReferralView>.Invalid("form", "请填写转诊单");
        }
        var save = new FormSave<Referral, NoFacts>
        {
            Action = "referral-update",
            Facts = NoFacts.None,
            Check = (record, existing, today) =>
            {
                var errors = EncounterRules.Validate(form, record.BirthDate, today);
                return FormWriter.Invalid<Referral>(FormWriter.Under("form",
                    errors.Count > 0 ? errors : EncounterRules.ValidateAgainstResult(form, existing?.Result, existing?.Back)));
            },
            Apply = (row, _) => row.Apply(Residents.Masking.KeepStored(form, row.Form)), // a phone read masked stays as stored
            Detail = r => $"Referral {r.Id}",
        };
        return View(await writer.UpdateAsync(user, id, input.Version, save, ct), time.Today());
    }

    /// <summary>
    /// A new transfer-out for the record, pre-filled from the record (patient, age, record number, address, phone), the
    /// user (referring doctor and institution) and, when given, an encounter of the record (its notes). Refused when the
    /// user may not add to the record.
    /// </summary>
    public async Task<CommandResult<ReferralOut>> DraftAsync(DataScope user, long recordId, long? encounterId, CancellationToken ct)
    {
        var (record, refusal) = await writer.OpenAsync<DraftFacts, ReferralOut>(user, recordId,
            r => new DraftFacts(r.Name, r.RecordNumber, r.Cover.CurrentAddress, r.Phone), "填写服务记录", ct);
        if (record is null)
        {
            return refusal!;
        }
        var today = time.Today();
        var institution = user.InstitutionId is int inst
            ? await db.Institutions.AsNoTracking().Where(i => i.Id == inst).Select(i => new { i.Name, i.Phone }).FirstOrDefaultAsync(ct)
            : null;
        var draft = new ReferralOut
        {
            PatientName = record.Facts.Name,
            Sex = record.Sex,
            Age = Age.AgeOn(record.BirthDate, today),
            RecordNumber = record.Facts.RecordNumber,
            Address = record.Facts.Address,
            Phone = record.Facts.Phone,
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

    private sealed record DraftFacts(string Name, string RecordNumber, string? Address, string? Phone);

    internal static ReferralView ToView(Referral r, DateOnly today) => new(
        r.Id, r.HealthRecordId, r.EncounterId, r.Form, r.Result, r.Back,
        ReferralRules.IsOpen(r.Result), r.FollowUpDue, ReferralRules.IsOverdue(r.ReferredOn, r.Result, today),
        r.CreatedByName, r.UpdatedAtUtc, r.Version);

    private static CommandResult<ReferralView> View(CommandResult<Referral> result, DateOnly today) =>
        result.Succeeded ? CommandResult<ReferralView>.Ok(ToView(result.Value!, today)) : result.As<ReferralView>();
}
