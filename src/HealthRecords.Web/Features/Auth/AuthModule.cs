using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web.Features.Auth;

/// <summary>Sign-in, sessions and the permission table: Identity with a cookie, one authorization policy per action.</summary>
public sealed class AuthModule : ServiceModule
{
    public override string Name => "auth";
    public override int Order => 0;

    public override void Register(ModuleBuilder module)
    {
        var services = module.Services;
        services.AddIdentity<AppUser, IdentityRole>(AccountSecurity.ConfigureIdentity)
            .AddEntityFrameworkStores<HealthRecordsDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<ScopeClaimsFactory>();
        // A disabled user or a changed password ends existing sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        AccountSecurity.AddSignInRateLimit(services, module.Configuration);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/login";
            o.Cookie.Name = "hr.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = AccountSecurity.IdleTimeout(module.Configuration); // sliding: an idle session expires
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
        module.UseCases(typeof(ChangePassword));
    }

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapAccountEndpoints();

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
