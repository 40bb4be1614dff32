using HealthRecords.Domain.Examinations;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>Saves a new 健康体检表: checked by the domain, one per resident per date, audited.</summary>
public sealed class CreateExamination(HealthRecordsDbContext db, ExaminationChecks checks, Audit audit, TimeProvider time)
{
    public async Task<CommandResult<ExaminationDetail>> HandleAsync(DataScope user, long recordId, ExaminationInput input, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return CommandResult<ExaminationDetail>.Forbidden("您的角色不能填写健康体检表");
        }
        var resident = await checks.ResidentAsync(user, recordId, ct);
        if (resident is null)
        {
            return CommandResult<ExaminationDetail>.NotFound();
        }
        if (resident.Status != RecordStatus.Active)
        {
            return CommandResult<ExaminationDetail>.Conflict("档案已终止或已合并，为只读，不能新增体检");
        }
        var (form, errors) = checks.Check(resident, input.Form);
        if (errors.Count > 0)
        {
            return CommandResult<ExaminationDetail>.Invalid(errors);
        }
        if (await checks.SameDateAsync(recordId, form.ExamDate, null, ct))
        {
            return ExaminationChecks.SameDate(form.ExamDate);
        }
        var now = time.UtcNow();
        var exam = new Examination
        {
            HealthRecordId = recordId, InstitutionId = user.InstitutionId ?? 0, CreatedById = user.UserId, CreatedByName = user.DisplayName,
            CreatedAtUtc = now, UpdatedAtUtc = now, Version = 1,
        };
        exam.Apply(form, ExaminationCompleteness.IsComplete(form, resident.Subject));
        db.Add(exam);
        audit.Add(user, "examination-create", recordId, $"体检 {form.ExamDate:yyyy-MM-dd}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await checks.RacedSameDateAsync(recordId, form.ExamDate))
            {
                return ExaminationChecks.SameDate(form.ExamDate);
            }
            throw;
        }
        return CommandResult<ExaminationDetail>.Ok(ExaminationChecks.DetailOf(exam, resident));
    }
}
