using HealthRecords.Domain.HealthEducation;

namespace HealthRecords.Domain.HealthSupervision;

/// <summary>
/// A county's 零报告制度 (004 卫生监督协管 四(三): 有条件的地区可以实行零报告制度): every period in which the institution
/// reported nothing, it says so by a deadline. Set per county: the period and the days after its end the zero report
/// is due; counties without the system have no policy and nothing is due.
/// </summary>
/// <param name="Period">Week (Monday–Sunday) or month.</param>
/// <param name="DueDaysAfterPeriodEnd">0: due on the period's last day; 5: by the 5th day after it.</param>
/// <param name="Since">The first day the policy applies (periods before it need nothing).</param>
public sealed record ZeroReportPolicy(ZeroReportPeriod Period, int DueDaysAfterPeriodEnd, DateOnly Since);

/// <summary>A zero report: "本期未发现卫生监督协管信息" for the period starting on <paramref name="PeriodStart"/>.</summary>
public sealed record ZeroReport(DateOnly PeriodStart, DateOnly SubmittedOn, string? Reporter = null);

public static class ZeroReporting
{
    /// <summary>The period containing a day: its week (Monday first) or its month.</summary>
    public static (DateOnly Start, DateOnly End) PeriodOf(ZeroReportPeriod period, DateOnly day)
    {
        if (period == ZeroReportPeriod.Week)
        {
            var start = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            return (start, start.AddDays(6));
        }
        var first = new DateOnly(day.Year, day.Month, 1);
        return (first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>
    /// The zero reports due: each period from the policy's start whose last day has come, in which no information was
    /// reported (no line of the register with its report time in the period) and no zero report was made. The window
    /// opens on the period's last day and closes <see cref="ZeroReportPolicy.DueDaysAfterPeriodEnd"/> days later.
    /// </summary>
    // 004 卫生监督协管 四(三): 零报告制度
    public static IReadOnlyList<ScheduleItem> Due(ZeroReportPolicy? policy, IReadOnlyCollection<SupervisionReport> reports, IReadOnlyCollection<ZeroReport> zeroReports, DateOnly today)
    {
        if (policy is null || policy.Since > today)
        {
            return [];
        }
        var items = new List<ScheduleItem>();
        for (var (start, end) = PeriodOf(policy.Period, policy.Since); end <= today; (start, end) = PeriodOf(policy.Period, end.AddDays(1)))
        {
            if (!HasReport(reports, start, end) && !zeroReports.Any(z => z.PeriodStart == start))
            {
                var due = end.AddDays(policy.DueDaysAfterPeriodEnd);
                items.Add(new ScheduleItem("supervision-zero-report", $"卫生监督协管信息零报告（{start:yyyy-MM-dd}至{end:yyyy-MM-dd}）", end, due, due));
            }
        }
        return items;
    }

    /// <summary>Checks a zero report: a period of the policy that has come to its last day, with nothing reported in it, not yet zero-reported.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(
        ZeroReport z, ZeroReportPolicy? policy, IReadOnlyCollection<SupervisionReport> reports, IReadOnlyCollection<ZeroReport> earlier, DateOnly today)
    {
        var e = new FieldErrors();
        if (policy is null)
        {
            e.Add("periodStart", "本县（区）未实行零报告制度");
            return e;
        }
        var (start, end) = PeriodOf(policy.Period, z.PeriodStart);
        if (start != z.PeriodStart || start < PeriodOf(policy.Period, policy.Since).Start)
        {
            e.Add("periodStart", "请选择零报告制度规定的报告周期");
        }
        else if (end > today)
        {
            e.Add("periodStart", $"本期至 {end:yyyy-MM-dd} 结束，到期末才能零报告");
        }
        else if (HasReport(reports, start, end))
        {
            e.Add("periodStart", "本期已有卫生监督协管信息报告，不需零报告");
        }
        else if (earlier.Any(x => x.PeriodStart == start))
        {
            e.Add("periodStart", "本期已零报告");
        }
        e.NotFuture("submittedOn", z.SubmittedOn, today, "报告日期");
        e.OptionalText("reporter", z.Reporter, "报告人", 30);
        return e;
    }

    private static bool HasReport(IEnumerable<SupervisionReport> reports, DateOnly start, DateOnly end) =>
        reports.Any(r => r.ReportedOn >= start && r.ReportedOn <= end);
}
