using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace HealthRecords.Web.Features.Setup;

/// <summary>
/// Waits for the database at start: while PostgreSQL is unreachable (down, starting, a standby being promoted, the
/// database not created yet) the host retries with growing pauses for <c>Database:StartRetrySeconds</c> (default 300),
/// logging each try; a wrong password or other refusal fails at once. After that the start fails (exit code 1), and a
/// service manager with <c>Restart=on-failure</c> starts it again.
/// </summary>
public static class DatabaseStart
{
    public static async Task WaitForDatabaseAsync(HealthRecordsDbContext db, IConfiguration config, ILogger log, CancellationToken ct)
    {
        var limit = TimeSpan.FromSeconds(config.GetValue("Database:StartRetrySeconds", 300));
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.OpenConnectionAsync(ct);
                await db.Database.CloseConnectionAsync();
                if (attempt > 1)
                {
                    log.LogInformation("Database reachable after {Attempts} attempts", attempt);
                }
                return;
            }
            catch (Exception e) when (IsWorthRetrying(e) && clock.Elapsed + pause < limit)
            {
                log.LogWarning("Database not reachable (attempt {Attempt}): {Reason}. Retrying in {Seconds} s", attempt, e.Message, pause.TotalSeconds);
                await Task.Delay(pause, ct);
                pause = TimeSpan.FromSeconds(Math.Min(pause.TotalSeconds * 2, 15));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new StartupRefusedException($"The database cannot be reached: {e.Message}");
            }
        }
    }

    /// <summary>Down, not listening, starting up, in recovery, or not created yet; not a refused password or a bad setting.</summary>
    public static bool IsWorthRetrying(Exception e) => e switch
    {
        PostgresException p => p.SqlState is "3D000" or "57P03" or "53300" or "57P01" or "57P02" || p.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException n => n.IsTransient || n.InnerException is SocketException or TimeoutException or IOException,
        SocketException or TimeoutException => true,
        _ => e.InnerException is { } inner && IsWorthRetrying(inner),
    };
}
