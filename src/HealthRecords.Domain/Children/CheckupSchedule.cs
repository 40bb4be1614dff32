using HealthRecords.Domain.Encounters;

namespace HealthRecords.Domain.Children;

/// <summary>
/// The check-ups' windows. 004 names each check-up's age but no window; these defaults are ours, configurable per county
/// (the host binds configuration onto this record):
/// <list type="bullet">
/// <item>满月 is due at 28 days (二(二): 新生儿满28天后); the month check-ups at the month of age (3, 6 … 36 months);
/// the yearly ones on the birthday (4, 5, 6 years).</item>
/// <item>On time: within the month of age after its target (满月: to the day before 2 months), and for the yearly
/// check-ups within that year of age (二(四): 每年提供一次).</item>
/// <item>Accepted as that check-up (validation): from <see cref="EarlyDays"/> before its target (满月 never before 28
/// days) until the day before the next check-up's acceptance starts (6 years: until the day before the 7th birthday).</item>
/// </list>
/// </summary>
public sealed record CheckupWindows
{
    /// <summary>Days before its target age a check-up may be done and still count as that check-up.</summary>
    public int EarlyDays { get; init; } = 14;
    /// <summary>Months a month check-up stays on time after its target (1 = within that month of age).</summary>
    public int MonthCheckupOnTimeMonths { get; init; } = 1;
    /// <summary>Months a yearly check-up (4, 5, 6 years) stays on time after the birthday (12 = within that year of age).</summary>
    public int YearCheckupOnTimeMonths { get; init; } = 12;

    public static CheckupWindows Default { get; } = new();
}

/// <summary>One check-up's dates for a child.</summary>
/// <param name="Target">The day the child reaches the check-up's age.</param>
/// <param name="OnTimeEnd">The last day it is on time (the work list's window end).</param>
/// <param name="AcceptFrom">The first day a check-up of this age may be recorded.</param>
/// <param name="AcceptUntil">The last day a check-up of this age may be recorded.</param>
public sealed record CheckupDates(CheckupAge Age, DateOnly Target, DateOnly OnTimeEnd, DateOnly AcceptFrom, DateOnly AcceptUntil);

/// <summary>
/// The check-up schedule of 0~6岁儿童健康管理 (004 儿童 二(二) 满月, 二(三) 3、6、8、12、18、24、30、36月龄,
/// 二(四) 4~6岁每年一次), as work-list items with windows.
/// </summary>
public static class CheckupSchedule
{
    public const string Service = "child";
    public const string CheckupKind = "child-checkup";
    public const string ReferralKind = "child-referral-follow-up";

    /// <summary>The day a child reaches a check-up's age.</summary>
    // 004 儿童 二(二): 新生儿满28天后 …随访; 二(三)(四): the month and year ages
    public static DateOnly Target(DateOnly birthDate, CheckupAge age) => age switch
    {
        CheckupAge.OneMonth => birthDate.AddDays(28),
        CheckupAge.Years4 or CheckupAge.Years5 or CheckupAge.Years6 => birthDate.AddYears((int)age / 12),
        _ => birthDate.AddMonths((int)age),
    };

    /// <summary>All dates of one check-up for a child (see <see cref="CheckupWindows"/> for the rules).</summary>
    public static CheckupDates Dates(DateOnly birthDate, CheckupAge age, CheckupWindows? windows = null)
    {
        var w = windows ?? CheckupWindows.Default;
        var target = Target(birthDate, age);
        var onTimeEnd = age switch
        {
            CheckupAge.OneMonth => birthDate.AddMonths(1 + w.MonthCheckupOnTimeMonths).AddDays(-1),
            CheckupAge.Years4 or CheckupAge.Years5 or CheckupAge.Years6 => target.AddMonths(w.YearCheckupOnTimeMonths).AddDays(-1),
            _ => target.AddMonths(w.MonthCheckupOnTimeMonths).AddDays(-1),
        };
        var acceptFrom = age == CheckupAge.OneMonth ? target : target.AddDays(-w.EarlyDays);
        var index = IndexOf(age);
        var acceptUntil = index + 1 < CheckupItems.Ages.Count
            ? Target(birthDate, CheckupItems.Ages[index + 1]).AddDays(-w.EarlyDays - 1)
            : birthDate.AddYears(7).AddDays(-1);
        return new CheckupDates(age, target, onTimeEnd < target ? target : onTimeEnd, acceptFrom, acceptUntil);
    }

    /// <summary>True when a check-up of this age may be recorded on this date (not outside its age window).</summary>
    public static bool IsWithinWindow(DateOnly birthDate, CheckupAge age, DateOnly visitDate, CheckupWindows? windows = null)
    {
        var d = Dates(birthDate, age, windows);
        return visitDate >= d.AcceptFrom && visitDate <= d.AcceptUntil;
    }

    /// <summary>The check-up a visit on this date would be, or null when none accepts that date (before 28 days, from 7 years).</summary>
    public static CheckupAge? AgeFor(DateOnly birthDate, DateOnly visitDate, CheckupWindows? windows = null) =>
        CheckupItems.Ages.Cast<CheckupAge?>().FirstOrDefault(a => IsWithinWindow(birthDate, a!.Value, visitDate, windows));

    /// <summary>
    /// What is due for a child today: the earliest check-up not yet done whose window has not closed (a check-up that
    /// can no longer be done, because the next age has come, is not listed). Before 7 years only; nothing once
    /// <paramref name="managementEnded"/> (moved away, died).
    /// </summary>
    public static IReadOnlyList<ScheduleItem> Due(
        DateOnly birthDate, IReadOnlyCollection<CheckupAge> done, DateOnly today, bool managementEnded = false, CheckupWindows? windows = null)
    {
        if (managementEnded)
        {
            return [];
        }
        foreach (var age in CheckupItems.Ages)
        {
            if (done.Contains(age))
            {
                continue;
            }
            var d = Dates(birthDate, age, windows);
            if (d.AcceptUntil < today)
            {
                continue;
            }
            return [new ScheduleItem(CheckupKind + ":" + (int)age, $"儿童健康检查（{age.Label()}）", d.Target, d.Target, d.OnTimeEnd)];
        }
        return [];
    }

    /// <summary>A check-up that advised a referral is followed up within 2 weeks, urgent, until the result is recorded.</summary>
    // 004 儿童 二(五) 转诊; as elsewhere in 004 (高血压 三, 孕产妇 二(一)4): 2周内随访转诊结果
    public static ScheduleItem? ReferralFollowUp(ChildCheckup checkup, bool resultRecorded, long? sourceId = null) =>
        checkup.Referral.Advice == ReferralAdvice.Yes && !resultRecorded
            ? ScheduleItem.On(ReferralKind, "儿童转诊后随访（2周内）", ReferralRules.FollowUpDue(checkup.VisitDate), urgent: true, sourceId: sourceId)
            : null;

    /// <summary>The date the system suggests for 下次随访日期: the next check-up's target after this one.</summary>
    // 004 儿童 附件2–4 填表说明 下次随访日期: 根据儿童情况确定 — the schedule's next age unless the doctor decides otherwise
    public static DateOnly? SuggestedNextVisit(DateOnly birthDate, CheckupAge age)
    {
        var index = IndexOf(age);
        return index + 1 < CheckupItems.Ages.Count ? Target(birthDate, CheckupItems.Ages[index + 1]) : null;
    }

    private static int IndexOf(CheckupAge age)
    {
        for (var i = 0; i < CheckupItems.Ages.Count; i++)
        {
            if (CheckupItems.Ages[i] == age)
            {
                return i;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(age), age, "not a check-up age");
    }
}
