using HealthRecords.Domain.Records;
using HealthRecords.Domain.Regions;

namespace HealthRecords.Domain.Tests.Regions;

public sealed class RegionCatalogTests
{
    private static readonly RegionCatalog Catalog = RegionCatalog.Load("500104");

    [Fact]
    public void DadukouHasItsFiveSubdistrictsAndThreeTowns()
    {
        Assert.Equal(("500104", "大渡口区", "重庆市"), (Catalog.County.Code, Catalog.County.Name, Catalog.County.ProvinceName));
        Assert.Equal(
            ["新山村街道", "跃进村街道", "九宫庙街道", "茄子溪街道", "春晖路街道", "八桥镇", "建胜镇", "跳磴镇"],
            Catalog.Townships.Select(t => t.Name));
        Assert.Equal(5, Catalog.Townships.Count(t => t.Kind == TownshipKind.Subdistrict));
        Assert.Equal(3, Catalog.Townships.Count(t => t.Kind == TownshipKind.Town));
        Assert.Equal("101", Catalog.FindTownship("500104101")!.SpecCode);
    }

    [Theory]
    // Frozen mappings: record numbers already issued depend on them. Never change these expectations.
    [InlineData("500104101201", "101", "凤阳村村民委员会", VillageKind.VillageCommittee)]
    [InlineData("500104103203", "103", "石林村村民委员会", VillageKind.VillageCommittee)]
    [InlineData("500104103216", "116", "跳磴村村民委员会", VillageKind.VillageCommittee)]
    [InlineData("500104001001", "001", "平安社区居民委员会", VillageKind.ResidentsCommittee)]
    [InlineData("500104101014", "014", "双城社区居民委员会", VillageKind.ResidentsCommittee)]
    public void StatisticsCodesMapToSpecificationSegments(string stats, string spec, string name, VillageKind kind)
    {
        var village = Catalog.FindVillage(stats)!;
        Assert.Equal((spec, name, kind), (village.SpecCode, village.Name, village.Kind));
    }

    [Fact]
    public void EverySpecCodeLiesInItsKindsRangeAndIsUniqueInItsTownship()
    {
        Assert.Equal(97, Catalog.Villages.Count);
        foreach (var v in Catalog.Villages)
        {
            Assert.Equal(v.Kind, VillageSegment.KindOf(v.SpecCode));
        }
        Assert.All(Catalog.Villages.GroupBy(v => v.TownshipSpecCode), g => Assert.Equal(g.Count(), g.Select(v => v.SpecCode).Distinct().Count()));
    }

    [Fact]
    public void VillagesBelongToTheirTownship() =>
        Assert.All(Catalog.Villages, v => Assert.StartsWith(Catalog.FindTownship(v.TownshipSpecCode)!.StatsCode, v.StatsCode));

    [Fact]
    public void AnyCountyOfTheShippedDataLoads()
    {
        // 城口县 (Chongqing): another county, read from the same shipped data without a rebuild.
        var chengkou = RegionCatalog.Load("500229");
        Assert.Equal("城口县", chengkou.County.Name);
        Assert.NotEmpty(chengkou.Townships);
        Assert.All(chengkou.Villages, v => Assert.StartsWith("500229", v.StatsCode));
        Assert.All(chengkou.Villages.GroupBy(v => v.TownshipSpecCode), g => Assert.Equal(g.Count(), g.Select(v => v.SpecCode).Distinct().Count()));
        Assert.Null(DivisionData.LoadCounty("500199"));
        Assert.Null(DivisionData.LoadCounty("500104103"));
        Assert.True(DivisionData.Counties.Count > 2800, $"{DivisionData.Counties.Count} counties");
        Assert.Equal("重庆市 大渡口区", DivisionData.FindCounty("500104")!.FullName);
    }

    [Theory]
    // 004 附件3: 居委会 001-099, 村委会 101-199, 其他 901-999; a collision takes the next free number of its range.
    [InlineData(new[] { "001:甲社区居民委员会", "101:乙社区居民委员会", "201:丙村村民委员会", "202:丁村委会", "401:戊林场" },
        new[] { "001", "002", "101", "102", "901" })]
    [InlineData(new[] { "102:甲社区居委会", "201:乙村村民委员会", "301:丙村村民委员会" }, new[] { "002", "101", "102" })]
    public void SegmentsFollowTheSpecificationRanges(string[] villages, string[] expected)
    {
        var assigned = VillageSegments.Assign(villages.Select(v => ("500104103" + v[..3], v[4..])));
        Assert.Equal(expected, assigned.Select(a => a.SpecCode));
    }
}
