using HealthRecords.Domain.Immunisation;

namespace HealthRecords.Domain.Tests.Immunisation;

public sealed class AefiTests
{
    private static readonly ImmunizationSchedule V1 = ImmunizationSchedules.Nip2011;
    private static readonly DateOnly Today = new(2024, 5, 20);

    private static AdverseEventFollowingImmunization Report() => new()
    {
        Dose = new AefiDose(42, "DTP", 1, new DateOnly(2024, 5, 10), "202401001", "某生物制品公司"),
        OnsetDate = new DateOnly(2024, 5, 10),
        OnsetTime = new TimeOnly(20, 0),
        DiscoveredOn = new DateOnly(2024, 5, 11),
        Symptoms = [AefiSymptom.Fever, AefiSymptom.LocalSwelling],
        Classification = AefiClassification.CommonReaction,
        Outcome = AefiOutcome.Recovered,
        OutcomeDate = new DateOnly(2024, 5, 13),
        ReportedOn = new DateOnly(2024, 5, 11),
        Reporter = "王医生",
        ReportingUnit = "跳磴镇卫生院",
    };

    [Fact]
    public void ACompleteReportIsValid() => Assert.Empty(AefiRules.Validate(Report(), V1, Today));

    [Fact]
    public void OnsetBeforeTheDoseOrInTheFutureIsRefused()
    {
        Assert.Contains("反应发生日期不能早于接种日期（2024-05-10）", AefiRules.Validate(Report() with { OnsetDate = new DateOnly(2024, 5, 9) }, V1, Today)["onsetDate"]);
        Assert.Contains("onsetDate", AefiRules.Validate(Report() with { OnsetDate = new DateOnly(2024, 5, 21), DiscoveredOn = new DateOnly(2024, 5, 21) }, V1, Today).Keys);
    }

    [Fact]
    public void ADeathIsSeriousAndOtherNeedsItsText()
    {
        var errors = AefiRules.Validate(Report() with { Outcome = AefiOutcome.Died, Symptoms = [AefiSymptom.Other] }, V1, Today);
        Assert.Contains("serious", errors.Keys);
        Assert.Contains("symptomOther", errors.Keys);
    }

    [Fact]
    public void AReportIsDueWithin48HoursAndASeriousOneTheSameDay()
    {
        Assert.Equal(new DateOnly(2024, 5, 13), AefiRules.ReportDue(Report()));
        Assert.Equal(new DateOnly(2024, 5, 11), AefiRules.ReportDue(Report() with { Serious = true }));
        Assert.True(AefiRules.ReportItem(Report()).Urgent);
    }

    [Fact]
    public void TheCodeTablesAreLabelled() =>
        Assert.Equal("1 一般反应|2 异常反应|3 疫苗质量事故|4 接种事故|5 偶合症|6 心因性反应|9 待定",
            string.Join("|", HealthRecords.Domain.Codes.CodeLabels.Options<AefiClassification>().Select(o => $"{o.Code} {o.Label}")));
}
