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
        var e = new FieldErrors();
        Common(e, f.VisitDate, f.VisitMode, f.Signs, f.Lifestyle, f.Danger, f.AdverseReaction, f.AdverseReactionDetail,
            f.Medications, f.Referral, f.NextVisitDate, f.Classification, f.Doctor, c, ChronicDisease.Hypertension);
        Symptoms(e, f.Symptoms, HypertensionSymptom.None, f.SymptomOther);
        Coded(e, "saltIntake.now", f.SaltIntake.Now, "摄盐情况");
        Coded(e, "saltIntake.target", f.SaltIntake.Target, "目标摄盐情况");
        Coded(e, "adherence", f.Adherence, "服药依从性");
        return e;
    }

    public static IReadOnlyDictionary<string, string[]> Validate(DiabetesFollowUp f, FollowUpContext c)
    {
        var e = new FieldErrors();
        Common(e, f.VisitDate, f.VisitMode, f.Signs, f.Lifestyle, f.Danger, f.AdverseReaction, f.AdverseReactionDetail,
            f.Medications, f.Referral, f.NextVisitDate, f.Classification, f.Doctor, c, ChronicDisease.Diabetes);
        Symptoms(e, f.Symptoms, DiabetesSymptom.None, f.SymptomOther);
        Coded(e, "dorsalisPedisPulse", f.DorsalisPedisPulse, "足背动脉搏动");
        Coded(e, "adherence", f.Adherence, "服药依从性");
        Coded(e, "hypoglycaemia", f.Hypoglycaemia, "低血糖反应");
        if (f.FastingGlucose is null && ChronicRules.IsFaceToFace(f.VisitMode))
        {
            e.Add("fastingGlucose", "请填写空腹血糖值");
        }
        e.Range("fastingGlucose", f.FastingGlucose, PlausibleRanges.FastingGlucoseMmol, "空腹血糖值");
        e.Range("randomGlucose", f.RandomGlucose, PlausibleRanges.FastingGlucoseMmol, "随机血糖值");
        e.Range("hbA1c", f.HbA1c, PlausibleRanges.HbA1c);
        if (f.HbA1cDate is DateOnly d && d > c.Today)
        {
            e.Add("hbA1cDate", "检查日期不能晚于今天");
        }
        if (f.HbA1cDate is not null && f.HbA1c is null)
        {
            e.Add("hbA1c", "填写了检查日期，请填写糖化血红蛋白值");
        }
        e.Range("stapleFoodGramsPerDay.now", f.StapleFoodGramsPerDay.Now, new PlausibleRange("主食", 0m, 2000m, "克/天"));
        e.Range("stapleFoodGramsPerDay.target", f.StapleFoodGramsPerDay.Target, new PlausibleRange("目标主食", 0m, 2000m, "克/天"));
        return e;
    }

    private static void Common(
        FieldErrors e, DateOnly visitDate, VisitMode? mode, Signs s, Lifestyle l, DangerObservations danger,
        AdverseReaction? adverse, string? adverseDetail, IReadOnlyList<Medication> meds, Referral referral,
        DateOnly? next, VisitClassification? classification, string? doctor, FollowUpContext c, ChronicDisease chronic)
    {
        var disease = chronic == ChronicDisease.Diabetes ? "糖尿病" : "高血压";
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
        e.Range("signs.systolic", s.Systolic, PlausibleRanges.Systolic);
        e.Range("signs.diastolic", s.Diastolic, PlausibleRanges.Diastolic);
        if (s.Systolic is int sbp && s.Diastolic is int dbp && sbp <= dbp)
        {
            e.Add("signs.systolic", "收缩压应高于舒张压，请核对");
        }
        e.Range("signs.weightKg.now", s.WeightKg.Now, PlausibleRanges.Weight);
        e.Range("signs.weightKg.target", s.WeightKg.Target, PlausibleRanges.Weight, "目标体重");
        e.Range("signs.bmi.now", s.Bmi.Now, PlausibleRanges.Bmi);
        e.Range("signs.bmi.target", s.Bmi.Target, PlausibleRanges.Bmi, "目标体质指数");
        e.Range("signs.heartRate", s.HeartRate, PlausibleRanges.HeartRate);
        e.Range("danger.temperatureC", danger.TemperatureC, PlausibleRanges.Temperature);
        e.Range("lifestyle.cigarettesPerDay.now", l.CigarettesPerDay.Now, PlausibleRanges.CigarettesPerDay);
        e.Range("lifestyle.cigarettesPerDay.target", l.CigarettesPerDay.Target, PlausibleRanges.CigarettesPerDay, "目标日吸烟量");
        e.Range("lifestyle.alcoholLiangPerDay.now", l.AlcoholLiangPerDay.Now, PlausibleRanges.AlcoholLiangPerDay);
        e.Range("lifestyle.alcoholLiangPerDay.target", l.AlcoholLiangPerDay.Target, PlausibleRanges.AlcoholLiangPerDay, "目标日饮酒量");
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
        // issue #15 item 10: nothing measured cannot mean 控制满意; the doctor classifies, with a reason (below)
        if (c.Suggested.Classification is null && classification is null)
        {
            var value = chronic == ChronicDisease.Diabetes ? "空腹血糖" : "血压";
            e.Add("classification", $"本次未测量{value}，系统不能判断控制情况：请选择此次随访分类并填写理由");
        }
        for (var i = 0; i < meds.Count; i++)
        {
            var m = meds[i];
            if (string.IsNullOrWhiteSpace(m.Name))
            {
                e.Add($"medications[{i}].name", "请填写药物名称");
            }
            e.Range($"medications[{i}].timesPerDay", m.TimesPerDay, new PlausibleRange("每日次数", 1m, 12m, "次"));
            e.Range($"medications[{i}].mgPerTime", m.MgPerTime, new PlausibleRange("每次用量", 0.001m, 10000m, "mg"));
        }
        if (meds.Count > ChronicForms.MedicationRows(chronic))
        {
            e.Add("medications", chronic == ChronicDisease.Diabetes
                ? "用药情况最多填写药物名称1–3共3行（胰岛素另填）"
                : "用药情况最多填写药物名称1–3和其他药物共4行");
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

    private static void Symptoms<T>(FieldErrors e, IReadOnlyList<T> symptoms, T none, string? other) where T : struct, Enum
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

    private static void Exercise(FieldErrors e, string path, Exercise? x)
    {
        if (x is null)
        {
            return;
        }
        e.Range(path + ".timesPerWeek", x.TimesPerWeek, new PlausibleRange("运动", 0m, 21m, "次/周"));
        e.Range(path + ".minutesPerTime", x.MinutesPerTime, PlausibleRanges.ExerciseMinutes);
    }

    private static void Coded<T>(FieldErrors e, string path, T? value, string label) where T : struct, Enum
    {
        if (value is T v && !Enum.IsDefined(v))
        {
            var options = string.Join(" ", CodeLabels.Options<T>().Select(o => $"{o.Code} {o.Label}"));
            e.Add(path, $"{label}只能填 {options}");
        }
    }
}
