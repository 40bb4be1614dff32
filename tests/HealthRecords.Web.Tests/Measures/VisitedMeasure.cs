using HealthRecords.Domain.Measures;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Measures;

namespace HealthRecords.Web.Tests.Measures;

/// <summary>
/// A test-only measure that gives only ids (plain <see cref="IMeasure"/>, not <see cref="IRecordSetMeasure"/>), so the
/// engine's general path is tested: numerator = records with a visit recorded in the period; denominator = records
/// that are not merged duplicates.
/// </summary>
public sealed class VisitedMeasure : IMeasure
{
    public static readonly MeasureDefinition Def = new("test-visited", "测试：有上门记录的比例", "test", "期内有上门记录的档案", "未合并的档案", "测试");

    public MeasureDefinition Definition => Def;

    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        records.Where(r => db.ContactAttempts.Any(c => c.HealthRecordId == r.Id && c.Outcome == ContactOutcome.Visit
            && c.ContactedOn >= period.From && c.ContactedOn <= period.To)).Select(r => r.Id);

    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        records.Where(r => r.Status != RecordStatus.Merged).Select(r => r.Id);
}
