namespace HealthRecords.Web.Data;

/// <summary>
/// Runs independent read queries of one request. On PostgreSQL they run concurrently, each on a context of its own
/// from a new DI scope (at most the processor count at once), so the request costs about its slowest query rather than
/// the sum; on SQLite (one writer, one file) they run one after another on the request's own context. A query must read
/// only through the context it is given. Results come back in the order of <paramref name="queries"/>.
/// <para>
/// On PostgreSQL each of these connections also turns off parallel workers within a query
/// (<c>max_parallel_workers_per_gather = 0</c>): the queries already run side by side, one per core, and extra workers
/// on top only compete for the same cores (county dashboard at 1,000,000 residents on 2 cores: 2.0 s with them, 1.6 s
/// without; docs/performance.md). The setting is <c>SET LOCAL</c> in a transaction around the query, so it ends with it.
/// </para>
/// </summary>
public sealed class ConcurrentQueries(HealthRecordsDbContext db, IServiceScopeFactory scopes)
{
    public async Task<T[]> RunAsync<T>(IReadOnlyList<Func<HealthRecordsDbContext, Task<T>>> queries, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql() || queries.Count < 2)
        {
            var results = new T[queries.Count];
            for (var i = 0; i < queries.Count; i++)
            {
                results[i] = await queries[i](db);
            }
            return results;
        }
        var timeout = db.Database.GetCommandTimeout();
        using var gate = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
        return await Task.WhenAll(queries.Select(async query =>
        {
            await gate.WaitAsync(ct);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var own = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
                own.Database.SetCommandTimeout(timeout);
                // SET LOCAL: for this transaction only, so nothing outlives it on a pooled connection (Npgsql's pool or PgBouncer's)
                await using var transaction = await own.Database.BeginTransactionAsync(ct);
                await own.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", ct);
                var result = await query(own);
                await transaction.CommitAsync(ct);
                return result;
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
