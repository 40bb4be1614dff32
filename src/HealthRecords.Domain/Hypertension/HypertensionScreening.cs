using HealthRecords.Domain.Chronic;

namespace HealthRecords.Domain.Hypertension;

/// <summary>One blood pressure reading taken for screening (004 高血压 二(一)).</summary>
public sealed record ScreeningReading(DateOnly On, int Systolic, int Diastolic);

/// <summary>A stored screening reading as the schedule reads it: the reading, its row and whether the resident is high-risk.</summary>
public sealed record ScreeningEntry(long Id, ScreeningReading Reading, bool HighRisk);

/// <summary>Where a resident stands in hypertension screening.</summary>
public enum ScreeningStatus
{
    /// <summary>No raised reading outstanding.</summary>
    Normal = 1,
    /// <summary>A raised reading: re-checks are booked (预约其复查).</summary>
    RecheckDue = 2,
    /// <summary>Raised on 3 different days: 可初步诊断为高血压, refer or confirm.</summary>
    Suspected = 3,
}

public sealed record ScreeningState(ScreeningStatus Status, int RaisedDays, DateOnly? RecheckDue);

/// <summary>The screening rules of 004 高血压患者健康管理服务规范 二(一).</summary>
public static class HypertensionScreening
{
    /// <summary>004 高血压 一: 辖区内 35 岁及以上 (<see cref="ChronicRules.TargetAge"/>).</summary>
    public const int ScreeningAge = ChronicRules.TargetAge;

    /// <summary>Days to a re-check after a raised reading. 004 says only "预约其复查"; a week lets the causes be removed.</summary>
    public const int RecheckIntervalDays = 7;

    /// <summary>004 高血压 二(一)3: 建议高危人群每半年至少测量 1 次血压.</summary>
    public const int HighRiskIntervalMonths = 6;

    // 004 高血压 二(一)1: 35 岁及以上常住居民，每年在其第一次就诊时为其测量血压
    public static bool PromptsBloodPressure(int age, bool measuredThisYear) => age >= ScreeningAge && !measuredThisYear;

    /// <summary>
    /// 004 高血压 二(一)2: a first raised reading (≥ 140 and/or ≥ 90) books re-checks; raised on 3 different days
    /// (非同日 3 次血压高于正常) is suspected hypertension. A normal re-check ends the series.
    /// </summary>
    public static ScreeningState Assess(IEnumerable<ScreeningReading> readings)
    {
        var days = readings
            .GroupBy(r => r.On)
            .OrderBy(g => g.Key)
            // several readings on one day: the day is raised when its lowest reading is still raised
            .Select(g => (Day: g.Key, Raised: g.All(r => HypertensionRules.IsRaised(r.Systolic, r.Diastolic))))
            .ToList();
        var raisedDays = 0;
        DateOnly? last = null;
        foreach (var (day, raised) in days)
        {
            raisedDays = raised ? raisedDays + 1 : 0;
            last = day;
        }
        if (raisedDays >= 3)
        {
            return new ScreeningState(ScreeningStatus.Suspected, raisedDays, null);
        }
        return raisedDays > 0
            ? new ScreeningState(ScreeningStatus.RecheckDue, raisedDays, last!.Value.AddDays(RecheckIntervalDays))
            : new ScreeningState(ScreeningStatus.Normal, 0, null);
    }

    // 004 高血压 二(一)3: high-risk residents are reminded six months after their last reading
    public static DateOnly HighRiskReminder(DateOnly lastReading) => lastReading.AddMonths(HighRiskIntervalMonths);

    /// <summary>
    /// What screening has due for a resident not under hypertension management, from their readings (any order): a
    /// re-check after a raised reading, the follow-up of suspected hypertension referred for diagnosis within 2 weeks
    /// (004 高血压 二(一)2: 建议转诊到上级医院确诊，2 周内随访转诊结果), or a high-risk resident's half-yearly reading
    /// (二(一)3); null when nothing is due.
    /// </summary>
    public static ScheduleItem? Due(IReadOnlyCollection<ScreeningEntry> entries)
    {
        if (entries.Count == 0)
        {
            return null;
        }
        var latest = entries.OrderByDescending(e => e.Reading.On).ThenByDescending(e => e.Id).First();
        var state = Assess(entries.Select(e => e.Reading));
        return state.Status switch
        {
            ScreeningStatus.RecheckDue => ScheduleItem.On(ScheduleKinds.ScreeningRecheck, $"血压复查（第{state.RaisedDays}次偏高后）",
                state.RecheckDue!.Value, sourceId: latest.Id),
            ScreeningStatus.Suspected => ScheduleItem.On(ScheduleKinds.ReferralFollowUp, "疑似高血压：转诊确诊，随访转诊结果",
                latest.Reading.On.AddDays(ChronicRules.ShortIntervalDays), urgent: true, latest.Id),
            _ when latest.HighRisk => ScheduleItem.On(ScheduleKinds.Reminder, "高血压高危人群半年测量血压",
                HighRiskReminder(latest.Reading.On), sourceId: latest.Id),
            _ => null,
        };
    }

    /// <summary>
    /// 004 高血压 二(一)2: 对可疑继发性高血压患者，及时转诊. The clause names no criteria; the clues listed are those of the
    /// 中国高血压防治指南 the specification refers to (四(三)). Shown whenever the screening reaches suspected hypertension,
    /// and at enrolment, so the doctor considers it before managing the patient as 原发性高血压 (issue #15 item 6).
    /// </summary>
    public const string SecondaryReferralPrompt =
        "如疑为继发性高血压（如年轻起病、血压突然升高或多种降压药难以控制、伴低血钾、阵发性头痛心悸多汗、夜尿增多或血尿蛋白尿等），应及时转诊上级医院明确诊断；原发性高血压方纳入高血压患者健康管理。";

    /// <summary>The prompt of <see cref="SecondaryReferralPrompt"/> for a screening state: shown once hypertension is suspected.</summary>
    public static string? SecondaryReferral(ScreeningState state) =>
        state.Status == ScreeningStatus.Suspected ? SecondaryReferralPrompt : null;
}
