using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Elderly;

namespace HealthRecords.Web.Features.Demo;

/// <summary>
/// The demo county's resident population (常住人口) and prevalences scaled to its synthetic residents, so that a
/// newcomer's first look at the measures shows a working county's figures (建档率 about 90%, 管理率 about 60%) rather
/// than a few thousand records over the real county's million (issue #15 item 27). Only when the demo loads residents
/// (<c>Demo:Residents</c> &gt; 0) and <c>Demo:ScalePopulation</c> is not false; it sets <c>Measures:Population:{township}</c>
/// and <c>Measures:Prevalence:{key}</c> in the host's configuration, which <see cref="Measures.MeasurePopulation"/> reads.
/// A real county configures its own statistics instead (docs/measures.md).
/// </summary>
public static class DemoPopulation
{
    /// <summary>The share of the resident population a working county holds records for.</summary>
    public const double RecordsShare = 0.9;

    /// <summary>The share of a disease's patients who are diagnosed and on record (the rest the estimate still counts).</summary>
    public const double DiagnosedShare = 0.7;

    public static async Task ScaleAsync(HealthRecordsDbContext db, IConfiguration configuration, DateOnly today, CancellationToken ct = default)
    {
        var active = db.HealthRecords.AsNoTracking().Where(r => r.Status == RecordStatus.Active);
        var held = await active.GroupBy(r => r.TownshipCode).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var total = held.Values.Sum();
        if (total == 0)
        {
            return;
        }
        foreach (var township in await db.Townships.AsNoTracking().Select(t => t.Code).ToListAsync(ct))
        {
            configuration[$"Measures:Population:{township}"] = Population(held.GetValueOrDefault(township)).ToString(CultureInfo.InvariantCulture);
        }
        async Task<double> ShareAsync(KeyPopulation flag) => (double)await active.CountAsync(r => (r.KeyPopulations & flag) == flag, ct) / total;
        // the 65+ of this service year (an age, computed from the birth date, not a stored tag) are as many in the
        // population as in the records; of a disease's patients only some are on record
        var elderlyBornBy = new DateOnly(today.Year - ElderlyRules.MinimumAge, 12, 31);
        Set(configuration, ElderlyRules.ElderlyPopulationKey, (double)await active.CountAsync(r => r.BirthDate <= elderlyBornBy, ct) / total);
        Set(configuration, ChronicMeasures.HypertensionManagementRate.PrevalenceKey!, await ShareAsync(KeyPopulation.Hypertension) / DiagnosedShare);
        Set(configuration, ChronicMeasures.DiabetesManagementRate.PrevalenceKey!, await ShareAsync(KeyPopulation.Diabetes) / DiagnosedShare);
    }

    /// <summary>The population that makes <paramref name="records"/> about <see cref="RecordsShare"/> of it.</summary>
    public static long Population(int records) => (long)Math.Ceiling(records / RecordsShare);

    private static void Set(IConfiguration configuration, string key, double prevalence) =>
        configuration[$"Measures:Prevalence:{key}"] = Math.Round(Math.Min(1, prevalence), 4).ToString(CultureInfo.InvariantCulture);
}
