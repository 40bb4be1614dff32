using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>A resident as the examination use cases need them: what decides the form's * items, and the record's status.</summary>
public sealed record ExamResident(long Id, string RecordNumber, string Name, Sex Sex, DateOnly BirthDate, KeyPopulation KeyPopulations, RecordStatus Status)
{
    /// <summary>The programmes (key populations) whose services decide * items on the form.</summary>
    private const KeyPopulation Programmes = KeyPopulation.Hypertension | KeyPopulation.Diabetes | KeyPopulation.SevereMentalIllness;

    public ExamSubject Subject => new(Sex, BirthDate, KeyPopulations & Programmes);

    public ExaminationContext ContextOn(DateOnly examDate) =>
        new(Id, RecordNumber, Name, Sex, BirthDate, Age.AgeOn(BirthDate, examDate), ExaminationItems.IsElderly(Subject, examDate),
            Subject.Programmes, ExaminationItems.ShowsGynaecology(Sex), Status == RecordStatus.Active, ExaminationItems.Rules(Subject, examDate));
}

/// <summary>What the examination use cases share: the scoped resident and examinations, the domain checks, the outcomes.</summary>
public sealed class ExaminationChecks(HealthRecordsDbContext db, TimeProvider time)
{
    /// <summary>The resident, if in the user's scope.</summary>
    public Task<ExamResident?> ResidentAsync(DataScope user, long recordId, CancellationToken ct) =>
        ResidentAsync(user.Apply(db.HealthRecords), recordId, ct);

    /// <summary>The resident, unscoped: only for a caller that has already checked the user may read the record.</summary>
    public Task<ExamResident?> ResidentAsync(long recordId, CancellationToken ct) =>
        ResidentAsync(db.HealthRecords, recordId, ct);

    /// <summary>
    /// The resident with the programmes they are in: the key populations of their record (既往史) and the hypertension
    /// and diabetes managements they are enrolled in now, since a patient may be enrolled from an encounter or an
    /// examination before 既往史 is updated (004 附件4 填表说明 2: 不同重点人群的免费检查项目按照各专项服务规范的要求执行).
    /// </summary>
    private async Task<ExamResident?> ResidentAsync(IQueryable<HealthRecord> records, long recordId, CancellationToken ct)
    {
        var resident = await records.AsNoTracking().Where(r => r.Id == recordId)
            .Select(r => new ExamResident(r.Id, r.RecordNumber, r.Name, r.Sex, r.BirthDate, r.KeyPopulations, r.Status))
            .FirstOrDefaultAsync(ct);
        if (resident is null)
        {
            return null;
        }
        var enrolled = await Chronic.Enrolments.ActiveDiseases(db, recordId).ToListAsync(ct);
        var programmes = resident.KeyPopulations
            | (enrolled.Contains(Domain.Chronic.ChronicDisease.Hypertension) ? KeyPopulation.Hypertension : KeyPopulation.None)
            | (enrolled.Contains(Domain.Chronic.ChronicDisease.Diabetes) ? KeyPopulation.Diabetes : KeyPopulation.None);
        return resident with { KeyPopulations = programmes };
    }

    /// <summary>Examinations of residents in the user's scope.</summary>
    public IQueryable<Examination> Scoped(DataScope user)
    {
        var records = user.Apply(db.HealthRecords).Select(r => r.Id);
        return db.Set<Examination>().Where(e => records.Contains(e.HealthRecordId));
    }

    /// <summary>The form with its computed fields, and its field errors keyed "form.…" (Domain ExaminationValidator).</summary>
    public (HealthExamination Form, IReadOnlyDictionary<string, string[]> Errors) Check(ExamResident resident, HealthExamination input)
    {
        var form = ExaminationValidator.WithComputed(input with { Doctor = input.Doctor?.Trim() });
        var errors = new FieldErrors();
        errors.AddAll(ExaminationValidator.Validate(form, resident.Subject, time.Today()), "form");
        return (form, errors);
    }

    /// <summary>True when the resident already has an examination on that date (other than <paramref name="exceptId"/>).</summary>
    public Task<bool> SameDateAsync(long recordId, DateOnly date, long? exceptId, CancellationToken ct) =>
        db.Set<Examination>().AnyAsync(e => e.HealthRecordId == recordId && e.ExamDate == date && e.Id != exceptId, ct);

    /// <summary>After a failed save: true when another save on the same date won the race (the unique index refused ours).</summary>
    public async Task<bool> RacedSameDateAsync(long recordId, DateOnly date)
    {
        db.ChangeTracker.Clear();
        return await SameDateAsync(recordId, date, null, CancellationToken.None);
    }

    public static CommandResult<ExaminationDetail> SameDate(DateOnly date) =>
        CommandResult<ExaminationDetail>.Invalid("form.examDate", $"该居民 {date:yyyy-MM-dd} 已有健康体检表，同一天只能有一份；请打开已有的体检表修改");

    public static CommandResult<ExaminationDetail> Stale() =>
        CommandResult<ExaminationDetail>.Conflict("该体检表已被他人修改，您的修改未保存。请刷新查看最新内容后重新修改。");

    public static ExaminationDetail DetailOf(Examination exam, ExamResident resident)
    {
        var missing = ExaminationCompleteness.Missing(exam.Form, resident.Subject);
        return new ExaminationDetail(exam.Id, resident.ContextOn(exam.ExamDate), exam.Form, missing.Count == 0, missing, exam.Version, exam.CreatedByName, exam.UpdatedAtUtc);
    }
}
