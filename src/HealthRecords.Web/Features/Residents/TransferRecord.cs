using HealthRecords.Web.Features.Households;

namespace HealthRecords.Web.Features.Residents;

/// <summary>
/// Hands a record to the institution of another village (档案迁移、交接). The record keeps its number
/// for life; the hand-over is logged where both institutions can read it.
/// </summary>
public sealed class TransferRecord(HealthRecordsDbContext db, RecordChecks checks, ResidentReader reader, ResponsibleDoctors doctors, Audit audit, TimeProvider time)
{
    public async Task<CommandResult<ResidentDetail>> HandleAsync(DataScope user, long id, TransferInput input, CancellationToken ct)
    {
        if (!user.Can(Permission.TransferRecord))
        {
            return CommandResult<ResidentDetail>.Forbidden("只有档案管理员或公卫人员可以迁移档案");
        }
        var record = await user.Apply(db.HealthRecords).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return CommandResult<ResidentDetail>.NotFound();
        }
        if (record.Status != RecordStatus.Active)
        {
            return CommandResult<ResidentDetail>.Conflict("档案已终止或已合并，不能迁移");
        }
        var errors = new FieldErrors();
        var target = await db.Villages.FindAsync([input.ToVillageCode], ct);
        if (target is null)
        {
            errors.Add("toVillageCode", "请选择迁入的村(居)委会");
        }
        else if (target.Code == record.VillageCode)
        {
            errors.Add("toVillageCode", "迁入地与现所属村(居)委会相同");
        }
        var today = time.Today();
        if (input.TransferredOn is not DateOnly on)
        {
            errors.Add("transferredOn", "请填写迁移日期");
        }
        else if (on > today)
        {
            errors.Add("transferredOn", "迁移日期不能晚于今天");
        }
        if (string.IsNullOrWhiteSpace(input.HandOverNote))
        {
            errors.Add("handOverNote", "请填写交接情况");
        }
        // The receiving institution's 责任医生, asked for here so the cover and card are never left blank after a transfer.
        string? doctorName = null;
        if (target is not null)
        {
            var candidates = await doctors.OfVillageAsync(target.Code, ct);
            doctorName = candidates.FirstOrDefault(d => d.Id == input.ResponsibleDoctorId)?.Name;
            if (string.IsNullOrEmpty(input.ResponsibleDoctorId) && candidates.Count > 0)
            {
                errors.Add("responsibleDoctorId", "请选择迁入机构的责任医生");
            }
            else if (!string.IsNullOrEmpty(input.ResponsibleDoctorId) && doctorName is null)
            {
                errors.Add("responsibleDoctorId", "请从迁入机构的医生中选择责任医生");
            }
        }
        if (errors.Count > 0)
        {
            return CommandResult<ResidentDetail>.Invalid(errors);
        }
        if (input.Version != record.Version)
        {
            return UpdateResident.StaleVersion();
        }
        var now = time.UtcNow();
        db.RecordTransfers.Add(new RecordTransfer
        {
            HealthRecordId = id,
            FromInstitutionId = record.ManagingInstitutionId,
            ToInstitutionId = target!.InstitutionId,
            FromVillageCode = record.VillageCode,
            ToVillageCode = target.Code,
            TransferredOn = input.TransferredOn!.Value,
            TransferredById = user.UserId,
            HandOverNote = input.HandOverNote.Trim(),
            CreatedAtUtc = now,
        });
        db.RecordChanges.Add(new RecordChange
        {
            HealthRecordId = id, ChangedAtUtc = now, ChangedById = user.UserId, ChangedByName = user.DisplayName,
            Field = "villageCode", OldValue = record.VillageCode, NewValue = target.Code, Reason = "档案迁移",
        });
        // The resident moves with a household of their own in the new village.
        var household = new Household { TownshipCode = target.TownshipCode, VillageCode = target.Code, CreatedAtUtc = now };
        db.Households.Add(household);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await HouseholdMoves.LeaveAsync(db, record, ct);
        household.HeadId = record.Id;
        record.HouseholdId = household.Id;
        record.RelationToHead = Domain.Records.HouseholdRelation.Head;
        record.VillageCode = target.Code;
        record.TownshipCode = target.TownshipCode;
        record.ManagingInstitutionId = target.InstitutionId;
        if (record.ResponsibleDoctorId != input.ResponsibleDoctorId)
        {
            var oldName = record.ResponsibleDoctorId is null ? null : await db.Users.Where(u => u.Id == record.ResponsibleDoctorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            db.RecordChanges.Add(new RecordChange
            {
                HealthRecordId = id, ChangedAtUtc = now, ChangedById = user.UserId, ChangedByName = user.DisplayName,
                Field = "responsibleDoctorId", OldValue = oldName, NewValue = doctorName, Reason = "档案迁移",
            });
        }
        record.ResponsibleDoctorId = string.IsNullOrEmpty(input.ResponsibleDoctorId) ? null : input.ResponsibleDoctorId;
        foreach (var key in await db.NameSearchKeys.Where(k => k.HealthRecordId == id).ToListAsync(ct))
        {
            key.TownshipCode = target.TownshipCode;
        }
        record.Version++;
        record.UpdatedAtUtc = now;
        db.Entry(record).Property(r => r.Version).OriginalValue = input.Version;
        audit.Add(user, "transfer", id, $"{target.InstitutionId}");
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return UpdateResident.StaleVersion();
        }
        return CommandResult<ResidentDetail>.Ok((await checks.DetailAsync(id, ct))!);
    }

    /// <summary>Transfers into or out of the user's institution (both sides see the hand-over).</summary>
    public Task<IReadOnlyList<TransferView>> ListAsync(DataScope user, CancellationToken ct)
    {
        var query = db.RecordTransfers.AsQueryable();
        if (!user.WholeCounty)
        {
            var inst = user.InstitutionId ?? -1;
            query = query.Where(t => t.FromInstitutionId == inst || t.ToInstitutionId == inst);
        }
        return reader.TransfersAsync(query, ct);
    }
}
