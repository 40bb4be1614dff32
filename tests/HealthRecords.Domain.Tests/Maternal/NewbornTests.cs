using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Maternal;
using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Maternal;

public sealed class NewbornTests
{
    private static readonly DateOnly Born = new(2025, 12, 5);
    private static readonly NewbornContext Context = new(new DateOnly(2026, 3, 1), Born);

    private static readonly NewbornExam NormalExam = new()
    {
        Eyes = new(CheckResult.Normal), Limbs = new(CheckResult.Normal), Ears = new(CheckResult.Normal), NeckMass = new(NoYes.No),
        Nose = new(CheckResult.Normal), Skin = new(NewbornSkin.Normal), Mouth = new(CheckResult.Normal), Anus = new(CheckResult.Normal),
        HeartAndLungs = new(CheckResult.Normal), Genitalia = new(CheckResult.Normal), Abdomen = new(CheckResult.Normal), Spine = new(CheckResult.Normal),
    };

    private static NewbornVisit Visit => new()
    {
        Name = "张丽之女",
        Sex = Sex.Female,
        BirthDate = Born,
        GestationWeeks = 39,
        BirthCircumstances = [BirthCircumstance.Spontaneous],
        Asphyxia = Presence.None,
        Apgar1 = 9,
        Apgar5 = 10,
        Malformation = new(NoYes.No),
        HearingScreening = HearingScreening.Passed,
        MetabolicScreening = [MetabolicScreening.Hypothyroidism, MetabolicScreening.Phenylketonuria],
        BirthWeightKg = 3.2m,
        WeightKg = 3.1m,
        BirthLengthCm = 50,
        Feeding = FeedingMode.ExclusiveBreastfeeding,
        TemperatureC = 36.8m,
        Pulse = 140,
        Respiration = 42,
        Complexion = new(Complexion.Rosy),
        Fontanelle = new(Fontanelle.Normal),
        FontanelleWidthCm = 2,
        FontanelleLengthCm = 2,
        Exam = NormalExam,
        Umbilicus = new(Umbilicus.Attached),
        Referral = new VisitReferral { Referred = Presence.None },
        Guidance = [NewbornGuidance.Feeding, NewbornGuidance.DiseasePrevention],
        VisitDate = new DateOnly(2025, 12, 11),
        NextVisitPlace = "跳磴镇卫生院",
        NextVisitDate = new DateOnly(2026, 1, 2),
        Doctor = "王医生",
    };

    // rules

    [Theory]
    [InlineData(Sex.Male, "张丽之男")]
    [InlineData(Sex.Female, "张丽之女")]
    [InlineData(Sex.Unknown, null)]
    public void AnUnnamedBabyIsCalledAfterItsMother(Sex sex, string? name) => Assert.Equal(name, NewbornRules.DefaultName(" 张丽 ", sex));

    [Theory]
    [InlineData(2.49, 39, false, true)]
    [InlineData(2.5, 39, false, false)]
    [InlineData(3.0, 36, false, true)]
    [InlineData(3.0, 37, false, false)]
    [InlineData(3.0, 39, true, true)]
    public void StarItemsAreAskedOfLowWeightPretermAndTwinBabies(decimal weight, int weeks, bool twins, bool asked) =>
        Assert.Equal(asked, NewbornRules.AsksStarItems(weight, weeks, twins ? [BirthCircumstance.Caesarean, BirthCircumstance.Multiple] : [BirthCircumstance.Spontaneous]));

    [Fact]
    public void ABirthDefectAsksForMoreVisits()
    {
        Assert.False(NewbornRules.NeedsExtraVisits(Visit));
        Assert.True(NewbornRules.NeedsExtraVisits(Visit with { Malformation = new(NoYes.Yes, "多指") }));
        Assert.True(NewbornRules.NeedsExtraVisits(Visit with { GestationWeeks = 35 }));
    }

    [Fact]
    public void AWellBabyNeedsNoReferral()
    {
        var advice = NewbornRules.Advise(Visit);
        Assert.Equal(ReferralAdvice.None, advice.Referral);
        Assert.Empty(advice.Reasons);
        Assert.Empty(advice.Reminders);
    }

    [Theory]
    [InlineData(37.4, 42, false)]
    [InlineData(37.5, 42, true)]
    [InlineData(35.5, 42, false)]
    [InlineData(35.4, 42, true)]
    [InlineData(36.8, 59, false)]
    [InlineData(36.8, 60, true)]
    public void FeverLowTemperatureAndFastBreathingAreDangerSigns(decimal temperature, int respiration, bool urgent) =>
        Assert.Equal(urgent, NewbornRules.Advise(Visit with { TemperatureC = temperature, Respiration = respiration }).Urgent);

    [Fact]
    public void JaundiceToTheLimbsIsReferredAndToThePalmsAndSolesIsUrgent()
    {
        Assert.Equal(ReferralAdvice.None, NewbornRules.Advise(Visit with { Jaundice = [JaundiceSite.Face, JaundiceSite.Trunk] }).Referral);
        var limbs = NewbornRules.Advise(Visit with { Jaundice = [JaundiceSite.Face, JaundiceSite.Trunk, JaundiceSite.Limbs] });
        Assert.Equal(ReferralAdvice.Referral, limbs.Referral);
        Assert.Equal(["黄疸延及四肢"], limbs.Reasons);
        var soles = NewbornRules.Advise(Visit with { Jaundice = [JaundiceSite.Limbs, JaundiceSite.HandsAndFeet] });
        Assert.Equal(ReferralAdvice.Urgent, soles.Referral);
        Assert.Empty(soles.Reasons);
    }

    [Fact]
    public void OralAnomaliesAndAFailedHearingScreenAreReferred()
    {
        var advice = NewbornRules.Advise(Visit with { Exam = NormalExam with { Mouth = new(CheckResult.Abnormal, "唇腭裂") }, HearingScreening = HearingScreening.NotPassed });
        Assert.Equal(["口腔异常：唇腭裂", "新生儿听力筛查未通过"], advice.Reasons);
        Assert.Equal(ReferralAdvice.Referral, advice.Referral);
    }

    [Fact]
    public void AbnormalFindingsOfTheFormAreReferred()
    {
        var v = Visit with
        {
            Exam = NormalExam with { HeartAndLungs = new(CheckResult.Abnormal, "心脏杂音"), NeckMass = new(NoYes.Yes, "右侧") },
            Malformation = new(NoYes.Yes, "多指"),
            Fontanelle = new(Fontanelle.Bulging),
        };
        Assert.Equal(["心肺听诊异常：心脏杂音", "颈部包块：右侧", "畸形：多指", "前囟膨隆"], NewbornRules.ReferralReasons(v));
    }

    [Theory]
    [InlineData(2.9, false)] // 9.4 %
    [InlineData(2.8, true)]  // 12.5 %
    public void LosingMoreThanATenthOfTheBirthWeightIsReferred(decimal weight, bool referred) =>
        Assert.Equal(referred, NewbornRules.ReferralReasons(Visit with { WeightKg = weight }).Count > 0);

    [Fact]
    public void ParentsAreRemindedOfMissingVaccinesAndScreening()
    {
        var reminders = NewbornRules.Reminders(Visit with { MetabolicScreening = [], HearingScreening = HearingScreening.NotScreened }, bcgGiven: false, hepatitisB1Given: true);
        Assert.Equal(
        [
            "未接种卡介苗，提醒家长尽快补种",
            "未做新生儿疾病筛查，告知家长到具备筛查条件的医疗保健机构补筛",
            "未做新生儿听力筛查，告知家长到具备筛查条件的医疗保健机构补筛",
        ], reminders);
        Assert.Empty(NewbornRules.Reminders(Visit, null, null));
    }

    [Fact]
    public void TheNextVisitIsTheMonthVisitAtTheTownshipHospital() =>
        Assert.Equal((new DateOnly(2026, 1, 2), "乡镇卫生院/社区卫生服务中心"), NewbornRules.SuggestNextVisit(Born));

    [Fact]
    public void TheFormIsFilledFromTheDeliveryTheMotherAndTheFirstVisit()
    {
        var delivery = new DeliveryInfo
        {
            DeliveredOn = Born,
            Institution = "县妇幼保健院",
            Mode = BirthCircumstance.Caesarean,
            GestationWeeks = 38,
            Babies = [new Baby { Outcome = BirthOutcome.LiveBirth, Sex = Sex.Male, BirthWeightKg = 2.6m, BirthLengthCm = 48 }, new Baby { Outcome = BirthOutcome.LiveBirth, Sex = Sex.Female }],
        };
        var mother = new PersonalInfo { Name = "张丽", Sex = Sex.Female, BirthDate = new DateOnly(1995, 4, 2), Phone = "13800000001", Occupation = Occupation.Agriculture };
        var first = new FirstPrenatalVisit { HusbandName = "李强", HusbandPhone = "13800000002" };

        var v = NewbornRules.Prefill(delivery, delivery.Babies[0], mother, "跳磴镇石林村3组", first);

        Assert.Equal("张丽之男", v.Name);
        Assert.Equal(Sex.Male, v.Sex);
        Assert.Equal(Born, v.BirthDate);
        Assert.Equal("跳磴镇石林村3组", v.Address);
        Assert.Equal(new Parent { Name = "张丽", Occupation = Occupation.Agriculture.Label(), Phone = "13800000001", BirthDate = new DateOnly(1995, 4, 2) }, v.Mother);
        Assert.Equal(new Parent { Name = "李强", Phone = "13800000002" }, v.Father);
        Assert.Equal(38, v.GestationWeeks);
        Assert.Equal("县妇幼保健院", v.BirthInstitution);
        Assert.Equal([BirthCircumstance.Caesarean, BirthCircumstance.Multiple], v.BirthCircumstances);
        Assert.Equal(2.6m, v.BirthWeightKg);
        Assert.Equal(48m, v.BirthLengthCm);
    }

    [Fact]
    public void TheBabysRecordDraftIsAValidPersonalInfo()
    {
        var delivery = new DeliveryInfo { DeliveredOn = Born, Babies = [new Baby { Outcome = BirthOutcome.LiveBirth, Sex = Sex.Female }] };
        var mother = new PersonalInfo { Name = "张丽", Sex = Sex.Female, BirthDate = new DateOnly(1995, 4, 2), Phone = "13800000001", ResidenceType = ResidenceType.NonRegistered };
        var draft = NewbornRules.RecordDraft(delivery, delivery.Babies[0], mother);
        Assert.Equal("张丽之女", draft.Name);
        Assert.Equal(Sex.Female, draft.Sex);
        Assert.Equal(Born, draft.BirthDate);
        Assert.Equal(IdDocumentType.None, draft.IdDocumentType);
        Assert.Equal(ResidenceType.NonRegistered, draft.ResidenceType);
        Assert.Equal(("张丽", "13800000001"), (draft.ContactName, draft.ContactPhone));
        Assert.Empty(PersonalInfoValidator.Validate(draft, Born));
    }

    [Theory]
    [InlineData(HouseholdRelation.Head, Sex.Male, HouseholdRelation.Son)]
    [InlineData(HouseholdRelation.Spouse, Sex.Female, HouseholdRelation.Daughter)]
    [InlineData(HouseholdRelation.Spouse, Sex.Unknown, null)]
    [InlineData(HouseholdRelation.Daughter, Sex.Male, HouseholdRelation.Grandchild)]
    [InlineData(HouseholdRelation.Grandchild, Sex.Female, HouseholdRelation.Grandchild)]
    [InlineData(HouseholdRelation.Parent, Sex.Female, HouseholdRelation.Sibling)]
    [InlineData(HouseholdRelation.Sibling, Sex.Male, HouseholdRelation.Other)]
    [InlineData(HouseholdRelation.Other, Sex.Male, HouseholdRelation.Other)]
    public void TheBabysPlaceInTheHouseholdFollowsTheMothers(HouseholdRelation mother, Sex sex, HouseholdRelation? baby) =>
        Assert.Equal(baby, NewbornRules.RelationToHead(mother, sex));

    // validation

    [Fact]
    public void AValidVisitHasNoErrors() => Assert.Empty(NewbornVisitValidator.Validate(Visit, Context));

    [Fact]
    public void AVisitBeforeBirthOrAfterTheNeonatalPeriodIsRefused()
    {
        Assert.Contains("访视日期不能早于出生日期（2025-12-05）", NewbornVisitValidator.Validate(Visit with { VisitDate = new DateOnly(2025, 12, 4), NextVisitDate = null }, Context)["visitDate"]);
        Assert.Empty(NewbornVisitValidator.Validate(Visit with { VisitDate = Born.AddDays(28), NextVisitDate = null }, Context));
        Assert.StartsWith("新生儿家庭访视应在出生后28天内", Assert.Single(NewbornVisitValidator.Validate(Visit with { VisitDate = Born.AddDays(29), NextVisitDate = null }, Context)["visitDate"]));
    }

    [Fact]
    public void TheBirthDateAgreesWithTheDelivery() =>
        Assert.Equal(["出生日期与分娩信息不一致（分娩日期2025-12-05），请核对"], NewbornVisitValidator.Validate(Visit with { BirthDate = Born.AddDays(1) }, Context)["birthDate"]);

    [Fact]
    public void ALowOneMinuteApgarIsAsphyxia()
    {
        Assert.Equal(["1分钟Apgar评分7分（≤7分）为新生儿窒息，请核对"], NewbornVisitValidator.Validate(Visit with { Apgar1 = 7 }, Context)["asphyxia"]);
        Assert.True(NewbornVisitValidator.Validate(Visit with { Asphyxia = Presence.Yes, Apgar1 = null, Apgar5 = null }, Context).ContainsKey("apgar1"));
        Assert.Empty(NewbornVisitValidator.Validate(Visit with { Asphyxia = Presence.Yes, Apgar1 = null, Apgar5 = null, ApgarUnknown = true }, Context));
    }

    [Fact]
    public void AtMostTwoBirthCircumstances() =>
        Assert.Equal(["出生情况最多选2项"],
            NewbornVisitValidator.Validate(Visit with { BirthCircumstances = [BirthCircumstance.Caesarean, BirthCircumstance.Multiple, BirthCircumstance.Breech] }, Context)["birthCircumstances"]);

    [Fact]
    public void AnUrgentSignNotReferredNeedsAReason()
    {
        var v = Visit with { TemperatureC = 38.2m };
        Assert.StartsWith("存在危急征象（发热", Assert.Single(NewbornVisitValidator.Validate(v, Context)["referral.referred"]));
        Assert.Empty(NewbornVisitValidator.Validate(v, Context with { OverrideReason = "已送县医院儿科" }));
    }

    [Fact]
    public void AnIdNumberCarriesTheBirthDate() =>
        Assert.True(NewbornVisitValidator.Validate(Visit with { IdNumber = "11010519491231002X" }, Context).ContainsKey("idNumber"));

    [Fact]
    public void ImplausibleNewbornValuesAreRefused()
    {
        var errors = NewbornVisitValidator.Validate(Visit with { WeightKg = 31, TemperatureC = 3.68m, FeedsPerDay = 0 }, Context);
        Assert.True(errors.ContainsKey("weightKg"));
        Assert.True(errors.ContainsKey("temperatureC"));
        Assert.True(errors.ContainsKey("feedsPerDay"));
    }

    // the joint visit

    [Fact]
    public void TheJointVisitWritesTheSharedFactsIntoEveryForm()
    {
        var joint = new JointHomeVisit
        {
            VisitDate = new DateOnly(2025, 12, 11),
            Doctor = "王医生",
            Address = "跳磴镇石林村3组",
            Mother = new PostpartumVisit(),
            Babies = [Visit with { VisitDate = default, Doctor = null }, Visit with { Name = "张丽之男", VisitDate = default }],
        };
        var (mother, babies) = joint.Forms();
        Assert.Equal((new DateOnly(2025, 12, 11), "王医生"), (mother!.VisitDate, mother.Doctor));
        Assert.All(babies, b => Assert.Equal((new DateOnly(2025, 12, 11), "王医生", "跳磴镇石林村3组"), (b.VisitDate, b.Doctor, b.Address)));
    }

    [Fact]
    public void TheJointVisitsErrorsAreKeyedByFormAndSharedFieldsOnce()
    {
        var joint = new JointHomeVisit
        {
            VisitDate = new DateOnly(2025, 12, 7),
            Doctor = "",
            Mother = new PostpartumVisit { Classification = new(CheckResult.Normal), Referral = new VisitReferral { Referred = Presence.None }, TemperatureC = 60 },
            Babies = [Visit with { BirthDate = Born.AddDays(1) }],
        };
        var errors = NewbornVisitValidator.Validate(joint, new PostpartumContext(Context.Today, Born, new DateOnly(2025, 12, 8)), [Context]);
        Assert.Contains("产后访视在产妇出院后到家中进行，随访日期不能早于出院日期（2025-12-08）", errors["visitDate"]);
        Assert.Equal(["请填写随访医生"], errors["doctor"]);
        Assert.True(errors.ContainsKey("mother.temperatureC"));
        Assert.True(errors.ContainsKey("babies[0].birthDate"));
        Assert.DoesNotContain(errors.Keys, k => k.StartsWith("babies[0].doctor", StringComparison.Ordinal) || k.StartsWith("mother.visitDate", StringComparison.Ordinal));
    }
}
