using HealthRecords.Domain.Maternal;
using HealthRecords.Domain.Measures;
using HealthRecords.Web.Features.Measures;

namespace HealthRecords.Web.Features.Maternal;

/// <summary>
/// The maternal 考核指标 (<see cref="MaternalMeasures"/>) as record queries. The denominator is the period's live births
/// of mothers in scope: the mother's record once per live birth of her delivery in the period (twins: twice, a UNION ALL
/// branch per possible live birth), so the engine's grouped counts count live births and the drill-down lists the
/// mothers. Each numerator counts the women of that cohort who met the measure's condition (once each).
/// </summary>
public abstract class MaternalMeasure : IRecordSetMeasure
{
    /// <summary>The delivery information allows at most this many babies (PostpartumValidator).</summary>
    private const int MostBabies = 6;

    public abstract MeasureDefinition Definition { get; }

    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        NumeratorRecords(db, records, period).Select(r => r.Id);

    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        DenominatorRecords(db, records, period).Select(r => r.Id);

    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        HeldRecords.During(records, period).Where(r => Cohort(db, period).Where(Counts(db)).Any(p => p.HealthRecordId == r.Id));

    public IQueryable<HealthRecord> DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period)
    {
        var held = HeldRecords.During(records, period);
        IQueryable<HealthRecord>? all = null;
        for (var n = 1; n <= MostBabies; n++)
        {
            var atLeast = n;
            var branch = held.Where(r => Cohort(db, period).Any(p => p.HealthRecordId == r.Id && p.LiveBirths >= atLeast));
            all = all is null ? branch : all.Concat(branch);
        }
        return all!;
    }

    /// <summary>The episodes whose delivery in the period had a live birth (<see cref="MaternalMeasures.InCohort"/>).</summary>
    private static IQueryable<PregnancyEpisode> Cohort(HealthRecordsDbContext db, MeasurePeriod period)
    {
        var (from, to) = (period.From, period.To);
        return db.Set<PregnancyEpisode>().Where(p => p.LiveBirths > 0 && p.DeliveredOn >= from && p.DeliveredOn <= to);
    }

    /// <summary>The measure's condition on an episode of the cohort.</summary>
    protected abstract System.Linq.Expressions.Expression<Func<PregnancyEpisode, bool>> Counts(HealthRecordsDbContext db);
}

/// <summary>早孕建册率: registered before 13 weeks (<see cref="MaternalMeasures.CountsForEarlyRegistration"/>, stored at save).</summary>
public sealed class EarlyRegistrationMeasure : MaternalMeasure
{
    public override MeasureDefinition Definition => MaternalMeasures.EarlyPregnancyRegistrationRate;

    protected override System.Linq.Expressions.Expression<Func<PregnancyEpisode, bool>> Counts(HealthRecordsDbContext db) => p => p.EarlyRegistered;
}

/// <summary>孕妇健康管理率: 5 or more prenatal forms on or before the delivery (<see cref="MaternalMeasures.CountsForPrenatalCare"/>).</summary>
public sealed class PrenatalCareMeasure : MaternalMeasure
{
    public override MeasureDefinition Definition => MaternalMeasures.PrenatalCareRate;

    protected override System.Linq.Expressions.Expression<Func<PregnancyEpisode, bool>> Counts(HealthRecordsDbContext db)
    {
        var visits = db.Set<PrenatalVisitForm>();
        return p => visits.Count(v => v.PregnancyId == p.Id && v.VisitDate <= p.DeliveredOn) >= MaternalMeasures.PrenatalVisitsRequired;
    }
}

/// <summary>产后访视率: a 产后访视 from the delivery day to 28 days after (<see cref="MaternalMeasures.CountsForPostpartumVisit"/>).</summary>
public sealed class PostpartumVisitMeasure : MaternalMeasure
{
    public override MeasureDefinition Definition => MaternalMeasures.PostpartumVisitRate;

    protected override System.Linq.Expressions.Expression<Func<PregnancyEpisode, bool>> Counts(HealthRecordsDbContext db)
    {
        var visits = db.Set<PostpartumForm>();
        return p => visits.Any(v => v.PregnancyId == p.Id && v.Kind == PostpartumFormKind.Visit
            && v.VisitDate >= p.DeliveredOn && v.VisitDate <= p.DeliveredOn!.Value.AddDays(MaternalMeasures.PostpartumVisitWithinDays));
    }
}

/// <summary>
/// 新生儿访视率 (<see cref="MaternalMeasures.NewbornVisitRate"/>): the babies' own records born in the period (a live birth
/// is given its record, issue #17), and those visited at home within the neonatal period
/// (<see cref="MaternalMeasures.CountsForNewbornVisit"/>).
/// </summary>
public sealed class NewbornVisitMeasure : IRecordSetMeasure
{
    public MeasureDefinition Definition => MaternalMeasures.NewbornVisitRate;

    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        NumeratorRecords(db, records, period).Select(r => r.Id);

    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        DenominatorRecords(db, records, period).Select(r => r.Id);

    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period)
    {
        var visits = db.Set<NewbornVisitForm>();
        return DenominatorRecords(db, records, period).Where(r => visits.Any(v => v.HealthRecordId == r.Id
            && v.VisitDate >= r.BirthDate && v.VisitDate <= r.BirthDate.AddDays(NewbornRules.NeonatalDays)));
    }

    public IQueryable<HealthRecord> DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period)
    {
        var (from, to) = (period.From, period.To);
        return HeldRecords.During(records, period).Where(r => r.BirthDate >= from && r.BirthDate <= to);
    }
}
