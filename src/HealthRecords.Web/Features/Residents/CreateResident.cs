namespace HealthRecords.Web.Features.Residents;

/// <summary>Creates a record once and never twice: validates the forms, refuses a known ID number, flags likely duplicates, allocates the number.</summary>
public sealed class CreateResident(
    HealthRecordsDbContext db,
    RecordNumberAllocator numbers,
    DuplicateFinder duplicates,
    RecordChecks checks,
    ResponsibleDoctors doctors,
    Audit audit,
    TimeProvider time)
{
    /// <param name="alongside">Rows another area saves with the record, in the same transaction (e.g. the maternal
    /// service's link from a live birth to the baby's record, whose unique index makes the creation happen once).</param>
    public async Task<CommandResult<ResidentDetail>> HandleAsync(DataScope user, ResidentInput input, CancellationToken ct, Action<HealthRecord>? alongside = null)
    {
        if (!user.CanEdit)
        {
            return CommandResult<ResidentDetail>.Forbidden("您的角色不能建立档案");
        }
        var today = time.Today();
        var (info, errors) = checks.Normalize(input.Info, today);
        var village = await db.Villages.FindAsync([input.VillageCode], ct);
        if (village is null)
        {
            errors.Add("villageCode", "请选择所属村(居)委会");
        }
        else if (!user.Covers(village))
        {
            errors.Add("villageCode", "该村(居)委会不在您的管理范围内");
        }
        string? doctorId = null;
        if (village is not null)
        {
            // 责任医生: the one chosen, else the creator when they may be one here (a record keeper chooses on the page)
            var candidates = await doctors.OfVillageAsync(village.Code, ct);
            doctorId = string.IsNullOrEmpty(input.ResponsibleDoctorId) ? candidates.FirstOrDefault(d => d.Id == user.UserId)?.Id : input.ResponsibleDoctorId;
            if (doctorId is not null && candidates.All(d => d.Id != doctorId))
            {
                errors.Add("responsibleDoctorId", ResponsibleDoctors.NotOfVillage);
            }
        }
        Household? household = null;
        if (input.HouseholdId is long hid)
        {
            household = await user.Apply(db.Households, db.Villages).FirstOrDefaultAsync(h => h.Id == hid, ct);
            if (household is null)
            {
                errors.Add("householdId", RecordMessages.NotFound("所选家庭"));
            }
            else if (input.RelationToHead == HouseholdRelation.Head && household.HeadId is not null)
            {
                errors.Add("relationToHead", "该家庭已有户主，请选择与户主关系");
            }
        }
        if (errors.Count > 0)
        {
            return CommandResult<ResidentDetail>.Invalid(errors);
        }

        var existing = await checks.FindByIdNumberAsync(user, info, null, ct);
        if (existing is not null)
        {
            return CommandResult<ResidentDetail>.Conflict(RecordChecks.ExistingMessage(existing), existing);
        }
        if (!input.ConfirmNotDuplicate)
        {
            var candidates = await duplicates.FindAsync(user, info.Name, info.BirthDate, info.Phone, village!.TownshipCode, null, ct);
            if (candidates.Count > 0)
            {
                return CommandResult<ResidentDetail>.Conflict("发现疑似重复档案，请核对后确认", candidates);
            }
        }

        var township = await db.Townships.FirstAsync(t => t.Code == village!.TownshipCode, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await numbers.NextAsync(village!, township, ct);
        if (household is null)
        {
            household = new Household
            {
                TownshipCode = village!.TownshipCode,
                VillageCode = village.Code,
                Address = input.Cover.CurrentAddress,
                CreatedAtUtc = time.UtcNow(),
            };
            db.Households.Add(household);
            await db.SaveChangesAsync(ct);
        }
        var record = new HealthRecord
        {
            RecordNumber = number.Value,
            RecordNumberLast8 = number.Last8,
            TownshipCode = village!.TownshipCode,
            VillageCode = village.Code,
            ManagingInstitutionId = village.InstitutionId,
            ResponsibleDoctorId = doctorId,
            HouseholdId = household.Id,
            RelationToHead = input.HouseholdId is null ? HouseholdRelation.Head : input.RelationToHead,
            CreatedOn = today,
            CreatedById = user.UserId,
            CreatedAtInstitutionId = user.InstitutionId ?? village.InstitutionId,
            UpdatedAtUtc = time.UtcNow(),
            Version = 1,
        };
        record.ApplyForms(info, input.Cover, input.Pregnant, today);
        db.HealthRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
            if (record.RelationToHead == HouseholdRelation.Head)
            {
                household.HeadId = record.Id;
            }
            alongside?.Invoke(record);
            audit.Add(user, "create", record.Id);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another user saved the same ID number between our check and our insert: the unique index refused it.
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (await checks.FindByIdNumberAsync(user, info, null, CancellationToken.None) is { } raced)
            {
                return CommandResult<ResidentDetail>.Conflict(RecordChecks.ExistingMessage(raced), raced);
            }
            throw;
        }
        db.ChangeTracker.Clear();
        return CommandResult<ResidentDetail>.Ok((await checks.DetailAsync(record.Id, ct))!);
    }
}
