using HealthRecords.Domain.Chronic;

namespace HealthRecords.Domain.Diabetes;

/// <summary>The decision rules of 004 2型糖尿病患者健康管理服务规范, each one function.</summary>
public static class DiabetesRules
{
    /// <summary>Four free fasting glucose tests a year (004 糖尿病 二(二)).</summary>
    public const int FreeFastingGlucoseTestsPerYear = 4;

    // 004 糖尿病 二(三)(1): 血糖控制满意 = 空腹血糖值 < 7.0 mmol/L
    public static bool? IsControlled(decimal? fastingGlucose) => fastingGlucose is decimal g ? g < 7.0m : null;

    // Upper limit of normal fasting glucose (WHO 1999, used by the Chinese guideline): 3.9–6.1 mmol/L. 004 糖尿病 二(二)(1)
    // names "妊娠期及哺乳期血糖高于正常" without a figure; a reading at or above 6.1 is above normal.
    public const decimal NormalFastingGlucoseUpper = 6.1m;

    /// <summary>004 糖尿病 二(二)(1): 血糖 ≥ 16.7 mmol/L 或 ≤ 3.9 mmol/L (any glucose, fasting or random).</summary>
    public const decimal DangerGlucoseHigh = 16.7m;

    /// <inheritdoc cref="DangerGlucoseHigh"/>
    public const decimal DangerGlucoseLow = 3.9m;

    /// <summary>
    /// 004 糖尿病 二(二)(1) 血糖 ≥ 16.7 mmol/L 或血糖 ≤ 3.9 mmol/L: the clause says 血糖, so a random reading counts as
    /// much as a fasting one (issue #15 item 9). The danger signs of one reading, in Chinese; empty when none.
    /// </summary>
    public static IEnumerable<string> GlucoseDangerSigns(string name, decimal? glucose)
    {
        if (glucose >= DangerGlucoseHigh)
        {
            yield return $"{name}{glucose}mmol/L（≥{DangerGlucoseHigh}）";
        }
        else if (glucose <= DangerGlucoseLow)
        {
            yield return $"{name}{glucose}mmol/L（≤{DangerGlucoseLow}）";
        }
    }

    /// <summary>004 糖尿病 二(二)(1): the danger signs (危险情况) present, in Chinese; empty when none.</summary>
    public static IReadOnlyList<string> DangerSigns(decimal? fastingGlucose, int? systolic, int? diastolic, int? heartRate, DangerObservations danger, decimal? randomGlucose = null)
    {
        var signs = new List<string>();
        // 004 糖尿病 二(二)(1): 血糖 ≥ 16.7 mmol/L 或 ≤ 3.9 mmol/L — fasting or random
        signs.AddRange(GlucoseDangerSigns("空腹血糖", fastingGlucose));
        signs.AddRange(GlucoseDangerSigns("随机血糖", randomGlucose));
        // 004 糖尿病 二(二)(1): 收缩压 ≥ 180 和（或）舒张压 ≥ 110 mmHg
        signs.AddRange(ChronicRules.BloodPressureDangerSigns(systolic, diastolic));
        // 004 糖尿病 二(二)(1): 持续性心动过速（心率超过 100 次/分钟）
        if (heartRate > 100)
        {
            signs.Add($"心率{heartRate}次/分钟（>100）");
        }
        // 004 糖尿病 二(二)(1): 体温超过 39 摄氏度
        if (danger.TemperatureC > 39m)
        {
            signs.Add($"体温{danger.TemperatureC}℃（>39）");
        }
        // 004 糖尿病 二(二)(1): 意识或行为改变、烂苹果样丙酮味、心悸、出汗、食欲减退、恶心、呕吐、多饮、多尿、腹痛、深大呼吸、皮肤潮红、视力突然骤降
        signs.AddRange(danger.Symptoms.Where(DangerSymptoms.Diabetes.Contains).Distinct().Select(s => s.Label()));
        // 004 糖尿病 二(二)(1): 其他的突发异常情况 (the doctor's description)
        if (!string.IsNullOrWhiteSpace(danger.OtherSuddenAbnormality))
        {
            signs.Add($"其他突发异常情况：{danger.OtherSuddenAbnormality.Trim()}");
        }
        // 004 糖尿病 二(二)(1): 妊娠期及哺乳期血糖高于正常
        if (danger.PregnantOrLactating && fastingGlucose >= NormalFastingGlucoseUpper)
        {
            signs.Add("妊娠期或哺乳期血糖高于正常");
        }
        // 004 糖尿病 二(二)(1): 存在不能处理的其他疾病
        if (danger.OtherUnmanageableCondition)
        {
            signs.Add("存在不能处理的其他疾病");
        }
        return signs;
    }

    public static VisitFacts Facts(DiabetesFollowUp f, bool? previousControlled) => new(
        f.VisitDate,
        IsControlled(f.FastingGlucose),
        previousControlled,
        f.AdverseReaction == AdverseReaction.Present,
        f.AdverseReactionHardToControl,
        f.NewOrWorseComplication,
        DangerSigns(f.FastingGlucose, f.Signs.Systolic, f.Signs.Diastolic, f.Signs.HeartRate, f.Danger, f.RandomGlucose));

    public static FollowUpDecision Decide(DiabetesFollowUp f, bool? previousControlled) =>
        ChronicRules.Decide(Facts(f, previousControlled));
}
