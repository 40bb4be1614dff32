namespace HealthRecords.Web.Features.Backup;

/// <summary>
/// Scheduled backups with retention: off unless <c>Backup:Schedule</c> is set. Writes
/// <c>healthrecords-yyyyMMdd-HHmmss.{db|dump}</c> into <c>Backup:Directory</c> (default <c>backups</c>) and keeps the
/// newest <c>Backup:Keep</c> (default 7). Runs are anchored to the schedule, so a late wake-up catches up rather than drifts.
/// </summary>
public sealed class BackupScheduler(BackupService backups, IConfiguration config, TimeProvider clock, ILogger<BackupScheduler> log, BackupStatus? status = null) : BackgroundService
{
    public const string Prefix = "healthrecords-";
    private int runs;

    /// <summary>Completed runs (backup written and old ones pruned), for tests and diagnostics.</summary>
    public int Runs => Volatile.Read(ref runs);

    public static bool IsConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config["Backup:Schedule"]);

    private string Directory => DirectoryOf(config);

    /// <summary><c>Backup:Directory</c> (default <c>backups</c>, relative to the working directory).</summary>
    public static string DirectoryOf(IConfiguration config) => Path.GetFullPath(config["Backup:Directory"] is { Length: > 0 } d ? d : "backups");
    private int Keep => int.TryParse(config["Backup:Keep"], CultureInfo.InvariantCulture, out var k) && k > 0 ? k : 7;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = BackupSchedule.Parse(config["Backup:Schedule"]!);
        var due = schedule.NextAfter(clock.GetUtcNow(), clock.LocalTimeZone);
        log.LogInformation("Scheduled backups into {Directory}, keeping {Keep}; next at {Due:u}", Directory, Keep, due);
        status?.Scheduled();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = due - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
                continue; // re-check: the clock may have moved on differently than the timer
            }
            try
            {
                var file = await RunOnceAsync(stoppingToken);
                status?.Succeeded(clock.GetUtcNow(), file);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Scheduled backup failed");
                status?.Failed(clock.GetUtcNow(), e.Message);
            }
            due = schedule.NextAfter(due, clock.LocalTimeZone);
            var now = clock.GetUtcNow();
            while (due <= now)
            {
                due = schedule.NextAfter(due, clock.LocalTimeZone); // skip runs missed while asleep
            }
        }
    }

    /// <summary>One backup into the directory, then the oldest beyond <c>Backup:Keep</c> are deleted.</summary>
    public async Task<string> RunOnceAsync(CancellationToken ct)
    {
        var name = Prefix + clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + backups.Extension;
        var file = Path.Combine(Directory, name);
        await backups.BackupAsync(file, ct);
        BackupRetention.Prune(Directory, Keep);
        Interlocked.Increment(ref runs);
        return file;
    }
}

/// <summary>Keeps the newest N scheduled backups of a directory; other files there are left alone.</summary>
public static class BackupRetention
{
    public static IReadOnlyList<string> Prune(string directory, int keep)
    {
        // The names carry a sortable UTC timestamp, so name order is age order.
        var backups = System.IO.Directory.GetFiles(directory, BackupScheduler.Prefix + "*")
            .Where(f => f.EndsWith(".db", StringComparison.Ordinal) || f.EndsWith(".dump", StringComparison.Ordinal))
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            .ToList();
        var removed = backups.Skip(keep).ToList();
        foreach (var f in removed)
        {
            File.Delete(f);
            File.Delete(f + BackupChecksum.Extension);
        }
        return removed;
    }
}
