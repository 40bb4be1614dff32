using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Records;

public sealed class IdCardNumberTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Theory]
    // The GB 11643-1999 appendix example, and numbers whose check digit is X.
    [InlineData("11010519491231002X", 1949, 12, 31, Sex.Female)]
    [InlineData("500104198001010012", 1980, 1, 1, Sex.Male)]
    [InlineData("500104202606150025", 2026, 6, 15, Sex.Female)]
    public void AcceptsValidNumbersAndDerivesBirthDateAndSex(string id, int y, int m, int d, Sex sex)
    {
        var check = IdCardNumber.Check(id, Today);
        Assert.True(check.IsValid, check.Error);
        Assert.Equal(new DateOnly(y, m, d), check.BirthDate);
        Assert.Equal(sex, check.Sex);
        Assert.Equal(id, check.Normalized);
    }

    [Fact]
    public void LowerCaseXIsNormalised()
    {
        var check = IdCardNumber.Check(" 11010519491231002x ", Today);
        Assert.True(check.IsValid);
        Assert.Equal("11010519491231002X", check.Normalized);
    }

    [Theory]
    [InlineData("110105194912310021", "校验位")]
    [InlineData("110105194912310020", "校验位")]
    [InlineData("500104198001010013", "校验位")]
    [InlineData("500104188001010014", "出生日期无效")]
    [InlineData("50010419800230001", "18位")]
    [InlineData("5001041980023000123", "18位")]
    [InlineData("500104198002300010", "出生日期无效")]
    [InlineData("500104202606160010", "晚于今天")]
    [InlineData("990104198001010010", "行政区划")]
    [InlineData("00010419800101001X", "行政区划")]
    [InlineData("50010419800101A010", "数字")]
    [InlineData("", "请填写")]
    [InlineData(null, "请填写")]
    public void RejectsWithASpecificMessage(string? id, string expected)
    {
        var check = IdCardNumber.Check(id, Today);
        Assert.False(check.IsValid);
        Assert.Contains(expected, check.Error);
    }

    [Fact]
    public void EveryWrongCheckDigitIsRefused()
    {
        const string first17 = "50010419800101001";
        var right = IdCardNumber.CheckDigit(first17);
        foreach (var c in "0123456789X".Where(c => c != right))
        {
            Assert.False(IdCardNumber.Check(first17 + c, Today).IsValid);
        }
        Assert.True(IdCardNumber.Check(first17 + right, Today).IsValid);
    }

    [Fact]
    public void FifteenDigitNumbersAreRefusedWithAHintToConvert() =>
        Assert.Contains("15位", IdCardNumber.Check("500104800101001", Today).Error);

    [Fact]
    public void FifteenDigitNumberConvertsToEighteenWithCentury19()
    {
        var check = IdCardNumber.ConvertFifteen("110105491231002", Today);
        Assert.True(check.IsValid);
        Assert.Equal("11010519491231002X", check.Normalized);
        Assert.Equal(new DateOnly(1949, 12, 31), check.BirthDate);
    }

    [Theory]
    [InlineData("11010549123100")]
    [InlineData("11010549133100A")]
    [InlineData("110105491331002")]
    public void InvalidFifteenDigitNumbersAreRefused(string old) =>
        Assert.False(IdCardNumber.ConvertFifteen(old, Today).IsValid);

    [Fact]
    public void MaskShowsFirstSixAndLastFour() =>
        Assert.Equal("110105********002X", IdCardNumber.Mask("11010519491231002X"));
}
