using HealthRecords.Domain.Measures;
using HealthRecords.Domain.MentalHealth;
using HealthRecords.Web.Features.Measures;

namespace HealthRecords.Web.Features.MentalHealth;

/// <summary>
/// The record sets behind the three measures of 004 重性精神疾病 五 (definitions <see cref="MentalHealthMeasures"/>), as
/// queries the database runs: the same membership as the domain's <see cref="MentalHealthMeasures.IsRegistered"/>,
/// <see cref="MentalHealthMeasures.IsStandardlyManaged"/> and <see cref="MentalHealthMeasures.IsStableAtLatest"/>
/// (tests/…/MentalHealth/MentalHealthMeasuresTests compares the two on the demo data).
/// </summary>
public static class MentalHealthMeasureQueries
{
    /// <summary>登记在册 in the period: registered by its last day, not removed before its first, consenting or not.</summary>
    public static IQueryable<HealthRecord> Registered(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod p)
    {
        var patients = db.MentalHealthPatients;
        return records.Where(r => patients.Any(e => e.HealthRecordId == r.Id && e.EnrolledOn <= p.To && (e.RemovedOn == null || e.RemovedOn >= p.From)));
    }

    /// <summary>按照规范要求进行管理: registered, consented, at least 4 follow-ups in the period that reached the patient.</summary>
    public static IQueryable<HealthRecord> Standard(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod p)
    {
        var patients = db.MentalHealthPatients;
        var standard = db.MentalHealthFollowUps
            .Where(f => f.VisitDate >= p.From && f.VisitDate <= p.To && f.Condition != Condition.NotVisited)
            .GroupBy(f => f.HealthRecordId)
            .Where(g => g.Count() >= MentalHealthRules.FollowUpsPerYear)
            .Select(g => g.Key);
        return records.Where(r => patients.Any(e => e.HealthRecordId == r.Id && e.Managed && e.EnrolledOn <= p.To && (e.RemovedOn == null || e.RemovedOn >= p.From))
            && standard.Contains(r.Id));
    }

    /// <summary>最近一次随访时分类为病情稳定: registered, and the latest follow-up in the period (by date, then id) is 3 稳定.</summary>
    public static IQueryable<HealthRecord> StableAtLatest(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod p)
    {
        var visits = db.MentalHealthFollowUps.Where(f => f.VisitDate >= p.From && f.VisitDate <= p.To);
        return Registered(db, records, p).Where(r => visits.Any(f => f.HealthRecordId == r.Id && f.Condition == Condition.Stable
            && !visits.Any(g => g.HealthRecordId == f.HealthRecordId && (g.VisitDate > f.VisitDate || (g.VisitDate == f.VisitDate && g.Id > f.Id)))));
    }
}

/// <summary>One of the three measures: a numerator set, and a denominator set (null: estimated from the population).</summary>
public sealed class MentalHealthMeasure(
    MeasureDefinition definition,
    Func<HealthRecordsDbContext, IQueryable<HealthRecord>, MeasurePeriod, IQueryable<HealthRecord>> numerator,
    Func<HealthRecordsDbContext, IQueryable<HealthRecord>, MeasurePeriod, IQueryable<HealthRecord>>? denominator) : IRecordSetMeasure
{
    public MeasureDefinition Definition => definition;
    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        numerator(db, records, period).Select(r => r.Id);
    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        denominator?.Invoke(db, records, period).Select(r => r.Id);
    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        numerator(db, records, period);
    public IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        denominator?.Invoke(db, records, period);

    /// <summary>管理率, 规范管理率, 稳定率 (004 五(一)–(三)).</summary>
    public static IReadOnlyList<Func<IMeasure>> All =>
    [
        () => new MentalHealthMeasure(MentalHealthMeasures.ManagementRate, MentalHealthMeasureQueries.Registered, null),
        () => new MentalHealthMeasure(MentalHealthMeasures.StandardManagementRate, MentalHealthMeasureQueries.Standard, MentalHealthMeasureQueries.Registered),
        () => new MentalHealthMeasure(MentalHealthMeasures.StableRate, MentalHealthMeasureQueries.StableAtLatest, MentalHealthMeasureQueries.Registered),
    ];
}

/// <summary>Registrations and follow-ups that reached the patient are services, for 健康档案使用率.</summary>
public sealed class MentalHealthServiceEvents : IServiceEventSource
{
    public IQueryable<long> RecordsServed(HealthRecordsDbContext db, DateOnly from, DateOnly to) =>
        db.MentalHealthFollowUps.Where(f => f.VisitDate >= from && f.VisitDate <= to && f.Condition != Condition.NotVisited).Select(f => f.HealthRecordId)
            .Concat(db.MentalHealthPatients.Where(p => p.EnrolledOn >= from && p.EnrolledOn <= to).Select(p => p.HealthRecordId))
            .Distinct();
}
