using HealthRecords.Domain.Measures;

namespace HealthRecords.Web.Features.Measures;

/// <summary>A reporting period, both ends inclusive (usually a calendar year or a quarter).</summary>
public sealed record MeasurePeriod(DateOnly From, DateOnly To)
{
    public static MeasurePeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}

/// <summary>
/// The records behind one 考核指标. A measure says which records are in its numerator and denominator for a
/// period; the measures engine groups them by township, village, institution or doctor, counts them, and
/// lists them for drill-down. Register with <c>services.AddScoped&lt;IMeasure, …&gt;()</c>.
/// </summary>
public interface IMeasure
{
    MeasureDefinition Definition { get; }

    /// <summary>Ids of records in the numerator, among <paramref name="records"/> (already scoped).</summary>
    IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period);

    /// <summary>
    /// Ids of records in the denominator, among <paramref name="records"/>; null when the denominator is estimated
    /// from population (<see cref="DenominatorKind.EstimatedFromPopulation"/>).
    /// </summary>
    IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period);
}

/// <summary>
/// A service's delivered services, for the record-level measure 健康档案使用率 (records with a service in the
/// last 12 months, 004): each service (examination, encounter, follow-up …) registers one.
/// Register with <c>services.AddScoped&lt;IServiceEventSource, …&gt;()</c>.
/// </summary>
public interface IServiceEventSource
{
    /// <summary>Ids of records that received this service between <paramref name="from"/> and <paramref name="to"/> inclusive.</summary>
    IQueryable<long> RecordsServed(HealthRecordsDbContext db, DateOnly from, DateOnly to);
}
