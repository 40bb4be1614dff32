using HealthRecords.Domain.Examinations;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>A new form for today, pre-filled from the resident's latest examination (Domain ExaminationPrefill) for the user to confirm.</summary>
public sealed class DraftExamination(HealthRecordsDbContext db, ExaminationChecks checks, Audit audit, TimeProvider time)
{
    public async Task<CommandResult<ExaminationDraft>> HandleAsync(DataScope user, long recordId, CancellationToken ct)
    {
        var resident = await checks.ResidentAsync(user, recordId, ct);
        if (resident is null)
        {
            return CommandResult<ExaminationDraft>.NotFound();
        }
        var today = time.Today();
        var last = await db.Set<Examination>().AsNoTracking().Where(e => e.HealthRecordId == recordId && e.ExamDate <= today)
            .OrderByDescending(e => e.ExamDate).Select(e => new { e.ExamDate, e.Form }).FirstOrDefaultAsync(ct);
        var form = ExaminationPrefill.From(last?.Form, today, user.DisplayName);
        await audit.ReadAsync(user, recordId, "examination-draft", ct);
        return CommandResult<ExaminationDraft>.Ok(new ExaminationDraft(resident.ContextOn(today), form, last?.ExamDate,
            last is null ? [] : ExaminationPrefill.CarriedSections));
    }
}
