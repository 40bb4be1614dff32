namespace HealthRecords.Domain.Regions;

public sealed record County(string Code, string Name, string ProvinceCode, string ProvinceName, string CityCode, string CityName);

/// <summary>乡镇(街道): the 9-digit statistics code and the 3-digit segment the record number uses.</summary>
public sealed record Township(string StatsCode, string SpecCode, string Name, TownshipKind Kind);

/// <summary>村(居)委会: the 12-digit statistics code and the frozen 3-digit spec code of record numbers.</summary>
public sealed record Village(string StatsCode, string SpecCode, string TownshipSpecCode, string Name, VillageKind Kind);

/// <summary>
/// A county's townships and village committees with their record-number segments, read from the shipped division
/// data (<see cref="DivisionData.LoadCounty"/>). Loaded into the database once; the stored segments are then the
/// source of truth (docs/regions.md).
/// </summary>
public sealed class RegionCatalog
{
    internal RegionCatalog(CountyEntry county, IReadOnlyList<Township> townships, IReadOnlyList<Village> villages)
    {
        County = new County(county.Code, county.Name, county.Code[..2], county.ProvinceName, county.Code[..4], county.CityName);
        Townships = townships;
        Villages = villages;
    }

    public County County { get; }
    public IReadOnlyList<Township> Townships { get; }
    public IReadOnlyList<Village> Villages { get; }

    /// <summary>A county of the shipped data; throws for a code that is not a county.</summary>
    public static RegionCatalog Load(string countyCode) =>
        DivisionData.LoadCounty(countyCode) ?? throw new InvalidOperationException($"No county {countyCode} in the division data ({DivisionData.Source}).");

    /// <summary>A township by its 3-digit spec code or its 9-digit statistics code.</summary>
    public Township? FindTownship(string specOrStatsCode) =>
        Townships.FirstOrDefault(t => t.SpecCode == specOrStatsCode || t.StatsCode == specOrStatsCode);

    public Village? FindVillage(string statsCode12) => Villages.FirstOrDefault(v => v.StatsCode == statsCode12);

    public IEnumerable<Village> VillagesOf(string townshipSpecCode) => Villages.Where(v => v.TownshipSpecCode == townshipSpecCode);
}
