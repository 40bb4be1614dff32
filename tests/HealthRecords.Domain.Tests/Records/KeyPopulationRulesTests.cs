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

    [Fact]
    public void WhatIsStoredDoesNotAgeAndMembershipIsComputedForTheDay()
    {
        var info = new PersonalInfo
        {
            Name = "测试", Sex = Sex.Male, BirthDate = new DateOnly(1991, 9, 1),
            PastDiseases = [new PastDisease(PastDiseaseCode.Hypertension, new YearMonth(2024, 1))],
        };
        var stamped = KeyPopulationRules.Stamped(info, pregnant: false);
        Assert.Equal(KeyPopulation.Hypertension, stamped); // the diagnosis, whatever the age
        Assert.Equal(KeyPopulation.None, KeyPopulationRules.On(stamped, info.BirthDate, Today)); // 34 today
        Assert.Equal(KeyPopulation.Hypertension, KeyPopulationRules.On(stamped, info.BirthDate, new DateOnly(2026, 9, 1))); // 35, not saved since

        var child = new DateOnly(2019, 9, 1);
        Assert.Equal(KeyPopulation.Children0To6, KeyPopulationRules.On(KeyPopulation.None, child, Today));
        Assert.Equal(KeyPopulation.None, KeyPopulationRules.On(KeyPopulation.None, child, new DateOnly(2026, 9, 1)));
        Assert.Equal(KeyPopulation.Elderly65Plus, KeyPopulationRules.On(KeyPopulation.None, new DateOnly(1961, 9, 1), new DateOnly(2026, 9, 1)));
    }

    [Fact]
    public void AgeBoundTagsAreNeverStored() =>
        Assert.Equal(KeyPopulation.None, KeyPopulationRules.Stamped(new PersonalInfo { Name = "测试", BirthDate = new DateOnly(1950, 1, 1) }, false) & KeyPopulationRules.AgeBound);

    [Fact]
    public void TheBirthDateCutOffAgreesWithAgeInFullYearsOnEveryDay()
    {
        // every day of four years (a leap day among them) against births around it, 29 February births included
        for (var day = new DateOnly(2026, 1, 1); day < new DateOnly(2030, 1, 1); day = day.AddDays(1))
        {
            foreach (var years in new[] { 1, 7, 35, 65 })
            {
                var cut = KeyPopulationRules.BornBy(years, day);
                foreach (var birth in new[] { cut.AddDays(-1), cut, cut.AddDays(1), new DateOnly(day.Year - years, 2, 28), new DateOnly(2024 - 4 * (years / 4 + 1), 2, 29) })
                {
                    Assert.True(Age.AgeOn(birth, day) >= years == birth <= cut, $"{birth} on {day}, {years}");
                }
            }
        }
    }
}
