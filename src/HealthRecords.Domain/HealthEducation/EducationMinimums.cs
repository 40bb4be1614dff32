namespace HealthRecords.Domain.HealthEducation;

/// <summary>The minimums of 004 健康教育 二(二), per institution and year.</summary>
public enum EducationMinimum
{
    [Label("印刷资料种类")] PrintedMaterialKinds = 1,
    [Label("音像资料种类")] AudioVideoKinds = 2,
    [Label("宣传栏个数")] BulletinBoards = 3,
    [Label("宣传栏内容更换")] BoardUpdates = 4,
    [Label("公众健康咨询活动次数")] ConsultationEvents = 5,
    [Label("健康知识讲座")] Lectures = 6,
}

/// <summary>
/// Where an institution stands on one minimum on a day of the year.
/// </summary>
/// <param name="Required">What the whole year needs (kinds, boards, updates, events, or lecture periods).</param>
/// <param name="ExpectedByToday">What should be done by today on schedule (see <see cref="EducationMinimums"/>).</param>
/// <param name="Done">What is done so far in the year.</param>
/// <param name="Behind">Behind schedule: the institution shows on its work list and on the county's view.</param>
/// <param name="Note">Chinese detail for the page ("3月未举办讲座", "门诊大厅宣传栏应于2026-05-10前更换").</param>
public sealed record MinimumProgress(EducationMinimum Minimum, int Required, int ExpectedByToday, int Done, bool Behind, string Note)
{
    public string Name => Minimum.Label();

    /// <summary>The year's requirement is reached.</summary>
    public bool Met => Done >= Required;
}

/// <summary>
/// The minimums of 004 健康教育 二(二) as live progress: a pure function of the institution's tier, its records of the
/// year so far and today.
///
/// "Behind" is defined per minimum:
/// <list type="bullet">
/// <item>Yearly counts (12 kinds of printed material, 6 kinds of audio-video, 9 consultation events): pro rata through
/// the year — expected by today = ⌊required × days of the year elapsed (today included) ÷ days in the year⌋; behind
/// when fewer are done. So 9 events: the first is expected from 10 February, the ninth by 31 December.</item>
/// <item>Lectures (one a month for a centre, one every two months — January–February, March–April … — for a
/// station): each period is its own duty; behind when a period that has ended had no lecture. A missed period
/// cannot be made up, so it stays behind for the rest of the year.</item>
/// <item>Boards: behind while fewer boards of at least 2 m² stand than required (no pro rata: they must be there).</item>
/// <item>Board updates: every board that counts must have its content changed at least every 2 months; behind when a
/// board's next change date has passed (the specification says "每个机构每2个月最少更换1次"; we hold each counted board
/// to it, since a board left unchanged for months does not serve).</item>
/// </list>
/// Before the year starts nothing is expected; after it ends, the whole year is.
/// </summary>
public static class EducationMinimums
{
    /// <summary>每个机构每年提供不少于12种内容的印刷资料.</summary>
    public const int PrintedMaterialKinds = 12;

    /// <summary>每个机构每年播放音像资料不少于6种.</summary>
    public const int AudioVideoKinds = 6;

    /// <summary>每个乡镇卫生院、社区卫生服务中心每年至少开展9次公众健康咨询活动.</summary>
    public const int ConsultationEvents = 9;

    /// <summary>
    /// The months of one lecture period: 1 for a centre (每月至少举办1次), 2 for a station (每两个月至少举办1次).
    /// </summary>
    // 004 健康教育 二(二)4
    public static int LectureMonths(InstitutionTier tier) => tier == InstitutionTier.Centre ? 1 : 2;

    /// <summary>Whether the tier has a minimum of consultation events (only township hospitals and community centres).</summary>
    // 004 健康教育 二(二)3: 每个乡镇卫生院、社区卫生服务中心每年至少开展9次
    public static bool HasConsultationMinimum(InstitutionTier tier) => tier == InstitutionTier.Centre;

    /// <summary>The progress on every minimum that applies to the tier, in the specification's order.</summary>
    public static IReadOnlyList<MinimumProgress> Progress(
        InstitutionTier tier, int year, IReadOnlyCollection<ActivityRow> activities, IReadOnlyCollection<BulletinBoard> boards, DateOnly today)
    {
        var inYear = activities.Where(a => a.Activity.Date?.Year == year).Select(a => a.Activity).ToArray();
        var elapsed = Elapsed(year, today);
        var list = new List<MinimumProgress>
        {
            // 004 健康教育 二(二)1(1): 每个机构每年提供不少于12种内容的印刷资料
            Yearly(EducationMinimum.PrintedMaterialKinds, PrintedMaterialKinds, EducationCounting.PrintedKinds(inYear), year, elapsed, "种"),
            // 004 健康教育 二(二)1(2): 每个机构每年播放音像资料不少于6种
            Yearly(EducationMinimum.AudioVideoKinds, AudioVideoKinds, EducationCounting.AudioVideoKinds(inYear), year, elapsed, "种"),
        };
        list.AddRange(Boards(tier, year, activities, boards, today));
        if (HasConsultationMinimum(tier))
        {
            // 004 健康教育 二(二)3
            list.Add(Yearly(EducationMinimum.ConsultationEvents, ConsultationEvents, inYear.Count(a => a.Form == ActivityForm.ConsultationEvent), year, elapsed, "次"));
        }
        list.Add(Lectures(tier, year, inYear, today));
        return list;
    }

    /// <summary>The lecture of the current period while none is held yet, and the boards' next changes.</summary>
    public static IReadOnlyList<ScheduleItem> Due(
        InstitutionTier tier, IReadOnlyCollection<ActivityRow> activities, IReadOnlyCollection<BulletinBoard> boards, DateOnly today)
    {
        var items = new List<ScheduleItem>();
        var (start, end) = LecturePeriod(tier, today);
        if (!activities.Any(a => a.Activity.Form == ActivityForm.Lecture && a.Activity.Date >= start && a.Activity.Date <= end))
        {
            var title = tier == InstitutionTier.Centre ? "健康知识讲座（每月至少1次）" : "健康知识讲座（每两个月至少1次）";
            items.Add(new ScheduleItem("education-lecture", title, start, end, end));
        }
        items.AddRange(BulletinBoards.Due(boards, BulletinBoards.Updates(activities), today));
        return items;
    }

    /// <summary>The lecture period containing a day: its month, or its two-month block (January–February …).</summary>
    public static (DateOnly Start, DateOnly End) LecturePeriod(InstitutionTier tier, DateOnly day)
    {
        var months = LectureMonths(tier);
        var first = (day.Month - 1) / months * months + 1;
        var start = new DateOnly(day.Year, first, 1);
        return (start, start.AddMonths(months).AddDays(-1));
    }

    /// <summary>"3月" for a month, "3–4月" for a two-month period.</summary>
    internal static string PeriodName(int firstMonth, int months) =>
        months == 1 ? $"{firstMonth}月" : $"{firstMonth}–{firstMonth + months - 1}月";

    /// <summary>Days of the year elapsed by today (today included), and the days in the year.</summary>
    private static (int Days, int Of) Elapsed(int year, DateOnly today)
    {
        var of = DateTime.IsLeapYear(year) ? 366 : 365;
        return (today.Year < year ? 0 : today.Year > year ? of : today.DayOfYear, of);
    }

    private static MinimumProgress Yearly(EducationMinimum minimum, int required, int done, int year, (int Days, int Of) elapsed, string unit)
    {
        var expected = required * elapsed.Days / elapsed.Of;
        var note = done >= required ? $"已完成全年要求（{done}{unit}）"
            : $"全年不少于{required}{unit}，按进度到今天应有{expected}{unit}，已有{done}{unit}";
        return new MinimumProgress(minimum, required, expected, done, done < expected, note);
    }

    private static IEnumerable<MinimumProgress> Boards(
        InstitutionTier tier, int year, IReadOnlyCollection<ActivityRow> activities, IReadOnlyCollection<BulletinBoard> boards, DateOnly today)
    {
        var day = today.Year > year ? new DateOnly(year, 12, 31) : today;
        var required = BulletinBoards.Required(tier);
        var standing = boards.Where(b => BulletinBoards.Counts(b, day)).ToArray();
        var small = boards.Count(b => b.AreaSquareMetres < BulletinBoards.MinimumAreaSquareMetres && BulletinBoards.Stands(b, day));
        // 004 健康教育 二(二)2: 宣传栏不少于2个 / 1个，每个不少于2平方米
        yield return new MinimumProgress(
            EducationMinimum.BulletinBoards, required, today.Year < year ? 0 : required, standing.Length,
            today.Year >= year && standing.Length < required,
            $"应有不少于{required}个面积≥2平方米的宣传栏，现有{standing.Length}个" + (small > 0 ? $"（另有{small}个不足2平方米，不计入）" : ""));

        // 004 健康教育 二(二)2: 每2个月最少更换1次 — each counted board
        var updates = BulletinBoards.Updates(activities);
        var done = updates.Count(u => u.Date.Year == year && standing.Any(b => b.Id == u.BoardId));
        var overdue = today.Year < year ? [] : standing
            .Select(b => (Board: b, Due: BulletinBoards.NextUpdateDue(b, updates, day)))
            .Where(x => x.Due < day)
            .ToArray();
        var expected = today.Year < year ? 0 : standing.Sum(b => ChangesDueInYear(b, year, day));
        var note = overdue.Length == 0
            ? $"每个宣传栏每2个月至少更换1次，今年已更换{done}次"
            : string.Join("；", overdue.Select(x => $"{x.Board.Name}应于{x.Due:yyyy-MM-dd}前更换，已逾期"));
        yield return new MinimumProgress(EducationMinimum.BoardUpdates, required * 12 / BulletinBoards.UpdateEveryMonths, expected, done, overdue.Length > 0, note);
    }

    /// <summary>How many 2-month marks of a board have passed in the year by a day (for the expected count shown).</summary>
    private static int ChangesDueInYear(BulletinBoard board, int year, DateOnly day)
    {
        var from = board.SetUpOn.Year < year ? new DateOnly(year, 1, 1) : board.SetUpOn;
        var months = (day.Year - from.Year) * 12 + day.Month - from.Month - (day.Day < from.Day ? 1 : 0);
        return Math.Max(0, months / BulletinBoards.UpdateEveryMonths);
    }

    private static MinimumProgress Lectures(InstitutionTier tier, int year, IReadOnlyCollection<HealthEducationActivity> inYear, DateOnly today)
    {
        var months = LectureMonths(tier);
        var periods = Enumerable.Range(0, 12 / months)
            .Select(i => LecturePeriod(tier, new DateOnly(year, i * months + 1, 1)))
            .Select(p => (p.Start, p.End, Held: inYear.Any(a => a.Form == ActivityForm.Lecture && a.Date >= p.Start && a.Date <= p.End)))
            .ToArray();
        var ended = periods.Where(p => p.End < today).ToArray();
        var missed = ended.Where(p => !p.Held).ToArray();
        var done = periods.Count(p => p.Held);
        var note = missed.Length > 0
            ? $"{string.Join("、", missed.Select(p => PeriodName(p.Start.Month, months)))}未举办讲座"
            : months == 1 ? $"每月至少1次，已有{done}个月举办" : $"每两个月至少1次，已有{done}个时段举办";
        // 004 健康教育 二(二)4: 每月至少举办1次 / 每两个月至少举办1次
        return new MinimumProgress(EducationMinimum.Lectures, periods.Length, ended.Length, done, missed.Length > 0, note);
    }
}
