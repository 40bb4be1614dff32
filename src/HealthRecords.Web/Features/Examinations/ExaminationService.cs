using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>
/// The health examination use cases: draft (pre-filled from last time), create, update, read, history.
/// Every one is scoped to the user's records (<see cref="DataScope.Apply(IQueryable{HealthRecord})"/>) and audited.
/// </summary>
public sealed class ExaminationService(HealthRecordsDbContext db, Audit audit, TimeProvider time)
{
    /// <summary>The programmes (key populations) whose services decide * items on the form.</summary>
    private const KeyPopulation Programmes = KeyPopulation.Hypertension | KeyPopulation.Diabetes | KeyPopulation.SevereMentalIllness;

    private sealed record Subject(long Id, string RecordNumber, string Name, Sex Sex, DateOnly BirthDate, KeyPopulation KeyPopulations, RecordStatus Status);

    private Task<Subject?> SubjectAsync(DataScope user, long recordId, CancellationToken ct) =>
        user.Apply(db.HealthRecords).AsNoTracking().Where(r => r.Id == recordId)
            .Select(r => new Subject(r.Id, r.RecordNumber, r.Name, r.Sex, r.BirthDate, r.KeyPopulations, r.Status))
            .FirstOrDefaultAsync(ct);

    private static ExamSubject ExamSubjectOf(Subject s) => new(s.Sex, s.BirthDate, s.KeyPopulations & Programmes);

    private static ExaminationContext ContextOf(Subject s, DateOnly examDate)
    {
        var subject = ExamSubjectOf(s);
        return new ExaminationContext(s.Id, s.RecordNumber, s.Name, s.Sex, s.BirthDate, Age.AgeOn(s.BirthDate, examDate),
            ExaminationItems.IsElderly(subject, examDate), subject.Programmes, ExaminationItems.ShowsGynaecology(s.Sex),
            s.Status == RecordStatus.Active, ExaminationItems.Rules(subject, examDate));
    }

    /// <summary>A new form for today, pre-filled from the resident's latest examination.</summary>
    public async Task<CommandResult<ExaminationDraft>> DraftAsync(DataScope user, long recordId, CancellationToken ct)
    {
        var s = await SubjectAsync(user, recordId, ct);
        if (s is null)
        {
            return CommandResult<ExaminationDraft>.NotFound();
        }
        var today = time.Today();
        var last = await db.Set<Examination>().AsNoTracking().Where(e => e.HealthRecordId == recordId && e.ExamDate <= today)
            .OrderByDescending(e => e.ExamDate).Select(e => new { e.ExamDate, e.Form }).FirstOrDefaultAsync(ct);
        var form = ExaminationPrefill.From(last?.Form, today, user.DisplayName);
        await audit.ReadAsync(user, recordId, "examination-draft", ct);
        return CommandResult<ExaminationDraft>.Ok(new ExaminationDraft(ContextOf(s, today), form, last?.ExamDate,
            last is null ? [] : ExaminationPrefill.CarriedSections));
    }

    public async Task<CommandResult<ExaminationDetail>> CreateAsync(DataScope user, long recordId, ExaminationInput input, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return CommandResult<ExaminationDetail>.Forbidden("您的角色不能填写健康体检表");
        }
        var s = await SubjectAsync(user, recordId, ct);
        if (s is null)
        {
            return CommandResult<ExaminationDetail>.NotFound();
        }
        if (s.Status != RecordStatus.Active)
        {
            return CommandResult<ExaminationDetail>.Conflict("档案已终止或已合并，为只读，不能新增体检");
        }
        var (form, errors) = Check(s, input.Form);
        if (errors.Count > 0)
        {
            return CommandResult<ExaminationDetail>.Invalid(errors);
        }
        if (await SameDateAsync(recordId, form.ExamDate, null, ct))
        {
            return SameDate(form.ExamDate);
        }
        var now = time.UtcNow();
        var exam = new Examination
        {
            HealthRecordId = recordId, InstitutionId = user.InstitutionId ?? 0, CreatedById = user.UserId, CreatedByName = user.DisplayName,
            CreatedAtUtc = now, UpdatedAtUtc = now, Version = 1,
        };
        exam.Apply(form, ExaminationCompleteness.IsComplete(form, ExamSubjectOf(s)));
        db.Add(exam);
        audit.Add(user, "examination-create", recordId, $"体检 {form.ExamDate:yyyy-MM-dd}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await RacedSameDateAsync(recordId, form.ExamDate))
            {
                return SameDate(form.ExamDate);
            }
            throw;
        }
        return CommandResult<ExaminationDetail>.Ok(DetailOf(exam, s));
    }

    public async Task<CommandResult<ExaminationDetail>> UpdateAsync(DataScope user, long id, ExaminationInput input, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return CommandResult<ExaminationDetail>.Forbidden("您的角色不能修改健康体检表");
        }
        var exam = await Scoped(user).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exam is null)
        {
            return CommandResult<ExaminationDetail>.NotFound("体检记录不存在或不在您的管理范围内");
        }
        var s = (await SubjectAsync(user, exam.HealthRecordId, ct))!;
        if (s.Status != RecordStatus.Active)
        {
            return CommandResult<ExaminationDetail>.Conflict("档案已终止或已合并，为只读");
        }
        if (input.Version is not int version)
        {
            return CommandResult<ExaminationDetail>.Invalid("version", "缺少版本号，请刷新后重试");
        }
        if (version != exam.Version)
        {
            return Stale();
        }
        var (form, errors) = Check(s, input.Form);
        if (errors.Count > 0)
        {
            return CommandResult<ExaminationDetail>.Invalid(errors);
        }
        if (form.ExamDate != exam.ExamDate && await SameDateAsync(exam.HealthRecordId, form.ExamDate, id, ct))
        {
            return SameDate(form.ExamDate);
        }
        exam.Apply(form, ExaminationCompleteness.IsComplete(form, ExamSubjectOf(s)));
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
            return Stale();
        }
        catch (DbUpdateException)
        {
            if (await RacedSameDateAsync(exam.HealthRecordId, form.ExamDate))
            {
                return SameDate(form.ExamDate);
            }
            throw;
        }
        return CommandResult<ExaminationDetail>.Ok(DetailOf(exam, s));
    }

    public async Task<ExaminationDetail?> GetAsync(DataScope user, long id, CancellationToken ct)
    {
        var exam = await Scoped(user).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exam is null)
        {
            return null;
        }
        var s = (await SubjectAsync(user, exam.HealthRecordId, ct))!;
        await audit.ReadAsync(user, exam.HealthRecordId, $"examination {id}", ct);
        return DetailOf(exam, s);
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

    /// <summary>The context of a resident for a form dated <paramref name="examDate"/> (the page recomputes on a date change).</summary>
    public async Task<ExaminationContext?> ContextAsync(DataScope user, long recordId, DateOnly examDate, CancellationToken ct) =>
        await SubjectAsync(user, recordId, ct) is { } s ? ContextOf(s, examDate) : null;

    private IQueryable<Examination> Scoped(DataScope user)
    {
        var records = user.Apply(db.HealthRecords).Select(r => r.Id);
        return db.Set<Examination>().Where(e => records.Contains(e.HealthRecordId));
    }

    private (HealthExamination Form, IReadOnlyDictionary<string, string[]> Errors) Check(Subject s, HealthExamination input)
    {
        var form = ExaminationValidator.WithComputed(input with { Doctor = input.Doctor?.Trim() });
        var errors = new FieldErrors();
        errors.AddAll(ExaminationValidator.Validate(form, ExamSubjectOf(s), time.Today()), "form");
        return (form, errors);
    }

    private Task<bool> SameDateAsync(long recordId, DateOnly date, long? exceptId, CancellationToken ct) =>
        db.Set<Examination>().AnyAsync(e => e.HealthRecordId == recordId && e.ExamDate == date && e.Id != exceptId, ct);

    private async Task<bool> RacedSameDateAsync(long recordId, DateOnly date)
    {
        db.ChangeTracker.Clear();
        return await SameDateAsync(recordId, date, null, CancellationToken.None);
    }

    private static CommandResult<ExaminationDetail> SameDate(DateOnly date) =>
        CommandResult<ExaminationDetail>.Invalid("form.examDate", $"该居民 {date:yyyy-MM-dd} 已有健康体检表，同一天只能有一份；请打开已有的体检表修改");

    private static CommandResult<ExaminationDetail> Stale() =>
        CommandResult<ExaminationDetail>.Conflict("该体检表已被他人修改，您的修改未保存。请刷新查看最新内容后重新修改。");

    private static ExaminationDetail DetailOf(Examination exam, Subject s)
    {
        var context = ContextOf(s, exam.ExamDate);
        var missing = ExaminationCompleteness.Missing(exam.Form, ExamSubjectOf(s));
        return new ExaminationDetail(exam.Id, context, exam.Form, missing.Count == 0, missing, exam.Version, exam.CreatedByName, exam.UpdatedAtUtc);
    }
}
