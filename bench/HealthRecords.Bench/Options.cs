using System.Globalization;

namespace HealthRecords.Bench;

/// <summary>"--name value" pairs of the command line.</summary>
public sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                values[name] = "true";
            }
            else if (name is not null)
            {
                values[name] = arg;
                name = null;
            }
            else
            {
                throw new ArgumentException($"unexpected argument: {arg}");
            }
        }
        return new Options(values);
    }

    public string Connection =>
        values.GetValueOrDefault("connection")
        ?? Environment.GetEnvironmentVariable("HR_BENCH_POSTGRES")
        ?? throw new ArgumentException("--connection \"<npgsql connection string>\" is required (or HR_BENCH_POSTGRES)");

    /// <summary>The field key directory shared by the loader, the host it starts and the raw SQL (--keys, default ./bench-keys).</summary>
    public string KeysPath => Path.GetFullPath(values.GetValueOrDefault("keys") ?? Environment.GetEnvironmentVariable(KeysVariable) ?? "bench-keys");

    public const string KeysVariable = "HR_BENCH_KEYS";

    public string? Get(string name) => values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
