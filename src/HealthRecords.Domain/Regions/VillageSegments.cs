using System.Text.RegularExpressions;

namespace HealthRecords.Domain.Regions;

/// <summary>A village of the statistics codes with the segment the record number gives it.</summary>
public sealed record AssignedSegment(string StatsCode, string Name, string SpecCode, VillageKind Kind);

/// <summary>
/// Gives each village and residents' committee of a township its 3-digit segment of the record number, from the
/// national statistics codes (docs/regions.md). Run once, when a county is loaded; the segments are then stored and
/// never recomputed, because issued record numbers contain them.
/// </summary>
public static partial class VillageSegments
{
    // 004 附件3 填表说明: 村(居)委会编码 001-099 居委会, 101-199 村委会, 901-999 其他. Statistics codes number residents'
    // committees 0xx/1xx and village committees 2xx: 0xx kept, 1xx minus 100, 2xx minus 100, when free in the township;
    // else the next free number of the kind's range; else (or of no known kind) the next free number from 901.
    public static IReadOnlyList<AssignedSegment> Assign(IEnumerable<(string StatsCode, string Name)> villagesOfTownship)
    {
        var used = new HashSet<int>();
        int? NextFree(int from, int to)
        {
            for (var n = from; n <= to; n++)
            {
                if (!used.Contains(n))
                {
                    return n;
                }
            }
            return null;
        }
        var result = new List<AssignedSegment>();
        foreach (var (code, name) in villagesOfTownship.OrderBy(v => v.StatsCode, StringComparer.Ordinal))
        {
            var stats = int.Parse(code.AsSpan(9), CultureInfo.InvariantCulture);
            var kind = VillageKind.Other;
            int? spec = null;
            if (ResidentsCommittee().IsMatch(name))
            {
                kind = VillageKind.ResidentsCommittee;
                int? wanted = stats <= 99 ? stats : stats is >= 101 and <= 199 ? stats - 100 : null;
                spec = wanted is >= 1 && !used.Contains(wanted.Value) ? wanted : NextFree(1, 99);
            }
            else if (VillageCommittee().IsMatch(name))
            {
                kind = VillageKind.VillageCommittee;
                int? wanted = stats is >= 201 and <= 299 ? stats - 100 : null;
                spec = wanted is not null && !used.Contains(wanted.Value) ? wanted : NextFree(101, 199);
            }
            if (spec is null)
            {
                kind = VillageKind.Other;
                spec = NextFree(901, 999) ?? throw new InvalidOperationException($"No free village segment left in township {code[..9]}.");
            }
            used.Add(spec.Value);
            result.Add(new AssignedSegment(code, name, spec.Value.ToString("000", CultureInfo.InvariantCulture), kind));
        }
        return result;
    }

    [GeneratedRegex("(居民委员会|居委会)$")]
    private static partial Regex ResidentsCommittee();

    [GeneratedRegex("(村民委员会|村委会)$")]
    private static partial Regex VillageCommittee();
}
