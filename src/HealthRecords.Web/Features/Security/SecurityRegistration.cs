namespace HealthRecords.Web.Features.Security;

/// <summary>
/// The fixes of the security review (issue #14) that apply to every endpoint, wired in one call each so the host's
/// start-up stays a list of modules: masked numbers in every JSON answer, cross-site refusal of unsafe requests,
/// request bodies checked as they are bound, sessions checked on every request.
/// </summary>
public static class SecurityRegistration
{
    public static IServiceCollection AddRequestSecurity(this IServiceCollection services, IConfiguration config)
    {
        services.AddSensitiveNumberMasking();
        services.AddRequestBodyChecks();
        services.AddSessionChecks();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<Microsoft.AspNetCore.Identity.IPasswordValidator<Data.Entities.AppUser>, AccountPasswordPolicy>();
        return services;
    }

    /// <summary>The request pipeline's part: runs before authentication.</summary>
    public static IApplicationBuilder UseRequestSecurity(this IApplicationBuilder app)
    {
        app.UseCrossSiteRefusal();
        app.UseBadRequestAnswers();
        return app;
    }
}
