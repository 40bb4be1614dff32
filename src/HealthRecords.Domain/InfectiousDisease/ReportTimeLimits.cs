namespace HealthRecords.Domain.InfectiousDisease;

/// <summary>报告时限 (004 传染病 二(三)2). The value is the number of hours.</summary>
public enum ReportTimeLimit
{
    [Label("2小时内")] TwoHours = 2,
    [Label("24小时内")] TwentyFourHours = 24,
}

/// <summary>Whether a reported card met its limit.</summary>
public enum ReportTimeliness
{
    [Label("及时报告")] OnTime = 1,
    [Label("迟报")] Late = 2,
    /// <summary>A card for a case the missed-report check found (漏报): filed afterwards, counted as not timely.</summary>
    [Label("补报")] Supplementary = 3,
}

/// <summary>Where a card or event report stands against its limit at a moment.</summary>
/// <param name="Deadline">Clock start + the limit.</param>
/// <param name="Remaining">Time left until the deadline; negative once past it.</param>
public sealed record ReportCountdown(DateTime Deadline, TimeSpan Remaining)
{
    /// <summary>Past the deadline and not reported: the screens show it red.</summary>
    public bool Overdue => Remaining < TimeSpan.Zero;

    /// <summary>"剩余 1小时25分" / "已超时 3小时10分", whole minutes.</summary>
    public string Text
    {
        get
        {
            var minutes = (int)Math.Floor(Math.Abs(Remaining.TotalMinutes));
            var hm = minutes >= 60 ? $"{minutes / 60}小时{minutes % 60}分" : $"{minutes}分";
            return Overdue ? $"已超时 {hm}" : $"剩余 {hm}";
        }
    }
}

/// <summary>
/// The reporting time limits of 004 传染病 二(三)2. Times are China Standard Time wall-clock values
/// (<see cref="DateTime"/> of kind Unspecified; China keeps no daylight saving, so hours add up); the host converts
/// its <c>TimeProvider</c>'s instant before calling. The clock starts at diagnosis (the card's 诊断日期, to the hour)
/// for a case, and at discovery (接到报告时间) for an emergency event; the report time is stamped by the system.
/// </summary>
public static class ReportTimeLimits
{
    /// <summary>
    /// 2 hours for 甲类, for the 乙类 diseases the list marks (肺炭疽, 传染性非典型肺炎, 脊髓灰质炎, 人感染高致病性禽流感),
    /// and for an outbreak of any other disease; 24 hours for the rest, carriers included.
    /// </summary>
    // 004 传染病 二(三)2: 甲类、乙类中的肺炭疽/传染性非典型肺炎/脊髓灰质炎/人感染高致病性禽流感、其他传染病暴发 → 2小时; 其他乙、丙类 → 24小时
    // Decision: the limit follows the disease, whatever the case classification, so a carrier of a 2-hour disease is
    // also 2 hours (the text's "规定报告的传染病病原携带者 … 24小时" sits in the sentence about the other 乙、丙类).
    public static ReportTimeLimit For(NotifiableDisease disease, bool outbreak = false) =>
        disease.Class == DiseaseClass.ClassA || disease.ReportWithinTwoHours || outbreak
            ? ReportTimeLimit.TwoHours
            : ReportTimeLimit.TwentyFourHours;

    /// <summary>A disease written under 其他 without a list entry: 24 hours, 2 hours when it is an outbreak.</summary>
    // 004 传染病 二(三)2: 发现其他传染病、不明原因疾病暴发 → 2小时
    public static ReportTimeLimit ForUnlisted(bool outbreak) => outbreak ? ReportTimeLimit.TwoHours : ReportTimeLimit.TwentyFourHours;

    /// <summary>Public health emergency information (突发公共卫生事件相关信息), clusters of unknown cause included: 2 hours.</summary>
    // 004 传染病 二(三)2: 不明原因疾病暴发和突发公共卫生事件相关信息 → 2小时
    public static ReportTimeLimit ForEmergencyEvent() => ReportTimeLimit.TwoHours;

    /// <summary>The last moment the report is on time: clock start + the limit.</summary>
    public static DateTime Deadline(DateTime clockStart, ReportTimeLimit limit) => clockStart.AddHours((int)limit);

    /// <summary>Reported at or before the deadline.</summary>
    public static bool IsOnTime(DateTime clockStart, DateTime reportedAt, ReportTimeLimit limit) =>
        reportedAt <= Deadline(clockStart, limit);

    /// <summary>The card's timeliness: 补报 for a card filed after a missed-report finding, otherwise by the clock.</summary>
    // 004 传染病 二(三)3: 对漏报的传染病病例 … 及时进行补报; issue #20: a late card is marked late and counted so
    public static ReportTimeliness Judge(DateTime clockStart, DateTime reportedAt, ReportTimeLimit limit, bool supplementary) =>
        supplementary ? ReportTimeliness.Supplementary
        : IsOnTime(clockStart, reportedAt, limit) ? ReportTimeliness.OnTime
        : ReportTimeliness.Late;

    /// <summary>The countdown of a card not yet reported, at <paramref name="now"/>.</summary>
    public static ReportCountdown Countdown(DateTime clockStart, ReportTimeLimit limit, DateTime now)
    {
        var deadline = Deadline(clockStart, limit);
        return new ReportCountdown(deadline, deadline - now);
    }
}
