using HealthRecords.Domain.Regions;

namespace HealthRecords.Web.Features.Regions;

/// <summary>An institution to create with the county, and the townships whose villages it serves.</summary>
public sealed record InstitutionSeed(string Code, string Name, InstitutionKind Kind, string? Address, IReadOnlyList<string> Townships);

/// <summary>
/// Loads the county an installation serves into an empty database, from the shipped division data (<see cref="DivisionData"/>):
/// its townships and villages with their record-number segments, its health authority, and one institution per
/// township unless others are given (a 卫生院 for a town or 乡, a 社区卫生服务中心 for a 街道) — the administrator then
/// renames them, adds others and moves villages on the institutions page. One county per installation.
/// </summary>
public static class CountyLoader
{
    public static string AuthorityCodeOf(string countyCode) => countyCode + "WJW";

    public static Task<LoadedCounty?> CurrentAsync(HealthRecordsDbContext db, CancellationToken ct = default) =>
        db.Set<LoadedCounty>().AsNoTracking().OrderBy(c => c.Code).FirstOrDefaultAsync(ct);

    /// <summary>The default institution of a township: its township hospital or community health centre.</summary>
    public static InstitutionSeed DefaultFor(Domain.Regions.Township t) => t.Kind == TownshipKind.Subdistrict
        ? new InstitutionSeed(t.StatsCode + "H", t.Name + "社区卫生服务中心", InstitutionKind.CommunityHealthCenter, null, [t.StatsCode])
        : new InstitutionSeed(t.StatsCode + "H", t.Name + "卫生院", InstitutionKind.TownshipHospital, null, [t.StatsCode]);

    /// <summary>Loads the county; refuses (null) when a county is loaded already.</summary>
    public static async Task<LoadedCounty?> LoadAsync(HealthRecordsDbContext db, RegionCatalog catalog, IReadOnlyList<InstitutionSeed>? institutions,
        string by, DateTime nowUtc, CancellationToken ct = default)
    {
        if (await db.Set<LoadedCounty>().AnyAsync(ct) || await db.Townships.AnyAsync(ct))
        {
            return null;
        }
        var seeds = (institutions ?? []).ToList();
        foreach (var t in catalog.Townships.Where(t => !seeds.Any(s => s.Townships.Contains(t.StatsCode))))
        {
            seeds.Add(DefaultFor(t));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var county = catalog.County;
        db.Institutions.Add(new Institution { Code = AuthorityCodeOf(county.Code), Name = $"{county.Name}卫生健康委员会", Kind = InstitutionKind.HealthAuthority });
        var byTownship = new Dictionary<string, Institution>();
        foreach (var s in seeds)
        {
            var institution = new Institution { Code = s.Code, Name = s.Name, Kind = s.Kind, Address = s.Address };
            db.Institutions.Add(institution);
            foreach (var t in s.Townships)
            {
                byTownship[t] = institution;
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var t in catalog.Townships)
        {
            db.Townships.Add(new Data.Entities.Township { Code = t.StatsCode, SpecCode = t.SpecCode, Name = t.Name, Kind = t.Kind });
        }
        foreach (var v in catalog.Villages)
        {
            var township = catalog.FindTownship(v.TownshipSpecCode)!;
            db.Villages.Add(new Data.Entities.Village
            {
                Code = v.StatsCode, SpecCode = v.SpecCode, TownshipCode = township.StatsCode, Name = v.Name, Kind = v.Kind,
                InstitutionId = byTownship[township.StatsCode].Id,
            });
        }
        var loaded = new LoadedCounty
        {
            Code = county.Code, Name = county.Name, ProvinceName = county.ProvinceName, CityName = county.CityName,
            Source = DivisionData.Source, LoadedAtUtc = nowUtc, LoadedBy = by,
        };
        db.Set<LoadedCounty>().Add(loaded);
        db.Set<ReferenceChange>().Add(new ReferenceChange
        {
            AtUtc = nowUtc, UserName = by, Subject = "county", Field = "载入",
            NewValue = $"{county.Code} {county.ProvinceName}{county.CityName}{county.Name}：{catalog.Townships.Count} 个乡镇(街道)，{catalog.Villages.Count} 个村(居)委会（{DivisionData.Source}）",
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return loaded;
    }

    /// <summary>
    /// A database loaded before the county was stored (the 大渡口区 build): the county row is filled in from the
    /// townships' codes, so the pages show it. Nothing else changes.
    /// </summary>
    public static async Task BackfillAsync(HealthRecordsDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        if (await db.Set<LoadedCounty>().AnyAsync(ct) || await db.Townships.OrderBy(t => t.Code).Select(t => t.Code).FirstOrDefaultAsync(ct) is not { } township)
        {
            return;
        }
        var entry = DivisionData.FindCounty(township[..6]);
        db.Set<LoadedCounty>().Add(new LoadedCounty
        {
            Code = township[..6], Name = entry?.Name ?? township[..6], ProvinceName = entry?.ProvinceName ?? "", CityName = entry?.CityName ?? "",
            Source = DivisionData.Source, LoadedAtUtc = nowUtc, LoadedBy = "",
        });
        await db.SaveChangesAsync(ct);
    }
}
