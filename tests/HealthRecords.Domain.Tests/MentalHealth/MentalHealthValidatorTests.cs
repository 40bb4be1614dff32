using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.MentalHealth;

namespace HealthRecords.Domain.Tests.MentalHealth;

public sealed class MentalHealthValidatorTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateOnly Enrolled = new(2025, 3, 1);

    private static MentalFollowUpContext Context(bool managed = true, bool sameDay = false, PreviousVisit? previous = null) =>
        new(Today, Enrolled, managed, sameDay, previous);

    private static IReadOnlyDictionary<string, string[]> Check(MentalIllnessFollowUp f, MentalFollowUpContext? c = null) =>
        MentalHealthValidator.Validate(f, c ?? Context());

    private static MentalIllnessFollowUp Valid => MentalHealthRulesTests.Form();

    [Fact]
    public void AValidFollowUpHasNoErrors() => Assert.Empty(Check(Valid));

    [Theory]
    [InlineData(6)]
    [InlineData(-1)]
    [InlineData(9)]
    public void ARiskLevelOutsideZeroToFiveIsRefusedBesideTheField(int level)
    {
        var errors = Check(Valid with { RiskLevel = (RiskLevel)level });
        Assert.Equal($"危险性只有0–5级，不能填{level}", errors["riskLevel"].Single());
    }

    [Fact]
    public void AMissingRiskLevelIsAskedFor() =>
        Assert.Equal("请选择危险性（0–5级）", Check(Valid with { RiskLevel = null })["riskLevel"].Single());

    [Fact]
    public void AClassThatContradictsTheRulesNeedsAReason()
    {
        var f = Valid with { RiskLevel = RiskLevel.Level3, Condition = Condition.Stable, NextVisitDate = Today.AddDays(14), Referral = ReferralChoice.Yes, ReferralReason = "危险性3级", ReferralTo = "市精神卫生中心" };
        var errors = Check(f);
        Assert.Equal("按规范应分类为“不稳定”（危险性3级），与所选“稳定”不同：请填写理由", errors["condition"].Single());
        Assert.Empty(Check(f with { OverrideReason = "已住院治疗，由上级医院评估" }));
    }

    [Fact]
    public void TheSuggestedClassNeedsNoReason()
    {
        var f = Valid with
        {
            RiskLevel = RiskLevel.Level3, Condition = Condition.Unstable, NextVisitDate = Today.AddDays(14),
            Referral = ReferralChoice.Yes, ReferralReason = "危险性3级", ReferralTo = "市精神卫生中心",
        };
        Assert.Empty(Check(f));
    }

    [Fact]
    public void AnotherNextDateThanTheSuggestedOneNeedsAReason()
    {
        var errors = Check(Valid with { NextVisitDate = Today.AddMonths(4) });
        Assert.Equal("按规范下次随访应在2026-09-15，日期不同：请填写理由", errors["nextVisitDate"].Single());
    }

    [Fact]
    public void AnUnstablePatientNotReferredNeedsAReason()
    {
        var f = Valid with { Insight = Insight.Absent, Condition = Condition.Unstable, NextVisitDate = Today.AddDays(14) };
        Assert.StartsWith("病情不稳定（自知力缺失），应立即转诊", Check(f)["referral"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void AFollowUpBeforeEnrolmentIsRefused() =>
        Assert.Equal("随访日期不能早于纳入管理日期（2025-03-01）",
            Check(Valid with { VisitDate = Enrolled.AddDays(-1), NextVisitDate = Enrolled.AddMonths(3).AddDays(-1) })["visitDate"].Single());

    [Fact]
    public void AFollowUpInTheFutureIsRefused() =>
        Assert.Equal("随访日期不能晚于今天", Check(Valid with { VisitDate = Today.AddDays(1), NextVisitDate = Today.AddMonths(3).AddDays(1) })["visitDate"].Single());

    [Fact]
    public void ASecondFollowUpOnTheSameDayIsRefused() =>
        Assert.Contains("当天已有一次随访", Check(Valid, Context(sameDay: true))["visitDate"].Single(), StringComparison.Ordinal);

    [Fact]
    public void APatientWhoDidNotConsentHasNoFollowUps() =>
        Assert.Contains("只登记不管理", Check(Valid, Context(managed: false))["visitDate"].Single(), StringComparison.Ordinal);

    [Fact]
    public void APatientNotReachedHasNoAssessment()
    {
        var f = Valid with { Condition = Condition.NotVisited, NextVisitDate = Today.AddDays(7) };
        var errors = Check(f);
        Assert.Equal("未访到患者，不能填写危险性", errors["riskLevel"].Single());
        Assert.Empty(Check(f with { RiskLevel = null, Insight = null }));
    }

    [Fact]
    public void TickedSymptomsNeedTheDoctorsJudgementOfHowMarkedTheyAre()
    {
        var f = Valid with { Symptoms = [MentalSymptom.Hallucination], Condition = Condition.BasicallyStable, NextVisitDate = Today.AddDays(14) };
        Assert.Contains("请判断", Check(f)["assessment.symptoms"].Single(), StringComparison.Ordinal);
        Assert.Empty(Check(f with { Assessment = new ClinicalAssessment { Symptoms = SymptomSeverity.Present } }));
    }

    [Fact]
    public void OtherSymptomNeedsItsText() =>
        Assert.Equal("选了“其他”，请写明目前症状",
            Check(Valid with { Symptoms = [MentalSymptom.Other], Assessment = new ClinicalAssessment { Symptoms = SymptomSeverity.Gone } })["symptomOther"].Single());

    [Fact]
    public void AnAdverseReactionNeedsItsDrugAndSeverity()
    {
        var errors = Check(Valid with { AdverseReaction = NoYes.Yes });
        Assert.Equal("请写明哪种药物、何种不良反应", errors["adverseReactionDetail"].Single());
        Assert.Contains("程度", errors["assessment.adverseReaction"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void AReferralNeedsReasonAndDestination()
    {
        var errors = Check(Valid with { Referral = ReferralChoice.Yes });
        Assert.Equal("请填写转诊原因", errors["referralReason"].Single());
        Assert.Equal("请填写转诊至机构及科室", errors["referralTo"].Single());
    }

    [Fact]
    public void SocialImpactCountsMustBeFilledWithZeroWhenNothingHappened()
    {
        var errors = Check(Valid with { SocialImpact = new SocialImpactCounts(0, null, 0, 0, -1) });
        Assert.Equal("请填写肇事次数，未发生过填0", errors["socialImpact.offence"].Single());
        Assert.Contains("不可能", errors["socialImpact.suicideAttempt"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void DischargeDateFollowsTheHospitalisationAnswer()
    {
        Assert.Equal("从未住院，不应填写末次出院时间", Check(Valid with { LastDischargeDate = Today.AddYears(-1) })["lastDischargeDate"].Single());
        Assert.Equal("既往住院，请填写末次出院时间", Check(Valid with { Hospitalisation = Hospitalisation.Previously })["lastDischargeDate"].Single());
    }

    [Fact]
    public void AtMostThreeMedicationsWithPlausibleDoses()
    {
        var med = new PsychiatricMedication("奥氮平", DosePeriod.Day, 1, 10m);
        Assert.Equal("用药情况最多填写药物1–3", Check(Valid with { Medications = [med, med, med, med] })["medications"].Single());
        Assert.Contains("不可能", Check(Valid with { Medications = [med with { MgPerDose = 0m }] })["medications[0].mgPerDose"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUndefinedClassIsRefused() =>
        Assert.Contains("本次随访分类只能填", Check(Valid with { Condition = (Condition)4 })["condition"].Single(), StringComparison.Ordinal);

    private static MentalIllnessProfile Profile => new()
    {
        GuardianName = "张三", GuardianRelation = "父亲", Consent = InformedConsent.Agreed, ConsentSignedBy = "张三",
        ConsentSignedOn = Enrolled, FirstOnset = new ApproximateDate(2015), PastSymptoms = [MentalSymptom.Hallucination],
        Outpatient = OutpatientTreatment.Continuous, FirstAntipsychoticTreatment = new ApproximateDate(2015, 6),
        PsychiatricAdmissions = 1, Diagnosis = "精神分裂症", DiagnosingHospital = "市精神卫生中心", DiagnosedOn = new DateOnly(2015, 7, 1),
        LastTreatmentEffect = TreatmentEffect.Improved, SocialImpact = SocialImpactCounts.None, Confinement = Confinement.None,
        EconomicStatus = EconomicStatus.NotPoor, SpecialistOpinion = "无", FilledOn = Enrolled, Doctor = "王医生",
    };

    [Fact]
    public void AValidProfileHasNoErrors() => Assert.Empty(MentalHealthValidator.Validate(Profile, Today));

    [Fact]
    public void AProfileNeedsTheConsentAnswer() =>
        Assert.StartsWith("请选择知情同意", MentalHealthValidator.Validate(Profile with { Consent = null }, Today)["consent"].Single(), StringComparison.Ordinal);

    [Fact]
    public void ARefusalIsAValidAnswerToo() =>
        Assert.Empty(MentalHealthValidator.Validate(Profile with { Consent = InformedConsent.Refused }, Today));

    [Fact]
    public void TreatmentAndDiagnosisCannotPrecedeTheFirstOnset()
    {
        var errors = MentalHealthValidator.Validate(Profile with
        {
            FirstOnset = new ApproximateDate(2016, 3), FirstAntipsychoticTreatment = new ApproximateDate(2015), DiagnosedOn = new DateOnly(2016, 2, 29),
        }, Today);
        Assert.Equal("首次抗精神病药治疗时间不能早于初次发病时间", errors["firstAntipsychoticTreatment"].Single());
        Assert.Equal("确诊日期不能早于初次发病时间", errors["diagnosedOn"].Single());
    }

    [Fact]
    public void AnImpossibleOnsetDateIsRefused() =>
        Assert.Contains("不是有效的日期", MentalHealthValidator.Validate(Profile with { FirstOnset = new ApproximateDate(2015, 2, 30) }, Today)["firstOnset"].Single(), StringComparison.Ordinal);

    [Fact]
    public void AdmissionsAreCountedWithZeroForNever() =>
        Assert.Contains("未住过院填0", MentalHealthValidator.Validate(Profile with { PsychiatricAdmissions = null }, Today)["psychiatricAdmissions"].Single(), StringComparison.Ordinal);
}
