using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.Children;

/// <summary>
/// The 考核指标 of 004 0~6岁儿童健康管理服务规范 五(二)(三). 五(一) 新生儿访视率 is defined once by the maternal and
/// newborn service (issue #17), not here.
/// </summary>
public static class ChildMeasures
{
    /// <summary>004 儿童 五(二): 儿童健康管理率 = 接受1次及以上随访的0~6岁儿童数 / 应管理的0~6岁儿童数 × 100%.</summary>
    public static readonly MeasureDefinition ChildManagementRate = new(
        "child-management-rate", "儿童健康管理率", CheckupSchedule.Service,
        "期内接受1次及以上健康检查（满月至6岁各次随访）的0~6岁儿童数",
        "期内辖区内应管理的0~6岁儿童数（期末未满7周岁、在辖区居住的儿童）",
        "004 0~6岁儿童健康管理服务规范 五(二)");

    /// <summary>004 儿童 五(三): 儿童系统管理率 = 按相应频次要求管理的0~6岁儿童数 / 应管理的0~6岁儿童数 × 100%.</summary>
    public static readonly MeasureDefinition ChildSystematicManagementRate = new(
        "child-systematic-management-rate", "儿童系统管理率", CheckupSchedule.Service,
        "按相应频次要求管理的0~6岁儿童数：期内窗口期结束的每一次健康检查（满月，3、6、8、12、18、24、30、36月龄，4、5、6岁）均已完成",
        "期内辖区内应管理的0~6岁儿童数（期末未满7周岁、在辖区居住的儿童）",
        "004 0~6岁儿童健康管理服务规范 五(三)");

    public static readonly IReadOnlyList<MeasureDefinition> All = [ChildManagementRate, ChildSystematicManagementRate];

    /// <summary>
    /// A child to be managed in a period (both denominators): born by the period's end and not yet 7 on it (0~6岁).
    /// Residence in the area and the record being held are the host's filter.
    /// </summary>
    // 004 儿童 一: 辖区内居住的0~6岁儿童
    public static bool IsToBeManaged(DateOnly birthDate, DateOnly periodEnd) =>
        birthDate <= periodEnd && Age.AgeOn(birthDate, periodEnd) <= 6;

    /// <summary>儿童健康管理率's numerator: at least one check-up in the period.</summary>
    // 004 儿童 五(二): 接受1次及以上随访
    public static bool WasManaged(IEnumerable<DateOnly> checkupDates, DateOnly periodStart, DateOnly periodEnd) =>
        checkupDates.Any(d => d >= periodStart && d <= periodEnd);

    /// <summary>
    /// 儿童系统管理率's numerator: every check-up whose window closed within the period was done (the specification's
    /// frequency for each age: 4 in the first year, 2 a year to 3 years, then 1 a year). A check-up counts when it was
    /// recorded at all; the window only decides when it is owed. A child with no check-up owed in the period (a baby
    /// born late in it) meets the frequency.
    /// </summary>
    // 004 儿童 五(三): 按相应频次要求管理; 二(二)(三)(四) the check-up ages
    public static bool WasSystematicallyManaged(
        DateOnly birthDate, IReadOnlyCollection<CheckupAge> done, DateOnly periodStart, DateOnly periodEnd, CheckupWindows? windows = null) =>
        OwedInPeriod(birthDate, periodStart, periodEnd, windows).All(done.Contains);

    /// <summary>The check-ups whose window (the last day a check-up of that age may be recorded) closes within the period.</summary>
    public static IReadOnlyList<CheckupAge> OwedInPeriod(DateOnly birthDate, DateOnly periodStart, DateOnly periodEnd, CheckupWindows? windows = null) =>
        CheckupItems.Ages.Where(a =>
        {
            var until = CheckupSchedule.Dates(birthDate, a, windows).AcceptUntil;
            return until >= periodStart && until <= periodEnd;
        }).ToArray();
}

/// <summary>
/// <see cref="ChildMeasures.OwedInPeriod"/> turned around for a query: the birth dates for which a check-up is owed in a
/// period (its last accepted day falls in the period) form one interval, because that day only moves forward with the
/// birth date. A child born in the interval meets the frequency only with that check-up recorded.
/// </summary>
public static class ChildMeasureRanges
{
    /// <summary>The first and last birth date for which <paramref name="age"/>'s check-up is owed in the period; null when none.</summary>
    // 004 儿童 五(三), as ChildMeasures.WasSystematicallyManaged
    public static (DateOnly From, DateOnly To)? OwedBirths(CheckupAge age, DateOnly periodStart, DateOnly periodEnd, CheckupWindows? windows = null)
    {
        DateOnly Until(DateOnly birth) => CheckupSchedule.Dates(birth, age, windows).AcceptUntil;
        // a first guess from one birth's offset, then walked to the exact edges (month lengths move it by a few days)
        var offset = Until(periodStart).DayNumber - periodStart.DayNumber;
        var lo = periodStart.AddDays(-offset);
        while (Until(lo) >= periodStart)
        {
            lo = lo.AddDays(-1);
        }
        while (Until(lo) < periodStart)
        {
            lo = lo.AddDays(1);
        }
        var hi = periodEnd.AddDays(-offset);
        while (Until(hi) <= periodEnd)
        {
            hi = hi.AddDays(1);
        }
        while (Until(hi) > periodEnd)
        {
            hi = hi.AddDays(-1);
        }
        return lo <= hi ? (lo, hi) : null;
    }
}
