using HealthRecords.Domain.Elderly;
using HealthRecords.Domain.Measures;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Features.Portal;
using HealthRecords.Web.Features.WorkList;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>
/// 老年人健康管理率 (<see cref="ElderlyRules.ManagementRate"/>): the service year is the year the period ends in. Numerator:
/// residents 65 or over in that year whose record was held during the period (<see cref="HeldRecords.During"/>, so a
/// record closed later still counts for its past years) with an examination in the period. Denominator: the area's
/// 65+ resident population, estimated by the engine from the configured population.
/// </summary>
public sealed class ElderlyManagementRateMeasure : IRecordSetMeasure
{
    public MeasureDefinition Definition => ElderlyRules.ManagementRate;

    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        NumeratorRecords(db, records, period).Select(r => r.Id);

    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) => null;

    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period)
    {
        var (from, to) = (period.From, period.To);
        var latest = ElderlyRules.LatestBirthDate(period.To.Year);
        var exams = db.Set<Examination>();
        return HeldRecords.During(records, period)
            .Where(r => r.BirthDate <= latest && exams.Any(e => e.HealthRecordId == r.Id && e.ExamDate >= from && e.ExamDate <= to));
    }

    public IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) => null;
}

/// <summary>
/// 健康体检表完整率 (<see cref="ElderlyRules.ExaminationCompletenessRate"/>), counted by form: one row per examination form
/// of the period of a scoped record (a resident with two forms is counted twice), the numerator those that are
/// complete (the promoted <see cref="Examination.Complete"/>, from Domain ExaminationCompleteness). The record queries
/// repeat a record once per form, so the engine's grouped counts count forms.
/// </summary>
public sealed class ExaminationCompletenessMeasure : IRecordSetMeasure
{
    public MeasureDefinition Definition => ElderlyRules.ExaminationCompletenessRate;

    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        NumeratorRecords(db, records, period).Select(r => r.Id);

    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        DenominatorRecords(db, records, period)!.Select(r => r.Id);

    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        FormsOf(db.Set<Examination>().Where(e => e.Complete), records, period);

    public IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        FormsOf(db.Set<Examination>(), records, period);

    /// <summary>Each form of the period as its record (the record repeated per form).</summary>
    private static IQueryable<HealthRecord> FormsOf(IQueryable<Examination> exams, IQueryable<HealthRecord> records, MeasurePeriod period)
    {
        var (from, to) = (period.From, period.To);
        return exams.Where(e => e.ExamDate >= from && e.ExamDate <= to).Join(records, e => e.HealthRecordId, r => r.Id, (e, r) => r);
    }
}

/// <summary>Examinations are services delivered, for 健康档案使用率.</summary>
public sealed class ExaminationServiceEvents : IServiceEventSource
{
    public IQueryable<long> RecordsServed(HealthRecordsDbContext db, DateOnly from, DateOnly to) =>
        db.Set<Examination>().Where(e => e.ExamDate >= from && e.ExamDate <= to).Select(e => e.HealthRecordId).Distinct();
}

/// <summary>
/// Work list: loads this year's 65+ residents (<see cref="ElderlyRules.IsTarget"/>) without an examination this year,
/// with their last one, and asks the domain (<see cref="ElderlyRules.AnnualExamination"/>) when it is due.
/// </summary>
public sealed class ElderlyDueItems : IDueItemSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(HealthRecordsDbContext db, IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var year = today.Year;
        var latest = ElderlyRules.LatestBirthDate(year);
        var first = new DateOnly(year, 1, 1);
        var exams = db.Set<Examination>();
        var rows = await records
            .Where(r => r.BirthDate <= latest && !exams.Any(e => e.HealthRecordId == r.Id && e.ExamDate >= first))
            .Select(r => new { r.Id, r.BirthDate, Last = exams.Where(e => e.HealthRecordId == r.Id).Max(e => (DateOnly?)e.ExamDate) })
            .ToListAsync(ct);
        var items = new List<DueItem>();
        foreach (var row in rows)
        {
            if (ElderlyRules.AnnualExamination(row.BirthDate, row.Last, today) is { } due && due.DueDate <= until)
            {
                items.Add(DueItem.From(row.Id, DueServices.Elderly, due, $"/residents/{row.Id}/examinations/new"));
            }
        }
        return items;
    }
}

/// <summary>The portal's 健康体检 section: each examination's date, blood pressure, BMI and the health evaluation.</summary>
public sealed class ExaminationPortalSection(HealthRecordsDbContext db) : IPortalSection
{
    public string Key => PortalSectionKeys.Examinations;
    public string Title => "健康体检";
    public int Order => 20;

    public async Task<IReadOnlyList<PortalItem>> LoadAsync(long recordId, CancellationToken ct)
    {
        var exams = await db.Set<Examination>().AsNoTracking().Where(e => e.HealthRecordId == recordId)
            .OrderByDescending(e => e.ExamDate).Take(20).Select(e => new { e.ExamDate, e.Form }).ToListAsync(ct);
        return exams.Select(e =>
        {
            var g = e.Form.General;
            var parts = new List<string>();
            if (g.SystolicLeft is not null || g.SystolicRight is not null)
            {
                parts.Add($"血压 {g.SystolicLeft ?? g.SystolicRight}/{g.DiastolicLeft ?? g.DiastolicRight} mmHg");
            }
            if (g.Bmi is decimal bmi)
            {
                parts.Add($"体质指数 {bmi:0.0}");
            }
            if (e.Form.Evaluation is { } evaluation)
            {
                var abnormal = e.Form.Abnormalities.Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
                parts.Add(abnormal.Count > 0 ? $"健康评价：{evaluation.Label()}（{string.Join("；", abnormal)}）" : $"健康评价：{evaluation.Label()}");
            }
            if (e.Form.Guidance.Count > 0)
            {
                parts.Add($"健康指导：{string.Join("、", e.Form.Guidance.Select(x => x.Label()))}");
            }
            return new PortalItem(e.ExamDate, "健康体检", parts.Count == 0 ? null : string.Join("，", parts));
        }).ToList();
    }
}
