using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Examinations;
using ExamLifestyle = HealthRecords.Domain.Examinations.Lifestyle;

namespace HealthRecords.Domain.Tests.Chronic;

public class ExaminationAsFollowUpTests
{
    private static readonly DateOnly On = new(2026, 5, 20);

    private static HealthExamination Exam(GeneralCondition general, ExamLifestyle lifestyle, AuxiliaryTests? aux = null) =>
        new() { ExamDate = On, Doctor = "王医生", General = general, Lifestyle = lifestyle, Auxiliary = aux ?? new AuxiliaryTests() };

    [Fact]
    public void FollowUpStartsFromTheExaminationsDateSignsAndLifestyle()
    {
        var s = ExaminationAsFollowUp.Shared(Exam(
            new GeneralCondition { SystolicLeft = 148, DiastolicLeft = 92, SystolicRight = 150, DiastolicRight = 95, Pulse = 80, Weight = 70.5m, Bmi = 25.1m },
            new ExamLifestyle { Smoking = SmokingStatus.Smoker, CigarettesPerDay = 10, Drinking = DrinkingFrequency.Daily, DailyAlcohol = 2m, ExerciseFrequency = ExerciseFrequency.Daily, ExerciseMinutes = 30 }));

        Assert.Equal((On, VisitMode.Clinic, "王医生"), (s.VisitDate, s.VisitMode, s.Doctor));
        Assert.Equal((148, 92, 80), (s.Signs.Systolic, s.Signs.Diastolic, s.Signs.HeartRate)); // the left arm first, as the examination lists it
        Assert.Equal((70.5m, 25.1m), (s.Signs.WeightKg.Now, s.Signs.Bmi.Now));
        Assert.Equal((10, 2m), (s.Lifestyle.CigarettesPerDay.Now, s.Lifestyle.AlcoholLiangPerDay.Now));
        Assert.Equal(new Exercise(7, 30), s.Lifestyle.ExerciseNow);
    }

    [Fact]
    public void RightArmIsUsedWhenOnlyItWasMeasuredAndNonSmokersSmokeNothing()
    {
        var s = ExaminationAsFollowUp.Shared(Exam(
            new GeneralCondition { SystolicRight = 132, DiastolicRight = 84 },
            new ExamLifestyle { Smoking = SmokingStatus.Never, Drinking = DrinkingFrequency.Never, ExerciseFrequency = ExerciseFrequency.Occasionally }));
        Assert.Equal((132, 84), (s.Signs.Systolic, s.Signs.Diastolic));
        Assert.Equal((0, 0m), (s.Lifestyle.CigarettesPerDay.Now, s.Lifestyle.AlcoholLiangPerDay.Now));
        Assert.Null(s.Lifestyle.ExerciseNow); // "occasionally" has no count per week: the doctor asks
    }

    [Theory]
    [InlineData(6.8, null, 6.8)]
    [InlineData(null, 126.0, 7.0)]
    [InlineData(null, null, null)]
    public void FastingGlucoseIsInMmolPerLitre(double? mmol, double? mgdl, double? expected) =>
        Assert.Equal((decimal?)expected, ExaminationAsFollowUp.FastingGlucose(Exam(new GeneralCondition(), new ExamLifestyle(),
            new AuxiliaryTests { FastingGlucoseMmol = (decimal?)mmol, FastingGlucoseMgdl = (decimal?)mgdl })));

    [Theory]
    [InlineData(VisitMode.Phone, true, true)]
    [InlineData(VisitMode.Phone, false, false)]
    [InlineData(VisitMode.Clinic, false, true)]
    public void AFollowUpMarkedAsTheExaminationIsFaceToFace(VisitMode mode, bool marked, bool faceToFace) =>
        Assert.Equal(faceToFace, ExaminationAsFollowUp.IsFaceToFace(mode, marked));

    [Fact]
    public void TheFollowUpIsOnTheExaminationsDate()
    {
        Assert.Null(ExaminationAsFollowUp.DateError(On, On));
        Assert.Contains("2026-05-20", ExaminationAsFollowUp.DateError(On.AddDays(1), On));
    }
}
