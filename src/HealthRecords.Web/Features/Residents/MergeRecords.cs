using System.Text.Json;
using HealthRecords.Web.Features.Households;


namespace HealthRecords.Web.Features.Residents;

/// <summary>
/// Merges a duplicate into a surviving record. Nothing is lost: the merged record stays (status 已合并,
/// pointing at the survivor), its whole content is kept in the merge log, the survivor takes over any
/// document number or phone it lacked, and the change log of both records says so.
/// </summary>
public sealed class MergeRecords(HealthRecordsDbContext db, RecordChecks checks, Audit audit, TimeProvider time)
{
    public async Task<CommandResult<ResidentDetail>> HandleAsync(DataScope user, MergeInput input, CancellationToken ct)
    {
        if (!user.Can(Permission.MergeRecords))
        {
            return CommandResult<ResidentDetail>.Forbidden("只有档案管理员或公卫人员可以合并档案");
        }
        var note = input.Note?.Trim() ?? "";
        var errors = new FieldErrors();
        if (input.SurvivorId == input.MergedId)
        {
            errors.Add("mergedId", "不能将档案与自身合并");
        }
        if (note.Length == 0)
        {
            errors.Add("note", "请填写合并原因");
        }
        if (errors.Count > 0)
        {
            return CommandResult<ResidentDetail>.Invalid(errors);
        }
        var pair = await user.Apply(db.HealthRecords).Include(r => r.NameKeys)
            .Where(r => r.Id == input.SurvivorId || r.Id == input.MergedId).ToListAsync(ct);
        var survivor = pair.FirstOrDefault(r => r.Id == input.SurvivorId);
        var merged = pair.FirstOrDefault(r => r.Id == input.MergedId);
        if (survivor is null || merged is null)
        {
            return CommandResult<ResidentDetail>.NotFound();
        }
        if (survivor.Status == RecordStatus.Merged || merged.Status == RecordStatus.Merged)
        {
            return CommandResult<ResidentDetail>.Conflict("已合并的档案不能再次合并");
        }
        if (survivor.IdNumber is not null && merged.IdNumber is not null && survivor.IdNumber != merged.IdNumber)
        {
            return CommandResult<ResidentDetail>.Invalid("mergedId", "两份档案的证件号码不同，不是同一人，不能合并");
        }

        var now = time.UtcNow();
        var snapshot = JsonSerializer.Serialize(merged, JsonDocuments.Options);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var info = Combine(survivor.PersonalInfo, merged.PersonalInfo);
        if (survivor.IdNumber is null && !string.IsNullOrWhiteSpace(info.IdNumber))
        {
            merged.IdNumber = null; // the survivor takes the number over; the unique index holds one record per number
            await db.SaveChangesAsync(ct);
        }
        foreach (var (field, old, @new) in FormDiff.Compare("info", survivor.PersonalInfo, info))
        {
            Log(user, survivor.Id, field, old, @new, $"合并档案 {merged.RecordNumber}", now);
        }
        survivor.ApplyForms(info, survivor.Cover, survivor.Pregnant || merged.Pregnant, time.Today());
        survivor.Version++;
        survivor.UpdatedAtUtc = now;

        await HouseholdMoves.LeaveAsync(db, merged, ct);
        merged.Status = RecordStatus.Merged;
        merged.MergedIntoId = survivor.Id;
        merged.Version++;
        merged.UpdatedAtUtc = now;
        Log(user, merged.Id, "status", RecordStatus.Active.Label(), RecordStatus.Merged.Label(), $"并入档案 {survivor.RecordNumber}", now);
        Log(user, survivor.Id, "merge", merged.RecordNumber, survivor.RecordNumber, note, now);
        db.RecordMerges.Add(new RecordMerge
        {
            SurvivorId = survivor.Id, MergedId = merged.Id, MergedAtUtc = now, MergedById = user.UserId,
            MergedSnapshotJson = snapshot, Note = note,
        });
        audit.Add(user, "merge", survivor.Id, $"merged {merged.Id}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult<ResidentDetail>.Ok((await checks.DetailAsync(survivor.Id, ct))!);
    }

    /// <summary>
    /// The survivor's personal information after a merge: its own answers, plus the duplicate's document
    /// number and phone where the survivor has none. The merge page previews the result with it.
    /// </summary>
    public static PersonalInfo Combine(PersonalInfo survivor, PersonalInfo duplicate)
    {
        var info = survivor;
        if (string.IsNullOrWhiteSpace(survivor.IdNumber) && !string.IsNullOrWhiteSpace(duplicate.IdNumber))
        {
            info = info with { IdNumber = duplicate.IdNumber, IdDocumentType = duplicate.IdDocumentType };
        }
        if (string.IsNullOrWhiteSpace(survivor.Phone) && !string.IsNullOrWhiteSpace(duplicate.Phone))
        {
            info = info with { Phone = duplicate.Phone };
        }
        return info;
    }

    private void Log(DataScope user, long id, string field, string? old, string? @new, string? reason, DateTime now) =>
        db.RecordChanges.Add(new RecordChange
        {
            HealthRecordId = id, ChangedAtUtc = now, ChangedById = user.UserId, ChangedByName = user.DisplayName,
            Field = field, OldValue = old, NewValue = @new, Reason = reason,
        });
}
