using HealthRecords.Web;
using HealthRecords.Web.Components;
using HealthRecords.Web.Features.Backup;
using HealthRecords.Web.Features.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

DatabaseSetup.ResolveMigrationsAssemblies();

// `backup --to <file>`, `restore --from <file>`, `setup --admin <name>`, `rotate-field-key`: run the command with the host's configuration instead of the web app.
if (await HealthRecords.Web.Features.Setup.HostCommands.TryRunAsync(args) is int exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(HealthRecords.Web.Features.Setup.HostStart.Options(args));
// Serve library assets (MudBlazor) from the build output too, not only when published.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddHealthRecords(builder.Configuration);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler();
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseApiBodyLimit();
app.UseStatusPages();
app.UseRequestSecurity();
app.UseAuthentication();
app.UseForcedPasswordChange();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();

// The API's description is for signed-in staff only (issue #14 item 13).
app.MapOpenApi().RequireAuthorization(Policies.ReadApiDocs);
app.MapScalarApiReference("/api-docs", o => o.WithTitle("居民健康档案管理系统 API")).RequireAuthorization(Policies.ReadApiDocs);
app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

app.MapStaticAssets();
// Our CSP (SecurityHeaders) already says frame-ancestors 'none'; Blazor's own frame-ancestors header would be a second CSP.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
app.MapModules(); // every module's endpoints (Kernel/ModuleCatalog)

return await Startup.RunAsync(app);

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
