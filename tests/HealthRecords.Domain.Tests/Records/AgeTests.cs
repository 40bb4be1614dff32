using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Records;

public sealed class AgeTests
{
    [Theory]
    [InlineData("1961-06-15", "2026-06-15", 65)]
    [InlineData("1961-06-16", "2026-06-15", 64)]
    [InlineData("2020-02-29", "2021-02-28", 0)]
    [InlineData("2020-02-29", "2021-03-01", 1)]
    [InlineData("2026-06-15", "2026-06-15", 0)]
    public void CountsFullYears(string birth, string day, int age) =>
        Assert.Equal(age, Age.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
}
