namespace HealthRecords.Web.Features.Measures;

/// <summary>
/// Optional, beside <see cref="IMeasure"/> (whose contract is unchanged): a measure whose numerator and denominator
/// are filters of the scoped records themselves may also give them as record queries. The engine then groups and
/// counts those directly (one scan) instead of <c>records WHERE Id IN (ids)</c> (two); the ids it returns through
/// <see cref="IMeasure"/> must be exactly these records' ids.
/// </summary>
public interface IRecordSetMeasure : IMeasure
{
    IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period);

    /// <summary>Null when the denominator is estimated from population.</summary>
    IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period);
}
