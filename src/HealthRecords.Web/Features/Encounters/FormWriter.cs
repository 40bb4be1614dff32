using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>
/// What creating or changing any of these forms shares: the record must be in the user's scope and active, the user
/// an editor; a change names the version it started from; the form is checked by the domain; the save is audited.
/// </summary>
public sealed class FormWriter(HealthRecordsDbContext db, Audit audit, TimeProvider time)
{
    /// <summary>Checks of a form against its record (birth date) and today, keyed by JSON path inside the input.</summary>
    public delegate IReadOnlyDictionary<string, string[]> Check(HealthRecord record, DateOnly today);

    public async Task<CommandResult<T>> CreateAsync<T>(DataScope user, long recordId, Check check, Func<T> make, string action, CancellationToken ct)
        where T : ServiceFormEntity
    {
        var (record, refusal) = await WritableAsync<T>(user, recordId, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var errors = check(record!, time.Today());
        if (errors.Count > 0)
        {
            return CommandResult<T>.Invalid(errors);
        }
        var now = time.UtcNow();
        var entity = make();
        entity.HealthRecordId = recordId;
        entity.InstitutionId = user.InstitutionId;
        entity.CreatedByName = user.DisplayName;
        entity.CreatedAtUtc = now;
        entity.UpdatedAtUtc = now;
        entity.Version = 1;
        db.Add(entity);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(user, action, recordId, $"{typeof(T).Name} {entity.Id}", ct);
        return CommandResult<T>.Ok(entity);
    }

    public async Task<CommandResult<T>> UpdateAsync<T>(DataScope user, long id, int? version, Check check, Action<T> apply, string action, CancellationToken ct)
        where T : ServiceFormEntity
    {
        var entity = await db.Set<T>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (entity is null)
        {
            return CommandResult<T>.NotFound("记录不存在或不在您的管理范围内");
        }
        var (record, refusal) = await WritableAsync<T>(user, entity.HealthRecordId, ct);
        if (refusal is not null)
        {
            return refusal.Status == CommandStatus.NotFound ? CommandResult<T>.NotFound("记录不存在或不在您的管理范围内") : refusal;
        }
        if (version is not int v)
        {
            return CommandResult<T>.Invalid("version", "缺少版本号，请刷新后重试");
        }
        if (v != entity.Version)
        {
            return Stale<T>();
        }
        var errors = check(record!, time.Today());
        if (errors.Count > 0)
        {
            return CommandResult<T>.Invalid(errors);
        }
        apply(entity);
        entity.Version = v + 1;
        entity.UpdatedAtUtc = time.UtcNow();
        db.Entry(entity).Property(x => x.Version).OriginalValue = v;
        audit.Add(user, action, entity.HealthRecordId, $"{typeof(T).Name} {entity.Id}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale<T>();
        }
        return CommandResult<T>.Ok(entity);
    }

    /// <summary>The record if the user may add to it: an editor, in scope, record active.</summary>
    public async Task<(HealthRecord? Record, CommandResult<T>? Refusal)> WritableAsync<T>(DataScope user, long recordId, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return (null, CommandResult<T>.Forbidden("您的角色不能填写服务记录"));
        }
        var record = await user.Apply(db.HealthRecords).AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId, ct);
        if (record is null)
        {
            return (null, CommandResult<T>.NotFound());
        }
        if (record.Status != RecordStatus.Active)
        {
            return (null, CommandResult<T>.Conflict("档案已终止或已合并，为只读"));
        }
        return (record, null);
    }

    private static CommandResult<T> Stale<T>() =>
        CommandResult<T>.Conflict("该记录已被他人修改，您的修改未保存。请刷新查看最新内容后重新修改。");

    /// <summary>Domain errors of a form, keyed under the input's <c>form</c> property.</summary>
    public static IReadOnlyDictionary<string, string[]> Under(string prefix, IReadOnlyDictionary<string, string[]> errors)
    {
        var all = new FieldErrors();
        all.AddAll(errors, prefix);
        return all;
    }
}
