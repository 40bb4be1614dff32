using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.Portal;

public sealed record CorrectionInput(CorrectionField Field, string? NewValue, string? Note);

public sealed record CorrectionDecisionInput(string? Reason);

/// <summary>A correction as the resident sees it.</summary>
public sealed record MyCorrection(long Id, string Field, string NewValue, string? Note, string Status, DateTime SubmittedAtUtc, DateTime? DecidedAtUtc, string? RejectReason);

/// <summary>A pending correction as the record keeper sees it, beside the value on the record.</summary>
public sealed record PendingCorrection(
    long Id, long RecordId, string RecordNumber, string Name, CorrectionField Field, string FieldLabel,
    string? CurrentValue, string NewValue, string? Note, DateTime SubmittedAtUtc);

/// <summary>
/// A resident reports a wrong phone or address; the managing institution's record keeper confirms it (applied
/// through <see cref="UpdateResident"/>, so the change log has it) or rejects it with a reason.
/// </summary>
public sealed class RecordCorrections(HealthRecordsDbContext db, UpdateResident update, Audit audit, TimeProvider time)
{
    public const int MaxPending = 5;

    public async Task<CommandResult<MyCorrection>> SubmitAsync(long recordId, string residentUserId, CorrectionInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var value = (input.NewValue ?? "").Trim();
        if (!Enum.IsDefined(input.Field))
        {
            errors.Add("field", "请选择要更正的内容");
        }
        else if (value.Length == 0)
        {
            errors.Add("newValue", input.Field == CorrectionField.Phone ? "请填写正确的电话号码" : "请填写正确的现住址");
        }
        else if (input.Field == CorrectionField.Phone && PhoneErrors(value) is { Length: > 0 } phoneErrors)
        {
            errors.Add("newValue", phoneErrors[0]);
        }
        else if (value.Length > 100)
        {
            errors.Add("newValue", "地址不超过 100 个字");
        }
        if ((input.Note ?? "").Trim().Length > 200)
        {
            errors.Add("note", "说明不超过 200 个字");
        }
        if (errors.Count > 0)
        {
            return CommandResult<MyCorrection>.Invalid(errors);
        }
        if (await db.RecordCorrections.CountAsync(c => c.HealthRecordId == recordId && c.Status == CorrectionStatus.Pending, ct) >= MaxPending)
        {
            return CommandResult<MyCorrection>.Conflict("您已有多条待核实的更正，请等待档案管理员处理后再提交");
        }
        var entity = new RecordCorrection
        {
            HealthRecordId = recordId, Field = input.Field, NewValue = value,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            SubmittedAtUtc = time.UtcNow(), SubmittedById = residentUserId,
        };
        db.RecordCorrections.Add(entity);
        audit.Add(PortalAccounts.ResidentScope(residentUserId), "portal-correction", recordId, input.Field.ToString());
        await db.SaveChangesAsync(ct);
        return CommandResult<MyCorrection>.Ok(Mine(entity));
    }

    public async Task<IReadOnlyList<MyCorrection>> MineAsync(long recordId, CancellationToken ct) =>
        (await db.RecordCorrections.AsNoTracking().Where(c => c.HealthRecordId == recordId)
            .OrderByDescending(c => c.Id).Take(50).ToListAsync(ct)).Select(Mine).ToList();

    /// <summary>Pending corrections of the records in the user's scope.</summary>
    public async Task<IReadOnlyList<PendingCorrection>> PendingAsync(DataScope user, CancellationToken ct)
    {
        var rows = await (
            from c in db.RecordCorrections.AsNoTracking()
            join r in user.Apply(db.HealthRecords) on c.HealthRecordId equals r.Id
            where c.Status == CorrectionStatus.Pending
            orderby c.SubmittedAtUtc
            select new { Correction = c, r.RecordNumber, r.Name, r.Phone, r.Cover })
            .Take(500).ToListAsync(ct);
        return rows.Select(x => new PendingCorrection(
            x.Correction.Id, x.Correction.HealthRecordId, x.RecordNumber, x.Name, x.Correction.Field, x.Correction.Field.Label(),
            Shown(x.Correction.Field, x.Correction.Field == CorrectionField.Phone ? x.Phone : x.Cover.CurrentAddress),
            Shown(x.Correction.Field, x.Correction.NewValue)!, x.Correction.Note, x.Correction.SubmittedAtUtc)).ToList();
    }

    /// <summary>Applies the correction to the record through the ordinary edit, then marks it confirmed.</summary>
    public async Task<CommandResult<PendingCorrection>> ConfirmAsync(DataScope user, long id, CancellationToken ct)
    {
        var (correction, record, refusal) = await OpenAsync(user, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var input = new ResidentInput
        {
            Info = correction!.Field == CorrectionField.Phone ? record!.PersonalInfo with { Phone = correction.NewValue } : record!.PersonalInfo,
            Cover = correction.Field == CorrectionField.Address ? record.Cover with { CurrentAddress = correction.NewValue } : record.Cover,
            VillageCode = record.VillageCode,
            HouseholdId = record.HouseholdId,
            RelationToHead = record.RelationToHead,
            Pregnant = record.Pregnant,
            ResponsibleDoctorId = record.ResponsibleDoctorId,
            Version = record.Version,
        };
        db.ChangeTracker.Clear();
        var updated = await update.HandleAsync(user, record.Id, input, ct);
        if (!updated.Succeeded)
        {
            // Field errors of the record's form (e.g. a phone the form refuses) are shown on the correction.
            return updated.Status == CommandStatus.Invalid
                ? CommandResult<PendingCorrection>.Invalid("newValue", string.Join("；", updated.Errors.SelectMany(e => e.Value)))
                : updated.As<PendingCorrection>();
        }
        return await DecideAsync(user, id, CorrectionStatus.Confirmed, null, ct);
    }

    public async Task<CommandResult<PendingCorrection>> RejectAsync(DataScope user, long id, CorrectionDecisionInput input, CancellationToken ct)
    {
        var reason = (input.Reason ?? "").Trim();
        if (reason.Length == 0)
        {
            return CommandResult<PendingCorrection>.Invalid("reason", "请填写不采纳的原因，居民会看到");
        }
        if (reason.Length > 200)
        {
            return CommandResult<PendingCorrection>.Invalid("reason", "原因不超过 200 个字");
        }
        var (_, _, refusal) = await OpenAsync(user, id, ct);
        return refusal ?? await DecideAsync(user, id, CorrectionStatus.Rejected, reason, ct);
    }

    private async Task<(RecordCorrection?, HealthRecord?, CommandResult<PendingCorrection>?)> OpenAsync(DataScope user, long id, CancellationToken ct)
    {
        if (!user.CanKeep)
        {
            return (null, null, CommandResult<PendingCorrection>.Forbidden("只有档案管理员或公卫人员可以处理更正"));
        }
        var correction = await db.RecordCorrections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var record = correction is null ? null
            : await user.Apply(db.HealthRecords).AsNoTracking().FirstOrDefaultAsync(r => r.Id == correction.HealthRecordId, ct);
        if (correction is null || record is null)
        {
            return (null, null, CommandResult<PendingCorrection>.NotFound());
        }
        if (correction.Status != CorrectionStatus.Pending)
        {
            return (null, null, CommandResult<PendingCorrection>.Conflict("这条更正已处理"));
        }
        if (record.Status != RecordStatus.Active)
        {
            return (null, null, CommandResult<PendingCorrection>.Conflict(RecordMessages.ReadOnlyThen("请先恢复档案")));
        }
        return (correction, record, null);
    }

    private async Task<CommandResult<PendingCorrection>> DecideAsync(DataScope user, long id, CorrectionStatus status, string? reason, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var c = await db.RecordCorrections.FirstAsync(x => x.Id == id, ct);
        c.Status = status;
        c.DecidedAtUtc = time.UtcNow();
        c.DecidedById = user.UserId;
        c.DecidedByName = user.DisplayName;
        c.RejectReason = reason;
        audit.Add(user, status == CorrectionStatus.Confirmed ? "correction-confirm" : "correction-reject", c.HealthRecordId, c.Field.ToString());
        await db.SaveChangesAsync(ct);
        return CommandResult<PendingCorrection>.Ok(new PendingCorrection(
            c.Id, c.HealthRecordId, "", "", c.Field, c.Field.Label(), null, Shown(c.Field, c.NewValue)!, c.Note, c.SubmittedAtUtc));
    }

    private static MyCorrection Mine(RecordCorrection c) =>
        new(c.Id, c.Field.Label(), Shown(c.Field, c.NewValue)!, c.Note, c.Status.Label(), c.SubmittedAtUtc, c.DecidedAtUtc, c.RejectReason);

    /// <summary>A reported or recorded phone is shown masked, like every phone (issue #14 item 8); an address as it is.</summary>
    private static string? Shown(CorrectionField field, string? value) =>
        field == CorrectionField.Phone ? Masking.Mask(value, isId: false) : value;

    /// <summary>The form's own phone rule (<see cref="PersonalInfoValidator"/>), not a second copy of it.</summary>
    private string[] PhoneErrors(string phone) =>
        PersonalInfoValidator.Validate(new PersonalInfo { Phone = phone }, time.Today()).TryGetValue("phone", out var e) ? e : [];
}
