using HealthRecords.Domain.Elderly;
using HealthRecords.Domain.Examinations;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>
/// Demo data shaped like a working year: most 65+ residents (and hypertension and diabetes patients of any age) were examined last year and, in proportion to how far the
/// year has gone, most already this year on dates spread over it; of the rest, most come due around now (last year's
/// examination a few weeks either side of today's date), and a few (never examined) are long overdue. The examining
/// doctor is the resident's responsible doctor. Repeatable (seeded); called once after the demo residents are loaded.
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
        // the 65+ and the hypertension and diabetes patients (004 高血压/糖尿病 二(四): a yearly examination at any age)
        const KeyPopulation chronic = KeyPopulation.Hypertension | KeyPopulation.Diabetes;
        var elderly = (await db.HealthRecords.AsNoTracking()
            .Where(r => r.BirthDate <= latest || (r.KeyPopulations & chronic) != 0)
            .Select(r => new { r.Id, r.Sex, r.BirthDate, r.ManagingInstitutionId, r.CreatedById, r.ResponsibleDoctorId, r.KeyPopulations })
            .OrderBy(r => r.Id)
            .ToListAsync(ct))
            .Where(r => r.BirthDate <= latest || (KeyPopulationRules.On(r.KeyPopulations, r.BirthDate, today) & chronic) != 0)
            .ToList();
        var rng = new Random(65);
        var now = time.UtcNow();
        var doctors = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var yearEnd = new DateOnly(today.Year, 12, 31);
        // the share examined this year grows as the year goes on (examinations start after the new-year holidays)
        var examinedShare = 0.82 * Math.Clamp((today.DayOfYear - 20) / 300.0, 0, 1);
        foreach (var r in elderly)
        {
            var subject = new ExamSubject(r.Sex, r.BirthDate, KeyPopulationRules.On(r.KeyPopulations, r.BirthDate, today) & (KeyPopulation.Hypertension | KeyPopulation.Diabetes | KeyPopulation.SevereMentalIllness));
            var dates = new List<DateOnly>();
            if (rng.NextDouble() < examinedShare)
            {
                // examined this year, between mid-January and a few days ago; most also last year, about the same time
                var span = Math.Max(1, today.DayNumber - 3 - yearStart.AddDays(14).DayNumber);
                var thisYear = yearStart.AddDays(14 + rng.Next(0, span));
                if (rng.NextDouble() < 0.85)
                {
                    dates.Add(Clamp(thisYear.AddYears(-1).AddDays(rng.Next(-30, 31)), yearStart.AddYears(-1), yearStart.AddDays(-1)));
                }
                dates.Add(thisYear);
            }
            else if (rng.NextDouble() < 0.9)
            {
                // not yet this year: last year's examination falls due a few weeks either side of today
                dates.Add(Clamp(today.AddDays(rng.Next(-35, 50)), yearStart, yearEnd).AddYears(-1));
            }
            // else: never examined (a newcomer to 65, or refused last year): due since January
            var doctorId = r.ResponsibleDoctorId ?? r.CreatedById;
            var doctorName = doctors.GetValueOrDefault(doctorId) ?? "演示医生";
            foreach (var date in dates)
            {
                var form = ExaminationValidator.WithComputed(Sample(rng, date, r.Sex) with { Doctor = doctorName });
                var exam = new Examination
                {
                    HealthRecordId = r.Id, InstitutionId = r.ManagingInstitutionId, CreatedById = doctorId, CreatedByName = doctorName,
                    CreatedAtUtc = now, UpdatedAtUtc = now, Version = 1,
                };
                exam.Apply(form, ExaminationCompleteness.IsComplete(form, subject));
                db.Add(exam);
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static DateOnly Clamp(DateOnly d, DateOnly from, DateOnly to) => d < from ? from : d > to ? to : d;

    /// <summary>One demo examination form (about 85% complete; the bench county uses it too).</summary>
    public static HealthExamination Sample(Random rng, DateOnly date, Sex sex)
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
