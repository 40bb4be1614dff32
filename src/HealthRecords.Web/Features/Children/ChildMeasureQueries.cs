using HealthRecords.Domain.Children;
using HealthRecords.Domain.Measures;
using HealthRecords.Web.Features.Measures;

namespace HealthRecords.Web.Features.Children;

/// <summary>
/// 0~6岁儿童 to be managed in a period (both measures' denominator, <see cref="ChildMeasures.IsToBeManaged"/>): records
/// held during the period of children born by its end and not yet 7 on it.
/// </summary>
public static class ChildrenToManage
{
    public static IQueryable<HealthRecord> In(IQueryable<HealthRecord> records, MeasurePeriod period)
    {
        var (bornAfter, end) = (period.To.AddYears(-ChildDueItems.UnderYears), period.To);
        return HeldRecords.During(records, period).Where(r => r.BirthDate > bornAfter && r.BirthDate <= end);
    }
}

/// <summary>
/// 儿童健康管理率 (<see cref="ChildMeasures.ChildManagementRate"/>, 004 儿童 五(二)): children 0~6 with at least one
/// check-up in the period (<see cref="ChildMeasures.WasManaged"/>) over the children to be managed.
/// </summary>
public sealed class ChildManagementRateMeasure : IRecordSetMeasure
{
    public MeasureDefinition Definition => ChildMeasures.ChildManagementRate;

    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        NumeratorRecords(db, records, period).Select(r => r.Id);

    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        DenominatorRecords(db, records, period)!.Select(r => r.Id);

    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period)
    {
        var (from, to) = (period.From, period.To);
        var checkups = db.Set<ChildCheckupVisit>();
        return ChildrenToManage.In(records, period).Where(r => checkups.Any(c => c.HealthRecordId == r.Id && c.VisitDate >= from && c.VisitDate <= to));
    }

    public IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        ChildrenToManage.In(records, period);
}

/// <summary>
/// 儿童系统管理率 (<see cref="ChildMeasures.ChildSystematicManagementRate"/>, 004 儿童 五(三)): children 0~6 who had every
/// check-up whose window closed in the period (<see cref="ChildMeasures.WasSystematicallyManaged"/>). In SQL: for each
/// check-up age, the children born in the range that owes it in the period (<see cref="ChildMeasureRanges.OwedBirths"/>)
/// must have a check-up of that age.
/// </summary>
public sealed class ChildSystematicManagementRateMeasure(ChildrenSettings settings) : IRecordSetMeasure
{
    public MeasureDefinition Definition => ChildMeasures.ChildSystematicManagementRate;

    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        NumeratorRecords(db, records, period).Select(r => r.Id);

    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        DenominatorRecords(db, records, period)!.Select(r => r.Id);

    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period)
    {
        var checkups = db.Set<ChildCheckupVisit>();
        var query = ChildrenToManage.In(records, period);
        foreach (var age in CheckupItems.Ages)
        {
            if (ChildMeasureRanges.OwedBirths(age, period.From, period.To, settings.Windows) is not { } range)
            {
                continue;
            }
            var (a, from, to) = (age, range.From, range.To);
            query = query.Where(r => r.BirthDate < from || r.BirthDate > to || checkups.Any(c => c.HealthRecordId == r.Id && c.Age == a));
        }
        return query;
    }

    public IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        ChildrenToManage.In(records, period);
}

/// <summary>Child check-ups are services delivered, for 健康档案使用率.</summary>
public sealed class ChildServiceEvents : IServiceEventSource
{
    public IQueryable<long> RecordsServed(HealthRecordsDbContext db, DateOnly from, DateOnly to) =>
        db.Set<ChildCheckupVisit>().Where(c => c.VisitDate >= from && c.VisitDate <= to).Select(c => c.HealthRecordId).Distinct();
}
