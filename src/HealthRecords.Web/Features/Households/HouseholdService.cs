using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.Households;

/// <summary>家庭: read members, edit the address, head and living environment, move a member.</summary>
public sealed class HouseholdService(HealthRecordsDbContext db, Audit audit, TimeProvider time)
{
    public async Task<HouseholdDetail?> GetAsync(DataScope user, long id, CancellationToken ct)
    {
        var h = await user.Apply(db.Households.AsNoTracking(), db.Villages).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null)
        {
            return null;
        }
        await audit.WriteAsync(user, "read", h.HeadId, $"household {id}", ct);
        var village = await db.Villages.AsNoTracking().FirstAsync(v => v.Code == h.VillageCode, ct);
        var today = time.Today();
        var members = (await db.HealthRecords.AsNoTracking()
                .Where(r => r.HouseholdId == id && r.Status != RecordStatus.Merged)
                .Select(r => new { r.Id, r.Name, r.RelationToHead, r.Sex, r.BirthDate, r.Status })
                .ToListAsync(ct))
            .OrderBy(m => m.RelationToHead).ThenBy(m => m.BirthDate)
            .Select(m => new HouseholdMember(m.Id, m.Name, m.RelationToHead, m.Sex, Age.AgeOn(m.BirthDate, today), m.Status))
            .ToList();
        return new HouseholdDetail(h.Id, h.TownshipCode, h.VillageCode, village.Name, h.Address, h.HeadId, h.LivingEnvironment, members, h.Version);
    }

    public async Task<CommandResult<HouseholdDetail>> UpdateAsync(DataScope user, long id, HouseholdInput input, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return CommandResult<HouseholdDetail>.Forbidden("您的角色不能修改家庭信息");
        }
        var h = await user.Apply(db.Households, db.Villages).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null)
        {
            return CommandResult<HouseholdDetail>.NotFound();
        }
        if (input.Version != h.Version)
        {
            return CommandResult<HouseholdDetail>.Conflict(RecordMessages.Stale("家庭信息"));
        }
        var errors = new FieldErrors();
        if (input.LivingEnvironment is not null)
        {
            errors.AddAll(LivingEnvironmentValidator.Validate(input.LivingEnvironment), "livingEnvironment");
        }
        HealthRecord? newHead = null;
        if (input.HeadId is long headId && headId != h.HeadId)
        {
            newHead = await db.HealthRecords.FirstOrDefaultAsync(r => r.Id == headId && r.HouseholdId == id && r.Status == RecordStatus.Active, ct);
            if (newHead is null)
            {
                errors.Add("headId", "户主须为本家庭的在管成员");
            }
        }
        if (errors.Count > 0)
        {
            return CommandResult<HouseholdDetail>.Invalid(errors);
        }
        if (newHead is not null)
        {
            var oldHead = h.HeadId is long old ? await db.HealthRecords.FirstOrDefaultAsync(r => r.Id == old, ct) : null;
            if (oldHead is not null)
            {
                oldHead.RelationToHead = HouseholdRelation.Other;
            }
            newHead.RelationToHead = HouseholdRelation.Head;
            h.HeadId = newHead.Id;
        }
        h.Address = input.Address?.Trim();
        h.LivingEnvironment = input.LivingEnvironment;
        h.Version = input.Version + 1;
        db.Entry(h).Property(x => x.Version).OriginalValue = input.Version;
        audit.Add(user, "household-update", h.HeadId, $"household {id}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<HouseholdDetail>.Conflict(RecordMessages.Stale("家庭信息"));
        }
        return CommandResult<HouseholdDetail>.Ok((await GetAsync(user, id, ct))!);
    }

    public async Task<CommandResult<HouseholdDetail>> MoveMemberAsync(DataScope user, long recordId, MoveMemberInput input, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return CommandResult<HouseholdDetail>.Forbidden("您的角色不能调整家庭成员");
        }
        var record = await user.Apply(db.HealthRecords).FirstOrDefaultAsync(r => r.Id == recordId, ct);
        if (record is null)
        {
            return CommandResult<HouseholdDetail>.NotFound();
        }
        if (record.Status != RecordStatus.Active)
        {
            return CommandResult<HouseholdDetail>.Conflict(RecordMessages.ReadOnly);
        }
        Household? target = null;
        if (input.ToHouseholdId is long to)
        {
            target = await user.Apply(db.Households, db.Villages).FirstOrDefaultAsync(x => x.Id == to, ct);
            if (target is null)
            {
                return CommandResult<HouseholdDetail>.Invalid("toHouseholdId", RecordMessages.NotFound("目标家庭"));
            }
            if (target.VillageCode != record.VillageCode)
            {
                return CommandResult<HouseholdDetail>.Invalid("toHouseholdId", "目标家庭在其他村(居)委会，请先办理档案迁移");
            }
            if (target.Id == record.HouseholdId)
            {
                return CommandResult<HouseholdDetail>.Invalid("toHouseholdId", "该成员已在此家庭中");
            }
            if (input.Relation == HouseholdRelation.Head && target.HeadId is not null)
            {
                return CommandResult<HouseholdDetail>.Invalid("relation", "目标家庭已有户主，请选择与户主关系");
            }
        }
        var now = time.UtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (target is null)
        {
            target = new Household { TownshipCode = record.TownshipCode, VillageCode = record.VillageCode, Address = input.NewHouseholdAddress?.Trim(), CreatedAtUtc = now };
            db.Households.Add(target);
            await db.SaveChangesAsync(ct);
        }
        await HouseholdMoves.LeaveAsync(db, record, ct);
        db.RecordChanges.Add(new RecordChange
        {
            HealthRecordId = recordId, ChangedAtUtc = now, ChangedById = user.UserId, ChangedByName = user.DisplayName,
            Field = "householdId", OldValue = record.HouseholdId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            NewValue = target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Reason = "家庭成员调整",
        });
        record.HouseholdId = target.Id;
        record.RelationToHead = target.HeadId is null ? HouseholdRelation.Head : input.Relation;
        if (target.HeadId is null)
        {
            target.HeadId = record.Id;
        }
        record.Version++;
        record.UpdatedAtUtc = now;
        audit.Add(user, "household-move", recordId, $"to {target.Id}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult<HouseholdDetail>.Ok((await GetAsync(user, target.Id, ct))!);
    }
}
