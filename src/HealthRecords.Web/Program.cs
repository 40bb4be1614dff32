using HealthRecords.Web;
using HealthRecords.Web.Components;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Households;
using HealthRecords.Web.Features.Regions;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Features.Users;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

DatabaseSetup.ResolveMigrationsAssemblies();

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
app.UseStatusCodePages();
app.UseAuthentication();
app.UseForcedPasswordChange();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi();
app.MapScalarApiReference("/api-docs", o => o.WithTitle("居民健康档案管理系统 API"));
app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapResidentsApi();
app.MapHouseholdsApi();
app.MapRegionsApi();
app.MapUsersApi();

await Startup.PrepareDatabaseAsync(app);
await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
