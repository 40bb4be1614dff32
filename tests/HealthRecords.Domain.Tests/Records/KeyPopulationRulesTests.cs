using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Records;

public sealed class KeyPopulationRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static KeyPopulation Classify(string birth, Sex sex = Sex.Male, bool pregnant = false, params PastDiseaseCode[] diseases) =>
        KeyPopulationRules.Classify(new PersonalInfo
        {
            Name = "测试",
            Sex = sex,
            BirthDate = DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture),
            PastDiseases = diseases.Select(d => new PastDisease(d, new YearMonth(2020, 1))).ToList(),
        }, Today, pregnant);

    [Theory]
    [InlineData("2026-06-15", true)]
    [InlineData("2019-06-16", true)]
    [InlineData("2019-06-15", false)]
    public void ChildrenAreZeroToSixInFullYears(string birth, bool child) =>
        Assert.Equal(child, Classify(birth).HasFlag(KeyPopulation.Children0To6));

    [Theory]
    [InlineData("1961-06-15", true)]
    [InlineData("1961-06-16", false)]
    public void ElderlyAreSixtyFiveOrOver(string birth, bool elderly) =>
        Assert.Equal(elderly, Classify(birth).HasFlag(KeyPopulation.Elderly65Plus));

    [Fact]
    public void HypertensionAndDiabetesCountFromThirtyFive()
    {
        Assert.Equal(KeyPopulation.Hypertension | KeyPopulation.Diabetes, Classify("1991-06-15", Sex.Male, false, PastDiseaseCode.Hypertension, PastDiseaseCode.Diabetes));
        Assert.Equal(KeyPopulation.None, Classify("1991-06-16", Sex.Male, false, PastDiseaseCode.Hypertension, PastDiseaseCode.Diabetes));
    }

    [Fact]
    public void SevereMentalIllnessAndTuberculosisAtAnyAge() =>
        Assert.Equal(KeyPopulation.SevereMentalIllness | KeyPopulation.Tuberculosis, Classify("2000-01-01", Sex.Male, false, PastDiseaseCode.SevereMentalIllness, PastDiseaseCode.Tuberculosis));

    [Fact]
    public void OnlyWomenArePregnant()
    {
        Assert.Equal(KeyPopulation.Pregnant, Classify("1995-01-01", Sex.Female, true));
        Assert.Equal(KeyPopulation.None, Classify("1995-01-01", Sex.Male, true));
    }
}
