using HealthRecords.Domain.Immunisation;

namespace HealthRecords.Domain.Tests.Immunisation;

public sealed class PreVaccinationValidatorTests
{
    private static readonly ImmunizationSchedule V1 = ImmunizationSchedules.Nip2011;
    private static readonly DateOnly Today = new(2024, 5, 20);
    private static readonly DateOnly Birth = new(2024, 1, 10);

    private static PreVaccinationCheck Check(DateOnly on, params string[] vaccines) =>
        new(on, vaccines, true, true, true, InformingMode.Written, null, PreVaccinationResult.Proceed, "王医生");

    [Fact]
    public void ACompleteCheckOfTodayIsAccepted() =>
        Assert.Empty(PreVaccinationValidator.Validate(Check(Today, "DTP", "OPV"), V1, Birth, Today));

    [Fact]
    public void ACheckNeedsADayBetweenBirthAndTodayKnownVaccinesAndAResult()
    {
        Assert.Equal("检查日期不能晚于今天", PreVaccinationValidator.Validate(Check(Today.AddDays(1), "DTP"), V1, Birth, Today)["date"][0]);
        Assert.StartsWith("检查日期不能早于出生日期", PreVaccinationValidator.Validate(Check(Birth.AddDays(-1), "DTP"), V1, Birth, Today)["date"][0]);
        Assert.StartsWith("未知疫苗“XYZ”", PreVaccinationValidator.Validate(Check(Today, "DTP", "XYZ"), V1, Birth, Today)["vaccineCodes"][0]);
        Assert.True(PreVaccinationValidator.Validate(Check(Today), V1, Birth, Today).ContainsKey("vaccineCodes"));
        Assert.True(PreVaccinationValidator.Validate(Check(Today, "DTP") with { Result = null }, V1, Birth, Today).ContainsKey("result"));
        Assert.True(PreVaccinationValidator.Validate(Check(Today, "DTP") with { Result = (PreVaccinationResult)9 }, V1, Birth, Today).ContainsKey("result"));
    }

    [Fact]
    public void ClearingAContraindicationNeedsADayAfterItWhoAndWhy()
    {
        var c = new Contraindication("DTP", ContraindicationKind.Temporary, "发热", Today.AddDays(-3));
        Assert.Empty(PreVaccinationValidator.Validate(c, V1, Birth, Today));
        var early = PreVaccinationValidator.Validate(c with { ClearedOn = Today.AddDays(-4) }, V1, Birth, Today);
        Assert.Equal("解除日期不能早于记录日期", early["clearedOn"][0]);
        Assert.True(early.ContainsKey("clearedBy"));
        Assert.True(early.ContainsKey("clearReason"));
        Assert.Empty(PreVaccinationValidator.Validate(c with { ClearedOn = Today, ClearedBy = "王医生", ClearReason = "体温正常" }, V1, Birth, Today));
        Assert.True(PreVaccinationValidator.Validate(c with { VaccineCode = "XYZ", Reason = " " }, V1, Birth, Today) is var e && e.ContainsKey("vaccineCode") && e.ContainsKey("reason"));
    }
}
