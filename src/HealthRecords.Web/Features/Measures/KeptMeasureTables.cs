using System.Collections.Concurrent;
using System.Globalization;
using HealthRecords.Web.Features.Auth;

namespace HealthRecords.Web.Features.Measures;

/// <summary>
/// Measure tables that were slow to count (a whole county's dashboard at scale), kept for a few minutes so the next
/// view opens at once. Only a table whose count took at least <c>Measures:KeepTablesSlowerThanMs</c> (1,000) is kept;
/// smaller scopes are counted on every view and are always current. A kept table is served while it is younger than
/// <c>Measures:KeepTablesMinutes</c> (5); when data has been saved since it was counted (<see cref="MeasureDataChanges"/>),
/// serving it also starts one recount in the background, so the next view shows the new figures. The table says when
/// it was counted, and the user can ask for a recount at any time. Tables are told apart by what the user may see
/// (<see cref="DataScope.Key"/>), the township, the period and the grouping, so a kept table is only ever served to a
/// user with exactly the same scope.
/// </summary>
public sealed class KeptMeasureTables(IServiceScopeFactory scopes, MeasureDataChanges changes, TimeProvider time, IConfiguration config,
    ILogger<KeptMeasureTables> log, IHostApplicationLifetime? lifetime = null)
{
    private const int MaxTables = 200;
    private readonly ConcurrentDictionary<string, Kept> tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> recounting = new(StringComparer.Ordinal);

    private sealed record Kept(MeasureTable Table, long Version, DataScope User, MeasureQuery Query);

    private TimeSpan SlowerThan => TimeSpan.FromMilliseconds(Setting("Measures:KeepTablesSlowerThanMs", 1000));
    private TimeSpan KeptFor => TimeSpan.FromMinutes(Setting("Measures:KeepTablesMinutes", 5));

    /// <summary>Where the data stands now; taken before a count starts, so a save during the count makes the table stale.</summary>
    public long Version => changes.Version;

    /// <summary>The kept table for this key if it is young enough, marked as kept; starts a recount when data changed since.</summary>
    public MeasureTable? Find(string key)
    {
        if (!tables.TryGetValue(key, out var kept))
        {
            return null;
        }
        if (time.GetUtcNow() - kept.Table.CountedAtUtc >= KeptFor)
        {
            tables.TryRemove(new KeyValuePair<string, Kept>(key, kept));
            return null;
        }
        if (kept.Version != changes.Version)
        {
            Recount(key, kept);
        }
        return kept.Table with { Kept = true };
    }

    /// <summary>Keeps a freshly counted table if counting it took long enough to be worth keeping.</summary>
    public void Keep(string key, MeasureTable table, long version, TimeSpan took, DataScope user, MeasureQuery query)
    {
        if (took < SlowerThan)
        {
            tables.TryRemove(key, out _);
            return;
        }
        if (tables.Count >= MaxTables && !tables.ContainsKey(key))
        {
            var oldest = tables.MinBy(t => t.Value.Table.CountedAtUtc);
            tables.TryRemove(oldest.Key, out _);
        }
        tables[key] = new Kept(table, version, user, query);
    }

    private void Recount(string key, Kept kept)
    {
        if (!recounting.TryAdd(key, 0))
        {
            return;
        }
        var stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var engine = scope.ServiceProvider.GetRequiredService<MeasureEngine>();
                await engine.TableAsync(kept.User, kept.Query, stopping, recount: true);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                // the host is stopping
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Recounting a kept measure table failed");
            }
            finally
            {
                recounting.TryRemove(key, out _);
            }
        }, CancellationToken.None);
    }

    private double Setting(string name, double fallback) =>
        double.TryParse(config[name], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : fallback;
}
