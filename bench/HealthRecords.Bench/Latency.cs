using System.Diagnostics;

namespace HealthRecords.Bench;

/// <summary>
/// A plain Stopwatch harness: runs one operation per sample value, one at a time, and keeps every duration,
/// so the median and p95 are of single requests (BenchmarkDotNet reports statistics of iteration means instead).
/// Each operation returns its hit count (rows found), kept per sample so HTTP and SQL can be checked to agree.
/// </summary>
public static class Latency
{
    public static async Task<Timings> MeasureAsync<T>(IReadOnlyList<T> samples, int warmup, Func<T, Task<int>> operation)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation(samples[i % samples.Count]);
        }
        var durations = new double[samples.Count];
        var hits = new int[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            hits[i] = await operation(samples[i]);
            durations[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return new Timings(durations, hits);
    }

    /// <summary>
    /// Two ways of doing the same work (the API and its raw SQL), timed interleaved: for each sample one of each, the
    /// order drawn at random (seeded), so neither side always follows the other and a burst of other work on the machine
    /// lands on both alike. Their ratio is then of the same moments, not of two loops one after the other.
    /// </summary>
    public static async Task<(Timings A, Timings? B)> InterleavedAsync<T>(IReadOnlyList<T> samples, Func<T, Task<int>> a, Func<T, Task<int>> b)
    {
        var order = new Random(2026);
        var (durationsA, durationsB) = (new double[samples.Count], new double[samples.Count]);
        var (hitsA, hitsB) = (new int[samples.Count], new int[samples.Count]);
        for (var i = 0; i < samples.Count; i++)
        {
            var aFirst = order.Next(2) == 0;
            for (var k = 0; k < 2; k++)
            {
                var runA = aFirst == (k == 0);
                var start = Stopwatch.GetTimestamp();
                var hits = await (runA ? a : b)(samples[i]);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (runA)
                {
                    (durationsA[i], hitsA[i]) = (elapsed, hits);
                }
                else
                {
                    (durationsB[i], hitsB[i]) = (elapsed, hits);
                }
            }
        }
        return (new Timings(durationsA, hitsA), new Timings(durationsB, hitsB));
    }
}

public sealed class Timings(double[] durations, int[] hits)
{
    private readonly double[] _sorted = durations.Order().ToArray();

    /// <summary>Rows found per sample, in sample order.</summary>
    public IReadOnlyList<int> Hits => hits;

    /// <summary>The index of the slowest sample.</summary>
    public int Slowest => Array.IndexOf(durations, durations.Max());

    public int Count => _sorted.Length;
    public double Median => Percentile(50);
    public double P95 => Percentile(95);
    public double Max => _sorted[^1];

    /// <summary>Nearest-rank percentile in milliseconds.</summary>
    public double Percentile(double p)
    {
        var rank = (int)Math.Ceiling(p / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }
}
