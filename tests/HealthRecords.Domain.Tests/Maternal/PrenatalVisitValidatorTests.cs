using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Maternal;
using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Maternal;

public sealed class PrenatalVisitValidatorTests
{
    private static readonly DateOnly Today = new(2025, 12, 31);
    private static readonly PregnancyDating Dating = new(new DateOnly(2025, 3, 1), null);
    private static readonly PrenatalContext Context = new(Today, new DateOnly(2025, 4, 26), Dating);

    private static FirstPrenatalVisit First => PrenatalRules.WithComputed(new FirstPrenatalVisit
    {
        VisitDate = new DateOnly(2025, 4, 26),
        Pregnancy = new PregnancyFacts { LastMenstrualPeriod = new DateOnly(2025, 3, 1), ExpectedDelivery = new DateOnly(2025, 12, 8), Gravidity = 1, Parity = 0 },
        PastIllnesses = [PastIllness.None],
        ObstetricHistory = new ObstetricHistory { Abortions = 0 },
        HeightCm = 160,
        WeightKg = 55,
        Systolic = 110,
        Diastolic = 70,
        Heart = new(CheckResult.Normal),
        Lungs = new(CheckResult.Normal),
        Labs = new FirstVisitLabs { Haemoglobin = 120, UrineProtein = "-" },
        Assessment = new(CheckResult.Normal),
        Guidance = [FirstVisitGuidance.Nutrition],
        Referral = new VisitReferral { Referred = Presence.None },
        NextVisitDate = new DateOnly(2025, 6, 21),
        Doctor = "李医生",
    }, Dating, new DateOnly(1995, 4, 2));

    private static PrenatalVisit Visit(int round, string date) => PrenatalRules.WithComputed(new PrenatalVisit
    {
        Round = round,
        VisitDate = DateOnly.Parse(date),
        Systolic = 112,
        Diastolic = 72,
        FetalHeartRate = 145,
        Haemoglobin = 118,
        UrineProtein = "-",
        Classification = new(CheckResult.Normal),
        Guidance = [1, 2],
        Referral = new VisitReferral { Referred = Presence.None },
        Doctor = "李医生",
    }, Dating);

    [Fact]
    public void AValidFirstVisitHasNoErrors() => Assert.Empty(PrenatalVisitValidator.Validate(First, Context));

    [Fact]
    public void AValidVisitOfEachRoundHasNoErrors()
    {
        Assert.Empty(PrenatalVisitValidator.Validate(Visit(2, "2025-06-28"), Context));
        Assert.Empty(PrenatalVisitValidator.Validate(Visit(3, "2025-08-02"), Context));
        Assert.Empty(PrenatalVisitValidator.Validate(Visit(4, "2025-10-04"), Context));
        Assert.Empty(PrenatalVisitValidator.Validate(Visit(5, "2025-11-22"), Context));
    }

    [Fact]
    public void AVisitBeforeRegistrationIsRefused()
    {
        var errors = PrenatalVisitValidator.Validate(First with { VisitDate = new DateOnly(2025, 4, 20) }, Context);
        Assert.Contains("填表日期不能早于建册日期（2025-04-26）", errors["visitDate"]);
    }

    [Fact]
    public void AVisitAfterTheDeliveryIsRefused()
    {
        var errors = PrenatalVisitValidator.Validate(Visit(5, "2025-11-22"), Context with { DeliveredOn = new DateOnly(2025, 11, 20) });
        Assert.Contains("随访日期不能晚于分娩日期（2025-11-20）：分娩后请填写产后访视记录表", errors["visitDate"]);
    }

    [Fact]
    public void AVisitInTheFutureIsRefused() =>
        Assert.Contains("随访日期不能晚于今天", PrenatalVisitValidator.Validate(Visit(2, "2025-06-28"), Context with { Today = new DateOnly(2025, 6, 27) })["visitDate"]);

    [Fact]
    public void ASecondVisitTheSameDayIsRefused() =>
        Assert.Contains("该孕妇当天已有产前随访记录", PrenatalVisitValidator.Validate(Visit(2, "2025-06-28"), Context with { SameDayExists = true })["visitDate"]);

    [Theory]
    [InlineData(2, "2025-06-20", "孕15周+6天不在第2次产前随访的时间（孕16~20周）内，也不在")]
    [InlineData(2, "2025-07-27", "孕21周+1天不在第2次产前随访的时间（孕16~20周）内；此时应为第3次产前随访（孕21~24周）")]
    [InlineData(3, "2025-08-23", "孕25周不在第3次产前随访的时间（孕21~24周）内，也不在")]
    [InlineData(4, "2025-11-15", "孕37周不在第4次产前随访的时间（孕28~36周）内；此时应为第5次产前随访（孕37~40周）")]
    [InlineData(5, "2025-12-13", "孕41周不在第5次产前随访的时间（孕37~40周）内，也不在")]
    public void AGestationalAgeOutsideTheRoundsWindowIsRefused(int round, string date, string message) =>
        Assert.StartsWith(message, Assert.Single(PrenatalVisitValidator.Validate(Visit(round, date), Context)["visitDate"]));

    [Theory]
    [InlineData(2, "2025-06-21")] // 孕16周
    [InlineData(2, "2025-07-25")] // 孕20周+6天
    [InlineData(5, "2025-12-12")] // 孕40周+6天
    public void TheWindowsEdgesAreAccepted(int round, string date) =>
        Assert.Empty(PrenatalVisitValidator.Validate(Visit(round, date), Context));

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void OnlyRoundsTwoToFiveGoOnTheSecondForm(int round) =>
        Assert.True(PrenatalVisitValidator.Validate(Visit(2, "2025-06-28") with { Round = round }, Context).ContainsKey("round"));

    [Fact]
    public void GuidanceIsCheckedAgainstItsColumnsTable()
    {
        Assert.Contains("指导只能填 1 个人卫生 2 膳食 3 心理 4 运动 5 其他", PrenatalVisitValidator.Validate(Visit(2, "2025-06-28") with { Guidance = [6] }, Context)["guidance"]);
        Assert.Empty(PrenatalVisitValidator.Validate(Visit(4, "2025-10-04") with { Guidance = [6, 7] }, Context));
        Assert.Equal(["指导选择“其他”，请写明"], PrenatalVisitValidator.Validate(Visit(3, "2025-08-02") with { Guidance = [7] }, Context)["guidanceOther"]);
    }

    [Fact]
    public void ADangerSignNotReferredNeedsAReason()
    {
        var visit = Visit(4, "2025-10-04") with { DangerSigns = [PrenatalDangerSign.VaginalBleeding], Classification = new(CheckResult.Abnormal, "阴道流血") };
        var message = Assert.Single(PrenatalVisitValidator.Validate(visit, Context)["referral.referred"]);
        Assert.StartsWith("存在危急征象（阴道流血", message);
        Assert.Empty(PrenatalVisitValidator.Validate(visit, Context with { OverrideReason = "已由120送县医院" }));
        Assert.Empty(PrenatalVisitValidator.Validate(visit with { Referral = new VisitReferral { Referred = Presence.Yes, Reason = "阴道流血", InstitutionAndDepartment = "县妇幼保健院产科" } }, Context));
    }

    [Fact]
    public void ASuggestedAbnormalClassifiedNormalNeedsAReason()
    {
        var visit = Visit(2, "2025-06-28") with { Haemoglobin = 95, Referral = new VisitReferral { Referred = Presence.Yes, Reason = "贫血" } };
        Assert.StartsWith("系统评估为异常（贫血", Assert.Single(PrenatalVisitValidator.Validate(visit, Context)["classification.code"]));
    }

    [Fact]
    public void AReferralNeedsAReasonAndAReasonNeedsAReferral()
    {
        Assert.Equal(["转诊请填写原因"], PrenatalVisitValidator.Validate(Visit(2, "2025-06-28") with { Referral = new VisitReferral { Referred = Presence.Yes } }, Context)["referral.reason"]);
        Assert.Equal(["填写了转诊原因或机构，请选择“2 有”"],
            PrenatalVisitValidator.Validate(Visit(2, "2025-06-28") with { Referral = new VisitReferral { Referred = Presence.None, Reason = "贫血" } }, Context)["referral.referred"]);
    }

    [Fact]
    public void AnAbnormalClassificationIsDescribed() =>
        Assert.Equal(["分类选择“异常”，请具体说明"],
            PrenatalVisitValidator.Validate(Visit(2, "2025-06-28") with { Classification = new(CheckResult.Abnormal), Referral = new VisitReferral { Referred = Presence.Yes, Reason = "x" } }, Context)["classification.detail"]);

    [Fact]
    public void ImplausibleValuesAreRefusedWithTheirUnits()
    {
        var errors = PrenatalVisitValidator.Validate(Visit(4, "2025-10-04") with { FundalHeightCm = 300, FetalHeartRate = 14, Systolic = 70, Diastolic = 80 }, Context);
        Assert.Contains("宫底高度300cm不可能，应在5～50cm之间，请核对数值和单位", errors["fundalHeightCm"]);
        Assert.Contains("胎心率14次/分钟不可能，应在50～240次/分钟之间，请核对数值和单位", errors["fetalHeartRate"]);
        Assert.Contains("收缩压应高于舒张压，请核对", errors["systolic"]);
    }

    [Fact]
    public void TheNextVisitFollowsThisOne() =>
        Assert.Equal(["下次随访日期应晚于本次随访日期"], PrenatalVisitValidator.Validate(Visit(2, "2025-06-28") with { NextVisitDate = new DateOnly(2025, 6, 28) }, Context)["nextVisitDate"]);

    [Fact]
    public void TheDoctorSigns() =>
        Assert.Equal(["请填写随访医生"], PrenatalVisitValidator.Validate(Visit(2, "2025-06-28") with { Doctor = " " }, Context)["doctor"]);

    [Fact]
    public void AFamilyHistoryIsDescribed() =>
        Assert.Equal(["有家族史，请具体说明疾病及患病亲属"],
            PrenatalVisitValidator.Validate(First with { FamilyHistory = [FamilyHistoryItem.MentalIllness], Assessment = new(CheckResult.Abnormal, "家族史"), Referral = new VisitReferral { Referred = Presence.Yes, Reason = "家族史" } }, Context)["familyHistoryDetail"]);

    [Fact]
    public void NoPastIllnessExcludesTheOthers() =>
        Assert.True(PrenatalVisitValidator.Validate(First with { PastIllnesses = [PastIllness.None, PastIllness.Anaemia] }, Context).ContainsKey("pastIllnesses"));

    [Fact]
    public void EarlierAbortionsAndDeliveriesFitInTheEarlierPregnancies()
    {
        var f = First with { ObstetricHistory = new ObstetricHistory { Abortions = 1 } };
        Assert.Equal(["流产次数与产次之和不能超过孕次−1（孕次1包括本次妊娠）"], PrenatalVisitValidator.Validate(f, Context)["obstetricHistory.abortions"]);
    }

    [Fact]
    public void TheFirstVisitsPregnancyFactsAreCheckedOnItsDate()
    {
        var f = First with { Pregnancy = First.Pregnancy with { LastMenstrualPeriod = new DateOnly(2025, 4, 10), ExpectedDelivery = null } };
        Assert.StartsWith("填表时孕周不足4周（孕2周+2天）", Assert.Single(PrenatalVisitValidator.Validate(f, Context)["pregnancy.lastMenstrualPeriod"]));
    }

    [Fact]
    public void ALateFirstVisitIsAcceptedButNotBeyondFortyTwoWeeks()
    {
        var late = PrenatalRules.WithComputed(First with { VisitDate = new DateOnly(2025, 7, 19), NextVisitDate = null }, Dating, new DateOnly(1995, 4, 2)); // 孕20周
        Assert.Empty(PrenatalVisitValidator.Validate(late, Context));
        var over = late with { VisitDate = new DateOnly(2025, 12, 27) }; // 孕43周
        Assert.StartsWith("填表时已孕43周，超过孕42周", Assert.Single(PrenatalVisitValidator.Validate(over, Context)["pregnancy.lastMenstrualPeriod"]));
    }

    [Fact]
    public void LaboratoryValuesAreChecked()
    {
        var f = First with { Labs = First.Labs with { UrineGlucose = "很多", TotalBilirubin = 10, DirectBilirubin = 12, Haemoglobin = 12 } };
        var errors = PrenatalVisitValidator.Validate(f, Context);
        Assert.True(errors.ContainsKey("labs.urineGlucose"));
        Assert.Equal(["结合胆红素不能高于总胆红素"], errors["labs.directBilirubin"]);
        Assert.True(errors.ContainsKey("labs.haemoglobin"));
    }
}
