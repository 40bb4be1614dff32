using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.HealthSupervision;

/// <summary>A count of patrols of one kind in a period, with the patrols behind it.</summary>
public sealed record PatrolCount(PatrolKind Kind, int Count, IReadOnlyList<long> PatrolIds);

/// <summary>
/// The two 考核指标 of 004 卫生监督协管服务规范 五, by institution and period, with the rules that decide what is in them.
/// They count the institution's register lines, not residents.
/// </summary>
public static class SupervisionMeasures
{
    public static readonly MeasureDefinition SupervisionReportRate = new(
        "supervision-report-rate", "卫生监督协管信息报告率", "health-supervision",
        "期内发现并已报告的事件或线索次数（食品安全、饮用水卫生安全、学校卫生、非法行医和非法采供血）",
        "期内发现的事件或线索次数（同上四类，按发现时间计；职业病危害不计入）",
        "004 卫生监督协管服务规范 五(一)");

    public static readonly MeasureDefinition PatrolCounts = new(
        "supervision-patrol-counts", "协助开展的实地巡查次数", "health-supervision",
        "期内饮用水卫生安全、学校卫生、非法行医和非法采供血实地巡查次数（按类别分列）",
        "无（计数指标：按机构和期间统计，不计比率）",
        "004 卫生监督协管服务规范 五(二)");

    public static readonly IReadOnlyList<MeasureDefinition> All = [SupervisionReportRate, PatrolCounts];

    /// <summary>The categories 报告率 counts: all but 职业病危害.</summary>
    // 004 卫生监督协管 五(一) 注: 报告事件或线索包括食品安全、饮用水卫生安全、学校卫生、非法行医和非法采供血
    public static bool CountsInReportRate(InformationCategory? category) =>
        category is InformationCategory.FoodSafety or InformationCategory.DrinkingWater
            or InformationCategory.SchoolHealth or InformationCategory.IllegalPractice;

    /// <summary>In 报告率's denominator: a counted category, discovered in the period.</summary>
    // 004 卫生监督协管 五(一): 发现的事件或线索次数
    public static bool InReportRateDenominator(SupervisionReport r, DateOnly from, DateOnly to) =>
        CountsInReportRate(r.Category) && r.DiscoveredOn >= from && r.DiscoveredOn <= to;

    /// <summary>In its numerator: in the denominator and reported.</summary>
    // 004 卫生监督协管 五(一): 报告的事件或线索次数
    public static bool InReportRateNumerator(SupervisionReport r, DateOnly from, DateOnly to) =>
        InReportRateDenominator(r, from, to) && r.ReportedOn is not null;

    /// <summary>The patrols of each counted kind dated in the period (other patrols are not counted).</summary>
    // 004 卫生监督协管 五(二): 协助开展的饮用水卫生安全、学校卫生、非法行医和非法采供血实地巡查次数
    public static IReadOnlyList<PatrolCount> CountPatrols(IEnumerable<PatrolRow> patrols, DateOnly from, DateOnly to)
    {
        var inPeriod = patrols.Where(p => p.Patrol.PatrolDate >= from && p.Patrol.PatrolDate <= to).ToArray();
        return new[] { PatrolKind.DrinkingWater, PatrolKind.School, PatrolKind.IllegalPractice }
            .Select(kind =>
            {
                var ids = inPeriod.Where(p => p.Patrol.Kind == kind).Select(p => p.Id).ToArray();
                return new PatrolCount(kind, ids.Length, ids);
            })
            .ToArray();
    }
}
