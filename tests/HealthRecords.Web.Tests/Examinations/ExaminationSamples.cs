using HealthRecords.Domain.Elderly;
using HealthRecords.Domain.Examinations;

namespace HealthRecords.Web.Tests.Examinations;

/// <summary>Examination forms for the API tests.</summary>
public static class ExaminationSamples
{
    /// <summary>A complete annual examination of a man aged 65 or over.</summary>
    public static HealthExamination CompleteElderly(DateOnly date) => new()
    {
        ExamDate = date,
        Doctor = "李医生",
        Symptoms = [Symptom.None],
        General = new GeneralCondition
        {
            Temperature = 36.5m, Pulse = 72, Respiration = 18, SystolicLeft = 132, DiastolicLeft = 80,
            Height = 165m, Weight = 62m, Waist = 84m, HealthStatus = HealthSelfAssessment.FairlySatisfied,
            SelfCare = new SelfCareScores(3, 1, 0, 1, 1), Cognition = ScreenResult.Negative, Affect = ScreenResult.Negative,
        },
        Lifestyle = new Lifestyle
        {
            ExerciseFrequency = ExerciseFrequency.Daily, ExerciseMinutes = 30, ExerciseYears = 10, ExerciseKind = "散步",
            Diet = [DietHabit.Balanced, DietHabit.Salty], Smoking = SmokingStatus.Quit, SmokingStartAge = 20, SmokingQuitAge = 60,
            Drinking = DrinkingFrequency.Never, OccupationalExposure = NoYes.No,
        },
        Organs = new OrganFunction { Lips = Lips.Rosy, Dentition = Dentition.Missing, Pharynx = Pharynx.Normal, VisionLeft = 4.8m, VisionRight = 4.9m, Hearing = Hearing.Hears, Motor = MotorFunction.Able },
        Physical = new PhysicalExam
        {
            Skin = new(Skin.Normal), Sclera = new(Sclera.Normal), LymphNodes = new(LymphNodes.NotPalpable), BarrelChest = BarrelChest.No,
            BreathSounds = new(NormalAbnormal.Normal), Rales = new(Rales.None), HeartRate = 72, HeartRhythm = HeartRhythm.Regular,
            Murmur = new(NoYes.No), Tenderness = new(NoYes.No), Mass = new(NoYes.No), Hepatomegaly = new(NoYes.No), Splenomegaly = new(NoYes.No),
            ShiftingDullness = new(NoYes.No), LowerLimbEdema = LowerLimbEdema.None, DorsalisPedis = DorsalisPedisPulse.Symmetric,
        },
        Auxiliary = new AuxiliaryTests
        {
            Hemoglobin = 135, WhiteCells = 6.2m, Platelets = 210, UrineProtein = "-", UrineGlucose = "-", UrineKetones = "-", UrineOccultBlood = "-",
            FastingGlucoseMmol = 5.6m, Ecg = new(NormalAbnormal.Normal), Alt = 22, Ast = 25, TotalBilirubin = 12, Creatinine = 80, Urea = 5.2m,
            TotalCholesterol = 4.8m, Triglycerides = 1.4m, Ldl = 2.7m, Hdl = 1.3m,
        },
        Medications = [new Medication("氨氯地平", "口服，每日1次", "5mg", "2年", MedicationAdherence.Regular)],
        Hospitalisations = [new HospitalStay(new Domain.Codes.YearMonth(date.Year, 1), new Domain.Codes.YearMonth(date.Year, 1), "肺炎", "重庆市大渡口区人民医院", "A123")],
        Evaluation = HealthEvaluation.Abnormal,
        Abnormalities = ["血压偏高"],
        Guidance = [HealthGuidance.ChronicDiseaseManagement],
        RiskFactors = [RiskFactorControl.Diet],
    };
}
