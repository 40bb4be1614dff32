namespace HealthRecords.Domain.Immunisation;

/// <summary>Where a child stands with the next dose of a series.</summary>
public enum DoseStatus
{
    [Label("未到接种时间")] NotYet = 1,
    [Label("应种")] Due = 2,
    [Label("逾期未种")] Overdue = 3,
    [Label("已完成")] Complete = 4,
    [Label("不再接种")] NoLongerDue = 5,
}

/// <summary>One dose of a course and the recorded dose that gave it, if any.</summary>
public sealed record SlotFill(DoseRule Rule, Vaccination? Given);

/// <summary>
/// A child's recorded doses of one series laid on its course: the course is the one the first dose was given with (the
/// first listed while none is given); doses fill the course's doses in date order.
/// </summary>
/// <param name="CourseChosen">False while no dose is given and the series has alternative courses.</param>
/// <param name="Beyond">Doses recorded after the course was complete.</param>
/// <param name="OtherCourse">Doses given with a vaccine of another course than the one begun (e.g. 乙脑灭活 after 乙脑减毒).</param>
public sealed record SeriesProgress(
    Series Series, Course Course, bool CourseChosen, IReadOnlyList<SlotFill> Slots, IReadOnlyList<Vaccination> Beyond, IReadOnlyList<Vaccination> OtherCourse)
{
    public bool IsComplete => Slots.All(s => s.Given is not null);

    /// <summary>The first dose not yet given, or null when complete.</summary>
    public int? NextIndex
    {
        get
        {
            for (var i = 0; i < Slots.Count; i++)
            {
                if (Slots[i].Given is null)
                {
                    return i;
                }
            }
            return null;
        }
    }

    /// <summary>The date a dose number of the course was given.</summary>
    public DateOnly? DateOf(int doseNumber) => doseNumber >= 1 && doseNumber <= Slots.Count ? Slots[doseNumber - 1].Given?.Date : null;
}

/// <summary>When a dose may be given, as its rules decide.</summary>
/// <param name="AgeDate">The day the child reaches the dose's age.</param>
/// <param name="Earliest">The first valid day: the age reached, the minimum interval since the previous dose passed, any dependency met.</param>
/// <param name="OnTimeEnd">The last day it is on time by age (the age, or the end of its range, plus the version's grace; 乙肝 第1剂次: the day after birth).</param>
/// <param name="WindowEnd">The last day before it is overdue: the on-time end, or the maximum interval after the previous dose, never before <paramref name="Earliest"/>.</param>
/// <param name="NoLongerFrom">The day from which it is no longer given, if the schedule says.</param>
public sealed record DoseTiming(DateOnly AgeDate, DateOnly Earliest, DateOnly OnTimeEnd, DateOnly WindowEnd, DateOnly? NoLongerFrom);

/// <summary>The next dose of one series for a child.</summary>
/// <param name="Vaccines">The vaccines that may give it (both courses' when none is chosen yet).</param>
/// <param name="Title">The Chinese line for the work list and the card, e.g. "乙肝疫苗第2剂次".</param>
public sealed record NextDose(Series Series, Course Course, DoseRule Rule, IReadOnlyList<string> Vaccines, DoseTiming? Timing, DoseStatus Status, string Title)
{
    public string Kind => $"{ImmunizationPlanner.DoseKind}:{Series.Code}:{Rule.Number}";
}

/// <summary>One dose of a catch-up plan.</summary>
/// <param name="Late">Planned after the dose's on-time end.</param>
public sealed record PlannedDose(string Series, string Title, string Course, int Number, IReadOnlyList<string> Vaccines, DateOnly Date, DateOnly OnTimeEnd, bool Late);

/// <summary>A dose the plan leaves out, and why (past its last age).</summary>
public sealed record SkippedDose(string Series, string Title, string Reason);

/// <summary>The remaining doses of a child's routine schedule, each on its earliest valid day from today, grouped into visits.</summary>
public sealed record CatchUpPlan(IReadOnlyList<PlannedDose> Doses, IReadOnlyList<SkippedDose> Skipped)
{
    /// <summary>The plan's visits: the doses planned for each day, in date order.</summary>
    public IReadOnlyList<(DateOnly Date, IReadOnlyList<PlannedDose> Doses)> Visits =>
        Doses.GroupBy(d => d.Date).OrderBy(g => g.Key).Select(g => (g.Key, (IReadOnlyList<PlannedDose>)g.ToArray())).ToArray();
}

/// <summary>
/// Doses due and overdue, catch-up plans and the next appointment, from a schedule version (data) and the child's
/// recorded doses (004 预防接种服务规范 二(二), 附件1). Pure: the host loads the card and calls these.
/// </summary>
public static class ImmunizationPlanner
{
    public const string Service = "immunisation";
    public const string DoseKind = "vaccine";

    /// <summary>The child's doses of a series laid on its course.</summary>
    public static SeriesProgress Progress(Series series, IEnumerable<Vaccination> doses)
    {
        var mine = doses.Where(d => series.Courses.Any(c => c.Doses.Any(r => r.Vaccines.Contains(d.VaccineCode))))
            .OrderBy(d => d.Date).ThenBy(d => d.DoseNumber).ToArray();
        var course = mine.Length == 0
            ? series.Courses[0]
            : series.Courses.First(c => c.Doses.Any(r => r.Vaccines.Contains(mine[0].VaccineCode)));
        var given = new Vaccination?[course.Doses.Count];
        var beyond = new List<Vaccination>();
        var other = new List<Vaccination>();
        var next = 0;
        foreach (var dose in mine)
        {
            if (!course.Doses.Any(r => r.Vaccines.Contains(dose.VaccineCode)))
            {
                other.Add(dose);
                continue;
            }
            if (next >= given.Length)
            {
                beyond.Add(dose);
                continue;
            }
            given[next++] = dose;
        }
        return new SeriesProgress(series, course, mine.Length > 0 || series.Courses.Count == 1,
            course.Doses.Select((r, i) => new SlotFill(r, given[i])).ToArray(), beyond, other);
    }

    /// <summary>All series' progress, in the schedule's order.</summary>
    public static IReadOnlyList<SeriesProgress> Progress(ImmunizationSchedule schedule, IEnumerable<Vaccination> doses)
    {
        var list = doses.ToArray();
        return schedule.Series.Select(s => Progress(s, list)).ToArray();
    }

    /// <summary>
    /// When dose <paramref name="index"/> of a course may be given: the age reached, the minimum interval since the
    /// previous dose (or the dose the rule counts from) passed, any dependency on another series met; on time until the
    /// age (or the end of its range) plus the grace; no longer given from its last age.
    /// </summary>
    // 004 附件1: 接种对象月(年)龄 and 备注 (intervals, 24小时内, 与A群流脑第2剂次间隔≥12个月, 7~10天)
    public static DoseTiming Timing(
        ImmunizationSchedule schedule, Course course, int index, DateOnly birthDate,
        Func<int, DateOnly?> doseDate, Func<string, int, DateOnly?> otherSeriesDoseDate)
    {
        var rule = course.Doses[index];
        var ageDate = rule.Age.From(birthDate);
        var earliest = ageDate;
        DateOnly? previous = null;
        var from = rule.IntervalFromDose ?? (index > 0 ? index : (int?)null);
        if (from is int f && doseDate(f) is DateOnly p)
        {
            previous = p;
            earliest = Max(earliest, (rule.MinInterval ?? schedule.DefaultMinInterval).From(p));
        }
        if (rule.After is DoseDependency after && otherSeriesDoseDate(after.Series, after.Dose) is DateOnly o)
        {
            earliest = Max(earliest, after.MinInterval.From(o));
        }
        var onTimeEnd = rule.OnTimeBefore is AgeSpan before
            ? before.From(birthDate).AddDays(-1)
            : schedule.OnTimeGrace.From((rule.Until ?? rule.Age).From(birthDate)).AddDays(-1);
        var windowEnd = rule.MaxInterval is AgeSpan max && previous is DateOnly prev ? max.From(prev) : onTimeEnd;
        return new DoseTiming(ageDate, earliest, onTimeEnd, Max(windowEnd, earliest), rule.LastAge?.From(birthDate));
    }

    /// <summary>The next dose of every routine series, with its status on <paramref name="today"/>.</summary>
    public static IReadOnlyList<NextDose> NextDoses(ImmunizationSchedule schedule, DateOnly birthDate, IEnumerable<Vaccination> doses, DateOnly today)
    {
        var progress = Progress(schedule, doses);
        DateOnly? Other(string series, int dose) => progress.FirstOrDefault(p => p.Series.Code == series)?.DateOf(dose);
        var result = new List<NextDose>();
        foreach (var p in progress.Where(p => p.Series.Routine))
        {
            if (p.NextIndex is not int index)
            {
                var last = p.Slots[^1].Rule;
                result.Add(new NextDose(p.Series, p.Course, last, last.Vaccines, null, DoseStatus.Complete, $"{p.Series.Name}已完成"));
                continue;
            }
            var rule = p.Course.Doses[index];
            var timing = Timing(schedule, p.Course, index, birthDate, p.DateOf, Other);
            var status = timing.NoLongerFrom is DateOnly stop && today >= stop ? DoseStatus.NoLongerDue
                : today < timing.Earliest ? DoseStatus.NotYet
                : today <= timing.WindowEnd ? DoseStatus.Due
                : DoseStatus.Overdue;
            var vaccines = p.CourseChosen ? rule.Vaccines : p.Series.Courses.SelectMany(c => c.Doses.Count > index ? c.Doses[index].Vaccines : []).Distinct().ToArray();
            result.Add(new NextDose(p.Series, p.Course, rule, vaccines, timing, status, Title(schedule, p.Series, rule.Number, vaccines)));
        }
        return result;
    }

    /// <summary>The work list's items: the next dose of each routine series not complete and still given, with its window.</summary>
    public static IReadOnlyList<ScheduleItem> ScheduleItems(ImmunizationSchedule schedule, DateOnly birthDate, IEnumerable<Vaccination> doses, DateOnly today) =>
        NextDoses(schedule, birthDate, doses, today)
            .Where(n => n.Timing is not null && n.Status is DoseStatus.NotYet or DoseStatus.Due or DoseStatus.Overdue)
            .Select(n => new ScheduleItem(n.Kind, n.Title, n.Timing!.Earliest, n.Timing.Earliest, n.Timing.WindowEnd))
            .ToArray();

    /// <summary>
    /// A catch-up plan for a child from <paramref name="from"/>: every remaining dose of the routine series on its
    /// earliest valid day, respecting ages, the minimum intervals (counted from the planned previous dose), the
    /// dependencies between series, the last ages, and the version's spacing of live injected vaccines (two not given on
    /// the same day at least that far apart). Doses falling on the same day make one visit.
    /// </summary>
    public static CatchUpPlan CatchUp(ImmunizationSchedule schedule, DateOnly birthDate, IEnumerable<Vaccination> doses, DateOnly from)
    {
        var given = doses.ToArray();
        var progress = Progress(schedule, given).Where(p => p.Series.Routine).ToArray();
        // per series: the dates given or planned for each dose number, and the next index to plan
        var dates = progress.ToDictionary(p => p.Series.Code, p => p.Slots.Select(s => s.Given?.Date).ToArray());
        var next = progress.ToDictionary(p => p.Series.Code, p => p.NextIndex);
        var liveDates = given.Where(d => schedule.Vaccine(d.VaccineCode) is { Live: true, Injected: true }).Select(d => d.Date).ToList();
        var planned = new List<PlannedDose>();
        var skipped = new List<SkippedDose>();
        DateOnly? Other(string series, int dose) =>
            dates.TryGetValue(series, out var d) && dose >= 1 && dose <= d.Length ? d[dose - 1] : null;

        while (true)
        {
            (SeriesProgress P, int Index, DoseTiming T, DateOnly Date)? best = null;
            var skippedOne = false;
            foreach (var p in progress)
            {
                if (next[p.Series.Code] is not int index)
                {
                    continue;
                }
                var own = dates[p.Series.Code];
                if (p.Course.Doses[index].After is DoseDependency dep && Other(dep.Series, dep.Dose) is null
                    && next.TryGetValue(dep.Series, out var pending) && pending is int k && k < dep.Dose)
                {
                    continue; // the dose it must follow is still to be planned
                }
                var t = Timing(schedule, p.Course, index, birthDate, n => n >= 1 && n <= own.Length ? own[n - 1] : null, Other);
                var date = Max(t.Earliest, from);
                if (t.NoLongerFrom is DateOnly stop && date >= stop)
                {
                    var rule = p.Course.Doses[index];
                    skipped.Add(new SkippedDose(p.Series.Code, Title(schedule, p.Series, rule.Number, rule.Vaccines),
                        $"已满{rule.LastAge!.Value.ToChineseAge()}，不再接种"));
                    next[p.Series.Code] = index + 1 < p.Course.Doses.Count ? index + 1 : null;
                    skippedOne = true;
                    break;
                }
                if (IsLiveInjected(schedule, p.Course.Doses[index]) && schedule.LiveSpacing is AgeSpan spacing)
                {
                    date = SpacedFromLive(date, liveDates, spacing);
                }
                if (best is null || date < best.Value.Date)
                {
                    best = (p, index, t, date);
                }
            }
            if (skippedOne)
            {
                continue; // a skipped dose may release a later one, or a dependency: plan again
            }
            if (best is not { } b)
            {
                break;
            }
            var r = b.P.Course.Doses[b.Index];
            dates[b.P.Series.Code][b.Index] = b.Date;
            next[b.P.Series.Code] = b.Index + 1 < b.P.Course.Doses.Count ? b.Index + 1 : null;
            if (IsLiveInjected(schedule, r))
            {
                liveDates.Add(b.Date);
            }
            planned.Add(new PlannedDose(b.P.Series.Code, Title(schedule, b.P.Series, r.Number, r.Vaccines), b.P.Course.Code, r.Number, r.Vaccines,
                b.Date, b.T.OnTimeEnd, b.Date > b.T.OnTimeEnd));
        }
        return new CatchUpPlan(planned.OrderBy(d => d.Date).ThenBy(d => IndexOfSeries(schedule, d.Series)).ToArray(), skipped);
    }

    /// <summary>
    /// The next appointment after a day's doses (004 二(二)3: 与儿童监护人预约下次接种疫苗的种类、时间和地点): the first
    /// visit of the plan from the next day, with its doses; null when the schedule is complete.
    /// </summary>
    public static (DateOnly Date, IReadOnlyList<PlannedDose> Doses)? NextAppointment(
        ImmunizationSchedule schedule, DateOnly birthDate, IEnumerable<Vaccination> doses, DateOnly givenOn)
    {
        var visits = CatchUp(schedule, birthDate, doses, givenOn.AddDays(1)).Visits;
        return visits.Count == 0 ? null : visits[0];
    }

    /// <summary>The Chinese title of a dose: "乙肝疫苗第2剂次", with the choice where there is one ("（麻风疫苗或麻疹疫苗）").</summary>
    public static string Title(ImmunizationSchedule schedule, Series series, int number, IReadOnlyList<string> vaccines)
    {
        var single = series.Courses.All(c => c.Doses.Count == 1);
        var head = single ? series.Name : $"{series.Name}第{number}剂次";
        return vaccines.Count > 1 ? $"{head}（{string.Join("或", vaccines.Select(v => schedule.Vaccine(v)?.Name ?? v))}）" : head;
    }

    private static bool IsLiveInjected(ImmunizationSchedule schedule, DoseRule rule) =>
        rule.Vaccines.Any(v => schedule.Vaccine(v) is { Live: true, Injected: true });

    /// <summary>The first day from <paramref name="date"/> that is the same day as, or at least the spacing after, every earlier live injected dose.</summary>
    // 004 附件1 has no such rule; the version's LiveSpacing (28 days in version 1, with its source) carries it
    private static DateOnly SpacedFromLive(DateOnly date, List<DateOnly> liveDates, AgeSpan spacing)
    {
        var moved = true;
        while (moved)
        {
            moved = false;
            foreach (var l in liveDates)
            {
                if (l < date && spacing.From(l) > date)
                {
                    date = spacing.From(l);
                    moved = true;
                }
            }
        }
        return date;
    }

    private static int IndexOfSeries(ImmunizationSchedule schedule, string code)
    {
        for (var i = 0; i < schedule.Series.Count; i++)
        {
            if (schedule.Series[i].Code == code)
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
