using System.Text.Json;
using HealthRecords.Domain.Codes;

namespace HealthRecords.Domain.Tests.Codes;

public sealed class YearMonthTests
{
    [Theory]
    [InlineData("2019-05", 2019, 5)]
    [InlineData("2019-5", 2019, 5)]
    [InlineData("201905", 2019, 5)]
    [InlineData("2019/05", 2019, 5)]
    public void ParsesTheWaysPeopleWriteIt(string s, int year, int month)
    {
        Assert.True(YearMonth.TryParse(s, out var v));
        Assert.Equal(new YearMonth(year, month), v);
        Assert.Equal($"{year:0000}-{month:00}", v.ToString());
    }

    [Theory]
    [InlineData("2019-13")]
    [InlineData("2019-00")]
    [InlineData("19-05")]
    [InlineData("abc")]
    [InlineData("")]
    public void RefusesImpossibleMonths(string s) => Assert.False(YearMonth.TryParse(s, out _));

    [Fact]
    public void SerialisesAsYearDashMonth()
    {
        var json = JsonSerializer.Serialize(new YearMonth(2019, 5));
        Assert.Equal("\"2019-05\"", json);
        Assert.Equal(new YearMonth(2019, 5), JsonSerializer.Deserialize<YearMonth>(json));
    }
}
