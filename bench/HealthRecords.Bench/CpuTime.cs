using System.Globalization;
using Npgsql;

namespace HealthRecords.Bench;

/// <summary>
/// CPU seconds (user + system) used by processes on this machine, read from <c>/proc/&lt;pid&gt;/stat</c>: the host, the
/// bench itself, and the PostgreSQL server the bench talks to (its postmaster and every child of it).
/// </summary>
public static class CpuTime
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ on Linux

    /// <summary>CPU seconds of one process so far (0 when it has gone or /proc is not there).</summary>
    public static double Of(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // the command name is in parentheses and may hold spaces: fields are counted after the last ')'
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state): utime is field 14, stime field 15
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    /// <summary>The parent process id of a process (0 when unknown).</summary>
    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    /// <summary>The PostgreSQL server's postmaster: the parent of this connection's backend (0 when not on this machine).</summary>
    public static async Task<int> PostmasterAsync(string connection)
    {
        await using var data = NpgsqlDataSource.Create(connection);
        await using var cmd = data.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await cmd.ExecuteScalarAsync())!;
        return ParentOf(backend);
    }

    /// <summary>
    /// CPU seconds of the postmaster and its current children. Backends that ended meanwhile are not counted, so read
    /// it while the host's connection pool holds its connections open.
    /// </summary>
    public static double OfServer(int postmaster)
    {
        if (postmaster <= 0)
        {
            return 0;
        }
        var total = Of(postmaster);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postmaster && ParentOf(pid) == postmaster)
            {
                total += Of(pid);
            }
        }
        return total;
    }
}
