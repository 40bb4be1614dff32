using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>Reads one examination, or a resident's history (newest first); scoped and audited.</summary>
public sealed class ReadExaminations(HealthRecordsDbContext db, ExaminationChecks checks, Audit audit)
{
    public async Task<ExaminationDetail?> GetAsync(DataScope user, long id, CancellationToken ct)
    {
        var exam = await checks.Scoped(user).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exam is null)
        {
            return null;
        }
        var resident = (await checks.ResidentAsync(user, exam.HealthRecordId, ct))!;
        await audit.ReadAsync(user, exam.HealthRecordId, $"examination {id}", ct);
        return ExaminationChecks.DetailOf(exam, resident);
    }

    /// <summary>A resident's examinations, newest first; null when the record is not in scope.</summary>
    public async Task<IReadOnlyList<ExaminationSummary>?> HistoryAsync(DataScope user, long recordId, CancellationToken ct)
    {
        if (!await user.Apply(db.HealthRecords).AnyAsync(r => r.Id == recordId, ct))
        {
            return null;
        }
        var list = await db.Set<Examination>().AsNoTracking().Where(e => e.HealthRecordId == recordId)
            .OrderByDescending(e => e.ExamDate)
            .Select(e => new ExaminationSummary(e.Id, e.ExamDate, e.Systolic, e.Diastolic, e.Bmi, e.SelfCareLevel, e.Evaluation, e.Complete, e.CreatedByName))
            .ToListAsync(ct);
        await audit.ReadAsync(user, recordId, "examination-history", ct);
        return list;
    }
}
