using HealthRecords.Domain.Immunisation;
using static HealthRecords.Domain.Tests.Immunisation.Samples;

namespace HealthRecords.Domain.Tests.Immunisation;

public sealed class ImmunisationMeasuresTests
{
    private static readonly ImmunizationSchedule V1 = ImmunizationSchedules.Nip2011;
    private static readonly DateOnly YearStart = new(2024, 1, 1);
    private static readonly DateOnly YearEnd = new(2024, 12, 31);

    [Fact]
    public void CertificateRateIsTheSpecificationsMeasure()
    {
        Assert.Equal("建证率", ImmunisationMeasures.VaccinationCertificateRate.Name);
        Assert.Equal("004 预防接种服务规范 五(一)", ImmunisationMeasures.VaccinationCertificateRate.Source);
    }

    [Theory]
    [InlineData("2024-09-30", null, null, true)]   // born here, 3 months by year end
    [InlineData("2024-10-02", null, null, false)]  // not yet 3 months
    [InlineData("2020-01-01", "2024-10-15", null, false)] // moved in less than 3 months ago
    [InlineData("2020-01-01", "2024-09-01", null, true)]
    [InlineData("2020-01-01", null, "2024-06-01", false)] // moved out
    [InlineData("2017-12-31", null, null, false)] // 7 years old
    public void ChildrenLivingHereThreeMonthsAreDueACertificate(string birth, string? movedIn, string? movedOut, bool due) =>
        Assert.Equal(due, ImmunisationMeasures.ShouldHaveCertificate(DateOnly.Parse(birth),
            movedIn is null ? null : DateOnly.Parse(movedIn), movedOut is null ? null : DateOnly.Parse(movedOut), YearEnd));

    [Fact]
    public void ACertificateCountsWhenCreatedByThePeriodsEnd()
    {
        Assert.Equal(new Membership(true, true), ImmunisationMeasures.Certificate(new DateOnly(2024, 1, 1), null, null, new DateOnly(2024, 2, 1), YearEnd));
        Assert.Equal(new Membership(true, false), ImmunisationMeasures.Certificate(new DateOnly(2024, 1, 1), null, null, new DateOnly(2025, 1, 2), YearEnd));
    }

    [Fact]
    public void ThereIsACoverageMeasurePerDoseOfEachRoutineSeries()
    {
        var defs = ImmunisationMeasures.VaccineCoverageRates(V1);
        Assert.Contains(defs, d => d.Code == "vaccine-coverage:HepB:1" && d.Name == "乙肝疫苗第1剂次接种率");
        Assert.Contains(defs, d => d.Code == "vaccine-coverage:JE:4" && d.Name == "乙脑疫苗第4剂次接种率");
        Assert.Contains(defs, d => d.Code == "vaccine-coverage:BCG:1" && d.Name == "卡介苗接种率");
        Assert.DoesNotContain(defs, d => d.Code.Contains("HFRS", StringComparison.Ordinal));
        Assert.Equal(defs.Count, defs.Select(d => d.Code).Distinct().Count());
    }

    [Fact]
    public void AChildIsDueADoseInTheYearItsOnTimeEndFallsIn()
    {
        // HepB dose 3 at 6 months, on time to 7 months - 1 day: born 2024-03-15 -> 2024-10-14
        var birth = new DateOnly(2024, 3, 15);
        Assert.Equal(new Membership(true, false), ImmunisationMeasures.VaccineCoverage(V1, "HepB", 3, birth, [], YearStart, YearEnd));
        var onTime = new[] { Dose("HepB", 1, "2024-03-15"), Dose("HepB", 2, "2024-04-15"), Dose("HepB", 3, "2024-10-01") };
        Assert.Equal(new Membership(true, true), ImmunisationMeasures.VaccineCoverage(V1, "HepB", 3, birth, onTime, YearStart, YearEnd));
        var late = onTime[..2].Append(Dose("HepB", 3, "2024-10-20")).ToArray();
        Assert.Equal(new Membership(true, false), ImmunisationMeasures.VaccineCoverage(V1, "HepB", 3, birth, late, YearStart, YearEnd));
    }

    [Fact]
    public void HepatitisBDoseOneIsOnTimeOnlyWithin24Hours()
    {
        var birth = new DateOnly(2024, 5, 1);
        Assert.True(ImmunisationMeasures.VaccineCoverage(V1, "HepB", 1, birth, [Dose("HepB", 1, "2024-05-02")], YearStart, YearEnd).InNumerator);
        Assert.False(ImmunisationMeasures.VaccineCoverage(V1, "HepB", 1, birth, [Dose("HepB", 1, "2024-05-03")], YearStart, YearEnd).InNumerator);
    }

    [Fact]
    public void AChildOnTheLiveJeCourseIsNotDueAThirdDose() =>
        Assert.Equal(new Membership(false, false),
            ImmunisationMeasures.VaccineCoverage(V1, "JE", 3, new DateOnly(2022, 3, 1), [Dose("JE-L", 1, "2022-11-01")], YearStart, YearEnd));
}
