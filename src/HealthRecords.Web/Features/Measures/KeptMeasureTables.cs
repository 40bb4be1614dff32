using System.Collections.Concurrent;

namespace HealthRecords.Web.Features.Measures;

/// <summary>
/// Measure tables that were slow to count (a whole county's dashboard at scale), kept in memory so the next view opens
/// at once. Only a table whose count took at least <c>Measures:KeepTablesSlowerThanMs</c> (1,000) is kept; smaller
/// scopes are counted on every view and are always current.
/// <list type="bullet">
/// <item>Younger than <c>Measures:KeepTablesMinutes</c> (5; 0 keeps nothing): served as it is; when data has been saved
/// since it was counted (<see cref="MeasureDataChanges"/>), serving it also starts one recount in the background.</item>
/// <item>Older, up to <c>Measures:ShowOldTablesMinutes</c> (60): still served at once, always with a recount started
/// (<see cref="MeasureTable.Recounting"/>); the page shows the new table when the recount is done.</item>
/// <item>Older still: dropped, and the table is counted for the request.</item>
/// </list>
/// Every table says when it was counted, and the user can ask for a recount at any time. Tables are told apart by what
/// the user may see (<see cref="DataScope.Key"/>), the township, the period and the grouping, so a kept table is only
/// ever served to a user with exactly the same scope. One recount per table runs at a time.
/// </summary>
public sealed class KeptMeasureTables(IServiceScopeFactory scopes, MeasureDataChanges changes, TimeProvider time, IConfiguration config,
    ILogger<KeptMeasureTables> log, IHostApplicationLifetime? lifetime = null)
{
    private const int MaxTables = 200;
    private readonly ConcurrentDictionary<string, Kept> tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<MeasureTable?>> recounting = new(StringComparer.Ordinal);

    private sealed record Kept(MeasureTable Table, long Version, DataScope User, MeasureQuery Query);

    private TimeSpan SlowerThan => TimeSpan.FromMilliseconds(Setting("Measures:KeepTablesSlowerThanMs", 1000));
    private TimeSpan Current => TimeSpan.FromMinutes(Setting("Measures:KeepTablesMinutes", 5));
    private TimeSpan Shown => TimeSpan.FromMinutes(Math.Max(Setting("Measures:ShowOldTablesMinutes", 60), Setting("Measures:KeepTablesMinutes", 5)));

    /// <summary>Where the data stands now; taken before a count starts, so a save during the count makes the table stale.</summary>
    public long Version => changes.Version;

    /// <summary>The kept table for this key, marked as kept, if it may still be shown; starts a recount when it is stale.</summary>
    public MeasureTable? Find(string key)
    {
        if (!tables.TryGetValue(key, out var kept))
        {
            return null;
        }
        var age = time.GetUtcNow() - kept.Table.CountedAtUtc;
        if (Current <= TimeSpan.Zero || age >= Shown)
        {
            tables.TryRemove(new KeyValuePair<string, Kept>(key, kept));
            return null;
        }
        var stale = age >= Current || kept.Version != changes.Version;
        var recount = stale ? Recount(key, kept) : null;
        return kept.Table with { Kept = true, Recounting = recount is { IsCompleted: false } };
    }

    /// <summary>The recount of this table under way, if any: its new table, or null if it failed.</summary>
    public Task<MeasureTable?>? RecountOf(string key) => recounting.TryGetValue(key, out var running) ? running : null;

    /// <summary>Keeps a freshly counted table if counting it took long enough to be worth keeping.</summary>
    public void Keep(string key, MeasureTable table, long version, TimeSpan took, DataScope user, MeasureQuery query)
    {
        if (took < SlowerThan || Current <= TimeSpan.Zero)
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

    private Task<MeasureTable?> Recount(string key, Kept kept)
    {
        var done = new TaskCompletionSource<MeasureTable?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!recounting.TryAdd(key, done.Task))
        {
            return RecountOf(key) ?? Task.FromResult<MeasureTable?>(null);
        }
        var stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        _ = Task.Run(async () =>
        {
            MeasureTable? table = null;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var engine = scope.ServiceProvider.GetRequiredService<MeasureEngine>();
                table = (await engine.TableAsync(kept.User, kept.Query, stopping, recount: true)).Value;
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
                done.SetResult(table);
            }
        }, CancellationToken.None);
        return done.Task;
    }

    private double Setting(string name, double fallback) =>
        double.TryParse(config[name], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : fallback;
}
