using System.Globalization;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Encounters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Bench;

/// <summary>
/// Referral follow-ups on the work list (issue #4): adds <c>--referrals</c> referrals (a third of them still open) to a
/// loaded county, then times <see cref="ReferralDueItems.DueAsync"/> — the query the work list runs for a clinic doctor's
/// scope (records managed by the institution, active) — one institution after another, and prints the plan of its SQL.
/// </summary>
public static class ReferralsCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var referrals = options.Int("referrals", 100_000);
        var requests = options.Int("requests", 200);
        await using var services = LoadCommand.Services(options.Connection, options.KeysPath);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            var existing = await db.Referrals.CountAsync();
            if (existing < referrals)
            {
                await AddReferralsAsync(db, referrals - existing);
            }
            Console.WriteLine($"referrals: {await db.Referrals.CountAsync():N0}, open: {await db.Referrals.CountAsync(r => r.ResultOn == null):N0}, records: {await db.HealthRecords.CountAsync():N0}");
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var institutions = await WithDbAsync(services, db => db.HealthRecords.Select(r => r.ManagingInstitutionId).Distinct().OrderBy(i => i).ToListAsync());
        var samples = Enumerable.Range(0, requests).Select(i => institutions[i % institutions.Count]).ToArray();
        var source = new ReferralDueItems();
        var timings = await Latency.MeasureAsync(samples, warmup: institutions.Count, institution => WithDbAsync(services, async db =>
            (await source.DueAsync(db, Scoped(db, institution), today, today.AddDays(7), CancellationToken.None)).Count));
        Console.WriteLine($"| query | requests | median ms | p95 ms | max ms | items per request |");
        Console.WriteLine($"|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| `ReferralDueItems.DueAsync` (one institution's active records, due within 7 days) | {timings.Count} | {timings.Median:0.00} | {timings.P95:0.00} | {timings.Max:0.00} | {timings.Hits.Min()}–{timings.Hits.Max()} |"));

        await WithDbAsync(services, async db =>
        {
            var sql = Query(db, institutions[0], today.AddDays(7)).ToQueryString();
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + Inline(sql);
            await using var reader = await cmd.ExecuteReaderAsync();
            Console.WriteLine("```");
            while (await reader.ReadAsync())
            {
                Console.WriteLine(reader.GetString(0));
            }
            Console.WriteLine("```");
            return 0;
        });
        return 0;
    }

    private static IQueryable<HealthRecord> Scoped(HealthRecordsDbContext db, int institution) =>
        db.HealthRecords.Where(r => r.ManagingInstitutionId == institution && r.Status == RecordStatus.Active);

    /// <summary>The same query <see cref="ReferralDueItems"/> runs, for printing its plan.</summary>
    private static IQueryable<long> Query(HealthRecordsDbContext db, int institution, DateOnly until) =>
        from f in db.Referrals.AsNoTracking()
        join r in Scoped(db, institution) on f.HealthRecordId equals r.Id
        where f.ResultOn == null && f.FollowUpDue <= until
        orderby f.FollowUpDue
        select f.Id;

    /// <summary>ToQueryString writes the parameters as "-- @name='value'" comment lines above the SQL; put them in it.</summary>
    private static string Inline(string sql)
    {
        var lines = sql.Split('\n');
        var parameters = lines.Where(l => l.StartsWith("-- @", StringComparison.Ordinal))
            .Select(l => l[3..].Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Split(" (", 2)[0].Trim());
        var body = string.Join('\n', lines.Where(l => !l.StartsWith("--", StringComparison.Ordinal)));
        foreach (var (name, value) in parameters.OrderByDescending(p => p.Key.Length))
        {
            body = body.Replace(name, value, StringComparison.Ordinal);
        }
        return body;
    }

    /// <summary>
    /// Referrals of random records, made over the last 60 days, two thirds of them with a result. Date and result follow the
    /// record id: a random() beside ORDER BY random() is the same value as the sort key, so it would follow the order.
    /// </summary>
    private static async Task AddReferralsAsync(HealthRecordsDbContext db, int count)
    {
        var user = await db.Users.Where(u => u.UserName == "cunyi").Select(u => u.Id).FirstAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($$"""
            INSERT INTO "Referrals" ("HealthRecordId", "InstitutionId", "CreatedById", "CreatedByName", "CreatedAtUtc", "UpdatedAtUtc", "Version",
                "EncounterId", "ReferredOn", "FollowUpDue", "ToInstitution", "ResultOn", "Form", "Back", "Result")
            SELECT s.id, NULL, {{user}}, '李村医', now(), now(), 1, NULL, s.referred, s.referred + 14, '大渡口区人民医院',
                   CASE WHEN s.closed THEN s.referred + 7 END,
                   '{"toInstitution":"大渡口区人民医院"}'::jsonb, NULL,
                   CASE WHEN s.closed THEN jsonb_build_object('followedUpOn', to_char(s.referred + 7, 'YYYY-MM-DD'), 'outcome', 3) END
            FROM (
                SELECT r."Id" AS id, (current_date - (r."Id" % 61)::int) AS referred, (r."Id" / 61) % 3 <> 0 AS closed
                FROM "HealthRecords" r ORDER BY random() LIMIT {{count}}
            ) s
            """);
    }

    private static async Task<T> WithDbAsync<T>(ServiceProvider services, Func<HealthRecordsDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>());
    }
}
