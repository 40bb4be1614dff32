using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Maternal;

namespace HealthRecords.Domain.Tests.Maternal;

public sealed class PrenatalRulesTests
{
    private static readonly PregnancyDating Dating = new(new DateOnly(2025, 3, 1), null);

    private static FirstPrenatalVisit Healthy => new()
    {
        VisitDate = new DateOnly(2025, 4, 26),
        Age = 30,
        PastIllnesses = [PastIllness.None],
        GynaecologicalSurgery = new(NoYes.No),
        ObstetricHistory = new ObstetricHistory { Abortions = 1, FetalDeaths = 0, Stillbirths = 0, NeonatalDeaths = 0, BirthDefects = 0 },
        HeightCm = 160,
        WeightKg = 55,
        Systolic = 110,
        Diastolic = 70,
        Heart = new(CheckResult.Normal),
        Lungs = new(CheckResult.Normal),
        Labs = new FirstVisitLabs { Haemoglobin = 120, UrineProtein = "-", Rh = NegativePositive.Positive, HbsAg = NegativePositive.Negative, Glucose = 4.8m },
        Assessment = new(CheckResult.Normal),
    };

    private static PrenatalVisit Second => new()
    {
        Round = 2,
        VisitDate = new DateOnly(2025, 6, 28), // 孕17周
        Systolic = 112,
        Diastolic = 72,
        FetalHeartRate = 145,
        Haemoglobin = 118,
        UrineProtein = "-",
        Classification = new(CheckResult.Normal),
    };

    [Fact]
    public void AHealthyFirstVisitIsNormalWithoutReferral()
    {
        var advice = PrenatalRules.Advise(Healthy);
        Assert.Equal(CheckResult.Normal, advice.Classification);
        Assert.Equal(ReferralAdvice.None, advice.Referral);
        Assert.Empty(advice.Reasons);
        Assert.Empty(advice.DangerSigns);
    }

    [Fact]
    public void ComputedFieldsAreSetFromTheDatingTheBirthDateAndTheMeasures()
    {
        var f = PrenatalRules.WithComputed(Healthy with { GestationalAge = null, Age = 99, Bmi = 99 }, Dating, new DateOnly(1995, 4, 27));
        Assert.Equal(new GestationalAge(8, 0), f.GestationalAge);
        Assert.Equal(29, f.Age);
        Assert.Equal(21.5m, f.Bmi);
        Assert.Equal(new GestationalAge(17, 0), PrenatalRules.WithComputed(Second, Dating).GestationalAge);
    }

    [Theory]
    [InlineData(PastIllness.HeartDisease, "既往史：心脏病（可能有妊娠禁忌症）")]
    [InlineData(PastIllness.KidneyDisease, "既往史：肾脏疾病（可能有妊娠禁忌症）")]
    [InlineData(PastIllness.LiverDisease, "既往史：肝脏疾病（可能有妊娠禁忌症）")]
    [InlineData(PastIllness.Hypertension, "既往史：高血压")]
    [InlineData(PastIllness.Anaemia, "既往史：贫血")]
    [InlineData(PastIllness.Diabetes, "既往史：糖尿病")]
    public void APastIllnessIsARiskFactorAndPromptsAReferral(PastIllness illness, string reason)
    {
        var advice = PrenatalRules.Advise(Healthy with { PastIllnesses = [illness] });
        Assert.Equal([reason], advice.Reasons);
        Assert.Equal(ReferralAdvice.Referral, advice.Referral);
        Assert.Equal(CheckResult.Abnormal, advice.Classification);
    }

    [Fact]
    public void AnOtherPastIllnessIsNamedAsWritten() =>
        Assert.Equal(["既往史：系统性红斑狼疮"], PrenatalRules.RiskFactors(Healthy with { PastIllnesses = [PastIllness.Other], PastIllnessOther = "系统性红斑狼疮" }));

    [Fact]
    public void FamilyAndPersonalHistoryAndGynaecologicalSurgeryAreRiskFactors()
    {
        var f = Healthy with
        {
            FamilyHistory = [FamilyHistoryItem.HereditaryDisease],
            PersonalHistory = [PersonalHistoryItem.Radiation, PersonalHistoryItem.Smoking],
            GynaecologicalSurgery = new(NoYes.Yes, "子宫肌瘤剔除术"),
        };
        Assert.Equal(["家族史：遗传性疾病史", "个人史：吸烟", "个人史：接触放射线", "妇科手术史：子宫肌瘤剔除术"], PrenatalRules.RiskFactors(f));
    }

    [Theory]
    [InlineData(1, 0, 0, 0, 0, "")]
    [InlineData(2, 0, 0, 0, 0, "流产2次")]
    [InlineData(0, 1, 0, 0, 0, "不良孕产史：死胎1次")]
    [InlineData(0, 0, 1, 0, 0, "不良孕产史：死产1次")]
    [InlineData(0, 0, 0, 2, 0, "不良孕产史：新生儿死亡2次")]
    [InlineData(0, 0, 0, 0, 1, "不良孕产史：出生缺陷儿1次")]
    public void AnAdverseObstetricHistoryIsARiskFactor(int abortions, int fetal, int still, int neonatal, int defects, string reason)
    {
        var f = Healthy with { ObstetricHistory = new ObstetricHistory { Abortions = abortions, FetalDeaths = fetal, Stillbirths = still, NeonatalDeaths = neonatal, BirthDefects = defects } };
        Assert.Equal(reason.Length == 0 ? [] : [reason], PrenatalRules.RiskFactors(f));
    }

    [Theory]
    [InlineData(17, "年龄小于18岁（17岁）")]
    [InlineData(18, "")]
    [InlineData(34, "")]
    [InlineData(35, "高龄孕妇（35岁，≥35岁）")]
    public void AgeUnderEighteenOrFromThirtyFiveIsARiskFactor(int age, string reason) =>
        Assert.Equal(reason.Length == 0 ? [] : [reason], PrenatalRules.RiskFactors(Healthy with { Age = age }));

    [Theory]
    [InlineData(144.9, true)]
    [InlineData(145, false)]
    public void HeightUnderOneFortyFiveIsARiskFactor(decimal height, bool risk) =>
        Assert.Equal(risk, PrenatalRules.RiskFactors(Healthy with { HeightCm = height }).Count > 0);

    [Theory]
    [InlineData(109, true)]
    [InlineData(110, false)]
    public void HaemoglobinUnderOneHundredTenIsAnaemia(decimal hb, bool anaemia)
    {
        Assert.Equal(anaemia, PrenatalRules.Abnormalities(Healthy with { Labs = Healthy.Labs with { Haemoglobin = hb } }).Count > 0);
        Assert.Equal(anaemia, PrenatalRules.Advise(Second with { Haemoglobin = hb }).Referral == ReferralAdvice.Referral);
    }

    [Theory]
    [InlineData("-", false)]
    [InlineData("±", false)]
    [InlineData("+", true)]
    [InlineData("+++", true)]
    [InlineData("阳性", true)]
    [InlineData("0.3 g/L", false)] // a quantity is left to the doctor
    [InlineData(null, false)]
    public void UrineProteinIsPositiveFromOnePlus(string? value, bool positive) => Assert.Equal(positive, PrenatalRules.UrineProteinPositive(value));

    [Fact]
    public void AbnormalExaminationsAndInfectionsAreListed()
    {
        var f = Healthy with
        {
            Heart = new(CheckResult.Abnormal, "收缩期杂音"),
            Gynaecology = new GynaecologicalExam { Cervix = new(CheckResult.Abnormal) },
            Labs = Healthy.Labs with { Rh = NegativePositive.Negative, HbsAg = NegativePositive.Positive, Syphilis = NegativePositive.Positive, Hiv = NegativePositive.Positive },
        };
        Assert.Equal(["听诊心脏异常：收缩期杂音", "宫颈异常", "Rh阴性血型", "乙型肝炎表面抗原阳性", "梅毒血清学试验阳性", "HIV抗体阳性"], PrenatalRules.Abnormalities(f));
    }

    [Fact]
    public void VaginalDischargeFindingsAreLeftToTheDoctor() =>
        Assert.Empty(PrenatalRules.Abnormalities(Healthy with { Labs = Healthy.Labs with { VaginalDischarge = [VaginalDischarge.Candida] } }));

    [Theory]
    [InlineData(139, 89, false)]
    [InlineData(140, 80, true)]
    [InlineData(120, 90, true)]
    public void RaisedBloodPressureInPregnancyIsADangerSign(int sbp, int dbp, bool danger)
    {
        Assert.Equal(danger, PrenatalRules.Advise(Second with { Systolic = sbp, Diastolic = dbp }).Urgent);
        Assert.Equal(danger, PrenatalRules.Advise(Healthy with { Systolic = sbp, Diastolic = dbp }).Urgent);
    }

    [Theory]
    [InlineData(109, true)]
    [InlineData(110, false)]
    [InlineData(160, false)]
    [InlineData(161, true)]
    public void AFetalHeartRateOutsideOneTenToOneSixtyIsADangerSign(int fhr, bool danger) =>
        Assert.Equal(danger, PrenatalRules.Advise(Second with { FetalHeartRate = fhr }).Urgent);

    [Theory]
    [InlineData(6.9, false)]
    [InlineData(7.0, true)]
    public void GlucoseFromSevenInPregnancyIsADangerSign(decimal glucose, bool danger) =>
        Assert.Equal(danger, PrenatalRules.Advise(Healthy with { Labs = Healthy.Labs with { Glucose = glucose } }).Urgent);

    [Theory]
    [InlineData(PrenatalDangerSign.VaginalBleeding)]
    [InlineData(PrenatalDangerSign.RupturedMembranes)]
    [InlineData(PrenatalDangerSign.ConvulsionOrConsciousnessChange)]
    [InlineData(PrenatalDangerSign.ReducedFetalMovement)]
    public void ATickedDangerSignMeansAnUrgentReferral(PrenatalDangerSign sign)
    {
        var advice = PrenatalRules.Advise(Second with { DangerSigns = [sign] });
        Assert.Equal(ReferralAdvice.Urgent, advice.Referral);
        Assert.Equal(CheckResult.Abnormal, advice.Classification);
        Assert.Single(advice.DangerSigns);
    }

    [Fact]
    public void AHealthySecondVisitIsNormalWithoutReferral()
    {
        var advice = PrenatalRules.Advise(Second);
        Assert.Equal(CheckResult.Normal, advice.Classification);
        Assert.Equal(ReferralAdvice.None, advice.Referral);
    }

    [Fact]
    public void TheDoctorsOwnAbnormalClassificationAsksForAReferralButDoesNotChangeTheSuggestion()
    {
        var advice = PrenatalRules.Advise(Second with { Classification = new(CheckResult.Abnormal, "宫底高度小于孕周") });
        Assert.Equal(ReferralAdvice.Referral, advice.Referral);
        Assert.Equal(["分类为异常：宫底高度小于孕周"], advice.Reasons);
        Assert.Equal(CheckResult.Normal, advice.Classification);
    }
}
