using System.Security.Claims;

namespace HealthRecords.Web.Features.Measures;

/// <summary>
/// Keeps the table a supervisor opens first (the whole county, this year, by township) counted, so even the first view
/// after the host starts opens at once: counts it when the host starts, then once a minute lets
/// <see cref="KeptMeasureTables"/> recount it if it is stale. A county whose table counts quickly is not kept, so this
/// counts it again only once an hour. On unless <c>Measures:KeepCountyTableCounted</c> is <c>false</c>.
/// </summary>
public sealed class CountyTableKeeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CountyTableKeeper> log) : BackgroundService
{
    private static readonly TimeSpan Check = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RecountQuickTable = TimeSpan.FromHours(1);

    /// <summary>The county scope, as a supervisor has it; counting writes no audit entry.</summary>
    private static readonly DataScope County = DataScope.From(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "system"), new Claim(ClaimTypes.Role, Roles.Supervisor)], "system")));

    public static bool IsOn(IConfiguration config) => !string.Equals(config["Measures:KeepCountyTableCounted"], "false", StringComparison.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? counted = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var engine = scope.ServiceProvider.GetRequiredService<MeasureEngine>();
                var query = new MeasureQuery { Year = clock.Today().Year };
                if (!engine.IsKept(County, query) && (counted is null || clock.GetUtcNow() - counted >= RecountQuickTable))
                {
                    await engine.TableAsync(County, query, stoppingToken, recount: true);
                    counted = clock.GetUtcNow();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Counting the county's measure table failed");
            }
            await Task.Delay(Check, clock, stoppingToken);
        }
    }
}
