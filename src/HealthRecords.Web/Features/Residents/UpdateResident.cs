namespace HealthRecords.Web.Features.Residents;

/// <summary>Edits a record in place, logs every changed field, and refuses a save based on an older version.</summary>
public sealed class UpdateResident(HealthRecordsDbContext db, RecordChecks checks, ResponsibleDoctors doctors, Audit audit, TimeProvider time)
{
    public async Task<CommandResult<ResidentDetail>> HandleAsync(DataScope user, long id, ResidentInput input, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return CommandResult<ResidentDetail>.Forbidden("您的角色不能修改档案");
        }
        var record = await user.Apply(db.HealthRecords).Include(r => r.NameKeys).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return CommandResult<ResidentDetail>.NotFound();
        }
        if (record.Status != RecordStatus.Active)
        {
            return CommandResult<ResidentDetail>.Conflict(RecordMessages.ReadOnlyThen("如需修改请先恢复档案"));
        }
        if (input.Version is not int version)
        {
            return CommandResult<ResidentDetail>.Invalid("version", RecordMessages.MissingVersion);
        }
        if (version != record.Version)
        {
            return StaleVersion();
        }
        var today = time.Today();
        var (info, errors) = checks.Normalize(Masking.KeepStored(input.Info, record.PersonalInfo), today);
        string? doctorName = null;
        var newDoctor = !string.IsNullOrEmpty(input.ResponsibleDoctorId) && input.ResponsibleDoctorId != record.ResponsibleDoctorId;
        if (newDoctor && (doctorName = await doctors.NameIfCandidateAsync(input.ResponsibleDoctorId!, record.VillageCode, ct)) is null)
        {
            errors.Add("responsibleDoctorId", ResponsibleDoctors.NotOfVillage);
        }
        if (errors.Count > 0)
        {
            return CommandResult<ResidentDetail>.Invalid(errors);
        }
        if (await checks.FindByIdNumberAsync(user, info, id, ct) is { } existing)
        {
            return CommandResult<ResidentDetail>.Conflict(RecordChecks.ExistingMessage(existing), existing);
        }

        var changes = FormDiff.Compare("info", record.PersonalInfo, info)
            .Concat(FormDiff.Compare("cover", record.Cover, input.Cover))
            .ToList();
        if (record.Pregnant != input.Pregnant)
        {
            changes.Add(("pregnant", record.Pregnant ? "是" : "否", input.Pregnant ? "是" : "否"));
        }
        if (newDoctor)
        {
            // logged by name, as the cover prints it
            var oldName = record.ResponsibleDoctorId is null ? null : await db.Users.Where(u => u.Id == record.ResponsibleDoctorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            changes.Add(("responsibleDoctorId", oldName, doctorName));
            record.ResponsibleDoctorId = input.ResponsibleDoctorId;
        }
        if (changes.Count == 0)
        {
            return CommandResult<ResidentDetail>.Ok((await checks.DetailAsync(id, ct))!);
        }
        var now = time.UtcNow();
        record.ApplyForms(info, input.Cover, input.Pregnant, today);
        record.Version++;
        record.UpdatedAtUtc = now;
        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        foreach (var (field, old, @new) in changes)
        {
            db.RecordChanges.Add(new RecordChange
            {
                HealthRecordId = id, ChangedAtUtc = now, ChangedById = user.UserId, ChangedByName = user.DisplayName,
                Field = field, OldValue = old, NewValue = @new,
            });
        }
        audit.Add(user, "update", id, $"{changes.Count} fields");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleVersion();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await checks.FindByIdNumberAsync(user, info, id, CancellationToken.None) is { } raced)
            {
                return CommandResult<ResidentDetail>.Conflict(RecordChecks.ExistingMessage(raced), raced);
            }
            throw;
        }
        return CommandResult<ResidentDetail>.Ok((await checks.DetailAsync(id, ct))!);
    }

    internal static CommandResult<ResidentDetail> StaleVersion() =>
        CommandResult<ResidentDetail>.Conflict(RecordMessages.Stale("档案"));
}
