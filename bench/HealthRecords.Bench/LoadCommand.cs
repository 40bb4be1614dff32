using System.Diagnostics;
using HealthRecords.Web;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Features.Regions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthRecords.Bench;

/// <summary>
/// Migrates a fresh PostgreSQL database, loads the county's reference data and demo accounts the way the host does
/// at start, then generates and bulk-loads the residents, timing that part alone.
/// </summary>
public static class LoadCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var residents = options.Int("residents", 1_000_000);
        await using var services = Services(options.Connection, options.KeysPath);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));

        var setup = Stopwatch.StartNew();
        await DatabaseSetup.MigrateAsync(db);
        await DemoCounty.EnsureLoadedAsync(db, DateTime.UtcNow);
        await DemoAccounts.EnsureAsync(db,
            scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
            scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        Console.WriteLine($"migrate + reference data + accounts: {setup.Elapsed.TotalSeconds:0.0} s");
        if (await db.HealthRecords.AnyAsync())
        {
            Console.Error.WriteLine("The database already has records; load into a fresh database.");
            return 1;
        }

        // The app's path (DemoResidents.EnsureAsync): the county, then BulkLoader streaming its batches, generation on
        // a producer thread overlapping COPY on this one. Timed in parts: generation alone first (nothing written), then
        // the load with the time the producer spent generating; with --defer-indexes the secondary indexes are dropped
        // before the load and rebuilt after it, so COPY and index building are timed apart.
        var county = await DemoResidents.CountyAsync(db, TimeProvider.System, residents);
        if (options.Get("skip-generate") is null)
        {
            var alone = Stopwatch.StartNew();
            var (made, keys) = (0, 0);
            foreach (var batch in county.Generate(residents))
            {
                foreach (var household in batch)
                {
                    made += household.Members.Count;
                    keys += household.Members.Sum(m => m.NameKeys.Count);
                }
            }
            Console.WriteLine($"generate only (no database), {made:N0} residents, {keys:N0} name keys: {alone.Elapsed.TotalSeconds:0.0} s");
        }
        var deferred = options.Get("defer-indexes") is not null ? await DropIndexesAsync(db) : [];

        var generating = new Stopwatch();
        var load = Stopwatch.StartNew();
        await BulkLoader.LoadAsync(db, Timed(county.Generate(residents), generating), CancellationToken.None);
        load.Stop();
        var loaded = await db.HealthRecords.CountAsync();
        Console.WriteLine($"generate + load {loaded:N0} residents: {load.Elapsed.TotalSeconds:0.0} s ({loaded / load.Elapsed.TotalSeconds:N0} residents/s)" +
            $"{(deferred.Count > 0 ? $", {deferred.Count} secondary indexes deferred" : ", indexes maintained during COPY")}");
        Console.WriteLine($"  of which the producer thread spent generating (overlapped with COPY): {generating.Elapsed.TotalSeconds:0.0} s");

        if (deferred.Count > 0)
        {
            var build = Stopwatch.StartNew();
            foreach (var (name, definition) in deferred)
            {
                var one = Stopwatch.StartNew();
                await db.Database.ExecuteSqlRawAsync(definition);
                Console.WriteLine($"  CREATE INDEX {name}: {one.Elapsed.TotalSeconds:0.0} s");
            }
            Console.WriteLine($"build {deferred.Count} secondary indexes: {build.Elapsed.TotalSeconds:0.0} s");
        }

        var analyze = Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync("""VACUUM ANALYZE "Households", "HealthRecords", "NameSearchKeys", "RecordNumberSequences" """);
        Console.WriteLine($"VACUUM ANALYZE: {analyze.Elapsed.TotalSeconds:0.0} s");
        await PrintShapeAsync(db);
        return 0;
    }

    /// <summary>Times the enumeration itself: how long producing the batches takes, on whichever thread enumerates.</summary>
    private static IEnumerable<T> Timed<T>(IEnumerable<T> items, Stopwatch busy)
    {
        using var e = items.GetEnumerator();
        while (true)
        {
            busy.Start();
            var more = e.MoveNext();
            busy.Stop();
            if (!more)
            {
                yield break;
            }
            yield return e.Current;
        }
    }

    /// <summary>
    /// Drops the indexes of the bulk-loaded tables other than their primary keys and returns their definitions
    /// (pg_indexes.indexdef) to recreate them exactly. Bench only: the app's loader keeps the indexes.
    /// </summary>
    private static async Task<List<(string Name, string Definition)>> DropIndexesAsync(HealthRecordsDbContext db)
    {
        var indexes = await db.Database.SqlQueryRaw<IndexRow>("""
            SELECT indexname AS "Name", indexdef AS "Definition" FROM pg_indexes
            WHERE schemaname = 'public' AND tablename IN ('Households', 'HealthRecords', 'NameSearchKeys') AND indexname NOT LIKE 'PK\_%'
            ORDER BY tablename, indexname
            """).ToListAsync();
        foreach (var index in indexes)
        {
            // The names come from pg_indexes, not from input.
            var drop = $"""DROP INDEX "{index.Name}" """;
            await db.Database.ExecuteSqlRawAsync(drop);
        }
        return indexes.Select(i => (i.Name, i.Definition)).ToList();
    }

    private sealed record IndexRow(string Name, string Definition);

    /// <summary>The host's own registrations (ServiceRegistration.AddHealthRecords) on PostgreSQL, without the web server.</summary>
    public static ServiceProvider Services(string connection, string keysPath)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:HealthRecords"] = connection,
                ["DataProtection:KeysPath"] = keysPath,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        // Warnings only; migrating a database that does not exist yet logs a harmless connection error, so that category is off.
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None));
        services.AddHealthRecords(config);
        return services.BuildServiceProvider();
    }

    /// <summary>What was loaded: the age pyramid and the key populations, to check the generator's shape.</summary>
    private static async Task PrintShapeAsync(HealthRecordsDbContext db)
    {
        var rows = await db.Database.SqlQueryRaw<ShapeRow>("""
            SELECT 'aged 0-6 (%)' AS "What", count(*) FILTER (WHERE "BirthDate" > now()::date - interval '7 years') * 100.0 / count(*) AS "Percent" FROM "HealthRecords"
            UNION ALL SELECT 'aged 65+ (%)', count(*) FILTER (WHERE "BirthDate" <= now()::date - interval '65 years') * 100.0 / count(*) FROM "HealthRecords"
            UNION ALL SELECT 'aged 95+ (%)', count(*) FILTER (WHERE "BirthDate" <= now()::date - interval '95 years') * 100.0 / count(*) FROM "HealthRecords"
            UNION ALL SELECT 'without resident ID card (%)', count(*) FILTER (WHERE "IdDocumentType" <> 1) * 100.0 / count(*) FROM "HealthRecords"
            UNION ALL SELECT 'pregnant (%)', count(*) FILTER (WHERE "Pregnant") * 100.0 / count(*) FROM "HealthRecords"
            UNION ALL SELECT 'hypertension (% of 35+)', count(*) FILTER (WHERE "PersonalInfo" @> '{{"pastDiseases":[{{"code":2}}]}}') * 100.0 / nullif(count(*), 0) FROM "HealthRecords" WHERE "BirthDate" <= now()::date - interval '35 years'
            UNION ALL SELECT 'diabetes (% of 35+)', count(*) FILTER (WHERE "PersonalInfo" @> '{{"pastDiseases":[{{"code":3}}]}}') * 100.0 / nullif(count(*), 0) FROM "HealthRecords" WHERE "BirthDate" <= now()::date - interval '35 years'
            UNION ALL SELECT 'in any key population (%)', count(*) FILTER (WHERE "KeyPopulations" <> 0) * 100.0 / count(*) FROM "HealthRecords"
            UNION ALL SELECT 'members per household', count(*) * 1.0 / (SELECT count(*) FROM "Households") FROM "HealthRecords"
            """).ToListAsync();
        foreach (var row in rows)
        {
            Console.WriteLine($"  {row.What,-28} {row.Percent,8:0.00}");
        }
    }

    private sealed record ShapeRow(string What, decimal Percent);
}
