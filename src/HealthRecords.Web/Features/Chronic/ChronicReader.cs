using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>
/// Reads a resident's chronic disease management of a record the user may read (in scope, or lent by an access request:
/// <see cref="ResidentReader.MayReadAsync"/>); every read is audited. The draft of a new follow-up is for writing: scope only.
/// </summary>
public sealed class ChronicReader(HealthRecordsDbContext db, Audit audit, Screening screening, ResidentReader reader, TimeProvider time)
{
    public Task<ChronicSummary?> SummaryAsync(DataScope user, long recordId, CancellationToken ct) => LoadAsync(user, recordId, audited: true, ct);

    /// <summary>The same, for a panel of a page that has audited its own read of the record (the overview).</summary>
    public Task<ChronicSummary?> HistoryAsync(DataScope user, long recordId, CancellationToken ct) => LoadAsync(user, recordId, audited: false, ct);

    private async Task<ChronicSummary?> LoadAsync(DataScope user, long recordId, bool audited, CancellationToken ct)
    {
        var record = await db.HealthRecords.Where(r => r.Id == recordId)
            .Select(r => new { r.Name, r.RecordNumberLast8 }).FirstOrDefaultAsync(ct);
        if (record is null)
        {
            return null;
        }
        var access = await reader.AccessAsync(user, recordId, ct);
        if (access == RecordAccess.None)
        {
            return null;
        }
        if (audited)
        {
            await audit.ReadAsync(user, recordId, "chronic", ct);
        }
        var enrolments = await db.Set<ChronicEnrolment>().AsNoTracking().Where(e => e.HealthRecordId == recordId)
            .OrderBy(e => e.Disease).ToListAsync(ct);
        var followUps = await db.Set<ChronicFollowUp>().AsNoTracking().Where(f => f.HealthRecordId == recordId)
            .OrderByDescending(f => f.VisitDate).ThenBy(f => f.Disease).ToListAsync(ct);
        return new ChronicSummary(
            recordId, record.Name, record.RecordNumberLast8,
            enrolments.Select(Enrolments.View).ToList(),
            followUps.Select(SaveFollowUp.View).ToList(),
            await screening.ViewAsync(recordId, ct),
            followUps.Count(f => f.Disease == ChronicDisease.Diabetes && f.FastingGlucose is not null && f.VisitDate.Year == time.Today().Year),
            ReadOnly: access == RecordAccess.Lent);
    }

    /// <summary>One follow-up, for editing or printing.</summary>
    public async Task<FollowUpView?> FollowUpAsync(DataScope user, long recordId, long id, CancellationToken ct)
    {
        var row = await db.Set<ChronicFollowUp>().AsNoTracking()
            .Where(f => f.Id == id && f.HealthRecordId == recordId)
            .FirstOrDefaultAsync(ct);
        if (row is null || !await reader.MayReadAsync(user, recordId, ct))
        {
            return null;
        }
        await audit.ReadAsync(user, recordId, "follow-up", ct);
        return SaveFollowUp.View(row);
    }

    /// <summary>
    /// What a new follow-up starts from: the enrolment date, whether the previous visit was controlled (for the
    /// suggestion), the medications (and insulin) of the previous visit carried over, and the height for 体质指数
    /// (<see cref="LatestHeightAsync"/>).
    /// With <paramref name="examinationId"/> (the doctor marks that examination of this resident as the follow-up), the
    /// draft also carries what the examination measured (<see cref="ExaminationAsFollowUp"/>); null if it is not theirs.
    /// </summary>
    public async Task<FollowUpDraft?> DraftAsync(DataScope user, long recordId, ChronicDisease disease, CancellationToken ct, long? examinationId = null)
    {
        if (!await user.Apply(db.HealthRecords).AnyAsync(r => r.Id == recordId, ct))
        {
            return null;
        }
        var enrolment = await db.Set<ChronicEnrolment>().AsNoTracking()
            .FirstOrDefaultAsync(e => e.HealthRecordId == recordId && e.Disease == disease && !e.Withdrawn, ct);
        if (enrolment is null)
        {
            return null;
        }
        var previous = await db.Set<ChronicFollowUp>().AsNoTracking()
            .Where(f => f.HealthRecordId == recordId && f.Disease == disease)
            .OrderByDescending(f => f.VisitDate).FirstOrDefaultAsync(ct);
        IReadOnlyList<Medication> medications = previous?.Hypertension?.Medications ?? previous?.Diabetes?.Medications ?? [];
        var pregnant = await db.HealthRecords.Where(r => r.Id == recordId).Select(r => r.Pregnant).FirstOrDefaultAsync(ct);
        await audit.ReadAsync(user, recordId, "follow-up-draft", ct);
        var carried = new SharedVisit
        {
            Lifestyle = FollowUpCarryOver.Lifestyle(previous?.Hypertension?.Lifestyle ?? previous?.Diabetes?.Lifestyle),
            Signs = FollowUpCarryOver.Signs(previous?.Hypertension?.Signs ?? previous?.Diabetes?.Signs),
            Danger = FollowUpCarryOver.Danger(pregnant),
        };
        var draft = new FollowUpDraft(disease, enrolment.EnrolledOn, previous?.Controlled, previous?.VisitDate, medications,
            previous?.Diabetes?.Insulin, user.DisplayName, Height: await HeightAsync(recordId, ct), CarriedOver: carried,
            Hypertension: disease == ChronicDisease.Hypertension ? FollowUpCarryOver.Hypertension(previous?.Hypertension) : null,
            Diabetes: disease == ChronicDisease.Diabetes ? FollowUpCarryOver.Diabetes(previous?.Diabetes) : null);
        if (examinationId is null)
        {
            return draft;
        }
        var exam = await db.Set<Examinations.Examination>().AsNoTracking()
            .Where(e => e.Id == examinationId && e.HealthRecordId == recordId).Select(e => e.Form).FirstOrDefaultAsync(ct);
        return exam is null ? null : draft with
        {
            ExaminationId = examinationId,
            FromExamination = ExaminationAsFollowUp.Shared(exam),
            ExaminationFastingGlucose = ExaminationAsFollowUp.FastingGlucose(exam),
        };
    }

    /// <summary>
    /// The height of the resident's latest examination that recorded one (the form is stored whole, so the last few
    /// are read and the first with a height taken), for computing 体质指数 on the follow-up form; null if none.
    /// Part of the form's read of the record (audited by <see cref="SummaryAsync"/>); null out of the user's reach too.
    /// </summary>
    public async Task<RecordedHeight?> LatestHeightAsync(DataScope user, long recordId, CancellationToken ct) =>
        await reader.AccessAsync(user, recordId, ct) == RecordAccess.None ? null : await HeightAsync(recordId, ct);

    private async Task<RecordedHeight?> HeightAsync(long recordId, CancellationToken ct)
    {
        var recent = await db.Set<Examinations.Examination>().AsNoTracking().Where(e => e.HealthRecordId == recordId)
            .OrderByDescending(e => e.ExamDate).Take(5).Select(e => new { e.ExamDate, e.Form }).ToListAsync(ct);
        return recent.Where(e => e.Form.General.Height is > 0).Select(e => new RecordedHeight(e.Form.General.Height!.Value, e.ExamDate)).FirstOrDefault();
    }

    /// <summary>Whether the visit before <paramref name="visitDate"/> was controlled, for the live suggestion on the form.</summary>
    public Task<bool?> PreviousControlledAsync(long recordId, ChronicDisease disease, DateOnly visitDate, long? exceptId, CancellationToken ct) =>
        db.Set<ChronicFollowUp>().Where(f => f.HealthRecordId == recordId && f.Disease == disease && f.VisitDate < visitDate && f.Id != (exceptId ?? 0))
            .OrderByDescending(f => f.VisitDate).Select(f => f.Controlled).FirstOrDefaultAsync(ct);

    public static FollowUpDecision Suggest(HypertensionFollowUp f, bool? previousControlled) => HypertensionRules.Decide(f, previousControlled);

    public static FollowUpDecision Suggest(DiabetesFollowUp f, bool? previousControlled) => DiabetesRules.Decide(f, previousControlled);
}
