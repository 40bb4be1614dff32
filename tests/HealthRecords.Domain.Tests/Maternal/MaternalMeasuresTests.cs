using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Maternal;
using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.Tests.Maternal;

public sealed class MaternalMeasuresTests
{
    private static readonly DateOnly Delivered = new(2025, 12, 20);

    [Theory]
    [InlineData("early-pregnancy-registration-rate", "早孕建册率", "maternal", "004 孕产妇健康管理服务规范 五(一)")]
    [InlineData("prenatal-care-rate", "孕妇健康管理率", "maternal", "004 孕产妇健康管理服务规范 五(二)")]
    [InlineData("postpartum-visit-rate", "产后访视率", "maternal", "004 孕产妇健康管理服务规范 五(三)")]
    [InlineData("newborn-visit-rate", "新生儿访视率", "children", "004 0~6岁儿童健康管理服务规范 五(一)")]
    public void EachMeasureOfTheSpecificationIsDefinedOnceOverLiveBirths(string code, string name, string service, string source)
    {
        var m = Assert.Single(MaternalMeasures.All, d => d.Code == code);
        Assert.Equal((name, service, source, DenominatorKind.Records), (m.Name, m.Service, m.Source, m.DenominatorKind));
        Assert.StartsWith("期内辖区内活产数", m.Denominator);
        Assert.Null(m.PrevalenceKey);
    }

    [Fact]
    public void TheCodesAreUnique() => Assert.Equal(MaternalMeasures.All.Count, MaternalMeasures.All.Select(m => m.Code).Distinct().Count());

    [Theory]
    [InlineData("2025-01-01", true)]
    [InlineData("2025-12-31", true)]
    [InlineData("2024-12-31", false)]
    [InlineData("2026-01-01", false)]
    public void ABirthBelongsToThePeriodHoldingItsDate(string born, bool inPeriod) =>
        Assert.Equal(inPeriod, MaternalMeasures.InPeriod(DateOnly.Parse(born), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));

    [Fact]
    public void OnlyADeliveryWithALiveBirthJoinsTheCohort()
    {
        var live = new DeliveryInfo { DeliveredOn = Delivered, Babies = [new Baby { Outcome = BirthOutcome.LiveBirth, Sex = Sex.Male }] };
        Assert.True(MaternalMeasures.InCohort(live, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        Assert.False(MaternalMeasures.InCohort(live with { Babies = [new Baby { Outcome = BirthOutcome.Stillbirth }] }, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        Assert.False(MaternalMeasures.InCohort(live, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void EarlyRegistrationCountsForTheRate()
    {
        var episode = new Pregnancy { RegisteredOn = new DateOnly(2025, 5, 30), Facts = new PregnancyFacts { LastMenstrualPeriod = new DateOnly(2025, 3, 1) } };
        Assert.True(MaternalMeasures.CountsForEarlyRegistration(episode));
        Assert.False(MaternalMeasures.CountsForEarlyRegistration(episode with { RegisteredOn = new DateOnly(2025, 5, 31) }));
    }

    [Fact]
    public void FivePrenatalVisitsUpToTheDeliveryCountForPrenatalCare()
    {
        DateOnly[] four = [new(2025, 4, 26), new(2025, 6, 28), new(2025, 8, 2), new(2025, 10, 4)];
        Assert.False(MaternalMeasures.CountsForPrenatalCare(four, Delivered));
        Assert.True(MaternalMeasures.CountsForPrenatalCare([.. four, Delivered], Delivered));
        Assert.False(MaternalMeasures.CountsForPrenatalCare([.. four, Delivered.AddDays(1)], Delivered));
        Assert.True(MaternalMeasures.CountsForPrenatalCare([.. four, new(2025, 10, 18), new(2025, 11, 1)], Delivered)); // extra visits count
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(28, true)]
    [InlineData(29, false)]
    [InlineData(-1, false)]
    public void APostpartumVisitCountsWithinTwentyEightDaysOfTheDelivery(int day, bool counts) =>
        Assert.Equal(counts, MaternalMeasures.CountsForPostpartumVisit([Delivered.AddDays(day)], Delivered));

    [Fact]
    public void APostpartumVisitInTheNextYearCountsForTheBirthsPeriod() =>
        Assert.True(MaternalMeasures.CountsForPostpartumVisit([new DateOnly(2026, 1, 2)], Delivered));

    [Theory]
    [InlineData(3, true)]
    [InlineData(28, true)]
    [InlineData(29, false)]
    public void ANewbornVisitCountsWithinTheNeonatalPeriod(int day, bool counts) =>
        Assert.Equal(counts, MaternalMeasures.CountsForNewbornVisit([Delivered.AddDays(day)], Delivered));

    [Fact]
    public void NoVisitCountsForNothing()
    {
        Assert.False(MaternalMeasures.CountsForPostpartumVisit([], Delivered));
        Assert.False(MaternalMeasures.CountsForNewbornVisit([], Delivered));
    }
}
