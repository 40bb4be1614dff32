namespace HealthRecords.Web.Features.Examinations;

/// <summary>
/// Reads one examination, or a resident's history (newest first), of a record the user may read (in scope, or lent by
/// an access request), through the kernel's <see cref="FormReader"/>; audited.
/// </summary>
public sealed class ReadExaminations(HealthRecordsDbContext db, ExaminationChecks checks, FormReader forms)
{
    public async Task<ExaminationDetail?> GetAsync(DataScope user, long id, CancellationToken ct)
    {
        var exam = await forms.OneAsync<Examination>(user, id, $"examination {id}", ct);
        return exam is null ? null : ExaminationChecks.DetailOf(exam, (await checks.ResidentAsync(exam.HealthRecordId, ct))!);
    }

    /// <summary>A resident's examinations, newest first; null when the user may not read the record.</summary>
    public async Task<IReadOnlyList<ExaminationSummary>?> HistoryAsync(DataScope user, long recordId, CancellationToken ct)
    {
        if (!await forms.MayReadAsync(user, recordId, "examination-history", ct))
        {
            return null;
        }
        return await db.Set<Examination>().AsNoTracking().Where(e => e.HealthRecordId == recordId)
            .OrderByDescending(e => e.ExamDate)
            .Select(e => new ExaminationSummary(e.Id, e.ExamDate, e.Systolic, e.Diastolic, e.Bmi, e.SelfCareLevel, e.Evaluation, e.Complete, e.CreatedByName))
            .ToListAsync(ct);
    }
}
