using HealthRecords.Domain.Chronic;

namespace HealthRecords.Web.Features.Residents;

/// <summary>
/// Key-population membership in queries: a record stores the tags that do not age (<see cref="KeyPopulationRules.Stamped"/>);
/// the ones that depend on age are asked of the birth date for the day in question (<see cref="KeyPopulationRules.BornBy"/>),
/// so search, export, the home figures and the measures agree with the domain on any day without re-saving a record.
/// </summary>
public static class KeyPopulationQueries
{
    /// <summary>Records in every population of <paramref name="tags"/> on <paramref name="day"/>.</summary>
    public static IQueryable<HealthRecord> InPopulation(this IQueryable<HealthRecord> records, KeyPopulation tags, DateOnly day)
    {
        var stored = tags & ~KeyPopulationRules.AgeBound;
        if (stored != KeyPopulation.None)
        {
            records = records.Where(r => (r.KeyPopulations & stored) == stored);
        }
        if (tags.HasFlag(KeyPopulation.Children0To6))
        {
            var notYetSeven = KeyPopulationRules.BornBy(KeyPopulationRules.ChildMaxAge + 1, day);
            records = records.Where(r => r.BirthDate <= day && r.BirthDate > notYetSeven);
        }
        if (tags.HasFlag(KeyPopulation.Elderly65Plus))
        {
            var elderly = KeyPopulationRules.BornBy(KeyPopulationRules.ElderlyMinAge, day);
            records = records.Where(r => r.BirthDate <= elderly);
        }
        if ((tags & (KeyPopulation.Hypertension | KeyPopulation.Diabetes)) != KeyPopulation.None)
        {
            var adult = KeyPopulationRules.BornBy(ChronicRules.TargetAge, day);
            records = records.Where(r => r.BirthDate <= adult);
        }
        return records;
    }

    /// <summary>Counts of records per population on <paramref name="day"/>, in one grouped query.</summary>
    public static async Task<IReadOnlyList<(KeyPopulation Population, int Count)>> CountAsync(IQueryable<HealthRecord> records, DateOnly day, CancellationToken ct)
    {
        var notYetSeven = KeyPopulationRules.BornBy(KeyPopulationRules.ChildMaxAge + 1, day);
        var elderly = KeyPopulationRules.BornBy(KeyPopulationRules.ElderlyMinAge, day);
        var adult = KeyPopulationRules.BornBy(ChronicRules.TargetAge, day);
        var groups = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(records
            .GroupBy(r => new
            {
                r.KeyPopulations,
                Child = r.BirthDate <= day && r.BirthDate > notYetSeven,
                Elderly = r.BirthDate <= elderly,
                Adult = r.BirthDate <= adult,
            })
            .Select(g => new { g.Key.KeyPopulations, g.Key.Child, g.Key.Elderly, g.Key.Adult, Count = g.Count() }), ct);
        var tagged = groups.Select(g => (Tags: KeyPopulationRules.Membership(g.KeyPopulations, g.Child, g.Elderly, g.Adult), g.Count)).ToList();
        return Enum.GetValues<KeyPopulation>()
            .Where(p => p != KeyPopulation.None)
            .Select(p => (p, tagged.Where(g => g.Tags.HasFlag(p)).Sum(g => g.Count)))
            .ToList();
    }
}
