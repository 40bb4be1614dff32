using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Records;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("023-68123456", "023-******56")]
    [InlineData("68123456", "68****56")]
    public void MasksAllButTheEnds(string phone, string masked) => Assert.Equal(masked, PhoneNumber.Mask(phone));
}
