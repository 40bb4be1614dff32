using HealthRecords.Domain.Accounts;

namespace HealthRecords.Domain.Tests.Accounts;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("Password1!")]
    [InlineData("12345678")]
    [InlineData("woaini1314")]
    [InlineData("Abc12345!")]
    [InlineData("1qaz2wsx")]
    [InlineData("@Qwerty123")]
    public void RefusesCommonPasswordsWithOrWithoutDigitsAndSymbolsAround(string password) =>
        Assert.Contains(PasswordRules.CommonMessage, PasswordRules.Check(password));

    [Theory]
    [InlineData("aaaaaaaA1@")] // the review's example: 8 times one letter
    [InlineData("Xk7#Xk7#Xk7#")] // a unit repeated
    [InlineData("Q#456789x")] // a run of six digits
    [InlineData("Lmnopqr!2")] // a run of six letters
    [InlineData("ab!ab!ab!")]
    public void RefusesRepetitivePasswords(string password)
    {
        Assert.True(PasswordRules.IsRepetitive(password));
        Assert.NotEmpty(PasswordRules.Check(password));
    }

    [Theory]
    [InlineData("qingshan ping an")] // a resident's phrase: lower case and spaces only
    [InlineData("Qy7#mdLp2x")]
    [InlineData("石林村张大爷2026")]
    [InlineData("Demo@2026")] // the demo accounts' password (docs: demo only)
    public void AcceptsPasswordsThatAreNeitherCommonNorRepetitive(string password) =>
        Assert.Empty(PasswordRules.Check(password));
}
