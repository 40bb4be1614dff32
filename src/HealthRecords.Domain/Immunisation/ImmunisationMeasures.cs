using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.Immunisation;

/// <summary>A child's membership of one measure's denominator and numerator.</summary>
public sealed record Membership(bool InDenominator, bool InNumerator);

/// <summary>
/// The 考核指标 of 004 预防接种服务规范 五: 建证率, and 某种疫苗接种率 for each dose of each routine series of a schedule
/// version (doses given on time over children due), with the membership rules the host's SQL is tested against.
/// </summary>
public static class ImmunisationMeasures
{
    /// <summary>004 预防接种服务规范 五(一): 建证率 = 建立预防接种证人数 / 应建立预防接种证人数 × 100%.</summary>
    public static readonly MeasureDefinition VaccinationCertificateRate = new(
        "vaccination-certificate-rate", "建证率", ImmunizationPlanner.Service,
        "期内辖区内已建立预防接种证（卡）的应建证儿童数",
        "期内辖区内应建立预防接种证人数（期末居住满3个月、未满7周岁的儿童）",
        "004 预防接种服务规范 五(一)");

    /// <summary>Months a child must have lived in the area to be due a certificate (二(一)1: 居住满3个月).</summary>
    public const int ResidenceMonths = 3;

    /// <summary>
    /// 建证率's denominator: at the period's end the child is 0~6 years old, has lived in the area 3 months or more
    /// (from birth, or from moving in), and has not moved out.
    /// </summary>
    // 004 预防接种服务规范 二(一)1: 及时为辖区内所有居住满3个月的0~6岁儿童建立预防接种证和预防接种卡
    public static bool ShouldHaveCertificate(DateOnly birthDate, DateOnly? movedInOn, DateOnly? movedOutOn, DateOnly periodEnd)
    {
        var livingSince = movedInOn is DateOnly i && i > birthDate ? i : birthDate;
        return birthDate <= periodEnd
            && Age.AgeOn(birthDate, periodEnd) <= 6
            && livingSince.AddMonths(ResidenceMonths) <= periodEnd
            && (movedOutOn is null || movedOutOn > periodEnd);
    }

    /// <summary>建证率 for one child: due a certificate, and holding one created by the period's end.</summary>
    public static Membership Certificate(DateOnly birthDate, DateOnly? movedInOn, DateOnly? movedOutOn, DateOnly? cardCreatedOn, DateOnly periodEnd)
    {
        var due = ShouldHaveCertificate(birthDate, movedInOn, movedOutOn, periodEnd);
        return new Membership(due, due && cardCreatedOn is DateOnly c && c <= periodEnd);
    }

    /// <summary>The stable code of one dose's 接种率.</summary>
    public static string CoverageCode(string seriesCode, int doseNumber) => $"vaccine-coverage:{seriesCode}:{doseNumber}";

    /// <summary>
    /// 004 预防接种服务规范 五(二): 某种疫苗接种率 = 年度实际接种人数 / 年度应接种人数 × 100%, one per dose of each routine
    /// series of the version (a series with alternative courses counts each dose number across them: 乙脑第1剂次 is due at 8
    /// months on either course).
    /// </summary>
    public static IReadOnlyList<MeasureDefinition> VaccineCoverageRates(ImmunizationSchedule schedule) =>
        schedule.Series.Where(s => s.Routine).SelectMany(s =>
            Enumerable.Range(1, s.Courses.Max(c => c.Doses.Count)).Select(n =>
            {
                var vaccines = s.Courses.Where(c => c.Doses.Count >= n).SelectMany(c => c.Doses[n - 1].Vaccines).Distinct().ToArray();
                var title = ImmunizationPlanner.Title(schedule, s, n, vaccines);
                return new MeasureDefinition(
                    CoverageCode(s.Code, n), $"{title}接种率", ImmunizationPlanner.Service,
                    $"期内应接种{title}的儿童中，在及时接种截止日及以前接种的人数",
                    $"期内{title}应接种人数：及时接种截止日（程序月(年)龄或其范围末月龄起{schedule.OnTimeGrace.ToChineseInterval()}内）在期内的辖区儿童",
                    "004 预防接种服务规范 五(二)");
            })).ToArray();

    /// <summary>
    /// One child's membership of a dose's 接种率: in the denominator when the dose's on-time end (by age, on the child's
    /// course) falls within the period; in the numerator when the dose was also given on or before that day.
    /// </summary>
    // 004 预防接种服务规范 五(二); on time as the version's OnTimeGrace defines it (附件1 gives ages, not timeliness)
    public static Membership VaccineCoverage(
        ImmunizationSchedule schedule, string seriesCode, int doseNumber, DateOnly birthDate, IEnumerable<Vaccination> doses,
        DateOnly periodStart, DateOnly periodEnd)
    {
        var series = schedule.SeriesOf(seriesCode) ?? throw new ArgumentException($"no series {seriesCode} in {schedule.Code}", nameof(seriesCode));
        var progress = ImmunizationPlanner.Progress(series, doses);
        if (doseNumber < 1 || doseNumber > progress.Course.Doses.Count)
        {
            return new Membership(false, false);
        }
        var t = ImmunizationPlanner.Timing(schedule, progress.Course, doseNumber - 1, birthDate, _ => null, (_, _) => null);
        var due = t.OnTimeEnd >= periodStart && t.OnTimeEnd <= periodEnd;
        return new Membership(due, due && progress.DateOf(doseNumber) is DateOnly given && given <= t.OnTimeEnd);
    }
}
