using HealthRecords.Domain.Children;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Tests.Children;

public sealed class ChildCheckupValidatorTests
{
    private static readonly DateOnly Birth = new(2024, 1, 15);
    private static readonly CheckupContext Boy = new(new DateOnly(2025, 12, 31), Birth, Sex.Male);

    /// <summary>A complete, plausible 3-month check-up of a boy (median weight ~6.4 kg, length ~61.4 cm).</summary>
    private static InfantCheckup ThreeMonths() => new()
    {
        Age = CheckupAge.Months3,
        VisitDate = new DateOnly(2024, 4, 20),
        WeightKg = 6.4m,
        HeightCm = 61.5m,
        HeadCircumferenceCm = 40.5m,
        ComplexionEarly = new(ComplexionEarly.Rosy),
        Skin = new(ExamFinding.Normal),
        Fontanelle = new(Fontanelle.Open, 2m, 2m),
        NeckMass = NeckMass.Absent,
        Eyes = new(ExamFinding.Normal),
        Ears = new(ExamFinding.Normal),
        Mouth = new(ExamFinding.Normal),
        HeartLungs = new(ExamFinding.Normal),
        Abdomen = new(ExamFinding.Normal),
        Umbilicus = new(ExamFinding.Normal),
        Limbs = new(ExamFinding.Normal),
        RicketsSymptoms = [RicketsSymptom.None],
        RicketsSignsEarly = [RicketsSignEarly.None],
        AnusGenitalia = new(ExamFinding.Normal),
        OutdoorHoursPerDay = 1m,
        VitaminD = new("维生素D滴剂", 400),
        Development = DevelopmentAssessment.Pass,
        Illness = new(IllnessSinceLastVisit.None),
        Referral = new(ReferralAdvice.No),
        InfantGuidance = [InfantGuidance.Feeding, InfantGuidance.Growth],
        NextVisitDate = new DateOnly(2024, 7, 15),
        Doctor = "李医生",
    };

    [Fact]
    public void ACompleteCheckupIsValid() => Assert.Empty(ChildCheckupValidator.Validate(ThreeMonths(), Boy));

    [Fact]
    public void FortyKilogramsForAThreeMonthOldIsRefused()
    {
        var errors = ChildCheckupValidator.Validate(ThreeMonths() with { WeightKg = 40m }, Boy);
        Assert.Contains(errors["weightKg"], m => m.Contains("体重40kg与3月龄不符", StringComparison.Ordinal));
    }

    [Fact]
    public void AWeightOutsideAnyChildsRangeIsRefused() =>
        Assert.Contains("weightKg", ChildCheckupValidator.Validate(ThreeMonths() with { WeightKg = 80m }, Boy).Keys);

    [Fact]
    public void ACheckupOutsideItsAgeWindowIsRefused()
    {
        var errors = ChildCheckupValidator.Validate(ThreeMonths() with { VisitDate = new DateOnly(2024, 7, 10) }, Boy);
        Assert.Contains(errors["visitDate"], m => m.Contains("3月龄健康检查应在 2024-04-01 至 2024-06-30 之间进行；该日期应为6月龄健康检查", StringComparison.Ordinal));
    }

    [Fact]
    public void ADateInTheFutureOrBeforeBirthIsRefused()
    {
        Assert.Contains("visitDate", ChildCheckupValidator.Validate(ThreeMonths(), Boy with { Today = new DateOnly(2024, 4, 19) }).Keys);
        Assert.Contains("随访日期不能早于出生日期", ChildCheckupValidator.Validate(ThreeMonths() with { VisitDate = new DateOnly(2023, 12, 1) }, Boy)["visitDate"]);
    }

    [Fact]
    public void ASecondCheckupOfTheSameAgeIsRefused() =>
        Assert.Contains("age", ChildCheckupValidator.Validate(ThreeMonths(), Boy with { SameAgeExists = true }).Keys);

    [Fact]
    public void ACheckupOnTheWrongFormIsRefused() =>
        Assert.Contains("《1~2岁儿童健康检查记录表》", ChildCheckupValidator.Validate(ThreeMonths() with { Age = CheckupAge.Months12 }, Boy)["age"][0]);

    [Fact]
    public void ARowWithADashAtThisAgeCannotBeFilled()
    {
        var errors = ChildCheckupValidator.Validate(ThreeMonths() with { Hearing = HearingScreen.Pass, TeethErupted = 2 }, Boy);
        Assert.Equal("3月龄健康检查不检查“听力”（表中为“———”），不能填写", errors["hearing"].Single());
        Assert.Contains("teethErupted", errors.Keys);
    }

    [Fact]
    public void HearingMustBeScreenedAtSixMonths()
    {
        var six = ThreeMonths() with
        {
            Age = CheckupAge.Months6, VisitDate = new DateOnly(2024, 7, 20), WeightKg = 7.9m, HeightCm = 67.6m,
            ComplexionEarly = new(), Complexion = new(Complexion.Rosy), Mouth = new(), TeethErupted = 0, Umbilicus = new(),
            RicketsSignsEarly = [], HaemoglobinGPerL = 120, NextVisitDate = new DateOnly(2024, 9, 15),
        };
        Assert.Equal("6月龄须进行听力筛查，请填写结果", ChildCheckupValidator.Validate(six, Boy)["hearing"].Single());
        Assert.Empty(ChildCheckupValidator.Validate(six with { Hearing = HearingScreen.Pass }, Boy));
    }

    [Fact]
    public void HaemoglobinIsCheckedAgainstTheSharedRangeOfEveryForm()
    {
        // The child form had 30–220 g/L of its own, the examination 20–250: one shared row now (issue #13 item 4).
        var six = ThreeMonths() with
        {
            Age = CheckupAge.Months6, VisitDate = new DateOnly(2024, 7, 20), WeightKg = 7.9m, HeightCm = 67.6m,
            ComplexionEarly = new(), Complexion = new(Complexion.Rosy), Mouth = new(), TeethErupted = 0, Umbilicus = new(),
            RicketsSignsEarly = [], Hearing = HearingScreen.Pass, NextVisitDate = new DateOnly(2024, 9, 15),
        };
        var accepted = ChildCheckupValidator.Validate(six with { HaemoglobinGPerL = 25 }, Boy);
        Assert.DoesNotContain(accepted.GetValueOrDefault("haemoglobinGPerL", []), m => m.Contains("不可能", StringComparison.Ordinal));
        Assert.Equal(["血红蛋白值260g/L不可能，应在20～250g/L之间，请核对数值和单位"],
            ChildCheckupValidator.Validate(six with { HaemoglobinGPerL = 260 }, Boy)["haemoglobinGPerL"]);
    }

    [Fact]
    public void HaemoglobinAtEightMonthsOnlyWhenNotDoneAtSix()
    {
        var eight = ThreeMonths() with
        {
            Age = CheckupAge.Months8, VisitDate = new DateOnly(2024, 9, 20), WeightKg = 8.6m, HeightCm = 70.6m,
            ComplexionEarly = new(), Complexion = new(Complexion.Rosy), Mouth = new(), TeethErupted = 2, Umbilicus = new(),
            RicketsSignsEarly = [], NeckMass = null, NextVisitDate = new DateOnly(2025, 1, 15),
        };
        Assert.Contains("haemoglobinGPerL", ChildCheckupValidator.Validate(eight, Boy).Keys);
        Assert.Empty(ChildCheckupValidator.Validate(eight, Boy with { HaemoglobinDoneAtSixMonths = true }));
    }

    [Fact]
    public void AnOpenFontanelleNeedsItsSize() =>
        Assert.Contains("fontanelle.lengthCm", ChildCheckupValidator.Validate(ThreeMonths() with { Fontanelle = new(Fontanelle.Open) }, Boy).Keys);

    [Fact]
    public void AnAbnormalFindingNeedsItsDescription() =>
        Assert.Equal("皮肤选择“异常”，请具体说明", ChildCheckupValidator.Validate(ThreeMonths() with { Skin = new(ExamFinding.Abnormal) }, Boy)["skin.detail"].Single());

    [Fact]
    public void NoneExcludesOtherRicketsSymptoms() =>
        Assert.Contains("ricketsSymptoms", ChildCheckupValidator.Validate(ThreeMonths() with { RicketsSymptoms = [RicketsSymptom.None, RicketsSymptom.Sweating] }, Boy).Keys);

    [Fact]
    public void AnUnknownCodeIsRefusedWithTheFormsOptions() =>
        Assert.Equal("颈部包块只能填 1 有 2 无", ChildCheckupValidator.Validate(ThreeMonths() with { NeckMass = (NeckMass)3 }, Boy)["neckMass"].Single());

    [Fact]
    public void ARatingOtherThanTheSystemsNeedsAReason()
    {
        var typed = ThreeMonths() with { WeightRating = GrowthRating.Upper };
        Assert.Contains("体重系统评价为“中”", ChildCheckupValidator.Validate(typed, Boy)["overrideReason"].Single(), StringComparison.Ordinal);
        Assert.Empty(ChildCheckupValidator.Validate(typed with { OverrideReason = "家长称近日腹泻，复测后再评价" }, Boy));
    }

    [Fact]
    public void TheSystemFillsTheRatingsTheDoctorLeftEmpty()
    {
        var f = ThreeMonths();
        var judged = ChildCheckupValidator.WithJudgement(f, ChildCheckupValidator.Judge(f, Birth, Sex.Male));
        Assert.Equal(GrowthRating.Middle, judged.WeightRating);
        Assert.Equal(GrowthRating.Middle, judged.HeightRating);
    }

    [Fact]
    public void StandingHeightUnderNineMonthsIsRefused() =>
        Assert.Contains("position", ChildCheckupValidator.Validate(ThreeMonths() with { Position = MeasurementPosition.Standing }, Boy).Keys);

    [Fact]
    public void AReferralNeedsItsReasonAndInstitution()
    {
        var errors = ChildCheckupValidator.Validate(ThreeMonths() with { Referral = new(ReferralAdvice.Yes) }, Boy);
        Assert.Contains("referral.reason", errors.Keys);
        Assert.Contains("referral.institutionAndDepartment", errors.Keys);
    }

    [Fact]
    public void AnOralAbnormalityAsksForAReferralOrAReasonNotTo()
    {
        var f = ThreeMonths() with { Mouth = new(ExamFinding.Abnormal, "唇腭裂") };
        Assert.Contains("referral.advice", ChildCheckupValidator.Validate(f, Boy).Keys);
        Assert.Empty(ChildCheckupValidator.Validate(f with { Referral = new(ReferralAdvice.Yes, "唇腭裂", "区人民医院口腔科") }, Boy));
        Assert.Empty(ChildCheckupValidator.Validate(f with { OverrideReason = "已在口腔医院就诊" }, Boy));
    }

    [Fact]
    public void VitaminDNeedsItsNameWhenGiven() =>
        Assert.Contains("vitaminD.name", ChildCheckupValidator.Validate(ThreeMonths() with { VitaminD = new(null, 400) }, Boy).Keys);

    [Fact]
    public void TheNextVisitComesAfterThisOneAndADoctorSigns()
    {
        var errors = ChildCheckupValidator.Validate(ThreeMonths() with { NextVisitDate = new DateOnly(2024, 4, 1), Doctor = " " }, Boy);
        Assert.Contains("nextVisitDate", errors.Keys);
        Assert.Contains("doctor", errors.Keys);
    }

    private static PreschoolCheckup FourYears() => new()
    {
        Age = CheckupAge.Years4,
        VisitDate = new DateOnly(2028, 1, 20),
        WeightKg = 16.3m,
        HeightCm = 103.3m,
        Vision = new(VisionChart.FivePoint, 4.9m, 4.9m),
        Teeth = 20,
        Caries = 0,
        HeartLungs = new(ExamFinding.Normal),
        Abdomen = new(ExamFinding.Normal),
        HaemoglobinGPerL = 125,
        Illnesses = [new(PreschoolIllness.None)],
        Referral = new(ReferralAdvice.No),
        ChildGuidance = [ChildGuidance.Diet],
        Doctor = "李医生",
    };

    private static readonly CheckupContext Later = Boy with { Today = new DateOnly(2030, 1, 1) };

    [Fact]
    public void APreschoolCheckupIsValidAndItsDevelopmentIsSuggested()
    {
        var f = FourYears();
        Assert.Empty(ChildCheckupValidator.Validate(f, Later));
        var judged = (PreschoolCheckup)ChildCheckupValidator.WithJudgement(f, ChildCheckupValidator.Judge(f, Birth, Sex.Male));
        Assert.Equal([PhysicalDevelopment.Normal], judged.PhysicalDevelopment);
    }

    [Fact]
    public void VisionIsRequiredFromFourYears() =>
        Assert.Contains("vision.left", ChildCheckupValidator.Validate(FourYears() with { Vision = new() }, Later).Keys);

    [Fact]
    public void VisionAtThreeYearsIsADash()
    {
        var three = FourYears() with { Age = CheckupAge.Years3, VisitDate = new DateOnly(2027, 1, 20), WeightKg = 14.3m, HeightCm = 96m, Hearing = HearingScreen.Pass };
        Assert.Contains("vision", ChildCheckupValidator.Validate(three, Later).Keys);
    }

    [Fact]
    public void MoreCariesThanTeethIsRefused() =>
        Assert.Contains("caries", ChildCheckupValidator.Validate(FourYears() with { Caries = 21 }, Later).Keys);

    [Fact]
    public void ADevelopmentJudgementOtherThanTheSystemsNeedsAReason() =>
        Assert.Contains("overrideReason", ChildCheckupValidator.Validate(FourYears() with { PhysicalDevelopment = [PhysicalDevelopment.Overweight] }, Later).Keys);

    [Fact]
    public void NoIllnessExcludesTheOthers() =>
        Assert.Contains("illnesses", ChildCheckupValidator.Validate(FourYears() with { Illnesses = [new(PreschoolIllness.None), new(PreschoolIllness.Pneumonia, 1)] }, Later).Keys);

    [Fact]
    public void AVisionValueOutsideTheChartIsRefused() =>
        Assert.Contains("vision.left", ChildCheckupValidator.Validate(FourYears() with { Vision = new(VisionChart.Decimal, 4.9m, 1.0m) }, Later).Keys);
}
