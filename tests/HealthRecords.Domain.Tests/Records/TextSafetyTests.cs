using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Records;

public sealed class TextSafetyTests
{
    [Theory]
    [InlineData("张\u0000三")]
    [InlineData("张\u0007三")]
    [InlineData("张\u007F三")]
    [InlineData("张\u0085三")]
    public void ControlCharactersAreRefusedEverywhere(string text)
    {
        Assert.Equal(TextSafety.ControlMessage, TextSafety.NameError(text));
        Assert.Equal(TextSafety.ControlMessage, TextSafety.FreeTextError(text));
    }

    [Theory]
    [InlineData("张\u202E三")] // right-to-left override
    [InlineData("张\u2066三")] // left-to-right isolate
    [InlineData("张\u200B三")] // zero-width space
    [InlineData("张\u200D三")] // zero-width joiner
    [InlineData("\uFEFF张三")] // byte order mark
    [InlineData("张\u061C三")] // Arabic letter mark
    public void InvisibleAndDirectionCharactersAreRefusedInNamesButKeptInFreeText(string text)
    {
        Assert.Equal(TextSafety.InvisibleMessage, TextSafety.NameError(text));
        Assert.Null(TextSafety.FreeTextError(text));
    }

    [Theory]
    [InlineData("欧阳 娜娜")]
    [InlineData("阿依古丽·买买提")]
    [InlineData("第一行\r\n第二行\t缩进")]
    public void OrdinaryTextPasses(string text) => Assert.Null(TextSafety.FreeTextError(text));

    [Fact]
    public void TheFormRefusesAnInvisibleCharacterInTheNameForThePagesToo()
    {
        var errors = PersonalInfoValidator.Validate(new PersonalInfo { Name = "张\u202E三", ContactName = "李\u200B四" }, new DateOnly(2026, 6, 15));
        Assert.Contains("name", errors.Keys);
        Assert.Contains("contactName", errors.Keys);
    }
}
