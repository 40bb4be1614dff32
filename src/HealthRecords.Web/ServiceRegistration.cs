using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Chronic;
using HealthRecords.Web.Features.Common;
using HealthRecords.Web.Features.Households;
using HealthRecords.Web.Features.Portal;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Features.Security;
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
        services.AddSingleton<Features.Measures.MeasureDataChanges>();
        services.AddDbContextPool<HealthRecordsDbContext>((sp, o) => DatabaseSetup.Configure(o, config).UseFieldProtection(sp.GetRequiredService<FieldProtector>())
            .AddInterceptors(sp.GetRequiredService<Features.Measures.MeasureDataChanges>()));

        services.AddIdentity<AppUser, IdentityRole>(AccountSecurity.ConfigureIdentity)
            .AddEntityFrameworkStores<HealthRecordsDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<ScopeClaimsFactory>();
        // A disabled user or a changed password ends existing sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        AccountSecurity.AddSignInRateLimit(services, config);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/login";
            o.Cookie.Name = "hr.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = AccountSecurity.IdleTimeout(config); // sliding: an idle session expires
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        var authorization = services.AddAuthorizationBuilder();
        foreach (var (permission, _, roles) in Permissions.Table)
        {
            authorization.AddPolicy(Policies.For(permission), p => p.RequireRole(roles));
        }
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, CircuitRevalidation>();
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter);
        services.AddOpenApi();
        services.AddProblemDetails();
        services.AddExceptionHandler<PageExceptionHandler>(); // a failed page request gets a Chinese page (StatusPages), the API problem+json
        services.AddHealthChecks().AddDbContextCheck<HealthRecordsDbContext>("database", tags: ["ready"]);

        services.AddScoped<ClientAddress>();
        services.AddScoped<Audit>();
        services.AddScoped<Data.ConcurrentQueries>();
        services.AddScoped<RecordNumberAllocator>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<RecordChecks>();
        services.AddScoped<ResidentReader>();
        services.AddScoped<PrintRecord>();
        services.AddScoped<CreateResident>();
        services.AddScoped<UpdateResident>();
        services.AddScoped<ResponsibleDoctors>();
        services.AddScoped<DuplicateSweep>();
        services.AddScoped<SearchResidents>();
        services.AddScoped<ExportResidents>();
        services.AddScoped<CloseRecord>();
        services.AddScoped<TransferRecord>();
        services.AddScoped<MergeRecords>();
        services.AddScoped<HouseholdService>();
        services.AddScoped<Features.Home.HomeSummary>();
        services.AddBadRequestProblems();
        services.AddSingleton<Features.Backup.BackupService>();
        if (Features.Backup.BackupScheduler.IsConfigured(config))
        {
            services.AddHostedService<Features.Backup.BackupScheduler>();
        }
        services.AddScoped<RevealNumbers>();
        services.AddScoped<Features.Access.AccessRequests>();
        services.AddScoped<Features.AuditLog.AuditQueries>();
        services.AddPortal();
        services.AddScoped<Features.Users.UserAdmin>();
        services.AddScoped<ChangePassword>();
        Features.Encounters.EncountersApi.AddEncounters(services);
        services.AddScoped<Features.WorkList.WorkListQueries>();
        services.AddScoped<Features.WorkList.RecordContact>();
        services.AddScoped<Features.Portal.IPortalSection, Features.WorkList.DueServicesPortalSection>();
        services.AddSingleton<Features.Measures.MeasurePopulation>();
        services.AddScoped<Features.Measures.GroupPopulations>();
        services.AddScoped<Features.Measures.MeasureEngine>();
        services.AddSingleton<Features.Measures.KeptMeasureTables>();
        if (Features.Measures.CountyTableKeeper.IsOn(config))
        {
            services.AddHostedService<Features.Measures.CountyTableKeeper>();
        }
        services.AddScoped<Features.Measures.MeasureExport>();
        services.AddScoped<Features.Measures.IMeasure, Features.Measures.RecordsRateMeasure>();
        services.AddScoped<Features.Measures.IMeasure, Features.Measures.ElectronicRecordsRateMeasure>();
        services.AddScoped<Features.Measures.IMeasure, Features.Measures.RecordsUseRateMeasure>();
        Features.Examinations.ExaminationRegistration.AddExaminations(services);
        services.AddChronicDiseaseManagement();
        return services;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        if (ctx.Request.Path.StartsWithSegments("/portal"))
        {
            ctx.Response.Redirect("/portal/login"); // residents sign in on the portal's own page
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
