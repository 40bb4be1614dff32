using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Elderly;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>
/// Demo data: last year's annual examination for about two thirds of the demo 65+ residents, and this year's for
/// about a third, so the elderly list, the pre-filled new form and the measures have something to show.
/// Repeatable (seeded); called once after the demo residents are loaded.
/// </summary>
public static class DemoExaminations
{
    public static async Task AddAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.Set<Examination>().AnyAsync(ct))
        {
            return;
        }
        var today = time.Today();
        var latest = ElderlyRules.LatestBirthDate(today.Year);
        var elderly = await db.HealthRecords.AsNoTracking()
            .Where(r => r.BirthDate <= latest)
            .Select(r => new { r.Id, r.Sex, r.BirthDate, r.ManagingInstitutionId, r.CreatedById, r.KeyPopulations })
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        var rng = new Random(65);
        var now = time.UtcNow();
        foreach (var r in elderly)
        {
            var subject = new ExamSubject(r.Sex, r.BirthDate, r.KeyPopulations & (KeyPopulation.Hypertension | KeyPopulation.Diabetes | KeyPopulation.SevereMentalIllness));
            var dates = new List<DateOnly>();
            if (rng.NextDouble() < 0.67)
            {
                dates.Add(new DateOnly(today.Year - 1, rng.Next(3, 11), rng.Next(1, 28)));
            }
            if (rng.NextDouble() < 0.33 && today.DayOfYear > 40)
            {
                dates.Add(new DateOnly(today.Year, 1, 1).AddDays(rng.Next(0, today.DayOfYear - 1)));
            }
            foreach (var date in dates)
            {
                var form = ExaminationValidator.WithComputed(Sample(rng, date, r.Sex));
                var exam = new Examination
                {
                    HealthRecordId = r.Id, InstitutionId = r.ManagingInstitutionId, CreatedById = r.CreatedById, CreatedByName = "演示医生",
                    CreatedAtUtc = now, UpdatedAtUtc = now, Version = 1,
                };
                exam.Apply(form, ExaminationCompleteness.IsComplete(form, subject));
                db.Add(exam);
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static HealthExamination Sample(Random rng, DateOnly date, Sex sex)
    {
        var systolic = rng.Next(112, 168);
        var smoker = rng.NextDouble() < 0.25;
        return new HealthExamination
        {
            ExamDate = date,
            Doctor = "演示医生",
            Symptoms = rng.NextDouble() < 0.7 ? [Symptom.None] : [Symptom.Dizziness, Symptom.Fatigue],
            General = new GeneralCondition
            {
                Temperature = 36.2m + rng.Next(0, 8) / 10m, Pulse = rng.Next(60, 92), Respiration = rng.Next(16, 21),
                SystolicLeft = systolic, DiastolicLeft = rng.Next(68, Math.Min(100, systolic - 20)),
                Height = rng.Next(sex == Sex.Female ? 148 : 158, sex == Sex.Female ? 165 : 178), Weight = rng.Next(45, 80), Waist = rng.Next(70, 100),
                HealthStatus = (HealthSelfAssessment)rng.Next(1, 4),
                SelfCare = new SelfCareScores(0, rng.NextDouble() < 0.2 ? 1 : 0, 0, 0, rng.NextDouble() < 0.3 ? 1 : 0),
                Cognition = ScreenResult.Negative, Affect = ScreenResult.Negative,
            },
            Lifestyle = new Lifestyle
            {
                ExerciseFrequency = ExerciseFrequency.Daily, ExerciseMinutes = 30, ExerciseYears = 5, ExerciseKind = "散步",
                Diet = [DietHabit.Balanced], Smoking = smoker ? SmokingStatus.Smoker : SmokingStatus.Never,
                CigarettesPerDay = smoker ? 10 : null, SmokingStartAge = smoker ? 20 : null,
                Drinking = DrinkingFrequency.Never, OccupationalExposure = NoYes.No,
            },
            Organs = new OrganFunction { Lips = Lips.Rosy, Dentition = Dentition.Missing, Pharynx = Pharynx.Normal, VisionLeft = 4.8m, VisionRight = 4.8m, Hearing = Hearing.Hears, Motor = MotorFunction.Able },
            Physical = new PhysicalExam
            {
                Skin = new(Skin.Normal), Sclera = new(Sclera.Normal), LymphNodes = new(LymphNodes.NotPalpable), BarrelChest = BarrelChest.No,
                BreathSounds = new(NormalAbnormal.Normal), Rales = new(Rales.None), HeartRate = rng.Next(60, 92), HeartRhythm = HeartRhythm.Regular,
                Murmur = new(NoYes.No), Tenderness = new(NoYes.No), Mass = new(NoYes.No), Hepatomegaly = new(NoYes.No), Splenomegaly = new(NoYes.No),
                ShiftingDullness = new(NoYes.No), LowerLimbEdema = LowerLimbEdema.None, DorsalisPedis = DorsalisPedisPulse.Symmetric,
            },
            Auxiliary = rng.NextDouble() < 0.85
                ? new AuxiliaryTests
                {
                    Hemoglobin = rng.Next(115, 155), WhiteCells = 4.5m + rng.Next(0, 40) / 10m, Platelets = rng.Next(150, 300),
                    UrineProtein = "-", UrineGlucose = "-", UrineKetones = "-", UrineOccultBlood = "-",
                    FastingGlucoseMmol = 4.6m + rng.Next(0, 25) / 10m, Ecg = new(NormalAbnormal.Normal), Alt = rng.Next(10, 40), Ast = rng.Next(12, 38),
                    TotalBilirubin = rng.Next(6, 20), Creatinine = rng.Next(55, 100), Urea = 4m + rng.Next(0, 30) / 10m,
                    TotalCholesterol = 4m + rng.Next(0, 20) / 10m, Triglycerides = 1m + rng.Next(0, 10) / 10m, Ldl = 2.2m + rng.Next(0, 10) / 10m, Hdl = 1.1m + rng.Next(0, 5) / 10m,
                }
                : new AuxiliaryTests(), // not all tests done: an incomplete form for 健康体检表完整率
            Medications = systolic >= 140 ? [new Medication("氨氯地平片", "口服，每日1次", "5mg", "1年")] : [],
            Evaluation = systolic >= 140 ? HealthEvaluation.Abnormal : HealthEvaluation.Normal,
            Abnormalities = systolic >= 140 ? ["血压偏高"] : [],
            Guidance = systolic >= 140 ? [HealthGuidance.Recheck] : [],
        };
    }
}
