using HealthRecords.Web.Features.Backup;
using HealthRecords.Web.Features.Keys;
using HealthRecords.Web.Features.Regions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor;

namespace HealthRecords.Web.Features.Setup;

/// <summary>What running an installation adds to the host (issue #16): key ring, backups' status, the county's pages.</summary>
public static class OperationsRegistration
{
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration config)
    {
        services.AddCookieKeyRing(config);
        // A request's address is never logged with its query string (a search may carry an ID number), whatever the
        // configured levels: ASP.NET Core's request-start lines stay off.
        services.AddLogging(b => b.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        services.AddSingleton<BackupStatus>();
        services.AddHealthChecks().AddCheck<BackupHealthCheck>("backup", tags: ["ready", "backup"]);
        services.AddHostedService<RunningHost>();
        return services;
    }
}

/// <summary>
/// The installation's own pages and APIs (issue #16): the county, its institutions, population and prevalence, the
/// system's state and backups, and <c>/health/backup</c>.
/// </summary>
public sealed class OperationsModule : ServiceModule
{
    public override string Name => "operations";
    public override int Order => 66;

    public override void Register(ModuleBuilder module)
    {
        module.Services.AddCountyAdministration();
        module.Services.AddScoped<SystemStatus>();
        module
            .Menu("/admin/county", "区县与区划", Icons.Material.Filled.Map, Policies.ManageCounty, 140)
            .Menu("/admin/institutions", "机构管理", Icons.Material.Filled.LocalHospital, Policies.ManageCounty, 141)
            .Menu("/admin/figures", "常住人口与患病率", Icons.Material.Filled.Groups, Policies.ManageCounty, 142)
            .Menu("/admin/system", "系统状态与备份", Icons.Material.Filled.Dns, Policies.ManageCounty, 143);
    }

    /// <summary><c>/health/backup</c> (503 while the last scheduled backup failed) and the administrator's APIs.</summary>
    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/backup", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("backup"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapCountyAdministration();
        SystemStatus.Map(app);
    }
}
