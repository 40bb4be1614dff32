using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;

namespace HealthRecords.Domain.Chronic;

/// <summary>
/// What a new follow-up starts from besides the medication, and what the paper form asks that is still empty
/// (issue #15 items 11 and 16). The doctor confirms what was carried over; nothing here is saved unseen.
/// </summary>
public static class FollowUpCarryOver
{
    /// <summary>
    /// 004 高血压/2型糖尿病 二(三)(4) 与患者一起制定生活方式改进目标并在下一次随访时评估进展: the previous visit's lifestyle lines
    /// (吸烟、饮酒、运动 now and target, 心理调整, 遵医行为) start the next form, for the doctor to confirm or change.
    /// </summary>
    public static Lifestyle Lifestyle(Lifestyle? previous) => previous ?? new Lifestyle();

    /// <summary>
    /// The previous visit's 体重 and 体质指数 targets (填表说明 2: 斜线后填写下次随访时应调整到的目标); the current values are
    /// measured again, so they are not carried.
    /// </summary>
    public static Signs Signs(Signs? previous) => previous is null ? new Signs() : new Signs
    {
        WeightKg = new(null, previous.WeightKg.Target),
        Bmi = new(null, previous.Bmi.Target),
    };

    /// <summary>
    /// 004 高血压 二(二)(1) 处于妊娠期或哺乳期同时血压高于正常, 糖尿病 二(二)(1) 妊娠期及哺乳期血糖高于正常: a woman whose record says
    /// she is pregnant starts the follow-up with 妊娠期或哺乳期 ticked (the doctor may untick), so the danger sign fires
    /// without a click (issue #15 item 11).
    /// </summary>
    public static DangerObservations Danger(bool pregnantOnRecord) => new() { PregnantOrLactating = pregnantOnRecord };

    /// <summary>The hypertension form's own lines carried over: 摄盐情况 now and target.</summary>
    public static HypertensionFollowUp Hypertension(HypertensionFollowUp? previous) =>
        new() { SaltIntake = previous?.SaltIntake ?? new(null, null) };

    /// <summary>The diabetes form's own lines carried over: 主食 now and target.</summary>
    public static DiabetesFollowUp Diabetes(DiabetesFollowUp? previous) =>
        new() { StapleFoodGramsPerDay = previous?.StapleFoodGramsPerDay ?? new(null, null) };

    /// <summary>
    /// The lines of 高血压患者随访服务记录表 (004 附件) the doctor fills at every visit that are still empty, in the
    /// paper's order; signs only for a face-to-face visit (a phone visit measures nothing). Empty when complete.
    /// </summary>
    public static IReadOnlyList<string> Missing(HypertensionFollowUp f)
    {
        // 004 高血压 二(二)(3) 测量体重、心率
        var missing = Shared(f.Symptoms.Count, f.SymptomOther, f.VisitMode, f.Signs, f.Lifestyle, heartRate: true);
        if (f.SaltIntake.Now is null)
        {
            missing.Add("摄盐情况");
        }
        Common(missing, f.Lifestyle, f.Adherence, f.AdverseReaction);
        return missing;
    }

    /// <summary>The same for 2型糖尿病患者随访服务记录表 (004 附件): also 足背动脉搏动, 主食, 空腹血糖, 低血糖反应.</summary>
    public static IReadOnlyList<string> Missing(DiabetesFollowUp f)
    {
        var missing = Shared(f.Symptoms.Count, f.SymptomOther, f.VisitMode, f.Signs, f.Lifestyle, heartRate: false);
        var faceToFace = ChronicRules.IsFaceToFace(f.VisitMode);
        // 004 糖尿病 二(二)(3) 检查足背动脉搏动
        if (faceToFace && f.DorsalisPedisPulse is null)
        {
            missing.Add("足背动脉搏动");
        }
        if (f.StapleFoodGramsPerDay.Now is null)
        {
            missing.Add("主食");
        }
        // 填表说明 4: 为患者进行空腹血糖检查
        if (faceToFace && f.FastingGlucose is null)
        {
            missing.Add("空腹血糖值");
        }
        Common(missing, f.Lifestyle, f.Adherence, f.AdverseReaction);
        if (f.Hypoglycaemia is null)
        {
            missing.Add("低血糖反应");
        }
        return missing;
    }

    private static List<string> Shared(int symptoms, string? symptomOther, VisitMode? mode, Signs s, Lifestyle l, bool heartRate)
    {
        var missing = new List<string>();
        if (symptoms == 0 && string.IsNullOrWhiteSpace(symptomOther))
        {
            missing.Add("症状");
        }
        if (ChronicRules.IsFaceToFace(mode))
        {
            if (s.Systolic is null || s.Diastolic is null)
            {
                missing.Add("血压");
            }
            if (s.WeightKg.Now is null)
            {
                missing.Add("体重");
            }
            if (heartRate && s.HeartRate is null)
            {
                missing.Add("心率");
            }
        }
        if (l.CigarettesPerDay.Now is null)
        {
            missing.Add("日吸烟量");
        }
        if (l.AlcoholLiangPerDay.Now is null)
        {
            missing.Add("日饮酒量");
        }
        if (l.ExerciseNow is not { TimesPerWeek: not null })
        {
            missing.Add("运动");
        }
        return missing;
    }

    private static void Common(List<string> missing, Lifestyle l, MedicationAdherence? adherence, AdverseReaction? adverse)
    {
        if (l.PsychologicalAdjustment is null)
        {
            missing.Add("心理调整");
        }
        if (l.Compliance is null)
        {
            missing.Add("遵医行为");
        }
        if (adherence is null)
        {
            missing.Add("服药依从性");
        }
        if (adverse is null)
        {
            missing.Add("药物不良反应");
        }
    }
}
