using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Measures;
using HealthRecords.Web.Features.Measures;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>The record-id queries behind the six chronic disease measures (004 高血压 五, 2型糖尿病 五).</summary>
public static class ChronicMeasureQueries
{
    /// <summary>
    /// 年内已管理: enrolled on or before the period's end and not withdrawn before its start (a patient withdrawn
    /// during the year was managed that year), and a target of the service: 35 or over at the period's end (004 高血压 一,
    /// 2型糖尿病 一 服务对象: 35 岁及以上; <see cref="ChronicRules.IsTarget"/>). A younger patient enrolled with a reason is
    /// managed but in neither numerator nor denominator of any chronic measure (issue #15 item 7).
    /// </summary>
    public static IQueryable<long> Managed(HealthRecordsDbContext db, IQueryable<HealthRecord> records, ChronicDisease disease, MeasurePeriod p)
    {
        var bornBy = ChronicRules.TargetBornBy(p.To);
        return db.Set<ChronicEnrolment>()
            .Where(e => e.Disease == disease && e.EnrolledOn <= p.To && (!e.Withdrawn || e.WithdrawnOn >= p.From)
                && records.Any(r => r.Id == e.HealthRecordId && r.BirthDate <= bornBy))
            .Select(e => e.HealthRecordId);
    }

    /// <summary>
    /// The records of <see cref="Managed"/> as a filter of the scoped records (one semi-join; the measures engine groups
    /// these directly instead of <c>records WHERE Id IN (Managed)</c>, which joined the records twice).
    /// </summary>
    public static IQueryable<HealthRecord> ManagedRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, ChronicDisease disease, MeasurePeriod p)
    {
        var enrolments = db.Set<ChronicEnrolment>();
        var bornBy = ChronicRules.TargetBornBy(p.To);
        return records.Where(r => r.BirthDate <= bornBy && enrolments.Any(e => e.HealthRecordId == r.Id && e.Disease == disease && e.EnrolledOn <= p.To && (!e.Withdrawn || e.WithdrawnOn >= p.From)));
    }

    /// <summary>
    /// 规范管理: managed, with at least 4 face-to-face follow-ups in the period (004 二(二)). The period's follow-ups are
    /// counted per patient once (a grouped count the database can hash), not once per managed patient.
    /// </summary>
    public static IQueryable<long> Standard(HealthRecordsDbContext db, IQueryable<HealthRecord> records, ChronicDisease disease, MeasurePeriod p)
    {
        var standard = FollowedUpStandardly(db, disease, p);
        return Managed(db, records, disease, p).Where(id => standard.Contains(id));
    }

    /// <summary>The records of <see cref="Standard"/> as a filter of the scoped records.</summary>
    public static IQueryable<HealthRecord> StandardRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, ChronicDisease disease, MeasurePeriod p)
    {
        var standard = FollowedUpStandardly(db, disease, p);
        return ManagedRecords(db, records, disease, p).Where(r => standard.Contains(r.Id));
    }

    /// <summary>Record ids with at least 4 face-to-face follow-ups of the disease in the period.</summary>
    private static IQueryable<long> FollowedUpStandardly(HealthRecordsDbContext db, ChronicDisease disease, MeasurePeriod p) =>
        db.Set<ChronicFollowUp>()
            .Where(f => f.Disease == disease && f.FaceToFace && f.VisitDate >= p.From && f.VisitDate <= p.To)
            .GroupBy(f => f.HealthRecordId)
            .Where(g => g.Count() >= ChronicRules.StandardFollowUpsPerYear)
            .Select(g => g.Key);

    /// <summary>控制: managed, and the last follow-up in the period met the target (最近一次随访达标).</summary>
    public static IQueryable<long> Controlled(HealthRecordsDbContext db, IQueryable<HealthRecord> records, ChronicDisease disease, MeasurePeriod p)
    {
        var visits = db.Set<ChronicFollowUp>().Where(f => f.Disease == disease && f.VisitDate >= p.From && f.VisitDate <= p.To);
        return Managed(db, records, disease, p).Where(id =>
            visits.Any(f => f.HealthRecordId == id && f.Controlled == true
                && !visits.Any(g => g.HealthRecordId == id && g.VisitDate > f.VisitDate)));
    }

    /// <summary>
    /// The records of <see cref="Controlled"/> as a filter of the scoped records: a controlled follow-up in the period
    /// with no later one in the period (PostgreSQL hashes both sides from the (Disease, VisitDate) index; a grouped
    /// "last visit day" join was tried and was slower, docs/performance.md).
    /// </summary>
    public static IQueryable<HealthRecord> ControlledRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, ChronicDisease disease, MeasurePeriod p)
    {
        var visits = db.Set<ChronicFollowUp>().Where(f => f.Disease == disease && f.VisitDate >= p.From && f.VisitDate <= p.To);
        return ManagedRecords(db, records, disease, p).Where(r =>
            visits.Any(f => f.HealthRecordId == r.Id && f.Controlled == true
                && !visits.Any(g => g.HealthRecordId == f.HealthRecordId && g.VisitDate > f.VisitDate)));
    }
}

/// <summary>管理率: managed patients over population × prevalence (estimated by the engine).</summary>
public sealed class ManagementRate(MeasureDefinition definition, ChronicDisease disease) : IRecordSetMeasure
{
    public MeasureDefinition Definition => definition;
    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        ChronicMeasureQueries.Managed(db, records, disease, period);
    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) => null;
    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        ChronicMeasureQueries.ManagedRecords(db, records, disease, period);
    public IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) => null;
}

/// <summary>规范管理率: at least 4 face-to-face follow-ups in the year over managed patients.</summary>
public sealed class StandardManagementRate(MeasureDefinition definition, ChronicDisease disease) : IRecordSetMeasure
{
    public MeasureDefinition Definition => definition;
    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        ChronicMeasureQueries.Standard(db, records, disease, period);
    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        ChronicMeasureQueries.Managed(db, records, disease, period);
    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        ChronicMeasureQueries.StandardRecords(db, records, disease, period);
    public IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        ChronicMeasureQueries.ManagedRecords(db, records, disease, period);
}

/// <summary>控制率: controlled at the last follow-up over managed patients.</summary>
public sealed class ControlRate(MeasureDefinition definition, ChronicDisease disease) : IRecordSetMeasure
{
    public MeasureDefinition Definition => definition;
    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        ChronicMeasureQueries.Controlled(db, records, disease, period);
    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        ChronicMeasureQueries.Managed(db, records, disease, period);
    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        ChronicMeasureQueries.ControlledRecords(db, records, disease, period);
    public IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        ChronicMeasureQueries.ManagedRecords(db, records, disease, period);
}

/// <summary>Follow-ups and screening entries (blood pressure, diabetes high-risk) are services, for 健康档案使用率.</summary>
public sealed class ChronicServiceEvents : IServiceEventSource
{
    /// <summary>
    /// Every disease, named so that PostgreSQL reads the period's range of each disease from the covering
    /// ("Disease", "VisitDate") index instead of the whole index (county 使用率 at 1,000,000 residents: 716 → 616 ms).
    /// </summary>
    private static readonly ChronicDisease[] Diseases = Enum.GetValues<ChronicDisease>();

    public IQueryable<long> RecordsServed(HealthRecordsDbContext db, DateOnly from, DateOnly to) =>
        db.Set<ChronicFollowUp>().Where(f => EF.Constant(Diseases).Contains(f.Disease) && f.VisitDate >= from && f.VisitDate <= to).Select(f => f.HealthRecordId)
            .Concat(db.Set<ScreeningBloodPressure>().Where(s => s.TakenOn >= from && s.TakenOn <= to).Select(s => s.HealthRecordId))
            .Concat(db.Set<ScreeningGlucose>().Where(s => s.TakenOn >= from && s.TakenOn <= to).Select(s => s.HealthRecordId))
            .Distinct();
}
