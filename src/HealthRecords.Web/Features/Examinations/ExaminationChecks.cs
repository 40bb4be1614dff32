using HealthRecords.Domain.Examinations;

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

/// <summary>
/// The programmes a resident is in through another service (enrolled in hypertension management from an encounter …),
/// which decide * items of the examination form. A service module registers one: the examinations do not know the
/// services that decide their items.
/// </summary>
public interface IExaminationProgrammes
{
    Task<KeyPopulation> OfAsync(HealthRecordsDbContext db, long recordId, CancellationToken ct);
}

/// <summary>What the examination use cases share: the resident with their programmes, the domain checks, the saves.</summary>
public sealed class ExaminationChecks(HealthRecordsDbContext db, FormWriter writer, IEnumerable<IExaminationProgrammes> programmes, TimeProvider time)
{
    /// <summary>The resident, if in the user's scope.</summary>
    public Task<ExamResident?> ResidentAsync(DataScope user, long recordId, CancellationToken ct) =>
        ResidentAsync(user.Apply(db.HealthRecords), recordId, ct);

    /// <summary>The resident, unscoped: only for a caller that has already checked the user may read the record.</summary>
    public Task<ExamResident?> ResidentAsync(long recordId, CancellationToken ct) =>
        ResidentAsync(db.HealthRecords, recordId, ct);

    /// <summary>
    /// The resident with the programmes they are in: the key populations of their record (既往史) and those the
    /// services report (enrolled in management now, since a patient may be enrolled from an encounter or an examination
    /// before 既往史 is updated; 004 附件4 填表说明 2: 不同重点人群的免费检查项目按照各专项服务规范的要求执行).
    /// </summary>
    private async Task<ExamResident?> ResidentAsync(IQueryable<HealthRecord> records, long recordId, CancellationToken ct)
    {
        var resident = await records.AsNoTracking().Where(r => r.Id == recordId)
            .Select(r => new ExamResident(r.Id, r.RecordNumber, r.Name, r.Sex, r.BirthDate, r.KeyPopulations, r.Status))
            .FirstOrDefaultAsync(ct);
        return resident is null ? null : resident with
        {
            KeyPopulations = KeyPopulationRules.On(resident.KeyPopulations, resident.BirthDate, time.Today()) | await ProgrammesAsync(recordId, ct),
        };
    }

    private async Task<KeyPopulation> ProgrammesAsync(long recordId, CancellationToken ct)
    {
        var all = KeyPopulation.None;
        foreach (var source in programmes)
        {
            all |= await source.OfAsync(db, recordId, ct);
        }
        return all;
    }

    /// <summary>Creates (<paramref name="id"/> null) or changes an examination through the kernel's write path.</summary>
    public async Task<CommandResult<ExaminationDetail>> SaveAsync(DataScope user, long? recordId, long? id, ExaminationInput input, CancellationToken ct)
    {
        var exams = db.Set<Examination>();
        var date = input.Form.ExamDate;
        var programmeTags = KeyPopulation.None;
        ExamResident? saved = null;
        if (recordId is long rid)
        {
            programmeTags = await ProgrammesAsync(rid, ct);
        }
        else if (await exams.Where(e => e.Id == id).Select(e => (long?)e.HealthRecordId).FirstOrDefaultAsync(ct) is long owner)
        {
            programmeTags = await ProgrammesAsync(owner, ct);
        }
        var save = new FormSave<Examination, ExamFacts>
        {
            Action = id is null ? "examination-create" : "examination-update",
            Noun = "体检表",
            RoleCannot = id is null ? "填写健康体检表" : "修改健康体检表",
            Facts = r => new ExamFacts(r.RecordNumber, r.Name, r.KeyPopulations,
                exams.Any(e => e.HealthRecordId == r.Id && e.ExamDate == date && e.Id != id)),
            Check = (target, _, today) =>
            {
                saved = new ExamResident(target.RecordId, target.Facts.RecordNumber, target.Facts.Name, target.Sex, target.BirthDate,
                    KeyPopulationRules.On(target.Facts.KeyPopulations, target.BirthDate, today) | programmeTags, target.Status);
                var errors = new FieldErrors();
                errors.AddAll(ExaminationValidator.Validate(Computed(input.Form), saved.Subject, today), "form");
                return errors.Count > 0 ? CommandResult<Examination>.Invalid(errors)
                    : target.Facts.SameDate ? SameDate(date).As<Examination>()
                    : null;
            },
            Apply = (exam, _) =>
            {
                var form = Computed(input.Form);
                exam.Apply(form, ExaminationCompleteness.IsComplete(form, saved!.Subject));
            },
            Detail = e => $"体检 {e.ExamDate:yyyy-MM-dd}",
            Duplicate = _ => SameDate(date).As<Examination>(),
        };
        var result = recordId is long record
            ? await writer.CreateAsync(user, record, save, ct)
            : await writer.UpdateAsync(user, id!.Value, input.Version, save, ct);
        return result.Succeeded ? CommandResult<ExaminationDetail>.Ok(DetailOf(result.Value!, saved!)) : result.As<ExaminationDetail>();
    }

    private sealed record ExamFacts(string RecordNumber, string Name, KeyPopulation KeyPopulations, bool SameDate);

    /// <summary>The form with its computed fields (Domain ExaminationValidator.WithComputed) and the doctor's name trimmed.</summary>
    private static HealthExamination Computed(HealthExamination input) => ExaminationValidator.WithComputed(input with { Doctor = input.Doctor?.Trim() });

    public static CommandResult<ExaminationDetail> SameDate(DateOnly date) =>
        CommandResult<ExaminationDetail>.Invalid("form.examDate", $"该居民 {date:yyyy-MM-dd} 已有健康体检表，同一天只能有一份；请打开已有的体检表修改");

    public static ExaminationDetail DetailOf(Examination exam, ExamResident resident)
    {
        var missing = ExaminationCompleteness.Missing(exam.Form, resident.Subject);
        return new ExaminationDetail(exam.Id, resident.ContextOn(exam.ExamDate), exam.Form, missing.Count == 0, missing, exam.Version, exam.CreatedByName, exam.UpdatedAtUtc);
    }
}
