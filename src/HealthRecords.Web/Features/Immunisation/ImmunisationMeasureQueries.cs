using HealthRecords.Domain.Immunisation;
using HealthRecords.Domain.Measures;
using HealthRecords.Web.Features.Measures;

namespace HealthRecords.Web.Features.Immunisation;

/// <summary>
/// 建证率 (<see cref="ImmunisationMeasures.VaccinationCertificateRate"/>, 004 预防接种服务规范 五(一)) as of the period's
/// end. Denominator: scoped children 0~6 years old who have lived in the area 3 months or more (from birth, or from the
/// card's 迁入 date) and whose card does not say they moved out — Domain <see cref="ImmunisationMeasures.ShouldHaveCertificate"/>,
/// whose birth-date bounds are found by asking the rule itself (<see cref="Bounds"/>), so month ends and 29 February fall
/// exactly where the rule puts them. Numerator: those with a card made by the period's end.
/// </summary>
public sealed class CertificateRateMeasure : IRecordSetMeasure
{
    public MeasureDefinition Definition => ImmunisationMeasures.VaccinationCertificateRate;

    public IQueryable<long> Numerator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        NumeratorRecords(db, records, period).Select(r => r.Id);

    public IQueryable<long>? Denominator(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period) =>
        DenominatorRecords(db, records, period)!.Select(r => r.Id);

    public IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period)
    {
        var end = period.To;
        var cards = db.Set<VaccinationCardForm>();
        return DenominatorRecords(db, records, period)!.Where(r => cards.Any(c => c.HealthRecordId == r.Id && c.CardCreatedOn <= end));
    }

    public IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IQueryable<HealthRecord> records, MeasurePeriod period)
    {
        var end = period.To;
        var (bornFrom, livingBy) = Bounds(end);
        var cards = db.Set<VaccinationCardForm>();
        return records.Where(r => r.BirthDate >= bornFrom && r.BirthDate <= livingBy
            && !cards.Any(c => c.HealthRecordId == r.Id && ((c.MovedInOn != null && c.MovedInOn > livingBy) || (c.MovedOutOn != null && c.MovedOutOn <= end))));
    }

    /// <summary>
    /// The earliest birth date the rule admits at <paramref name="end"/> (age 6 at most) and the latest day a child may
    /// have started living in the area (birth or moving in) to have lived there 3 months by then.
    /// </summary>
    public static (DateOnly BornFrom, DateOnly LivingBy) Bounds(DateOnly end)
    {
        var bornFrom = end.AddYears(-7).AddDays(-3);
        while (!ImmunisationMeasures.ShouldHaveCertificate(bornFrom, null, null, end))
        {
            bornFrom = bornFrom.AddDays(1);
        }
        var livingBy = end.AddMonths(-ImmunisationMeasures.ResidenceMonths).AddDays(3);
        while (!ImmunisationMeasures.ShouldHaveCertificate(livingBy, null, null, end))
        {
            livingBy = livingBy.AddDays(-1);
        }
        return (bornFrom, livingBy);
    }
}
