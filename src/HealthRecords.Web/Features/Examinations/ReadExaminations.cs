using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using HealthRecords.Web.Features.Residents;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>
/// Reads one examination, or a resident's history (newest first), of a record the user may read (in scope, or lent by
/// an access request: <see cref="ResidentReader.MayReadAsync"/>); audited.
/// </summary>
public sealed class ReadExaminations(HealthRecordsDbContext db, ExaminationChecks checks, ResidentReader reader, Audit audit)
{
    public async Task<ExaminationDetail?> GetAsync(DataScope user, long id, CancellationToken ct)
    {
        var exam = await db.Set<Examination>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exam is null || !await reader.MayReadAsync(user, exam.HealthRecordId, ct))
        {
            return null;
        }
        var resident = (await checks.ResidentAsync(exam.HealthRecordId, ct))!;
        await audit.ReadAsync(user, exam.HealthRecordId, $"examination {id}", ct);
        return ExaminationChecks.DetailOf(exam, resident);
    }

    /// <summary>A resident's examinations, newest first; null when the user may not read the record.</summary>
    public async Task<IReadOnlyList<ExaminationSummary>?> HistoryAsync(DataScope user, long recordId, CancellationToken ct)
    {
        if (!await reader.MayReadAsync(user, recordId, ct))
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
