using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Elderly;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Examinations;

public sealed class ExaminationValidatorTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly ExamSubject Elderly = new(Sex.Male, new DateOnly(1950, 4, 1), KeyPopulation.None);
    private static readonly ExamSubject Woman = new(Sex.Female, new DateOnly(1980, 4, 1), KeyPopulation.None);

    /// <summary>A complete annual examination of a 76-year-old man.</summary>
    public static HealthExamination Complete() => new()
    {
        ExamDate = new DateOnly(2026, 6, 10),
        Doctor = "李医生",
        Symptoms = [Symptom.None],
        General = new GeneralCondition
        {
            Temperature = 36.5m, Pulse = 72, Respiration = 18, SystolicLeft = 132, DiastolicLeft = 80, SystolicRight = 130, DiastolicRight = 78,
            Height = 165m, Weight = 62m, Waist = 84m, HealthStatus = HealthSelfAssessment.FairlySatisfied,
            SelfCare = new SelfCareScores(0, 1, 0, 0, 1), Cognition = ScreenResult.Negative, Affect = ScreenResult.Negative,
        },
        Lifestyle = new Lifestyle
        {
            ExerciseFrequency = ExerciseFrequency.Daily, ExerciseMinutes = 30, ExerciseYears = 10, ExerciseKind = "散步",
            Diet = [DietHabit.Balanced], Smoking = SmokingStatus.Never, Drinking = DrinkingFrequency.Never, OccupationalExposure = NoYes.No,
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
        Evaluation = HealthEvaluation.Normal,
    };

    [Fact]
    public void ACompleteElderlyFormIsValidAndComplete()
    {
        var form = Complete();
        Assert.Empty(ExaminationValidator.Validate(form, Elderly, Today));
        Assert.Empty(ExaminationCompleteness.Missing(form, Elderly));
    }

    public static TheoryData<string, Func<HealthExamination, HealthExamination>> Refusals() => new()
    {
        { "general.systolicLeft", f => f with { General = f.General with { SystolicLeft = 80, DiastolicLeft = 90 } } },
        { "general.diastolicRight", f => f with { General = f.General with { DiastolicRight = null } } },
        { "general.temperature", f => f with { General = f.General with { Temperature = 98.6m } } },          // °F typed for °C
        { "general.height", f => f with { General = f.General with { Height = 1.65m } } },                   // metres typed for cm
        { "general.pulse", f => f with { General = f.General with { Pulse = 400 } } },
        { "general.mmseScore", f => f with { General = f.General with { Cognition = ScreenResult.Positive } } },
        { "general.gdsScore", f => f with { General = f.General with { GdsScore = 12 } } },                  // screen negative
        { "general.selfCare.eating", f => f with { General = f.General with { SelfCare = new SelfCareScores(2, 0, 0, 0, 0) } } },
        { "lifestyle.cigarettesPerDay", f => f with { Lifestyle = f.Lifestyle with { CigarettesPerDay = 10 } } },   // 从不吸烟
        { "lifestyle.smokingStartAge", f => f with { Lifestyle = f.Lifestyle with { SmokingStartAge = 18 } } },
        { "lifestyle.dailyAlcohol", f => f with { Lifestyle = f.Lifestyle with { DailyAlcohol = 2 } } },           // 从不饮酒
        { "lifestyle.alcoholTypes", f => f with { Lifestyle = f.Lifestyle with { AlcoholTypes = [AlcoholType.Liquor] } } },
        { "lifestyle.drinkingQuitAge", f => f with { Lifestyle = f.Lifestyle with { Drinking = DrinkingFrequency.Occasionally, QuitDrinking = QuitDrinking.Yes } } },
        { "lifestyle.smokingQuitAge", f => f with { Lifestyle = f.Lifestyle with { Smoking = SmokingStatus.Quit, SmokingStartAge = 30, SmokingQuitAge = 20 } } },
        { "lifestyle.exerciseMinutes", f => f with { Lifestyle = f.Lifestyle with { ExerciseFrequency = ExerciseFrequency.Never } } },
        { "lifestyle.dust.name", f => f with { Lifestyle = f.Lifestyle with { OccupationalExposure = NoYes.Yes } } },
        { "examDate", f => f with { ExamDate = Today.AddDays(1) } },
        { "symptoms", f => f with { Symptoms = [Symptom.None, Symptom.Headache] } },
        { "symptomOther", f => f with { Symptoms = [Symptom.Other] } },
        { "physical.skin.detail", f => f with { Physical = f.Physical with { Skin = new(Skin.Other) } } },
        { "physical.skin.code", f => f with { Physical = f.Physical with { Skin = new((Skin)9) } } },
        { "physical.gynaecology", f => f with { Physical = f.Physical with { Gynaecology = new Gynaecology { Vulva = new(GynFinding.Normal) } } } },
        { "auxiliary.fastingGlucoseMgdl", f => f with { Auxiliary = f.Auxiliary with { FastingGlucoseMgdl = 180 } } },  // 5.6 mmol/L ≈ 101 mg/dL
        { "auxiliary.fastingGlucoseMmol", f => f with { Auxiliary = f.Auxiliary with { FastingGlucoseMmol = 101 } } },  // mg/dL typed for mmol/L
        { "auxiliary.hemoglobin", f => f with { Auxiliary = f.Auxiliary with { Hemoglobin = 13.5m } } },                // g/dL typed for g/L
        { "auxiliary.directBilirubin", f => f with { Auxiliary = f.Auxiliary with { DirectBilirubin = 20 } } },
        { "auxiliary.urineProtein", f => f with { Auxiliary = f.Auxiliary with { UrineProtein = "很多" } } },
        { "hospitalisations[0].from", f => f with { Hospitalisations = [new HospitalStay(new YearMonth(2026, 8), null, "肺炎", "重庆市大渡口区人民医院")] } },
        { "hospitalisations[0].to", f => f with { Hospitalisations = [new HospitalStay(new YearMonth(2026, 3), new YearMonth(2026, 2), "肺炎", "重庆市大渡口区人民医院")] } },
        { "vaccinations[0].date", f => f with { Vaccinations = [new Vaccination("流感疫苗", new DateOnly(2026, 6, 12), "跳磴镇卫生院")] } },
        { "medications[0].name", f => f with { Medications = [new Medication(null, "口服", "5mg")] } },
        { "abnormalities[0]", f => f with { Evaluation = HealthEvaluation.Abnormal } },
        { "targetWeight", f => f with { RiskFactors = [RiskFactorControl.LoseWeight] } },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void ImplausibleOrContradictoryAnswersAreRefusedAtTheirField(string key, Func<HealthExamination, HealthExamination> change)
    {
        var errors = ExaminationValidator.Validate(change(Complete()), Elderly, Today);
        Assert.True(errors.ContainsKey(key), $"expected an error at {key}, got: {string.Join(", ", errors.Keys)}");
        Assert.All(errors[key], m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
    }

    [Fact]
    public void GynaecologyIsAcceptedForWomen()
    {
        var form = Complete() with { Physical = Complete().Physical with { Gynaecology = new Gynaecology { Vulva = new(GynFinding.Abnormal, "萎缩") } } };
        Assert.DoesNotContain(ExaminationValidator.Validate(form, Woman, Today).Keys, k => k.StartsWith("physical.gynaecology", StringComparison.Ordinal));
        Assert.Contains("physical.gynaecology.vulva.detail", ExaminationValidator.Validate(form with
        {
            Physical = form.Physical with { Gynaecology = new Gynaecology { Vulva = new(GynFinding.Abnormal) } },
        }, Woman, Today).Keys);
    }

    [Fact]
    public void ComputedFieldsComeFromTheirSources()
    {
        var form = ExaminationValidator.WithComputed(Complete() with { General = Complete().General with { Bmi = 99m } });
        Assert.Equal(22.8m, form.General.Bmi);
        Assert.Equal(SelfCareLevel.Independent, form.General.SelfCareLevel); // 0+1+0+0+1 = 2
    }

    [Fact]
    public void CompletenessNamesWhatTheResidentsFormLacks()
    {
        var noLabs = Complete() with { Auxiliary = new AuxiliaryTests() };
        var missing = ExaminationCompleteness.Missing(noLabs, Elderly).Select(m => m.Key).ToList();
        Assert.Contains("auxiliary.hemoglobin", missing);
        Assert.Contains("auxiliary.fastingGlucoseMmol", missing);
        Assert.Contains("auxiliary.ecg.code", missing);

        // the same form for a 45-year-old with no programme lacks no lab (optional) but its health problems (asked of non-elderly)
        var adult = new ExamSubject(Sex.Male, new DateOnly(1981, 1, 1), KeyPopulation.None);
        var adultMissing = ExaminationCompleteness.Missing(noLabs, adult).Select(m => m.Key).ToList();
        Assert.DoesNotContain("auxiliary.hemoglobin", adultMissing);
        Assert.Contains("problems.cerebrovascular", adultMissing);

        var noSelfCare = Complete() with { General = Complete().General with { SelfCare = new SelfCareScores(0, 0) } };
        Assert.Contains("general.selfCare", ExaminationCompleteness.Missing(noSelfCare, Elderly).Select(m => m.Key));
        Assert.False(ExaminationCompleteness.IsComplete(noSelfCare, Elderly));
    }

    [Fact]
    public void EveryRangeHasItsValueAndUnit()
    {
        foreach (var range in ExaminationValidator.Ranges)
        {
            Assert.True(range.Min < range.Max, range.Key);
            Assert.False(string.IsNullOrWhiteSpace(range.Unit), range.Key);
            var form = Complete();
            // the accessor knows every key: a value outside the range at that key is reported there
            Assert.True(ExaminationValidator.ValueAt(form, range.Key) is null || ExaminationValidator.ValueAt(form, range.Key) is decimal, range.Key);
        }
        Assert.Equal(ExaminationValidator.Ranges.Count, ExaminationValidator.Ranges.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public void EveryOptionHasItsLabelAndTheFormsNumbers()
    {
        Assert.Equal(25, CodeLabels.Options<Symptom>().Count);
        Assert.Equal(Enumerable.Range(1, 25), CodeLabels.Options<Symptom>().Select(o => o.Code));
        Assert.Equal(9, CodeLabels.Options<TcmConstitution>().Count);
        Assert.Equal("基本是", TcmRules.AnswerLabel(TcmConstitution.Balanced, TcmAnswer.Leaning));
        Assert.Equal("倾向是", TcmRules.AnswerLabel(TcmConstitution.QiDeficiency, TcmAnswer.Leaning));
        Assert.True(Blanks.HasBlank(Skin.Other));
        Assert.False(Blanks.HasBlank(Skin.Normal));
    }
}
