using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HealthRecords.Web.Features.Backup;

/// <summary>
/// The outcome of the scheduled backups of this app server, for <c>/health/ready</c>, <c>/health/backup</c> and the
/// administrator's system page: a failed run (until the next success) makes the backup check Degraded.
/// </summary>
public sealed class BackupStatus
{
    private readonly Lock gate = new();

    public sealed record Snapshot(bool Scheduled, DateTimeOffset? LastSuccessAt, string? LastFile, DateTimeOffset? LastFailureAt, string? LastError, int FailuresInARow)
    {
        public bool Failing => FailuresInARow > 0;
    }

    private Snapshot current = new(false, null, null, null, null, 0);

    public Snapshot Current
    {
        get { lock (gate) { return current; } }
    }

    public void Scheduled()
    {
        lock (gate) { current = current with { Scheduled = true }; }
    }

    public void Succeeded(DateTimeOffset at, string file)
    {
        lock (gate) { current = current with { LastSuccessAt = at, LastFile = file, FailuresInARow = 0 }; }
    }

    public void Failed(DateTimeOffset at, string error)
    {
        lock (gate) { current = current with { LastFailureAt = at, LastError = error, FailuresInARow = current.FailuresInARow + 1 }; }
    }
}

/// <summary>Degraded while the last scheduled backup failed; healthy otherwise (also when no backups are scheduled).</summary>
public sealed class BackupHealthCheck(BackupStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var s = status.Current;
        var data = new Dictionary<string, object>
        {
            ["scheduled"] = s.Scheduled,
            ["lastSuccessAt"] = s.LastSuccessAt?.ToString("O") ?? "",
            ["lastFailureAt"] = s.LastFailureAt?.ToString("O") ?? "",
            ["failuresInARow"] = s.FailuresInARow,
        };
        return Task.FromResult(s.Failing
            ? HealthCheckResult.Degraded($"The last scheduled backup failed at {s.LastFailureAt:u}: {s.LastError}", data: data)
            : HealthCheckResult.Healthy(s.Scheduled ? "Scheduled backups succeed" : "No scheduled backups", data));
    }
}
