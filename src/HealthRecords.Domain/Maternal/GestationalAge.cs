namespace HealthRecords.Domain.Maternal;

/// <summary>孕周: completed weeks and days since the first day of the last menstrual period (孕12周+3天).</summary>
public readonly record struct GestationalAge
{
    public GestationalAge(int weeks, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weeks);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 6);
        Weeks = weeks;
        Days = days;
    }

    public int Weeks { get; }
    public int Days { get; }
    public int TotalDays => (Weeks * 7) + Days;

    public static GestationalAge FromDays(int totalDays) => new(totalDays / 7, totalDays % 7);

    /// <summary>The first day of week <paramref name="weeks"/>, e.g. 16 → 孕16周+0天.</summary>
    public static GestationalAge AtWeek(int weeks) => new(weeks, 0);

    /// <summary>"孕12周+3天", or "孕12周" on the first day of a week.</summary>
    public override string ToString() => Days == 0
        ? string.Create(CultureInfo.InvariantCulture, $"孕{Weeks}周")
        : string.Create(CultureInfo.InvariantCulture, $"孕{Weeks}周+{Days}天");

    public static bool operator <(GestationalAge a, GestationalAge b) => a.TotalDays < b.TotalDays;
    public static bool operator >(GestationalAge a, GestationalAge b) => a.TotalDays > b.TotalDays;
    public static bool operator <=(GestationalAge a, GestationalAge b) => a.TotalDays <= b.TotalDays;
    public static bool operator >=(GestationalAge a, GestationalAge b) => a.TotalDays >= b.TotalDays;
}

/// <summary>How a pregnancy is dated: from the last menstrual period, or, when that is 不详, from the expected date of
/// delivery the doctor writes (for example from an ultrasound).</summary>
public enum DatingBasis
{
    LastMenstrualPeriod = 1,
    ExpectedDelivery = 2,
}

/// <summary>
/// The dates of a pregnancy (末次月经, 预产期) and what follows from them: 孕周 on any day, and the expected date of
/// delivery by the form's rule beside the 280-day date. Pure; dates out of <see cref="DateOnly"/>'s range give null,
/// never an exception.
/// </summary>
public sealed record PregnancyDating(DateOnly? LastMenstrualPeriod, DateOnly? ExpectedDelivery)
{
    /// <summary>Days from the last menstrual period to the expected date of delivery (40 weeks; Naegele's rule).</summary>
    public const int TermDays = 280;

    /// <summary>What 孕周 is counted from: the LMP when known, otherwise the written expected date.</summary>
    public DatingBasis? Basis => LastMenstrualPeriod is not null ? DatingBasis.LastMenstrualPeriod
        : ExpectedDelivery is not null ? DatingBasis.ExpectedDelivery : null;

    /// <summary>Day 0 of 孕周: the LMP when known (004 附件1 填表说明 5), otherwise the expected date − 280 days (an
    /// EDD written from an ultrasound dates the pregnancy as if the LMP were 40 weeks before it).</summary>
    public DateOnly? Start => LastMenstrualPeriod ?? (ExpectedDelivery is DateOnly edd ? AddDays(edd, -TermDays) : null);

    /// <summary>孕周 on <paramref name="date"/>; null when the pregnancy cannot be dated or the day is before its start.</summary>
    public GestationalAge? On(DateOnly date) =>
        Start is DateOnly s && date >= s ? GestationalAge.FromDays(date.DayNumber - s.DayNumber) : null;

    /// <summary>The day a given 孕周 is reached, or null when the pregnancy cannot be dated.</summary>
    public DateOnly? DayOf(GestationalAge age) => Start is DateOnly s ? AddDays(s, age.TotalDays) : null;

    /// <summary>
    /// 预产期 by the form's rule (004 孕产妇 附件1 填表说明 6): the LMP's month + 9 (January–March, same year) or − 3
    /// (April–December, next year), and its day + 7. Where the day + 7 is past the end of that month, the surplus days
    /// carry into the next month: the date is day 1 of the EDD month plus (day + 6) days. So 2009-07-25 gives April 32 →
    /// 2010-05-02 (the worked example of the common teaching), and 2025-05-31 gives February 38 → 2026-03-10. Never
    /// throws: null only when the date would fall past 9999-12-31.
    /// </summary>
    public static DateOnly? ByFormRule(DateOnly lastMenstrualPeriod)
    {
        var (year, month) = lastMenstrualPeriod.Month <= 3
            ? (lastMenstrualPeriod.Year, lastMenstrualPeriod.Month + 9)
            : (lastMenstrualPeriod.Year + 1, lastMenstrualPeriod.Month - 3);
        if (year > DateOnly.MaxValue.Year)
        {
            return null;
        }
        return AddDays(new DateOnly(year, month, 1), lastMenstrualPeriod.Day + 7 - 1);
    }

    /// <summary>The LMP + 280 days (Naegele's rule as a day count), shown beside the form's date.</summary>
    public static DateOnly? By280Days(DateOnly lastMenstrualPeriod) => AddDays(lastMenstrualPeriod, TermDays);

    /// <summary>The expected date to suggest for a new registration: the form's rule from the LMP, or null without one.</summary>
    public static DateOnly? Suggest(DateOnly? lastMenstrualPeriod) =>
        lastMenstrualPeriod is DateOnly lmp ? ByFormRule(lmp) : null;

    private static DateOnly? AddDays(DateOnly date, int days)
    {
        var n = (long)date.DayNumber + days;
        return n < DateOnly.MinValue.DayNumber || n > DateOnly.MaxValue.DayNumber ? null : DateOnly.FromDayNumber((int)n);
    }
}
