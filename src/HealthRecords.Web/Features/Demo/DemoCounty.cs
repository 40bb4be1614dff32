using HealthRecords.Domain.Regions;
using HealthRecords.Web.Features.Regions;

namespace HealthRecords.Web.Features.Demo;

/// <summary>
/// The demo's county, 重庆市大渡口区 (500104), loaded like any county, with the health service institutions of
/// 《大渡口区居民健康档案管理服务指南》 (001 三、承办机构) and the townships whose residents each serves.
/// 茄子溪街道社区卫生服务中心 also serves 八桥镇 and 建胜镇 (its former township hospitals).
/// </summary>
public static class DemoCounty
{
    public const string Code = "500104";
    public const string TiaodengHospital = "500104103H";
    public static readonly string AuthorityCode = CountyLoader.AuthorityCodeOf(Code);

    public static readonly IReadOnlyList<InstitutionSeed> Centres =
    [
        new("500104004H", "茄子溪街道社区卫生服务中心", InstitutionKind.CommunityHealthCenter, "大渡口区茄子溪街道新街246号", ["500104004", "500104101", "500104102"]),
        new("500104005H", "春晖路街道社区卫生服务中心", InstitutionKind.CommunityHealthCenter, "大渡口区春晖路街道鑫康路16号", ["500104005"]),
        new("500104001H", "新山村街道社区卫生服务中心", InstitutionKind.CommunityHealthCenter, "大渡口区新山村街道钢花路94号", ["500104001"]),
        new(TiaodengHospital, "跳磴镇卫生院", InstitutionKind.TownshipHospital, "大渡口区跳磴镇石林大道2号附53号", ["500104103"]),
        new("500104002H", "跃进村街道社区卫生服务中心", InstitutionKind.CommunityHealthCenter, "大渡口区跃进村街道革新村特1号", ["500104002"]),
        new("500104003H", "九宫庙街道社区卫生服务中心", InstitutionKind.CommunityHealthCenter, "大渡口区九宫庙街道新工二村48号", ["500104003"]),
    ];

    /// <summary>Loads the demo county into an empty database (nothing when a county is loaded).</summary>
    public static Task EnsureLoadedAsync(HealthRecordsDbContext db, DateTime nowUtc, CancellationToken ct = default) =>
        CountyLoader.LoadAsync(db, RegionCatalog.Load(Code), Centres, "demo", nowUtc, ct);
}
