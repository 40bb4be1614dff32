using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;

namespace HealthRecords.Domain.Chronic;

/// <summary>What a follow-up is checked against besides itself.</summary>
/// <param name="Today">Today in China.</param>
/// <param name="EnrolledOn">The day the patient entered management.</param>
/// <param name="SameDayExists">Another follow-up of the same disease is already recorded on the visit date.</param>
/// <param name="Suggested">The system's suggestion, against which an override needs a reason.</param>
/// <param name="OverrideReason">The doctor's reason for departing from the suggestion.</param>
public sealed record FollowUpContext(DateOnly Today, DateOnly EnrolledOn, bool SameDayExists, FollowUpDecision Suggested, string? OverrideReason);

/// <summary>
/// Checks the two follow-up forms (004 附件) for impossible values. Errors are keyed by the camelCase JSON path
/// ("signs.systolic", "fastingGlucose") with Chinese messages; an empty result means valid.
/// </summary>
public static class FollowUpValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(HypertensionFollowUp f, FollowUpContext c)
    {
        var e = new Errors();
        Common(e, f.VisitDate, f.VisitMode, f.Signs, f.Lifestyle, f.Danger, f.AdverseReaction, f.AdverseReactionDetail,
            f.Medications, f.Referral, f.NextVisitDate, f.Classification, f.Doctor, c, "高血压");
        Symptoms(e, f.Symptoms, HypertensionSymptom.None, f.SymptomOther);
        Coded(e, "saltIntake.now", f.SaltIntake.Now, "摄盐情况");
        Coded(e, "saltIntake.target", f.SaltIntake.Target, "目标摄盐情况");
        Coded(e, "adherence", f.Adherence, "服药依从性");
        return e;
    }

    public static IReadOnlyDictionary<string, string[]> Validate(DiabetesFollowUp f, FollowUpContext c)
    {
        var e = new Errors();
        Common(e, f.VisitDate, f.VisitMode, f.Signs, f.Lifestyle, f.Danger, f.AdverseReaction, f.AdverseReactionDetail,
            f.Medications, f.Referral, f.NextVisitDate, f.Classification, f.Doctor, c, "糖尿病");
        Symptoms(e, f.Symptoms, DiabetesSymptom.None, f.SymptomOther);
        Coded(e, "dorsalisPedisPulse", f.DorsalisPedisPulse, "足背动脉搏动");
        Coded(e, "adherence", f.Adherence, "服药依从性");
        Coded(e, "hypoglycaemia", f.Hypoglycaemia, "低血糖反应");
        if (f.FastingGlucose is null && ChronicRules.IsFaceToFace(f.VisitMode))
        {
            e.Add("fastingGlucose", "请填写空腹血糖值");
        }
        Range(e, "fastingGlucose", f.FastingGlucose, 1.0m, 50m, "空腹血糖值", "mmol/L");
        Range(e, "hbA1c", f.HbA1c, 3m, 20m, "糖化血红蛋白", "%");
        if (f.HbA1cDate is DateOnly d && d > c.Today)
        {
            e.Add("hbA1cDate", "检查日期不能晚于今天");
        }
        if (f.HbA1cDate is not null && f.HbA1c is null)
        {
            e.Add("hbA1c", "填写了检查日期，请填写糖化血红蛋白值");
        }
        Range(e, "stapleFoodGramsPerDay.now", f.StapleFoodGramsPerDay.Now, 0, 2000, "主食", "克/天");
        Range(e, "stapleFoodGramsPerDay.target", f.StapleFoodGramsPerDay.Target, 0, 2000, "目标主食", "克/天");
        return e;
    }

    private static void Common(
        Errors e, DateOnly visitDate, VisitMode? mode, Signs s, Lifestyle l, DangerObservations danger,
        AdverseReaction? adverse, string? adverseDetail, IReadOnlyList<Medication> meds, Referral referral,
        DateOnly? next, VisitClassification? classification, string? doctor, FollowUpContext c, string disease)
    {
        if (visitDate == default)
        {
            e.Add("visitDate", "请填写随访日期");
        }
        else if (visitDate > c.Today)
        {
            e.Add("visitDate", "随访日期不能晚于今天");
        }
        else if (visitDate < c.EnrolledOn)
        {
            e.Add("visitDate", $"随访日期不能早于纳入管理日期（{c.EnrolledOn:yyyy-MM-dd}）");
        }
        else if (c.SameDayExists)
        {
            e.Add("visitDate", $"该患者当天已有一次{disease}随访记录，不能重复录入");
        }
        if (mode is null)
        {
            e.Add("visitMode", "请选择随访方式：1 门诊 2 家庭 3 电话");
        }
        Coded(e, "visitMode", mode, "随访方式");
        if (ChronicRules.IsFaceToFace(mode) && (s.Systolic is null || s.Diastolic is null))
        {
            e.Add(s.Systolic is null ? "signs.systolic" : "signs.diastolic", "面对面随访请测量并填写血压");
        }
        Range(e, "signs.systolic", s.Systolic, 60, 300, "收缩压", "mmHg");
        Range(e, "signs.diastolic", s.Diastolic, 30, 200, "舒张压", "mmHg");
        if (s.Systolic is int sbp && s.Diastolic is int dbp && sbp <= dbp)
        {
            e.Add("signs.systolic", "收缩压应高于舒张压，请核对");
        }
        Range(e, "signs.weightKg.now", s.WeightKg.Now, 20m, 300m, "体重", "kg");
        Range(e, "signs.weightKg.target", s.WeightKg.Target, 20m, 300m, "目标体重", "kg");
        Range(e, "signs.bmi.now", s.Bmi.Now, 10m, 80m, "体质指数", "kg/m²");
        Range(e, "signs.bmi.target", s.Bmi.Target, 10m, 80m, "目标体质指数", "kg/m²");
        Range(e, "signs.heartRate", s.HeartRate, 20, 250, "心率", "次/分钟");
        Range(e, "danger.temperatureC", danger.TemperatureC, 34m, 43m, "体温", "℃");
        Range(e, "lifestyle.cigarettesPerDay.now", l.CigarettesPerDay.Now, 0, 100, "日吸烟量", "支");
        Range(e, "lifestyle.cigarettesPerDay.target", l.CigarettesPerDay.Target, 0, 100, "目标日吸烟量", "支");
        Range(e, "lifestyle.alcoholLiangPerDay.now", l.AlcoholLiangPerDay.Now, 0m, 50m, "日饮酒量", "两");
        Range(e, "lifestyle.alcoholLiangPerDay.target", l.AlcoholLiangPerDay.Target, 0m, 50m, "目标日饮酒量", "两");
        Exercise(e, "lifestyle.exerciseNow", l.ExerciseNow);
        Exercise(e, "lifestyle.exerciseTarget", l.ExerciseTarget);
        Coded(e, "lifestyle.psychologicalAdjustment", l.PsychologicalAdjustment, "心理调整");
        Coded(e, "lifestyle.compliance", l.Compliance, "遵医行为");
        Coded(e, "adverseReaction", adverse, "药物不良反应");
        if (adverse == AdverseReaction.Present && string.IsNullOrWhiteSpace(adverseDetail))
        {
            e.Add("adverseReactionDetail", "请写明哪种药物、何种不良反应");
        }
        Coded(e, "classification", classification, "此次随访分类");
        for (var i = 0; i < meds.Count; i++)
        {
            var m = meds[i];
            if (string.IsNullOrWhiteSpace(m.Name))
            {
                e.Add($"medications[{i}].name", "请填写药物名称");
            }
            Range(e, $"medications[{i}].timesPerDay", m.TimesPerDay, 1, 12, "每日次数", "次");
            Range(e, $"medications[{i}].mgPerTime", m.MgPerTime, 0.001m, 10000m, "每次用量", "mg");
        }
        if (meds.Count > 4)
        {
            e.Add("medications", "用药情况最多填写药物1–3和其他药物共4行");
        }
        if (!string.IsNullOrWhiteSpace(referral.InstitutionAndDepartment) && string.IsNullOrWhiteSpace(referral.Reason))
        {
            e.Add("referral.reason", "请填写转诊原因");
        }
        if (c.Suggested.Referral && string.IsNullOrWhiteSpace(referral.Reason) && string.IsNullOrWhiteSpace(c.OverrideReason))
        {
            e.Add("referral.reason", c.Suggested.UrgentReferral ? "存在危急情况，须紧急转诊：请填写转诊原因" : "建议转诊：请填写转诊原因，或填写不转诊的理由");
        }
        if (next is DateOnly n && visitDate != default && n <= visitDate)
        {
            e.Add("nextVisitDate", "下次随访日期应晚于本次随访日期");
        }
        var overridden = (classification is not null && classification != c.Suggested.Classification)
            || (next is not null && next != c.Suggested.NextVisitDate);
        if (overridden && string.IsNullOrWhiteSpace(c.OverrideReason))
        {
            e.Add("overrideReason", "与系统建议的分类或下次随访日期不同，请填写理由");
        }
        if (string.IsNullOrWhiteSpace(doctor))
        {
            e.Add("doctor", "请填写随访医生");
        }
    }

    private static void Symptoms<T>(Errors e, IReadOnlyList<T> symptoms, T none, string? other) where T : struct, Enum
    {
        foreach (var s in symptoms)
        {
            Coded(e, "symptoms", (T?)s, "症状");
        }
        if (symptoms.Contains(none) && (symptoms.Count > 1 || !string.IsNullOrWhiteSpace(other)))
        {
            e.Add("symptoms", "选了“1 无症状”就不能再选其他症状");
        }
    }

    private static void Exercise(Errors e, string path, Exercise? x)
    {
        if (x is null)
        {
            return;
        }
        Range(e, path + ".timesPerWeek", x.TimesPerWeek, 0, 21, "运动", "次/周");
        Range(e, path + ".minutesPerTime", x.MinutesPerTime, 0, 600, "运动", "分钟/次");
    }

    private static void Coded<T>(Errors e, string path, T? value, string label) where T : struct, Enum
    {
        if (value is T v && !Enum.IsDefined(v))
        {
            var options = string.Join(" ", CodeLabels.Options<T>().Select(o => $"{o.Code} {o.Label}"));
            e.Add(path, $"{label}只能填 {options}");
        }
    }

    private static void Range<T>(Errors e, string path, T? value, T min, T max, string label, string unit) where T : struct, IComparable<T>
    {
        if (value is T v && (v.CompareTo(min) < 0 || v.CompareTo(max) > 0))
        {
            e.Add(path, $"{label}{v}{unit}不可能，应在{min}–{max}{unit}之间，请核对");
        }
    }

    private sealed class Errors : Dictionary<string, string[]>
    {
        public void Add(string key, string message) =>
            this[key] = TryGetValue(key, out var m) ? [.. m, message] : [message];
    }
}
