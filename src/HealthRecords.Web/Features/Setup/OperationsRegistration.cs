using HealthRecords.Web.Features.Backup;
using HealthRecords.Web.Features.Keys;
using HealthRecords.Web.Features.Regions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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
        services.AddCountyAdministration();
        services.AddScoped<SystemStatus>();
        return services;
    }

    /// <summary><c>/health/backup</c> (503 while the last scheduled backup failed) and the administrator's APIs.</summary>
    public static void MapOperations(this IEndpointRouteBuilder app)
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
