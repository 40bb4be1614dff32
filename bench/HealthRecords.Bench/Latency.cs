using System.Diagnostics;

namespace HealthRecords.Bench;

/// <summary>
/// A plain Stopwatch harness: runs one operation per sample value, one at a time, and keeps every duration,
/// so the median and p95 are of single requests (BenchmarkDotNet reports statistics of iteration means instead).
/// </summary>
public static class Latency
{
    public static async Task<Timings> MeasureAsync<T>(IReadOnlyList<T> samples, int warmup, Func<T, Task> operation)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation(samples[i % samples.Count]);
        }
        var durations = new double[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(samples[i]);
            durations[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return new Timings(durations);
    }
}

public sealed class Timings(double[] durations)
{
    private readonly double[] _sorted = durations.Order().ToArray();

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
