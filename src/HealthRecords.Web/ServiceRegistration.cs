using HealthRecords.Web.Features.Security;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MudBlazor;
using MudBlazor.Services;

namespace HealthRecords.Web;

/// <summary>
/// What the host registers itself (the database, Blazor, OpenAPI, the kernel's write and read paths), then every
/// module's contribution (<see cref="ModuleCatalog"/>). No area is named here.
/// </summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddHealthRecords(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Pooled: the context holds nothing but its options, and building one per request was a measurable part of a
        // lookup (docs/performance.md). Interceptors come from the modules (registered as IInterceptor singletons).
        services.AddSingleton(_ => FieldProtector.FromConfiguration(config));
        services.AddDbContextPool<HealthRecordsDbContext>((sp, o) => DatabaseSetup.Configure(o, config).UseFieldProtection(sp.GetRequiredService<FieldProtector>())
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        Features.Setup.OperationsRegistration.AddOperations(services, config); // Features/Setup: cookie key ring, backup status, start-up checks

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter);
        services.AddOpenApi();
        services.AddProblemDetails();
        services.AddExceptionHandler<PageExceptionHandler>(); // a failed page request gets a Chinese page (StatusPages), the API problem+json
        services.AddHealthChecks().AddDbContextCheck<HealthRecordsDbContext>("database", tags: ["ready"]);
        services.AddBadRequestProblems();

        services.AddScoped<ClientAddress>();
        services.AddScoped<Audit>();
        services.AddScoped<ConcurrentQueries>();
        services.AddScoped<FormWriter>();
        services.AddScoped<FormReader>();
        services.AddModules(config);
        // after the modules: Identity (AuthModule) registers its own password validator only when none is registered yet,
        // and the account policy is added beside it
        services.AddRequestSecurity(config);
        return services;
    }
}
