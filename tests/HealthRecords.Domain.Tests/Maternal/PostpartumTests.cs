using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Maternal;
using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Maternal;

public sealed class PostpartumTests
{
    private static readonly DateOnly Delivered = new(2025, 12, 5);
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly PostpartumContext Context = new(Today, Delivered, new DateOnly(2025, 12, 8));

    private static readonly PuerperalExam Normal = new()
    {
        Breasts = new(CheckResult.Normal), Lochia = new(CheckResult.Normal), Uterus = new(CheckResult.Normal), Wound = new(CheckResult.Normal),
    };

    private static PostpartumVisit Visit => new()
    {
        VisitDate = new DateOnly(2025, 12, 11),
        TemperatureC = 36.8m,
        GeneralHealth = "良好",
        MentalState = "良好",
        Systolic = 118,
        Diastolic = 76,
        Exam = Normal,
        Classification = new(CheckResult.Normal),
        Guidance = [PostpartumGuidance.Breastfeeding, PostpartumGuidance.NewbornCare],
        Referral = new VisitReferral { Referred = Presence.None },
        NextVisitDate = new DateOnly(2026, 1, 16),
        Doctor = "王医生",
    };

    private static Postpartum42DayCheck Check => new()
    {
        VisitDate = new DateOnly(2026, 1, 16),
        GeneralHealth = "良好",
        MentalState = "良好",
        Systolic = 112,
        Diastolic = 70,
        Exam = Normal,
        Classification = new(RecoveryClass.Recovered),
        Guidance = [Check42Guidance.Contraception],
        Disposition = Check42Disposition.Close,
        Doctor = "王医生",
    };

    // rules

    [Fact]
    public void AWellMotherIsNormalWithoutReferral()
    {
        var advice = PostpartumRules.Advise(Visit);
        Assert.Equal(CheckResult.Normal, advice.Classification);
        Assert.Equal(ReferralAdvice.None, advice.Referral);
    }

    [Theory]
    [InlineData(37.9, false)]
    [InlineData(38.0, true)]
    public void AFeverFromThirtyEightSuggestsPuerperalInfection(decimal temperature, bool infection)
    {
        var advice = PostpartumRules.Advise(Visit with { TemperatureC = temperature });
        Assert.Equal(infection ? ["产褥感染"] : [], advice.Reasons);
        Assert.Equal(infection ? ReferralAdvice.Referral : ReferralAdvice.None, advice.Referral);
    }

    [Theory]
    [InlineData(PostpartumProblem.PuerperalInfection, "产褥感染")]
    [InlineData(PostpartumProblem.Haemorrhage, "产后出血")]
    [InlineData(PostpartumProblem.PoorInvolution, "子宫复旧不佳")]
    [InlineData(PostpartumProblem.UnresolvedComplication, "妊娠合并症未恢复")]
    [InlineData(PostpartumProblem.PostpartumDepression, "产后抑郁")]
    public void EachProblemOfTheSpecificationIsReferred(PostpartumProblem problem, string reason)
    {
        var advice = PostpartumRules.Advise(Visit with { Problems = [problem] });
        Assert.Equal([reason], advice.Reasons);
        Assert.Equal(ReferralAdvice.Referral, advice.Referral);
        Assert.Equal(CheckResult.Abnormal, advice.Classification);
    }

    [Fact]
    public void AnAbnormalWoundIsDealtWithAtTheVisitNotReferred()
    {
        var advice = PostpartumRules.Advise(Visit with { Exam = Normal with { Wound = new(CheckResult.Abnormal, "会阴伤口红肿") } });
        Assert.Equal(CheckResult.Abnormal, advice.Classification);
        Assert.Equal(ReferralAdvice.None, advice.Referral);
    }

    [Theory]
    [InlineData(139, 89, false)]
    [InlineData(140, 85, true)]
    public void RaisedBloodPressureAfterChildbirthIsADangerSign(int sbp, int dbp, bool urgent)
    {
        Assert.Equal(urgent, PostpartumRules.Advise(Visit with { Systolic = sbp, Diastolic = dbp }).Urgent);
        Assert.Equal(urgent, PostpartumRules.Advise(Check with { Systolic = sbp, Diastolic = dbp }).Urgent);
    }

    [Fact]
    public void TheNextVisitAfterThePostpartumVisitIsTheFortyTwoDayCheck() =>
        Assert.Equal(new DateOnly(2026, 1, 16), PostpartumRules.SuggestNextVisit(Delivered));

    [Fact]
    public void ARecoveredMotherIsClosed()
    {
        var advice = PostpartumRules.Advise(Check);
        Assert.Equal(RecoveryClass.Recovered, advice.Classification);
        Assert.Equal(Check42Disposition.Close, PostpartumRules.SuggestDisposition(advice.Classification));
        Assert.Equal(ReferralAdvice.None, advice.Referral);
    }

    [Fact]
    public void AnAbnormalFindingAtFortyTwoDaysIsNotRecoveredAndReferred()
    {
        var advice = PostpartumRules.Advise(Check with { Exam = Normal with { Lochia = new(CheckResult.Abnormal, "血性恶露未净") } });
        Assert.Equal(RecoveryClass.NotRecovered, advice.Classification);
        Assert.Equal(Check42Disposition.Refer, PostpartumRules.SuggestDisposition(advice.Classification));
        Assert.Equal(["恶露异常：血性恶露未净"], advice.Reasons);
    }

    // validation

    [Fact]
    public void ValidFormsHaveNoErrors()
    {
        Assert.Empty(PostpartumValidator.Validate(Visit, Context));
        Assert.Empty(PostpartumValidator.Validate(Check, Context));
    }

    [Fact]
    public void AFortyTwoDayCheckBeforeTheDeliveryIsRefused() =>
        Assert.Contains("检查日期不能早于分娩日期（2025-12-05）", PostpartumValidator.Validate(Check with { VisitDate = new DateOnly(2025, 12, 1) }, Context)["visitDate"]);

    [Fact]
    public void APostpartumVisitBeforeDischargeIsRefused() =>
        Assert.Contains("产后访视在产妇出院后到家中进行，随访日期不能早于出院日期（2025-12-08）",
            PostpartumValidator.Validate(Visit with { VisitDate = new DateOnly(2025, 12, 7) }, Context)["visitDate"]);

    [Fact]
    public void AProblemNotReferredNeedsAReason()
    {
        var visit = Visit with { Problems = [PostpartumProblem.PostpartumDepression], Classification = new(CheckResult.Abnormal, "情绪低落") };
        Assert.StartsWith("建议转诊（产后抑郁）", Assert.Single(PostpartumValidator.Validate(visit, Context)["referral.referred"]));
        Assert.Empty(PostpartumValidator.Validate(visit, Context with { OverrideReason = "家属拒绝，已约下周复访" }));
    }

    [Fact]
    public void ClosingAMotherWhoHasNotRecoveredNeedsAReason()
    {
        var check = Check with { Exam = Normal with { Uterus = new(CheckResult.Abnormal, "子宫复旧不良") }, Classification = new(RecoveryClass.NotRecovered, "子宫复旧不良") };
        var errors = PostpartumValidator.Validate(check, Context);
        Assert.StartsWith("产妇未恢复（", Assert.Single(errors["disposition"]));
        Assert.Empty(PostpartumValidator.Validate(check with { Disposition = Check42Disposition.Refer, ReferralReason = "子宫复旧不良", ReferralInstitution = "县妇幼保健院" }, Context));
    }

    [Fact]
    public void RecoveredAgainstTheFindingsNeedsAReason()
    {
        var check = Check with { Exam = Normal with { Breasts = new(CheckResult.Abnormal, "乳腺炎") }, Disposition = Check42Disposition.Refer, ReferralReason = "乳腺炎" };
        Assert.StartsWith("系统评估为未恢复（", Assert.Single(PostpartumValidator.Validate(check, Context)["classification.code"]));
    }

    [Fact]
    public void TheFortyTwoDayDispositionIsChosenAndAReferralHasAReason()
    {
        Assert.Equal(["请选择处理：1 结案 2 转诊"], PostpartumValidator.Validate(Check with { Disposition = null }, Context)["disposition"]);
        Assert.Equal(["转诊请填写原因"], PostpartumValidator.Validate(Check with { Disposition = Check42Disposition.Refer }, Context)["referralReason"]);
        Assert.Equal(["填写了转诊原因或机构，处理请选择“2 转诊”"], PostpartumValidator.Validate(Check with { ReferralReason = "x" }, Context)["disposition"]);
    }

    [Fact]
    public void NotRecoveredIsDescribed() =>
        Assert.Equal(["分类选择“未恢复”，请具体说明"],
            PostpartumValidator.Validate(Check with { Classification = new(RecoveryClass.NotRecovered), Disposition = Check42Disposition.Refer, ReferralReason = "x" }, Context)["classification.detail"]);

    // delivery information

    private static readonly DeliveryContext Registered = new(Today, new DateOnly(2025, 4, 26), EpisodeOpening.Registration, new PregnancyDating(new DateOnly(2025, 3, 1), null));

    private static DeliveryInfo Delivery => new()
    {
        DeliveredOn = Delivered,
        DischargedOn = new DateOnly(2025, 12, 8),
        Place = DeliveryPlace.Hospital,
        Institution = "县妇幼保健院",
        Mode = BirthCircumstance.Spontaneous,
        GestationWeeks = 39,
        Babies = [new Baby { Outcome = BirthOutcome.LiveBirth, Sex = Sex.Female, BirthWeightKg = 3.2m, BirthLengthCm = 50 }],
    };

    [Fact]
    public void AValidDeliveryHasNoErrors() => Assert.Empty(PostpartumValidator.Validate(Delivery, Registered));

    [Fact]
    public void ADeliveryBeforeTheLastPeriodIsRefused()
    {
        var errors = PostpartumValidator.Validate(Delivery with { DeliveredOn = new DateOnly(2025, 2, 20) }, Registered with { RegisteredOn = new DateOnly(2025, 1, 1) });
        Assert.Contains("分娩日期不能早于末次月经（2025-03-01）", errors["deliveredOn"]);
    }

    [Fact]
    public void ADeliveryBeforeRegistrationIsRefusedUnlessTheWomanWasFirstKnownAtDelivery()
    {
        Assert.Contains("分娩日期不能早于建册日期（2025-12-10）", PostpartumValidator.Validate(Delivery, Registered with { RegisteredOn = new DateOnly(2025, 12, 10) })["deliveredOn"]);
        Assert.Empty(PostpartumValidator.Validate(Delivery, new DeliveryContext(Today, new DateOnly(2025, 12, 10), EpisodeOpening.DeliveryNotice, new PregnancyDating(null, null))));
    }

    [Fact]
    public void APregnancyEndingBeforeTwentyEightWeeksWithoutALiveBirthIsAMiscarriage()
    {
        var d = Delivery with { DeliveredOn = new DateOnly(2025, 8, 30), Babies = [new Baby { Outcome = BirthOutcome.FetalDeath }] };
        Assert.StartsWith("孕26周不足28周且无活产，应登记为流产", Assert.Single(PostpartumValidator.Validate(d, Registered)["deliveredOn"]));
        Assert.Empty(PostpartumValidator.Validate(d with { Babies = [new Baby { Outcome = BirthOutcome.LiveBirth, Sex = Sex.Male, BirthWeightKg = 0.9m }] }, Registered));
    }

    [Fact]
    public void TwinsAreNotADeliveryMode() =>
        Assert.True(PostpartumValidator.Validate(Delivery with { Mode = BirthCircumstance.Multiple }, Registered).ContainsKey("mode"));

    [Fact]
    public void EveryBabyHasAnOutcomeAndALiveBornBabyASex()
    {
        Assert.Equal(["请填写婴儿情况（每个婴儿一行）"], PostpartumValidator.Validate(Delivery with { Babies = [] }, Registered)["babies"]);
        var errors = PostpartumValidator.Validate(Delivery with { Babies = [new Baby(), new Baby { Outcome = BirthOutcome.LiveBirth }] }, Registered);
        Assert.True(errors.ContainsKey("babies[0].outcome"));
        Assert.Equal(["活产婴儿请填写性别"], errors["babies[1].sex"]);
    }

    [Fact]
    public void ImplausibleBirthWeightIsRefused() =>
        Assert.True(PostpartumValidator.Validate(Delivery with { Babies = [Delivery.Babies[0] with { BirthWeightKg = 32 }] }, Registered).ContainsKey("babies[0].birthWeightKg"));

    [Fact]
    public void DischargeComesAfterTheDelivery() =>
        Assert.Contains("出院日期不能早于分娩日期（2025-12-05）", PostpartumValidator.Validate(Delivery with { DischargedOn = new DateOnly(2025, 12, 4) }, Registered)["dischargedOn"]);

    // live births

    [Theory]
    [InlineData(BirthOutcome.LiveBirth, true)]
    [InlineData(BirthOutcome.FetalDeath, false)]
    [InlineData(BirthOutcome.Stillbirth, false)]
    [InlineData(null, false)]
    public void OnlyALiveBirthIsALiveBirth(BirthOutcome? outcome, bool live) => Assert.Equal(live, Births.IsLiveBirth(outcome));

    [Fact]
    public void TwinsBornAliveAreTwoLiveBirthsAndTheirCircumstancesSaySo()
    {
        var twins = Delivery with
        {
            Mode = BirthCircumstance.Caesarean,
            Babies = [new Baby { Outcome = BirthOutcome.LiveBirth, Sex = Sex.Male }, new Baby { Outcome = BirthOutcome.LiveBirth, Sex = Sex.Female }],
        };
        Assert.Equal(2, Births.LiveBirths(twins));
        Assert.Equal([BirthCircumstance.Caesarean, BirthCircumstance.Multiple], Births.Circumstances(twins));
        Assert.Equal(1, Births.LiveBirths(twins with { Babies = [twins.Babies[0], twins.Babies[1] with { Outcome = BirthOutcome.Stillbirth }] }));
    }

    [Fact]
    public void TheBabyComesHomeOnItsOwnDischargeElseTheMothersElseTheDelivery()
    {
        Assert.Equal(new DateOnly(2025, 12, 8), Births.HomeFrom(Delivery));
        Assert.Equal(new DateOnly(2025, 12, 20), Births.HomeFrom(Delivery, Delivery.Babies[0] with { DischargedOn = new DateOnly(2025, 12, 20) }));
        Assert.Equal(Delivered, Births.HomeFrom(Delivery with { DischargedOn = null }));
    }
}
