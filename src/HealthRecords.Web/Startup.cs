using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Features.Regions;
using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web;

/// <summary>Start-up work: migrate, load the county's reference data, and (demo only) accounts and residents.</summary>
public static class Startup
{
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        await DatabaseSetup.MigrateAsync(db, app.Logger);
        await ReferenceData.EnsureLoadedAsync(db);
        if (!app.Configuration.GetValue("Demo:Enabled", false))
        {
            return;
        }
        await DemoAccounts.EnsureAsync(db,
            scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
            scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var residents = app.Configuration.GetValue("Demo:Residents", 0);
        if (residents > 0)
        {
            await DemoResidents.EnsureAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), residents);
            if (app.Configuration.GetValue("Demo:ScalePopulation", true))
            {
                await DemoPopulation.ScaleAsync(db, app.Configuration);
            }
        }
        app.Lifetime.ApplicationStarted.Register(() => PrintSignIns(app));
    }

    private static void PrintSignIns(WebApplication app)
    {
        var urls = string.Join(" ", app.Urls);
        Console.WriteLine();
        Console.WriteLine("居民健康档案管理系统 已启动（演示数据：重庆市大渡口区）");
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
