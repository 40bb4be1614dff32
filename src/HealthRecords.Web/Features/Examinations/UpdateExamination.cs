using HealthRecords.Domain.Examinations;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>Edits a 健康体检表 in place; refuses a save based on an older version (409).</summary>
public sealed class UpdateExamination(HealthRecordsDbContext db, ExaminationChecks checks, Audit audit, TimeProvider time)
{
    public async Task<CommandResult<ExaminationDetail>> HandleAsync(DataScope user, long id, ExaminationInput input, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return CommandResult<ExaminationDetail>.Forbidden("您的角色不能修改健康体检表");
        }
        var exam = await checks.Scoped(user).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exam is null)
        {
            return CommandResult<ExaminationDetail>.NotFound("体检记录不存在或不在您的管理范围内");
        }
        var resident = (await checks.ResidentAsync(user, exam.HealthRecordId, ct))!;
        if (resident.Status != RecordStatus.Active)
        {
            return CommandResult<ExaminationDetail>.Conflict("档案已终止或已合并，为只读");
        }
        if (input.Version is not int version)
        {
            return CommandResult<ExaminationDetail>.Invalid("version", "缺少版本号，请刷新后重试");
        }
        if (version != exam.Version)
        {
            return ExaminationChecks.Stale();
        }
        var (form, errors) = checks.Check(resident, input.Form);
        if (errors.Count > 0)
        {
            return CommandResult<ExaminationDetail>.Invalid(errors);
        }
        if (form.ExamDate != exam.ExamDate && await checks.SameDateAsync(exam.HealthRecordId, form.ExamDate, id, ct))
        {
            return ExaminationChecks.SameDate(form.ExamDate);
        }
        exam.Apply(form, ExaminationCompleteness.IsComplete(form, resident.Subject));
        exam.Version++;
        exam.UpdatedAtUtc = time.UtcNow();
        db.Entry(exam).Property(e => e.Version).OriginalValue = version;
        audit.Add(user, "examination-update", exam.HealthRecordId, $"体检 {form.ExamDate:yyyy-MM-dd}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ExaminationChecks.Stale();
        }
        catch (DbUpdateException)
        {
            if (await checks.RacedSameDateAsync(exam.HealthRecordId, form.ExamDate))
            {
                return ExaminationChecks.SameDate(form.ExamDate);
            }
            throw;
        }
        return CommandResult<ExaminationDetail>.Ok(ExaminationChecks.DetailOf(exam, resident));
    }
}
