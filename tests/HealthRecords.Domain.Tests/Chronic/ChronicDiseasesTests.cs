using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Chronic;

public sealed class ChronicDiseasesTests
{
    [Theory]
    [InlineData(ChronicDisease.Hypertension, PastDiseaseCode.Hypertension, 2)]
    [InlineData(ChronicDisease.Diabetes, PastDiseaseCode.Diabetes, 3)]
    public void EachManagedDiseaseIsItsPastHistoryEntry(ChronicDisease disease, PastDiseaseCode expected, int formNumber)
    {
        Assert.Equal(expected, disease.PastDisease());
        Assert.Equal(formNumber, (int)disease.PastDisease());
    }
}
