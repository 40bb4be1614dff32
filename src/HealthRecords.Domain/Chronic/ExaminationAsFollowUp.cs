using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Chronic;

/// <summary>
/// The annual health examination of a patient under hypertension or diabetes management counts as one follow-up when
/// the doctor marks it so (issue #5; 004 高血压/2型糖尿病患者健康管理服务规范 二(二): 可与健康体检相结合). The follow-up
/// form starts from what the examination measured; the doctor completes the rest.
/// </summary>
public static class ExaminationAsFollowUp
{
    /// <summary>The shared part of the follow-up pre-filled from the examination: its date, face to face, the signs and lifestyle it recorded.</summary>
    public static SharedVisit Shared(HealthExamination exam)
    {
        var g = exam.General;
        var l = exam.Lifestyle;
        var (sbp, dbp) = g.SystolicLeft is not null ? (g.SystolicLeft, g.DiastolicLeft) : (g.SystolicRight, g.DiastolicRight);
        return new SharedVisit
        {
            VisitDate = exam.ExamDate,
            VisitMode = VisitMode.Clinic,
            Signs = new Signs
            {
                Systolic = sbp, Diastolic = dbp, HeartRate = g.Pulse,
                WeightKg = new(g.Weight, null), Bmi = new(g.Bmi, null),
            },
            Lifestyle = new Lifestyle
            {
                CigarettesPerDay = new(l.Smoking switch { SmokingStatus.Smoker => l.CigarettesPerDay, SmokingStatus.Never or SmokingStatus.Quit => 0, _ => null }, null),
                AlcoholLiangPerDay = new(l.Drinking is DrinkingFrequency.Never ? 0m : l.DailyAlcohol, null),
                ExerciseNow = l.ExerciseFrequency switch
                {
                    ExerciseFrequency.Daily => new Exercise(7, l.ExerciseMinutes),
                    ExerciseFrequency.Never => new Exercise(0, 0),
                    _ => null,
                },
            },
            Doctor = exam.Doctor,
        };
    }

    /// <summary>The examination's fasting glucose in mmol/L (mg/dL ÷ 18 where only that was written).</summary>
    public static decimal? FastingGlucose(HealthExamination exam) =>
        exam.Auxiliary.FastingGlucoseMmol ?? (exam.Auxiliary.FastingGlucoseMgdl is decimal mg ? Math.Round(mg / 18m, 1) : null);

    /// <summary>004 二(二): 面对面随访. A follow-up marked as the examination was face to face whatever mode was typed.</summary>
    public static bool IsFaceToFace(VisitMode? mode, bool markedAsExamination) => markedAsExamination || ChronicRules.IsFaceToFace(mode);

    /// <summary>The follow-up marked as an examination is on the examination's date.</summary>
    public static string? DateError(DateOnly visitDate, DateOnly examDate) =>
        visitDate == examDate ? null : $"作为本次体检的随访，随访日期应为体检日期 {examDate:yyyy-MM-dd}";
}
