namespace HealthRecords.Web.Features.Residents;

/// <summary>Closes a record (death, moved out, lost to follow-up) or reopens it with a reason. A closed record is read-only.</summary>
public sealed class CloseRecord(HealthRecordsDbContext db, RecordChecks checks, Audit audit, TimeProvider time)
{
    public async Task<CommandResult<ResidentDetail>> CloseAsync(DataScope user, long id, ClosureInput input, CancellationToken ct)
    {
        if (!user.CanKeep)
        {
            return CommandResult<ResidentDetail>.Forbidden("只有档案管理员或公卫人员可以终止档案");
        }
        var record = await user.Apply(db.HealthRecords).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return CommandResult<ResidentDetail>.NotFound();
        }
        if (record.Status != RecordStatus.Active)
        {
            return CommandResult<ResidentDetail>.Conflict("档案已终止或已合并");
        }
        if (input.Version != record.Version)
        {
            return UpdateResident.StaleVersion();
        }
        var closure = new RecordClosure(input.Reason, input.ClosedOn, input.Destination?.Trim(), input.HandOver?.Trim(), input.Note?.Trim());
        var errors = RecordClosureRules.Validate(closure, record.BirthDate, time.Today());
        if (errors.Count > 0)
        {
            return CommandResult<ResidentDetail>.Invalid(errors);
        }
        record.Status = RecordStatus.Closed;
        record.ClosureReason = closure.Reason;
        record.ClosedOn = closure.ClosedOn;
        record.ClosureDestination = closure.Reason == ClosureReason.MovedOut ? closure.Destination : null;
        record.ClosureHandOver = closure.Reason == ClosureReason.MovedOut ? closure.HandOver : null;
        record.ClosureNote = closure.Note;
        Log(user, record, "status", RecordStatus.Active.Label(), $"{RecordStatus.Closed.Label()}：{closure.Reason.Label()} {closure.ClosedOn:yyyy-MM-dd}", closure.Note);
        audit.Add(user, "close", id, closure.Reason.ToString());
        return await SaveAsync(record, input.Version, ct);
    }

    public async Task<CommandResult<ResidentDetail>> ReopenAsync(DataScope user, long id, ReopenInput input, CancellationToken ct)
    {
        if (!user.CanKeep)
        {
            return CommandResult<ResidentDetail>.Forbidden("只有档案管理员或公卫人员可以恢复档案");
        }
        var record = await user.Apply(db.HealthRecords).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return CommandResult<ResidentDetail>.NotFound();
        }
        if (record.Status != RecordStatus.Closed)
        {
            return CommandResult<ResidentDetail>.Conflict("只有已终止的档案可以恢复");
        }
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            return CommandResult<ResidentDetail>.Invalid("reason", "请填写恢复档案的原因");
        }
        if (input.Version != record.Version)
        {
            return UpdateResident.StaleVersion();
        }
        Log(user, record, "status", $"{RecordStatus.Closed.Label()}：{record.ClosureReason?.Label()} {record.ClosedOn:yyyy-MM-dd}", RecordStatus.Active.Label(), input.Reason.Trim());
        record.Status = RecordStatus.Active;
        record.ClosureReason = null;
        record.ClosedOn = null;
        record.ClosureDestination = null;
        record.ClosureHandOver = null;
        record.ClosureNote = null;
        audit.Add(user, "reopen", id);
        return await SaveAsync(record, input.Version, ct);
    }

    private void Log(DataScope user, HealthRecord record, string field, string? old, string? @new, string? reason) =>
        db.RecordChanges.Add(new RecordChange
        {
            HealthRecordId = record.Id, ChangedAtUtc = time.UtcNow(), ChangedById = user.UserId, ChangedByName = user.DisplayName,
            Field = field, OldValue = old, NewValue = @new, Reason = reason,
        });

    private async Task<CommandResult<ResidentDetail>> SaveAsync(HealthRecord record, int version, CancellationToken ct)
    {
        record.Version = version + 1;
        record.UpdatedAtUtc = time.UtcNow();
        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return UpdateResident.StaleVersion();
        }
        return CommandResult<ResidentDetail>.Ok((await checks.DetailAsync(record.Id, ct))!);
    }
}
