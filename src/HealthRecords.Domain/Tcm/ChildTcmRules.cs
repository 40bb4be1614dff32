namespace HealthRecords.Domain.Tcm;

/// <summary>One child's TCM guidance as the schedule and the measure read it.</summary>
public sealed record ChildTcmEntry(long Id, int AgeMonths, DateOnly Date);

/// <summary>The rules of 0–36 个月儿童中医药健康管理 (第三版; third-edition.md §2).</summary>
public static class ChildTcmRules
{
    public const string Service = "tcm-child";
    public const string Kind = "tcm-guidance";

    /// <summary>third-edition.md §2: at the check-ups at 6, 12, 18, 24, 30 and 36 months.</summary>
    public static readonly IReadOnlyList<int> GuidanceAges = [6, 12, 18, 24, 30, 36];

    public static bool IsGuidanceAge(int months) => GuidanceAges.Contains(months);

    // third-edition.md §2: at 6 and 12 months 摩腹 and 捏脊; at 18 and 24 months 按揉迎香穴 and 足三里穴; at 30 and 36 months 按揉四神聪穴.
    public static string MethodTaught(int months) => months switch
    {
        6 or 12 => "传授摩腹和捏脊方法",
        18 or 24 => "传授按揉迎香穴、足三里穴方法",
        30 or 36 => "传授按揉四神聪穴方法",
        _ => throw new ArgumentOutOfRangeException(nameof(months), months, "儿童中医药健康管理在6、12、18、24、30、36月龄时提供"),
    };

    /// <summary>The options printed at a check-up: item 3 names the massage of that age.</summary>
    public static IReadOnlyList<Codes.CodeOption> OptionsAt(int months) =>
        [.. Codes.CodeLabels.Options<ChildTcmGuidanceItem>()
            .Select(o => o.Code == (int)ChildTcmGuidanceItem.Massage ? o with { Label = MethodTaught(months) } : o)];

    /// <summary>
    /// 按照月龄 (third-edition.md §2 measure): the guidance of the N-month check-up is on time from the day the child
    /// reaches N months to the day before N + 1 months (the N-month age). This window is this system's reading; the child
    /// check-up service (Step 7) should use the same one when the two are joined.
    /// </summary>
    public static (DateOnly Start, DateOnly End) Window(DateOnly birthDate, int months) =>
        (birthDate.AddMonths(months), birthDate.AddMonths(months + 1).AddDays(-1));

    /// <summary>Given in its month age.</summary>
    public static bool OnTime(DateOnly birthDate, ChildTcmEntry e) =>
        IsGuidanceAge(e.AgeMonths) && Window(birthDate, e.AgeMonths) is var (start, end) && e.Date >= start && e.Date <= end;

    /// <summary>
    /// What is due: each check-up's guidance not yet given, from its month age until the next one's begins (37 months for
    /// the last), overdue once its month age has passed.
    /// </summary>
    public static IReadOnlyList<ScheduleItem> Due(DateOnly birthDate, IReadOnlyList<ChildTcmEntry> given, DateOnly today)
    {
        var items = new List<ScheduleItem>();
        for (var i = 0; i < GuidanceAges.Count; i++)
        {
            var months = GuidanceAges[i];
            var nextStarts = birthDate.AddMonths(i + 1 < GuidanceAges.Count ? GuidanceAges[i + 1] : months + 1);
            if (given.Any(g => g.AgeMonths == months) || today >= nextStarts)
            {
                continue;
            }
            var (start, end) = Window(birthDate, months);
            items.Add(new ScheduleItem(Kind, $"{months}月龄儿童中医药健康管理", start, start, end));
        }
        return items;
    }

    /// <summary>
    /// 0~36 个月儿童中医药健康管理服务率, denominator (应管理的0~36个月儿童): a child with at least one check-up whose month
    /// age ended in the period.
    /// </summary>
    public static bool IsDue(DateOnly birthDate, DateOnly from, DateOnly to) => PointsEndingIn(birthDate, from, to).Any();

    /// <summary>
    /// Numerator (按照月龄接受中医药健康管理服务): due, and every check-up whose month age ended in the period had its
    /// guidance in its month age.
    /// </summary>
    public static bool ServedByAge(DateOnly birthDate, IReadOnlyList<ChildTcmEntry> given, DateOnly from, DateOnly to)
    {
        var points = PointsEndingIn(birthDate, from, to).ToList();
        return points.Count > 0 && points.All(m => given.Any(g => g.AgeMonths == m && OnTime(birthDate, g)));
    }

    private static IEnumerable<int> PointsEndingIn(DateOnly birthDate, DateOnly from, DateOnly to) =>
        GuidanceAges.Where(m => Window(birthDate, m).End is var end && end >= from && end <= to);

    /// <summary>third-edition.md §2 measure.</summary>
    public static readonly Measures.MeasureDefinition ServiceRate = new(
        "tcm-child-service-rate", "0~36个月儿童中医药健康管理服务率", Service,
        "年度辖区内按照月龄接受中医药健康管理服务的0~36月儿童数（期内到期的各月龄均在该月龄内接受服务）",
        "年度辖区内应管理的0~36个月儿童数（期内有6、12、18、24、30、36月龄之一到期的儿童）",
        "第三版 0~6岁儿童健康管理服务规范（中医药健康管理）；third-edition.md §2");
}
