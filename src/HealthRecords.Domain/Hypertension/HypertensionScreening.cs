namespace HealthRecords.Domain.Hypertension;

/// <summary>One blood pressure reading taken for screening (004 高血压 二(一)).</summary>
public sealed record ScreeningReading(DateOnly On, int Systolic, int Diastolic);

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
    /// <summary>004 高血压 一: 辖区内 35 岁及以上.</summary>
    public const int ScreeningAge = 35;

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
}
