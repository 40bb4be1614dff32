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
        await using var services = Services(options.Connection);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));

        var setup = Stopwatch.StartNew();
        await DatabaseSetup.MigrateAsync(db);
        await ReferenceData.EnsureLoadedAsync(db);
        await DemoAccounts.EnsureAsync(db,
            scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
            scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        Console.WriteLine($"migrate + reference data + accounts: {setup.Elapsed.TotalSeconds:0.0} s");
        if (await db.HealthRecords.AnyAsync())
        {
            Console.Error.WriteLine("The database already has records; load into a fresh database.");
            return 1;
        }

        var load = Stopwatch.StartNew();
        await DemoResidents.EnsureAsync(db, TimeProvider.System, residents);
        load.Stop();
        var loaded = await db.HealthRecords.CountAsync();
        Console.WriteLine($"generate + load {loaded:N0} residents: {load.Elapsed.TotalSeconds:0.0} s ({loaded / load.Elapsed.TotalSeconds:N0} residents/s)");

        var analyze = Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync("""VACUUM ANALYZE "Households", "HealthRecords", "NameSearchKeys", "RecordNumberSequences" """);
        Console.WriteLine($"VACUUM ANALYZE: {analyze.Elapsed.TotalSeconds:0.0} s");
        await PrintShapeAsync(db);
        return 0;
    }

    /// <summary>The host's own registrations (ServiceRegistration.AddHealthRecords) on PostgreSQL, without the web server.</summary>
    public static ServiceProvider Services(string connection)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:HealthRecords"] = connection,
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
