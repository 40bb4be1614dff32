using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using HealthRecords.Web.Features.Households;
using HealthRecords.Web.Features.Residents;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using MudBlazor.Services;

namespace HealthRecords.Web;

/// <summary>Everything the host registers, in one place.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddHealthRecords(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Pooled: the context holds nothing but its options, and building one per request was a measurable part of a
        // lookup (docs/performance.md).
        services.AddSingleton(_ => FieldProtector.FromConfiguration(config));
        services.AddDbContextPool<HealthRecordsDbContext>((sp, o) => DatabaseSetup.Configure(o, config).UseFieldProtection(sp.GetRequiredService<FieldProtector>()));

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<HealthRecordsDbContext>()
            .AddClaimsPrincipalFactory<ScopeClaimsFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/login";
            o.Cookie.Name = "hr.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.All.Where(r => r != Roles.Resident)))
            .AddPolicy(Policies.Edit, p => p.RequireRole(Roles.Editors))
            .AddPolicy(Policies.Keep, p => p.RequireRole(Roles.Keepers));
        services.AddCascadingAuthenticationState();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter);
        services.AddOpenApi();
        services.AddProblemDetails();
        services.AddHealthChecks().AddDbContextCheck<HealthRecordsDbContext>("database", tags: ["ready"]);

        services.AddScoped<Audit>();
        services.AddScoped<RecordNumberAllocator>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<RecordChecks>();
        services.AddScoped<ResidentReader>();
        services.AddScoped<PrintRecord>();
        services.AddScoped<CreateResident>();
        services.AddScoped<UpdateResident>();
        services.AddScoped<SearchResidents>();
        services.AddScoped<CloseRecord>();
        services.AddScoped<TransferRecord>();
        services.AddScoped<MergeRecords>();
        services.AddScoped<HouseholdService>();
        services.AddScoped<Features.Home.HomeSummary>();
        return services;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
