using HealthRecords.Domain.Regions;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Regions;

/// <summary>
/// Loads the county's townships and village committees (from the Domain's region file) and its health
/// institutions into an empty database. Runs at every start; does nothing once loaded.
/// </summary>
public static class ReferenceData
{
    /// <summary>
    /// The health service institutions of 大渡口区 (001 三、承办机构) and the townships whose residents each serves.
    /// 茄子溪街道社区卫生服务中心 also serves 八桥镇 and 建胜镇 (its former township hospitals).
    /// </summary>
    public static readonly IReadOnlyList<(string Code, string Name, InstitutionKind Kind, string Address, string[] Townships)> Centres =
    [
        ("500104004H", "茄子溪街道社区卫生服务中心", InstitutionKind.CommunityHealthCenter, "大渡口区茄子溪街道新街246号", ["500104004", "500104101", "500104102"]),
        ("500104005H", "春晖路街道社区卫生服务中心", InstitutionKind.CommunityHealthCenter, "大渡口区春晖路街道鑫康路16号", ["500104005"]),
        ("500104001H", "新山村街道社区卫生服务中心", InstitutionKind.CommunityHealthCenter, "大渡口区新山村街道钢花路94号", ["500104001"]),
        ("500104103H", "跳磴镇卫生院", InstitutionKind.TownshipHospital, "大渡口区跳磴镇石林大道2号附53号", ["500104103"]),
        ("500104002H", "跃进村街道社区卫生服务中心", InstitutionKind.CommunityHealthCenter, "大渡口区跃进村街道革新村特1号", ["500104002"]),
        ("500104003H", "九宫庙街道社区卫生服务中心", InstitutionKind.CommunityHealthCenter, "大渡口区九宫庙街道新工二村48号", ["500104003"]),
    ];

    public const string AuthorityCode = "500104WJW";

    public static async Task EnsureLoadedAsync(HealthRecordsDbContext db, CancellationToken ct = default)
    {
        if (await db.Townships.AnyAsync(ct))
        {
            return;
        }
        var catalog = RegionCatalog.LoadEmbedded();
        db.Institutions.Add(new Institution { Code = AuthorityCode, Name = $"{catalog.County.Name}卫生健康委员会", Kind = InstitutionKind.HealthAuthority });
        var byTownship = new Dictionary<string, Institution>();
        foreach (var c in Centres)
        {
            var inst = new Institution { Code = c.Code, Name = c.Name, Kind = c.Kind, Address = c.Address };
            db.Institutions.Add(inst);
            foreach (var t in c.Townships)
            {
                byTownship[t] = inst;
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var t in catalog.Townships)
        {
            db.Townships.Add(new Data.Entities.Township { Code = t.StatsCode, SpecCode = t.SpecCode, Name = t.Name, Kind = t.Kind });
        }
        foreach (var v in catalog.Villages)
        {
            var township = catalog.Townships.First(t => t.SpecCode == v.TownshipSpecCode);
            db.Villages.Add(new Data.Entities.Village
            {
                Code = v.StatsCode, SpecCode = v.SpecCode, TownshipCode = township.StatsCode, Name = v.Name, Kind = v.Kind,
                InstitutionId = byTownship[township.StatsCode].Id,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
