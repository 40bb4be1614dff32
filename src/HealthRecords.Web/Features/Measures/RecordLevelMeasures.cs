using HealthRecords.Domain.Measures;

namespace HealthRecords.Web.Features.Measures;

/// <summary>Records held at a period's end: <see cref="RecordMeasures.HeldAt"/> as a query.</summary>
public static class HeldRecords
{
    public static IQueryable<HealthRecord> At(IQueryable<HealthRecord> records, DateOnly end) =>
        records.Where(r => r.Status != RecordStatus.Merged && r.CreatedOn <= end
            && (r.Status != RecordStatus.Closed || r.ClosedOn == null || r.ClosedOn > end));

    /// <summary>Records held at some time during a period: <see cref="RecordMeasures.HeldDuring"/> as a query.</summary>
    public static IQueryable<HealthRecord> During(IQueryable<HealthRecord> records, MeasurePeriod period)
    {
        var (from, to) = (period.From, period.To);
        return records.Where(r => r.Status != RecordStatus.Merged && r.CreatedOn <= to
            && (r.Status != RecordStatus.Closed || r.ClosedOn == null || r.ClosedOn >= from));
    }
}

/// <summary>健康档案建档率 (004 居民健康档案管理服务规范 五(一)): records held / resident population.</summary>
public sealed class RecordsRateMeasure : IRecordSetMeasure
{
    public MeasureDefinition Definition => RecordMeasures.RecordsRate;

    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        HeldRecords.At(records, period.To);

    public IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) => null;

    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        HeldRecords.At(records, period.To).Select(r => r.Id);

    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) => null;
}

/// <summary>电子健康档案建档率 (五(二)): every record here is electronic, so the same records as 建档率.</summary>
public sealed class ElectronicRecordsRateMeasure : IRecordSetMeasure
{
    public MeasureDefinition Definition => RecordMeasures.ElectronicRecordsRate;

    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        HeldRecords.At(records, period.To);

    public IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) => null;

    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        HeldRecords.At(records, period.To).Select(r => r.Id);

    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) => null;
}

/// <summary>
/// 健康档案使用率 (五(四)): held records with a service in the twelve months ending on the period's last day, over held
/// records. "A service" is any registered <see cref="IServiceEventSource"/>; with none registered the numerator is empty.
/// </summary>
public sealed class RecordsUseRateMeasure(IEnumerable<IServiceEventSource> sources) : IRecordSetMeasure
{
    public MeasureDefinition Definition => RecordMeasures.UseRate;

    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        NumeratorRecords(db, records, period).Select(r => r.Id);

    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period)
    {
        var (from, to) = RecordMeasures.DynamicRecordWindow(period.To);
        IQueryable<long>? served = null;
        foreach (var source in sources)
        {
            var ids = source.RecordsServed(db, from, to);
            served = served is null ? ids : served.Union(ids);
        }
        var held = HeldRecords.At(records, period.To);
        return served is null ? held.Where(r => false) : held.Where(r => served.Contains(r.Id));
    }

    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        HeldRecords.At(records, period.To).Select(r => r.Id);

    public IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        HeldRecords.At(records, period.To);
}
