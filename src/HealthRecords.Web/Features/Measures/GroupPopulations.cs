namespace HealthRecords.Web.Features.Measures;

/// <summary>
/// The resident population behind each group of a measure table, for estimated denominators (docs/measures.md: which
/// population a township, village, institution, doctor and the total row get), and the villages of a user's scope.
/// </summary>
public sealed class GroupPopulations(HealthRecordsDbContext db, MeasurePopulation population)
{
    /// <summary>Villages of the user's scope (a village doctor's own, an institution's, or the county's).</summary>
    public IQueryable<Village> VillagesInScope(DataScope user) => user.Apply(db.Villages.AsNoTracking());

    /// <summary>
    /// Resident population per group for estimated denominators: a township's is configured and used when the whole
    /// township is in the user's scope; a village's only if configured for that village; an institution's is the sum of
    /// the townships whose villages are all its own (and all in scope); a doctor has none (docs/measures.md).
    /// </summary>
    public async Task<Dictionary<string, long?>> PopulationsAsync(DataScope user, MeasureGrouping g, IEnumerable<string> keys, CancellationToken ct)
    {
        var covered = await CoveredTownshipsAsync(user, ct);
        if (g == MeasureGrouping.Institution)
        {
            var byInstitution = await InstitutionPopulationsAsync(covered, ct);
            return keys.ToDictionary(k => k, k => byInstitution.TryGetValue(int.Parse(k, CultureInfo.InvariantCulture), out var n) ? n : (long?)null);
        }
        return keys.ToDictionary(k => k, k => g switch
        {
            MeasureGrouping.Township => covered.Contains(k) ? population.Population(k) : null,
            MeasureGrouping.Village => population.Population(k),
            _ => (long?)null,
        });
    }

    /// <summary>Townships every village of which is in the user's scope.</summary>
    private async Task<HashSet<string>> CoveredTownshipsAsync(DataScope user, CancellationToken ct)
    {
        var all = await db.Villages.AsNoTracking().GroupBy(v => v.TownshipCode).Select(t => new { t.Key, N = t.Count() }).ToListAsync(ct);
        if (user.WholeCounty)
        {
            return all.Select(t => t.Key).ToHashSet();
        }
        var mine = await VillagesInScope(user).GroupBy(v => v.TownshipCode).Select(t => new { t.Key, N = t.Count() }).ToDictionaryAsync(t => t.Key, t => t.N, ct);
        return all.Where(t => mine.GetValueOrDefault(t.Key) == t.N).Select(t => t.Key).ToHashSet();
    }

    /// <summary>Per institution: the summed population of the covered townships whose villages are all its own.</summary>
    private async Task<Dictionary<int, long?>> InstitutionPopulationsAsync(HashSet<string> covered, CancellationToken ct)
    {
        var villages = await db.Villages.AsNoTracking().Select(v => new { v.TownshipCode, v.InstitutionId }).ToListAsync(ct);
        return villages.GroupBy(v => v.TownshipCode)
            .Where(t => covered.Contains(t.Key) && t.Select(v => v.InstitutionId).Distinct().Count() == 1)
            .GroupBy(t => t.First().InstitutionId)
            .ToDictionary(i => i.Key, i => Sum(i.Select(t => population.Population(t.Key))));
    }

    /// <summary>The population of the user's whole scope (the total row), or null when it cannot be told.</summary>
    public async Task<long?> ScopePopulationAsync(DataScope user, string? township, CancellationToken ct)
    {
        var covered = await CoveredTownshipsAsync(user, ct);
        if (!string.IsNullOrEmpty(township))
        {
            return covered.Contains(township) ? population.Population(township) : await VillageSumAsync(user, township, ct);
        }
        if (user.WholeCounty)
        {
            return Sum(covered.Select(population.Population));
        }
        if (user.Role != Roles.VillageDoctor && user.InstitutionId is int inst
            && (await InstitutionPopulationsAsync(covered, ct)).TryGetValue(inst, out var n))
        {
            return n;
        }
        return await VillageSumAsync(user, null, ct);
    }

    private async Task<long?> VillageSumAsync(DataScope user, string? township, CancellationToken ct)
    {
        var villages = VillagesInScope(user);
        if (township is not null)
        {
            villages = villages.Where(v => v.TownshipCode == township);
        }
        return Sum((await villages.Select(v => v.Code).ToListAsync(ct)).Select(population.Population));
    }

    /// <summary>A sum only when every part is known.</summary>
    private static long? Sum(IEnumerable<long?> parts)
    {
        long total = 0;
        var any = false;
        foreach (var p in parts)
        {
            if (p is null)
            {
                return null;
            }
            total += p.Value;
            any = true;
        }
        return any ? total : null;
    }
}
