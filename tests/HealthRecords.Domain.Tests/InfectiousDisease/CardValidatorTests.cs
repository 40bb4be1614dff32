using HealthRecords.Domain.Codes;
using HealthRecords.Domain.InfectiousDisease;

namespace HealthRecords.Domain.Tests.InfectiousDisease;

public sealed class CardValidatorTests
{
    private static readonly CardContext Context = new(Cards.Now);

    private static IReadOnlyDictionary<string, string[]> Validate(InfectiousDiseaseReport card, CardContext? context = null) =>
        CardValidator.Validate(card, context ?? Context);

    [Fact]
    public void ACompleteCardIsValid() => Assert.Empty(Validate(Cards.Measles()));

    [Fact]
    public void AnEmptyCardAsksForEveryStarredField()
    {
        var errors = Validate(new InfectiousDiseaseReport());
        Assert.Equal(
            ["address.county", "address.township", "address.village", "belongsTo", "birthDate", "caseClassification", "diagnosedAt",
             "diseaseCode", "diseaseListVersion", "filledOn", "kind", "onsetDate", "patientName", "populationGroup", "reportingDoctor",
             "reportingUnit", "sex"],
            errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void ADiagnosisAfterTheReportTimeIsRefused()
    {
        var errors = Validate(Cards.Measles() with { DiagnosedAt = Cards.Now.AddHours(1) });
        Assert.Equal("诊断时间不能晚于报告时间（2026-06-15 10:30）", Assert.Single(errors["diagnosedAt"]));
    }

    [Fact]
    public void ADiseaseNotInTheListVersionIsRefused()
    {
        var errors = Validate(Cards.Measles() with { DiseaseCode = "hepatitis-d" });
        Assert.StartsWith("“hepatitis-d”不在传染病病种目录（2011版）中", Assert.Single(errors["diseaseCode"]));
    }

    [Fact]
    public void AnUnknownListVersionIsRefused() =>
        Assert.Equal("传染病病种目录版本“1999”不存在", Assert.Single(Validate(Cards.Measles() with { DiseaseListVersion = "1999" })["diseaseListVersion"]));

    [Fact]
    public void AnOtherDiseaseIsWrittenOutInsteadOfTicked()
    {
        Assert.Empty(Validate(Cards.Measles() with { DiseaseCode = null, OtherDiseaseName = "发热伴血小板减少综合征" }));
        Assert.Contains("otherDiseaseName", Validate(Cards.Measles() with { OtherDiseaseName = "麻疹" }).Keys);
    }

    [Fact]
    public void HepatitisBNeedsAcuteOrChronicAndMeaslesMustNotHaveIt()
    {
        Assert.Contains("acuity", Validate(Cards.Measles() with { DiseaseCode = "hepatitis-b" }).Keys);
        Assert.Empty(Validate(Cards.Measles() with { DiseaseCode = "hepatitis-b", Acuity = Acuity.Chronic }));
        Assert.Equal("麻疹不填写急性/慢性", Assert.Single(Validate(Cards.Measles() with { Acuity = Acuity.Acute })["acuity"]));
    }

    [Fact]
    public void AChildUnderFourteenNeedsAParentName()
    {
        Assert.Contains("parentName", Validate(Cards.Measles() with { ParentName = null }).Keys);
        Assert.Empty(Validate(Cards.Measles() with { ParentName = null, BirthDate = new DateOnly(1990, 1, 1), PopulationGroup = PopulationGroup.Farmer }));
        Assert.Contains("parentName", Validate(Cards.Measles() with { ParentName = null, BirthDate = null, Age = 8, AgeUnit = AgeUnit.Months }).Keys);
    }

    [Theory]
    [InlineData(-1, AgeUnit.Years)]
    [InlineData(151, AgeUnit.Years)]
    [InlineData(12, AgeUnit.Months)]
    [InlineData(31, AgeUnit.Days)]
    public void AnImpossibleAgeIsRefused(int age, AgeUnit unit) =>
        Assert.Contains("age", Validate(Cards.Measles() with { BirthDate = null, Age = age, AgeUnit = unit }).Keys);

    [Fact]
    public void AnAgeNeedsItsUnitAndIsNotGivenBesideABirthDate()
    {
        Assert.Contains("ageUnit", Validate(Cards.Measles() with { BirthDate = null, Age = 7 }).Keys);
        Assert.Contains("age", Validate(Cards.Measles() with { Age = 7, AgeUnit = AgeUnit.Years }).Keys);
    }

    [Fact]
    public void AnIdNumberMustAgreeWithBirthDateAndSex()
    {
        var card = Cards.Measles() with { IdNumber = "11010519491231002X", BirthDate = new DateOnly(1949, 12, 31), ParentName = null, PopulationGroup = PopulationGroup.Retired };
        Assert.Equal("性别与身份证号不一致", Assert.Single(Validate(card)["sex"]));
        Assert.Empty(Validate(card with { Sex = Sex.Female }));
        Assert.Contains("birthDate", Validate(card with { Sex = Sex.Female, BirthDate = new DateOnly(1950, 1, 1) }).Keys);
        Assert.Contains("idNumber", Validate(card with { IdNumber = "110105194912310021" }).Keys);
    }

    [Fact]
    public void TheCardTakesOnlyMaleOrFemale() =>
        Assert.Equal("报告卡的性别只能填 男 或 女", Assert.Single(Validate(Cards.Measles() with { Sex = Sex.Unspecified })["sex"]));

    [Fact]
    public void OtherPopulationGroupNeedsItsText() =>
        Assert.Contains("populationGroupOther", Validate(Cards.Measles() with { PopulationGroup = PopulationGroup.Other }).Keys);

    [Fact]
    public void DatesMustBeInOrder()
    {
        Assert.Contains("发病日期不能晚于诊断日期", Validate(Cards.Measles() with { OnsetDate = new DateOnly(2026, 6, 16) })["onsetDate"]);
        Assert.Contains("死亡日期不能早于发病日期", Validate(Cards.Measles() with { DeathDate = new DateOnly(2026, 6, 1) })["deathDate"]);
        Assert.Contains("onsetDate", Validate(Cards.Measles() with { OnsetDate = new DateOnly(2018, 1, 1) }).Keys);
        Assert.Contains("填卡日期不能早于诊断日期", Validate(Cards.Measles() with { FilledOn = new DateOnly(2026, 6, 14) })["filledOn"]);
    }

    [Fact]
    public void AnAddressMustReachTheVillageOrHouse() =>
        Assert.Equal("现住址须详填：请填写村（居委会）或门牌号",
            Assert.Single(Validate(Cards.Measles() with { Address = new CardAddress { County = "大渡口区", Township = "跳磴镇" } })["address.village"]));

    [Fact]
    public void ACorrectionNeedsItsOriginalAndAReason()
    {
        var original = Cards.Filed(1, Cards.Measles());
        var corrected = CardRules.CorrectionDraft(Cards.Measles(), new DateOnly(2026, 6, 20)) with { CaseClassification = CaseClassification.LaboratoryConfirmed };
        var now = new DateTime(2026, 6, 20, 9, 0, 0);

        Assert.Equal("订正报告须从要订正的原报告卡发起", Assert.Single(Validate(corrected, new CardContext(now))["kind"]));
        Assert.Equal("请填写订正原因", Assert.Single(Validate(corrected, new CardContext(now, original))["correctionReason"]));
        Assert.Empty(Validate(corrected, new CardContext(now, original, CorrectionReason: "麻疹IgM阳性，实验室确诊")));
    }

    [Fact]
    public void ACorrectionMustChangeSomethingAndCorrectTheLatestLiveCard()
    {
        var original = Cards.Filed(1, Cards.Measles());
        var now = new DateTime(2026, 6, 20, 9, 0, 0);
        var same = CardRules.CorrectionDraft(Cards.Measles(), new DateOnly(2026, 6, 20));
        Assert.Equal("订正卡与原报告卡内容相同，无需订正", Assert.Single(Validate(same, new CardContext(now, original, CorrectionReason: "核对"))["correctionReason"]));

        var changed = same with { DeathDate = new DateOnly(2026, 6, 19) };
        Assert.Contains("原报告卡已退卡，不能订正", Validate(changed, new CardContext(now, original with { Withdrawn = true }, CorrectionReason: "死亡"))["kind"]);
        Assert.Contains("原报告卡已被订正过，请订正最新的一张", Validate(changed, new CardContext(now, original, OriginalIsLatest: false, CorrectionReason: "死亡"))["kind"]);
        Assert.Contains("订正原报告卡时，报卡类别应为“2 订正报告”", Validate(changed with { Kind = CardKind.Initial }, new CardContext(now, original, CorrectionReason: "死亡"))["kind"]);
    }

    [Fact]
    public void AnInitialReportHasNoCorrectedDiseaseName() =>
        Assert.Contains("correctedDiseaseName", Validate(Cards.Measles() with { CorrectedDiseaseName = "风疹" }).Keys);
}
