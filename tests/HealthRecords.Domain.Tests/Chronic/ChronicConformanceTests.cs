using System.Globalization;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Domain.Codes;
using Exam = HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Records;
using HealthRecords.Domain.Schedules;

namespace HealthRecords.Domain.Tests.Chronic;

/// <summary>Issue #15's chronic items (4–11, 16): each rule against the clause of 004 it cites.</summary>
public sealed class ChronicConformanceTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static decimal M(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    private static FollowUpContext Context(HypertensionFollowUp f, string? reason = null) =>
        new(Today, new DateOnly(2025, 1, 1), false, HypertensionRules.Decide(f, null), reason);

    private static FollowUpContext Context(DiabetesFollowUp f, string? reason = null) =>
        new(Today, new DateOnly(2025, 1, 1), false, DiabetesRules.Decide(f, null), reason);

    // ---- item 10: nothing measured cannot mean controlled (004 二(三)(1))

    [Fact]
    public void APhoneVisitWithoutBloodPressureIsNotSuggestedControlled()
    {
        var f = new HypertensionFollowUp { VisitDate = Today, VisitMode = VisitMode.Phone, Doctor = "李医生" };
        var d = HypertensionRules.Decide(f, previousControlled: true);
        Assert.Null(d.Classification);
        Assert.Equal(FollowUpAction.MeasureWithinTwoWeeks, d.Action);
        Assert.Equal(Today.AddDays(14), d.NextVisitDate);
    }

    [Fact]
    public void APhoneVisitWithoutGlucoseIsNotSuggestedControlled()
    {
        var f = new DiabetesFollowUp { VisitDate = Today, VisitMode = VisitMode.Phone, Doctor = "李医生" };
        var d = DiabetesRules.Decide(f, previousControlled: true);
        Assert.Null(d.Classification);
        Assert.NotEqual(FollowUpAction.Routine, d.Action);
    }

    [Fact]
    public void AnUnmeasuredVisitStillClassifiesAnAdverseReactionOrComplication()
    {
        var f = new HypertensionFollowUp { VisitDate = Today, VisitMode = VisitMode.Phone, AdverseReaction = AdverseReaction.Present };
        Assert.Equal(VisitClassification.AdverseReaction, HypertensionRules.Decide(f, null).Classification);
    }

    [Fact]
    public void TheDoctorClassifiesAnUnmeasuredVisitWithAReason()
    {
        var f = new HypertensionFollowUp { VisitDate = Today, VisitMode = VisitMode.Phone, Symptoms = [HypertensionSymptom.None], Doctor = "李医生" };
        Assert.Contains("未测量血压", FollowUpValidator.Validate(f, Context(f))["classification"].Single(), StringComparison.Ordinal);
        var classified = f with { Classification = VisitClassification.Controlled };
        Assert.True(FollowUpValidator.Validate(classified, Context(classified)).ContainsKey("overrideReason"));
        Assert.Empty(FollowUpValidator.Validate(classified, Context(classified, "电话随访，患者自测血压128/82")));
    }

    [Fact]
    public void TheDoctorClassifiesAnUnmeasuredDiabetesVisitToo()
    {
        var f = new DiabetesFollowUp { VisitDate = Today, VisitMode = VisitMode.Phone, Doctor = "李医生" };
        Assert.Contains("未测量空腹血糖", FollowUpValidator.Validate(f, Context(f))["classification"].Single(), StringComparison.Ordinal);
    }

    // ---- item 9: diabetes danger signs (004 糖尿病 二(二)(1))

    [Theory]
    [InlineData("16.7", true)]
    [InlineData("20.0", true)]
    [InlineData("3.9", true)]
    [InlineData("2.8", true)]
    [InlineData("16.6", false)]
    [InlineData("4.0", false)]
    public void ARandomGlucoseAt167OrAt39IsADangerSign(string random, bool danger)
    {
        var f = new DiabetesFollowUp { VisitDate = Today, FastingGlucose = null, RandomGlucose = M(random) };
        var d = DiabetesRules.Decide(f, null);
        Assert.Equal(danger, d.DangerSigns.Any(s => s.StartsWith("随机血糖", StringComparison.Ordinal)));
        Assert.Equal(danger, d.Action == FollowUpAction.UrgentReferral);
    }

    [Fact]
    public void OtherSuddenAbnormalitiesAreADangerSign()
    {
        var danger = new DangerObservations { OtherSuddenAbnormality = "突发一侧肢体无力" };
        var signs = DiabetesRules.DangerSigns(M("6.0"), 130, 80, 80, danger);
        Assert.Equal("其他突发异常情况：突发一侧肢体无力", signs.Single());
        Assert.Empty(DiabetesRules.DangerSigns(M("6.0"), 130, 80, 80, new DangerObservations { OtherSuddenAbnormality = "  " }));
    }

    [Fact]
    public void AnImpossibleRandomGlucoseIsRefused()
    {
        var f = new DiabetesFollowUp { VisitDate = Today, VisitMode = VisitMode.Clinic, FastingGlucose = M("6.0"), RandomGlucose = M("90"),
            Signs = new Signs { Systolic = 130, Diastolic = 80 }, Doctor = "李医生" };
        Assert.True(FollowUpValidator.Validate(f, Context(f)).ContainsKey("randomGlucose"));
    }

    // ---- item 7: the 35-and-over target (004 高血压 一, 2型糖尿病 一)

    [Theory]
    [InlineData("1991-06-15", true)]  // 35 today
    [InlineData("1991-06-16", false)] // 35 tomorrow
    [InlineData("2000-01-01", false)]
    public void TargetsAre35OrOverOnTheDay(string birth, bool target) =>
        Assert.Equal(target, ChronicRules.IsTarget(DateOnly.Parse(birth, CultureInfo.InvariantCulture), Today));

    [Fact]
    public void EnrollingAPatientUnder35NeedsAReason()
    {
        var young = new DateOnly(1995, 1, 1);
        Assert.Contains("未满35岁", ChronicRules.BelowTargetAgeError(young, Today, null), StringComparison.Ordinal);
        Assert.Null(ChronicRules.BelowTargetAgeError(young, Today, "早发高血压，上级医院确诊，患者要求纳入"));
        Assert.Null(ChronicRules.BelowTargetAgeError(new DateOnly(1980, 1, 1), Today, null));
    }

    // ---- item 5: the yearly examination of every patient (004 高血压 二(四), 糖尿病 二(四))

    [Fact]
    public void APatientUnder65IsDueTheYearlyExamination()
    {
        var item = ChronicSchedule.AnnualExamination([ChronicDisease.Hypertension], new DateOnly(1970, 3, 1), new DateOnly(2024, 5, 1),
            new DateOnly(2025, 9, 10), Today)!;
        Assert.Equal(ScheduleKinds.AnnualExamination, item.Kind);
        Assert.Equal(new DateOnly(2026, 9, 10), item.DueDate);
        Assert.Equal("高血压患者年度健康体检", item.Title);
    }

    [Fact]
    public void NeverExaminedIsDueFromEnrolmentOrTheNewYear()
    {
        Assert.Equal(new DateOnly(2026, 3, 2), ChronicSchedule.AnnualExamination([ChronicDisease.Diabetes, ChronicDisease.Hypertension],
            new DateOnly(1970, 3, 1), new DateOnly(2026, 3, 2), null, Today)!.DueDate);
        var both = ChronicSchedule.AnnualExamination([ChronicDisease.Diabetes, ChronicDisease.Hypertension],
            new DateOnly(1970, 3, 1), new DateOnly(2020, 3, 2), null, Today)!;
        Assert.Equal(new DateOnly(2026, 1, 1), both.DueDate);
        Assert.Equal("高血压、糖尿病患者年度健康体检", both.Title);
    }

    [Fact]
    public void ExaminedThisYearOr65PlusIsNotListedByTheChronicService()
    {
        Assert.Null(ChronicSchedule.AnnualExamination([ChronicDisease.Hypertension], new DateOnly(1970, 3, 1), new DateOnly(2020, 1, 1),
            new DateOnly(2026, 2, 1), Today));
        // born 1961: 65 this year, the elderly service lists the examination
        Assert.Null(ChronicSchedule.AnnualExamination([ChronicDisease.Hypertension], new DateOnly(1961, 12, 1), new DateOnly(2020, 1, 1),
            null, Today));
    }

    // ---- item 4: no fasting glucose requirement for hypertension (004 高血压 二(二)(3), 二(四))

    [Fact]
    public void AHypertensionPatientsExaminationRequiresNoFastingGlucose()
    {
        var rules = Exam.ExaminationItems.Rules(new Exam.ExamSubject(Sex.Male, new DateOnly(1970, 3, 1), KeyPopulation.Hypertension), Today);
        Assert.Equal(Exam.ItemRequirement.Optional, rules.Single(r => r.Item == Exam.StarItem.FastingGlucose).Requirement);
        var diabetes = Exam.ExaminationItems.Rules(new Exam.ExamSubject(Sex.Male, new DateOnly(1970, 3, 1), KeyPopulation.Hypertension | KeyPopulation.Diabetes), Today);
        Assert.Equal(["2型糖尿病患者健康管理"], diabetes.Single(r => r.Item == Exam.StarItem.FastingGlucose).RequiredBy);
    }

    // ---- item 11: pregnancy on the record pre-ticks the box (004 高血压/糖尿病 二(二)(1))

    [Fact]
    public void PregnancyOnTheRecordPreTicksTheBoxAndFiresTheDangerSign()
    {
        var danger = FollowUpCarryOver.Danger(pregnantOnRecord: true);
        Assert.True(danger.PregnantOrLactating);
        Assert.False(FollowUpCarryOver.Danger(pregnantOnRecord: false).PregnantOrLactating);
        Assert.Contains("妊娠期或哺乳期血压高于正常", HypertensionRules.DangerSigns(145, 85, danger));
    }

    // ---- item 8: the diabetes form has 3 drug lines (004 2型糖尿病患者随访服务记录表)

    [Fact]
    public void TheDiabetesFormTakesThreeDrugLinesAndHypertensionFour()
    {
        Medication[] four = [new("二甲双胍", 2, 500), new("格列美脲", 1, 2), new("阿卡波糖", 3, 50), new("维生素B1", 3, 10)];
        var dm = new DiabetesFollowUp { VisitDate = Today, VisitMode = VisitMode.Clinic, FastingGlucose = M("6.0"),
            Signs = new Signs { Systolic = 130, Diastolic = 80 }, Doctor = "李医生", Medications = four };
        Assert.Contains("3行", FollowUpValidator.Validate(dm, Context(dm))["medications"].Single(), StringComparison.Ordinal);
        Assert.Empty(FollowUpValidator.Validate(dm with { Medications = four[..3] }, Context(dm with { Medications = four[..3] })));
        var ht = new HypertensionFollowUp { VisitDate = Today, VisitMode = VisitMode.Clinic, Signs = new Signs { Systolic = 130, Diastolic = 80 },
            Doctor = "李医生", Medications = four };
        Assert.False(FollowUpValidator.Validate(ht, Context(ht)).ContainsKey("medications"));
        Assert.Equal(3, ChronicForms.MedicationRows(ChronicDisease.Diabetes));
        Assert.Equal(4, ChronicForms.MedicationRows(ChronicDisease.Hypertension));
    }

    // ---- item 6: diabetes high-risk screening (004 糖尿病 二(一)) and secondary hypertension (004 高血压 二(一)2)

    [Fact]
    public void AHighRiskResidentIsDueAFastingGlucoseEveryYear()
    {
        Assert.Null(DiabetesScreening.FastingGlucoseDue(null, new DateOnly(2025, 6, 1)));
        Assert.Equal(new DateOnly(2026, 3, 1), DiabetesScreening.FastingGlucoseDue(new DateOnly(2026, 3, 1), null)!.DueDate);
        Assert.Equal(new DateOnly(2026, 6, 1), DiabetesScreening.FastingGlucoseDue(new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 1))!.DueDate);
        // a test before the resident was found high-risk does not count
        Assert.Equal(new DateOnly(2025, 3, 1), DiabetesScreening.FastingGlucoseDue(new DateOnly(2025, 3, 1), new DateOnly(2024, 6, 1))!.DueDate);
    }

    [Fact]
    public void TheHighRiskMarkDatesFromTheFirstEntryOfTheLatestRunOfMarks()
    {
        DateOnly D(int m, int d) => new(2026, m, d);
        Assert.Null(DiabetesScreening.MarkedOn([]));
        Assert.Null(DiabetesScreening.MarkedOn([(D(1, 5), null)])); // a glucose measured only marks nothing
        Assert.Equal(D(2, 1), DiabetesScreening.MarkedOn([(D(3, 1), true), (D(2, 1), true), (D(4, 1), null)])); // in any order; re-ticking keeps the day
        Assert.Null(DiabetesScreening.MarkedOn([(D(2, 1), true), (D(3, 1), false)])); // cleared
        Assert.Equal(D(5, 1), DiabetesScreening.MarkedOn([(D(2, 1), true), (D(3, 1), false), (D(5, 1), true)])); // marked again
    }

    [Fact]
    public void SuspectedHypertensionPromptsTheSecondaryHypertensionReferral()
    {
        var raised = new[] { new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 8), new DateOnly(2026, 6, 15) }
            .Select(d => new ScreeningReading(d, 150, 95));
        Assert.Contains("继发性高血压", HypertensionScreening.SecondaryReferral(HypertensionScreening.Assess(raised)), StringComparison.Ordinal);
        Assert.Null(HypertensionScreening.SecondaryReferral(HypertensionScreening.Assess([new ScreeningReading(Today, 150, 95)])));
    }

    // ---- item 16: carried over for the doctor to confirm, and what the paper still asks

    [Fact]
    public void LifestyleAndTargetsAreCarriedOverButMeasurementsAreNot()
    {
        var previous = new HypertensionFollowUp
        {
            Signs = new Signs { Systolic = 150, Diastolic = 90, WeightKg = new(M("70"), M("65")), Bmi = new(M("25.7"), M("23.9")) },
            Lifestyle = new Lifestyle
            {
                CigarettesPerDay = new(10, 5), AlcoholLiangPerDay = new(M("1"), 0), ExerciseNow = new(3, 30), ExerciseTarget = new(5, 30),
                PsychologicalAdjustment = Rating.Good, Compliance = Rating.Fair,
            },
            SaltIntake = new(SaltIntake.Heavy, SaltIntake.Moderate),
        };
        Assert.Equal(previous.Lifestyle, FollowUpCarryOver.Lifestyle(previous.Lifestyle));
        var signs = FollowUpCarryOver.Signs(previous.Signs);
        Assert.Equal(new NowTarget<decimal>(null, M("65")), signs.WeightKg);
        Assert.Equal(new NowTarget<decimal>(null, M("23.9")), signs.Bmi);
        Assert.Null(signs.Systolic);
        Assert.Equal(previous.SaltIntake, FollowUpCarryOver.Hypertension(previous).SaltIntake);
        var dm = new DiabetesFollowUp { StapleFoodGramsPerDay = new(300, 250), FastingGlucose = M("7.5") };
        var next = FollowUpCarryOver.Diabetes(dm);
        Assert.Equal(dm.StapleFoodGramsPerDay, next.StapleFoodGramsPerDay);
        Assert.Null(next.FastingGlucose);
    }

    [Fact]
    public void TheFormSaysWhatThePaperStillAsks()
    {
        var f = new HypertensionFollowUp
        {
            VisitDate = Today, VisitMode = VisitMode.Clinic, Symptoms = [HypertensionSymptom.None],
            Signs = new Signs { Systolic = 130, Diastolic = 80, WeightKg = new(M("65"), null), HeartRate = 72 },
            Lifestyle = new Lifestyle { CigarettesPerDay = new(0, null), AlcoholLiangPerDay = new(0, null), ExerciseNow = new(3, 30),
                PsychologicalAdjustment = Rating.Good, Compliance = Rating.Good },
            SaltIntake = new(SaltIntake.Light, null), Adherence = MedicationAdherence.Regular,
        };
        Assert.Equal(["药物不良反应"], FollowUpCarryOver.Missing(f));
        Assert.Empty(FollowUpCarryOver.Missing(f with { AdverseReaction = AdverseReaction.None }));
        Assert.Equal(["体重", "心率", "药物不良反应"], FollowUpCarryOver.Missing(f with { Signs = f.Signs with { WeightKg = new(null, null), HeartRate = null } }));
        // a phone visit is not asked for the measurements
        Assert.DoesNotContain("血压", FollowUpCarryOver.Missing(new HypertensionFollowUp { VisitMode = VisitMode.Phone }));
        Assert.Contains("足背动脉搏动", FollowUpCarryOver.Missing(new DiabetesFollowUp { VisitMode = VisitMode.Clinic }));
    }
}
