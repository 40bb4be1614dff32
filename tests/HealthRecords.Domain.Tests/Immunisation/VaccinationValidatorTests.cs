using HealthRecords.Domain.Immunisation;
using static HealthRecords.Domain.Tests.Immunisation.Samples;

namespace HealthRecords.Domain.Tests.Immunisation;

public sealed class VaccinationValidatorTests
{
    private static readonly ImmunizationSchedule V1 = ImmunizationSchedules.Nip2011;
    private static readonly DateOnly Today = new(2024, 6, 1);

    private static DoseCheck Check(Vaccination dose, params Vaccination[] recorded) =>
        VaccinationValidator.CheckDose(dose, V1, new DoseContext(Today, Birth, recorded));

    [Fact]
    public void AnOnScheduleDoseIsValid()
    {
        var check = Check(Dose("HepB", 2, "2024-02-10"), BirthDoses);
        Assert.True(check.IsValid);
        Assert.Empty(check.Violations);
    }

    [Fact]
    public void ADoseBeforeBirthIsRefused() =>
        Assert.Contains("接种日期不能早于出生日期（2024-01-10）", Check(Dose("HepB", 1, "2024-01-09")).Errors["date"]);

    [Fact]
    public void ADoseInTheFutureIsRefused() =>
        Assert.Contains("接种日期不能晚于今天", Check(Dose("HepB", 2, "2024-06-02"), BirthDoses).Errors["date"]);

    [Fact]
    public void ADoseNumberOutOfOrderIsRefused() =>
        Assert.Equal("剂次顺序不对：此前已接种乙肝疫苗1剂次，本次应为第2剂次", Check(Dose("HepB", 3, "2024-02-10"), BirthDoses).Errors["doseNumber"].Single());

    [Fact]
    public void ADoseNumberRecordedTwiceIsRefused() =>
        Assert.Contains("乙肝疫苗第1剂次已有记录，不能重复录入", Check(Dose("HepB", 1, "2024-02-10"), BirthDoses).Errors["doseNumber"]);

    [Fact]
    public void ADoseNumberBeyondTheCardIsRefused() =>
        Assert.Contains("卡介苗的剂次只能是1–1", Check(Dose("BCG", 2, "2024-02-10"), BirthDoses).Errors["doseNumber"]);

    [Fact]
    public void ASecondDoseInsideTheMinimumIntervalIsRefusedWithItsRule()
    {
        // dose 1 late at 20 days, dose 2 at 1 month: only 11 days apart
        var check = Check(Dose("HepB", 2, "2024-02-10"), Dose("HepB", 1, "2024-01-30"));
        var v = Assert.Single(check.Violations);
        Assert.Equal("min-interval", v.Rule);
        Assert.Equal("间隔不足：乙肝疫苗第2剂次与第1剂次（2024-01-30）应间隔≥28天，本次仅间隔11天（第1、2剂次间隔≥28天）", v.Message);
        Assert.Contains(check.Errors["date"], m => m.StartsWith(v.Message, StringComparison.Ordinal) && m.EndsWith("如确需接种，请填写理由", StringComparison.Ordinal));
    }

    [Fact]
    public void ADoseTooEarlyForTheAgeIsRefusedWithItsRule()
    {
        var check = Check(Dose("DTP", 1, "2024-03-20"), BirthDoses);
        Assert.Equal("接种月龄未到：百白破疫苗第1剂次应在3月龄（2024-04-10）及以后接种", Assert.Single(check.Violations).Message);
    }

    [Fact]
    public void AReasonLetsADoseAgainstARuleBeRecorded()
    {
        var check = Check(Dose("DTP", 1, "2024-03-20") with { OverrideReason = "外出务工，提前接种（县疾控同意）" }, BirthDoses);
        Assert.True(check.IsValid);
        Assert.Single(check.Violations);
    }

    [Fact]
    public void AnUnknownVaccineIsRefused() =>
        Assert.StartsWith("未知疫苗“IPV”", Check(Dose("IPV", 1, "2024-03-10")).Errors["vaccineCode"].Single(), StringComparison.Ordinal);

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("批号2024")]
    public void ABadBatchNumberIsRefused(string batch) =>
        Assert.Contains("batchNumber", Check(Dose("HepB", 2, "2024-02-10") with { BatchNumber = batch }, BirthDoses).Errors.Keys);

    [Fact]
    public void AnInjectionNeedsItsSideAndAnOralVaccineHasNone()
    {
        Assert.Equal("注射用疫苗请填写接种部位：1 左 2 右", Check(Dose("HepB", 2, "2024-02-10", site: null), BirthDoses).Errors["site"].Single());
        Assert.Equal("脊灰疫苗（口服）不填写接种部位", Check(Dose("OPV", 1, "2024-03-10") with { Site = InjectionSite.Left }, BirthDoses).Errors["site"].Single());
        Assert.True(Check(Dose("OPV", 1, "2024-03-10"), BirthDoses).IsValid);
    }

    [Fact]
    public void MenACBeforeTwelveMonthsAfterMenADoseTwoBreaksItsRule()
    {
        var birth = new DateOnly(2021, 1, 10);
        var recorded = new[] { Dose("MenA", 1, "2023-04-01"), Dose("MenA", 2, "2023-07-01") };
        var check = VaccinationValidator.CheckDose(Dose("MenAC", 1, "2024-01-15"), V1, new DoseContext(Today, birth, recorded));
        Assert.Contains(check.Violations, v => v.Rule == "after-series" && v.Message.Contains("A群流脑疫苗第2剂次（2023-07-01）应间隔≥12个月", StringComparison.Ordinal));
    }

    [Fact]
    public void InactivatedJeDoseTwoAfterTenDaysBreaksItsRule()
    {
        var birth = new DateOnly(2023, 8, 1);
        var check = VaccinationValidator.CheckDose(Dose("JE-I", 2, "2024-04-15"), V1, new DoseContext(Today, birth, [Dose("JE-I", 1, "2024-04-01")]));
        Assert.Equal("max-interval", Assert.Single(check.Violations).Rule);
    }

    [Fact]
    public void MixingJeCoursesBreaksItsRule()
    {
        var birth = new DateOnly(2023, 8, 1);
        var check = VaccinationValidator.CheckDose(Dose("JE-I", 1, "2024-05-01"), V1, new DoseContext(Today, birth, [Dose("JE-L", 1, "2024-04-01")]));
        Assert.Equal("mixed-course", Assert.Single(check.Violations).Rule);
    }

    [Fact]
    public void AnotherLiveInjectionWithinFourWeeksBreaksTheSpacingRule()
    {
        var birth = new DateOnly(2023, 8, 1);
        var check = VaccinationValidator.CheckDose(Dose("JE-L", 1, "2024-04-15"), V1, new DoseContext(Today, birth, [Dose("MR", 1, "2024-04-01")]));
        Assert.Equal("live-spacing", Assert.Single(check.Violations).Rule);
        Assert.Empty(VaccinationValidator.CheckDose(Dose("JE-L", 1, "2024-04-01"), V1, new DoseContext(Today, birth, [Dose("MR", 1, "2024-04-01")])).Violations);
    }

    [Fact]
    public void TheWrongVaccineForTheDoseBreaksItsRule()
    {
        var birth = new DateOnly(2023, 8, 1);
        var check = VaccinationValidator.CheckDose(Dose("MMR", 1, "2024-04-01"), V1, new DoseContext(Today, birth, []));
        Assert.Equal("含麻疹成分疫苗第1剂次（麻风疫苗或麻疹疫苗）应使用麻风疫苗或麻疹疫苗，不是麻腮风疫苗", Assert.Single(check.Violations).Message);
    }

    [Fact]
    public void OtherVaccinesNeedTheirName()
    {
        Assert.Contains("otherVaccineName", Check(Dose("Other", 1, "2024-03-10")).Errors.Keys);
        Assert.True(Check(Dose("Other", 1, "2024-03-10") with { OtherVaccineName = "b型流感嗜血杆菌结合疫苗" }).IsValid);
    }

    [Fact]
    public void ADoseKeepsTheVersionItWasCheckedAgainst() =>
        Assert.Contains("scheduleCode", Check(Dose("HepB", 2, "2024-02-10") with { ScheduleCode = "county-2020" }, BirthDoses).Errors.Keys);

    [Fact]
    public void AnExpiredBatchIsRefused() =>
        Assert.Contains("expiryDate", Check(Dose("HepB", 2, "2024-02-10") with { ExpiryDate = new DateOnly(2024, 2, 1) }, BirthDoses).Errors.Keys);

    [Fact]
    public void TheDoseIsBlockedWithoutAPreVaccinationCheck()
    {
        var dose = Dose("HepB", 2, "2024-02-10");
        var none = VaccinationValidator.CheckDose(dose, V1, new DoseContext(Today, Birth, BirthDoses, Checks: []));
        Assert.Contains("接种前未记录健康询问与禁忌检查（乙肝疫苗）", none.Errors["vaccineCode"]);

        var check = new PreVaccinationCheck(dose.Date, ["HepB", "OPV"], true, true, true, InformingMode.Written, null, PreVaccinationResult.Proceed, "王医生");
        Assert.True(VaccinationValidator.CheckDose(dose, V1, new DoseContext(Today, Birth, BirthDoses, Checks: [check])).IsValid);

        var postponed = check with { Result = PreVaccinationResult.Postpone, Findings = "体温38.2℃" };
        Assert.Contains("接种前检查结论为“暂缓接种”", VaccinationValidator.CheckDose(dose, V1, new DoseContext(Today, Birth, BirthDoses, Checks: [postponed])).Errors["vaccineCode"]);
    }

    [Fact]
    public void AContraindicationBlocksUntilCleared()
    {
        var dose = Dose("DTP", 1, "2024-04-10");
        var check = new PreVaccinationCheck(dose.Date, ["DTP"], true, true, true, InformingMode.Oral, null, PreVaccinationResult.Proceed, "王医生");
        var allergy = new Contraindication("DTP", ContraindicationKind.Temporary, "急性发热性疾病", new DateOnly(2024, 4, 1));
        var blocked = VaccinationValidator.CheckDose(dose, V1, new DoseContext(Today, Birth, BirthDoses, [check], [allergy]));
        Assert.Contains(blocked.Errors["vaccineCode"], m => m.StartsWith("存在未解除的暂时禁忌（2024-04-01：急性发热性疾病）", StringComparison.Ordinal));

        var cleared = allergy with { ClearedOn = new DateOnly(2024, 4, 8), ClearedBy = "王医生", ClearReason = "已痊愈" };
        Assert.True(VaccinationValidator.CheckDose(dose, V1, new DoseContext(Today, Birth, BirthDoses, [check], [cleared])).IsValid);
        var otherVaccine = allergy with { VaccineCode = "MR" };
        Assert.True(VaccinationValidator.CheckDose(dose, V1, new DoseContext(Today, Birth, BirthDoses, [check], [otherVaccine])).IsValid);
    }

    [Fact]
    public void ACompleteCardIsValid() => Assert.Empty(VaccinationValidator.ValidateCard(Card(BirthDoses), Today));

    [Fact]
    public void TheCardsRulesAreChecked()
    {
        var errors = VaccinationValidator.ValidateCard(Card(BirthDoses) with
        {
            CardNumber = "1-23",
            Guardian = new("李芳", GuardianRelation.Other, null, "12345"),
            HukouKind = HukouAddressKind.Elsewhere,
            MovedOutOn = new DateOnly(2024, 5, 1),
        }, Today);
        Assert.Equal(["cardNumber", "guardian.phone", "guardian.relationOther", "hukouAddress", "moveOutReason"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ANamelessCardIsAllowedUntilTheChildIsNamed() => Assert.Empty(VaccinationValidator.ValidateCard(Card(BirthDoses) with { Name = null }, Today));
}
