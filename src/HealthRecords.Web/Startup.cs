using HealthRecords.Web.Features.Backup;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Features.Regions;
using HealthRecords.Web.Features.Setup;
using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web;

/// <summary>
/// Start-up work (docs/operations.md, "Start-up"): the configuration checks and the first log lines, waiting for the
/// database, a backup before an upgrade, migrations and the field key check, the roles, the county (the demo's, or
/// <c>County:Code</c>), and in the demo its accounts and residents; outside the demo the demo's passwords are refused.
/// </summary>
public static class Startup
{
    public const string LogCategory = "HealthRecords.Startup";

    /// <summary>Prepares and runs the web app until it stops; 1 when the start is refused (the reason is logged and on stderr).</summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await PrepareDatabaseAsync(app);
        }
        catch (StartupRefusedException e)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory).LogCritical("Start refused: {Reason}", e.Message);
            await Console.Error.WriteLineAsync("Start refused: " + e.Message);
            return 1;
        }
        await app.RunAsync();
        return 0;
    }

    public static Task PrepareDatabaseAsync(WebApplication app) => PrepareAsync(app, command: false);

    /// <summary>The same preparation for a command-line mode (<c>setup</c>): no demo data, no refusal of demo passwords.</summary>
    public static Task PrepareForCommandAsync(WebApplication app) => PrepareAsync(app, command: true);

    private static async Task PrepareAsync(WebApplication app, bool command)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
        var config = app.Configuration;
        var findings = StartupChecks.Examine(config);
        log.LogInformation("HealthRecords {Version} starting. {Summary}", typeof(Startup).Assembly.GetName().Version, findings.Summary);
        foreach (var warning in findings.Warnings)
        {
            log.LogWarning("{Warning}", warning);
        }
        if (findings.Refusals.Count > 0)
        {
            throw new StartupRefusedException(string.Join(" ", findings.Refusals));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<HealthRecordsDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await DatabaseStart.WaitForDatabaseAsync(db, config, log, app.Lifetime.ApplicationStopping);
        await UpgradeBackup.BeforeMigratingAsync(db, services.GetRequiredService<BackupService>(), config, log);
        await DatabaseSetup.MigrateAsync(db, log);
        await FirstAdministrator.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        await CountyLoader.BackfillAsync(db, now);

        var demo = StartupChecks.IsDemo(config);
        if (demo)
        {
            await DemoCounty.EnsureLoadedAsync(db, now);
        }
        else if (config["County:Code"] is { Length: > 0 } code && await CountyLoader.CurrentAsync(db) is null)
        {
            var catalog = Domain.Regions.DivisionData.LoadCounty(code)
                ?? throw new StartupRefusedException($"County:Code '{code}' is not a county of the shipped division data ({Domain.Regions.DivisionData.Source}).");
            await CountyLoader.LoadAsync(db, catalog, null, "County:Code", now);
            log.LogInformation("County {County} {Name} loaded from the division data", code, catalog.County.Name);
        }
        if (command)
        {
            return;
        }
        if (!demo)
        {
            await FirstAdministrator.CheckProductionAsync(db, services.GetRequiredService<UserManager<AppUser>>(), log);
            return;
        }
        await DemoAccounts.EnsureAsync(db, services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<RoleManager<IdentityRole>>());
        var residents = config.GetValue("Demo:Residents", 0);
        if (residents > 0)
        {
            await DemoResidents.EnsureAsync(db, services.GetRequiredService<TimeProvider>(), residents,
                modules: services.GetRequiredService<Kernel.ModuleCatalog>().Modules);
            if (app.Configuration.GetValue("Demo:ScalePopulation", true))
            {
                await DemoPopulation.ScaleAsync(db, app.Configuration, services.GetRequiredService<TimeProvider>().Today());
            }
        }
        app.Lifetime.ApplicationStarted.Register(() => PrintSignIns(app));
    }

    private static void PrintSignIns(WebApplication app)
    {
        var urls = string.Join(" ", app.Urls);
        Console.WriteLine();
        Console.WriteLine("居民健康档案管理系统 已启动（演示系统：重庆市大渡口区演示数据，勿用于真实居民）");
        Console.WriteLine($"  打开：{urls}");
        Console.WriteLine($"  API 文档：{app.Urls.FirstOrDefault()}/api-docs");
        Console.WriteLine($"  演示账号（密码均为 {DemoAccounts.Password}）：");
        foreach (var (userName, displayName, role, _) in DemoAccounts.All)
        {
            Console.WriteLine($"    {userName,-10} {Features.Auth.Roles.Label(role),-8} {displayName}");
        }
        Console.WriteLine();
    }
}
