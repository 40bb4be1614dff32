using HealthRecords.Web;
using HealthRecords.Web.Components;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using HealthRecords.Web.Features.Backup;
using HealthRecords.Web.Features.Households;
using HealthRecords.Web.Features.Portal;
using HealthRecords.Web.Features.Regions;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Features.Security;
using HealthRecords.Web.Features.Users;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

DatabaseSetup.ResolveMigrationsAssemblies();

// `backup --to <file>` / `restore --from <file>`: run the command with the host's configuration instead of the web app.
if (BackupCommand.Parse(args) is { } backupCommand)
{
    var cli = WebApplication.CreateBuilder(backupCommand.Arguments);
    return await BackupCommand.RunAsync(backupCommand.Command, backupCommand.File, cli.Configuration);
}

var builder = WebApplication.CreateBuilder(args);
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
app.MapOpenApi().RequireAuthorization(Policies.Staff);
app.MapScalarApiReference("/api-docs", o => o.WithTitle("居民健康档案管理系统 API")).RequireAuthorization(Policies.Staff);
app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

app.MapStaticAssets();
// Our CSP (SecurityHeaders) already says frame-ancestors 'none'; Blazor's own frame-ancestors header would be a second CSP.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
app.MapAccountEndpoints();
app.MapResidentsApi();
app.MapHouseholdsApi();
app.MapRegionsApi();
app.MapRevealApi();
HealthRecords.Web.Features.Access.AccessApi.MapAccessApi(app);
HealthRecords.Web.Features.AuditLog.AuditApi.MapAuditApi(app);
app.MapPortal();
app.MapUsersApi();
HealthRecords.Web.Features.Encounters.EncountersApi.MapEncountersApi(app);
HealthRecords.Web.Features.WorkList.WorkListApi.MapWorkListApi(app);
HealthRecords.Web.Features.Measures.MeasuresApi.MapMeasuresApi(app);
HealthRecords.Web.Features.Examinations.ExaminationsApi.MapExaminationsApi(app);
HealthRecords.Web.Features.Chronic.ChronicApi.MapChronicApi(app);

await Startup.PrepareDatabaseAsync(app);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
