using HealthRecords.Domain.HealthEducation;

namespace HealthRecords.Domain.HealthSupervision;

/// <summary>
/// 巡查计划: the institution's patrols for a year — each water supply, school and place of suspected illegal practice
/// to visit, and how often (004 卫生监督协管 二(三)–(五) ask for 巡查 / 定期巡访 without a frequency; the county sets it).
/// </summary>
public sealed record PatrolPlan(int Year, IReadOnlyList<PatrolTarget> Targets);

/// <summary>One place of the plan and its frequency: once in every <paramref name="IntervalMonths"/> months from January.</summary>
public sealed record PatrolTarget(long Id, PatrolKind Kind, string Place, int IntervalMonths, WaterSupplyType? WaterSupplyType = null);

/// <summary>Where one target stands in the year.</summary>
/// <param name="Periods">The target's periods in the year.</param>
/// <param name="Ended">Periods that have ended by today.</param>
/// <param name="Patrolled">Periods with a patrol.</param>
/// <param name="Missed">Ended periods without a patrol, by their first day.</param>
public sealed record PatrolTargetProgress(PatrolTarget Target, int Periods, int Ended, int Patrolled, IReadOnlyList<DateOnly> Missed);

/// <summary>The patrol plan as a schedule, and its progress.</summary>
public static class PatrolPlans
{
    /// <summary>
    /// The patrol due for each target: its current period's, while no patrol of the target is recorded in it; once it
    /// is, the next period's (its window opens then). A period is <see cref="PatrolTarget.IntervalMonths"/> months from
    /// 1 January; the patrol is due by the period's last day.
    /// </summary>
    // 004 卫生监督协管 二(三): 协助 … 对农村集中式供水、城市二次供水和学校供水进行巡查; 二(四): 定期对学校传染病防控开展巡访;
    // 二(五): 定期对辖区内非法行医、非法采供血开展巡访
    public static IReadOnlyList<ScheduleItem> Due(PatrolPlan plan, IReadOnlyCollection<PatrolRow> patrols, DateOnly today)
    {
        var items = new List<ScheduleItem>();
        foreach (var target in plan.Targets)
        {
            var periods = Periods(plan.Year, target.IntervalMonths);
            var next = periods.FirstOrDefault(p => p.End >= today && !Patrolled(target, patrols, p));
            if (next != default)
            {
                items.Add(new ScheduleItem("supervision-patrol", $"{target.Kind.Label()}巡查：{target.Place}", next.Start, next.End, next.End, SourceId: target.Id));
            }
        }
        return items;
    }

    /// <summary>Each target's periods ended, patrolled and missed by today.</summary>
    public static IReadOnlyList<PatrolTargetProgress> Progress(PatrolPlan plan, IReadOnlyCollection<PatrolRow> patrols, DateOnly today) =>
        plan.Targets.Select(t =>
        {
            var periods = Periods(plan.Year, t.IntervalMonths);
            var ended = periods.Where(p => p.End < today).ToArray();
            return new PatrolTargetProgress(
                t, periods.Length, ended.Length, periods.Count(p => Patrolled(t, patrols, p)),
                ended.Where(p => !Patrolled(t, patrols, p)).Select(p => p.Start).ToArray());
        }).ToArray();

    /// <summary>A patrol serves a target when it names it, or is of its kind at the same place.</summary>
    public static bool Serves(SupervisionPatrol patrol, PatrolTarget target) =>
        patrol.TargetId == target.Id
        || (patrol.TargetId is null && patrol.Kind == target.Kind && string.Equals(patrol.Place?.Trim(), target.Place.Trim(), StringComparison.Ordinal));

    private static bool Patrolled(PatrolTarget target, IEnumerable<PatrolRow> patrols, (DateOnly Start, DateOnly End) period) =>
        patrols.Any(p => Serves(p.Patrol, target) && p.Patrol.PatrolDate >= period.Start && p.Patrol.PatrolDate <= period.End);

    private static (DateOnly Start, DateOnly End)[] Periods(int year, int months) =>
        Enumerable.Range(0, (12 + months - 1) / months)
            .Select(i => new DateOnly(year, 1, 1).AddMonths(i * months))
            .Select(start => (start, Min(start.AddMonths(months).AddDays(-1), new DateOnly(year, 12, 31))))
            .ToArray();

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Checks a plan: a year, and targets with a kind, a place and a frequency of 1–12 months.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(PatrolPlan plan, DateOnly today)
    {
        var e = new FieldErrors();
        e.PlanYear("year", plan.Year, today);
        for (var i = 0; i < plan.Targets.Count; i++)
        {
            var t = plan.Targets[i];
            e.Coded($"targets[{i}].kind", (PatrolKind?)t.Kind, "巡查类别");
            e.RequiredText($"targets[{i}].place", t.Place, "巡查地点", 100);
            e.Range($"targets[{i}].intervalMonths", (int?)t.IntervalMonths, 1, 12, "巡查间隔", "个月");
            if (t.WaterSupplyType is not null && t.Kind != PatrolKind.DrinkingWater)
            {
                e.Add($"targets[{i}].waterSupplyType", "只有饮用水卫生安全巡查填写供水类型");
            }
        }
        return e;
    }
}
