using HealthRecords.Domain.Encounters;
using HealthRecords.Domain.InfectiousDisease;

namespace HealthRecords.Domain.Tests.InfectiousDisease;

public sealed class NotifiableDiagnosesTests
{
    private static IEnumerable<string> Codes(string icd10) =>
        NotifiableDiagnoses.Match(icd10, Cards.List)?.Candidates.Select(d => d.Code) ?? [];

    [Theory]
    [InlineData("B05.9", "measles")]
    [InlineData("b05.9 ", "measles")]
    [InlineData("A00.1", "cholera")]
    [InlineData("A22.1", "anthrax-pulmonary")]
    [InlineData("A22.9", "anthrax-unspecified")]
    [InlineData("A22.0", "anthrax-cutaneous")]
    [InlineData("B18.1", "hepatitis-b")]
    [InlineData("B16.9", "hepatitis-b")]
    [InlineData("A15.0", "tb-smear-positive")]
    [InlineData("A16.0", "tb-smear-negative")]
    [InlineData("A01.0", "typhoid")]
    [InlineData("A01.1", "paratyphoid")]
    [InlineData("B08.4", "hfmd")]
    [InlineData("J10.1", "influenza")]
    [InlineData("A09", "other-infectious-diarrhoea")]
    [InlineData("U04.9", "sars")]
    [InlineData("B20", "aids-patient")]
    [InlineData("Z21", "hiv")]
    [InlineData("B01.9", "varicella")]
    public void CommonCodesMapToTheirDisease(string icd10, string disease) =>
        Assert.Equal([disease], Codes(icd10));

    [Theory]
    [InlineData("I10")]      // hypertension
    [InlineData("B02.9")]    // herpes zoster: not notifiable
    [InlineData("A15.5")]    // tuberculosis of larynx: not 肺结核
    [InlineData("A75.1")]    // recrudescent typhus: not mapped
    [InlineData("")]
    [InlineData(null)]
    [InlineData("B0")]
    public void OtherCodesCallForNoCard(string? icd10) => Assert.Null(NotifiableDiagnoses.Match(icd10, Cards.List));

    [Fact]
    public void ACodeThatCouldBeSeveralDiseasesOffersThemAll()
    {
        Assert.Equal(["hpai", "h1n1"], Codes("J09"));
        Assert.Equal(4, Codes("A16.2").Count());
    }

    [Fact]
    public void TheStrictestCandidateSetsTheLimit() =>
        Assert.Equal(ReportTimeLimit.TwoHours, NotifiableDiagnoses.Match("J09", Cards.List)!.TimeLimit);

    [Fact]
    public void DiseasesTheListVersionLacksAreNotOffered() =>
        Assert.Equal(["hepatitis-unspecified"], Codes("B17.0"));

    [Fact]
    public void AnEncountersDiagnosesAreCheckedOncePerCode()
    {
        Diagnosis[] diagnoses = [new("B05.9", "麻疹"), new("J06.9", "上呼吸道感染"), new("b05.9", "麻疹"), new(null, "发热")];
        var found = NotifiableDiagnoses.In(diagnoses, Cards.List);
        Assert.Equal("B05.9", Assert.Single(found).Icd10Code);
    }

    [Fact]
    public void ThePromptNamesTheDiseaseItsClassAndTheLimit() =>
        Assert.Equal(
            "诊断 A22.1 肺炭疽 属法定报告传染病：炭疽（肺炭疽）（乙类传染病）。请在诊断后2小时内填报传染病报告卡。",
            CardRules.Prompt(NotifiableDiagnoses.Match("A22.1", Cards.List)!));
}
