using HealthRecords.Web.Data;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using RegionCatalog = HealthRecords.Domain.Regions.RegionCatalog;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Demo;
using Npgsql;

namespace HealthRecords.Bench;

/// <summary>
/// BenchmarkDotNet where it fits: the raw SQL of each query (mean, median, p95 of iteration means) and the
/// generator's throughput. In-process, so no per-benchmark project build is needed.
/// </summary>
public static class BdnCommand
{
    public const string ConnectionVariable = "HR_BENCH_POSTGRES";

    public static int Run(Options options)
    {
        Environment.SetEnvironmentVariable(ConnectionVariable, options.Connection);
        Environment.SetEnvironmentVariable(Options.KeysVariable, options.KeysPath);
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkRunner.Run([typeof(SqlQueries), typeof(Generator)], config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}

/// <summary>The raw SQL behind each API call, each invocation with the next sampled value.</summary>
public class SqlQueries
{
    private NpgsqlDataSource _data = null!;
    private RawSql _sql = null!;
    private Samples _samples = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _data = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable(BdnCommand.ConnectionVariable)!);
        var protector = FieldProtector.FromDirectory(Environment.GetEnvironmentVariable(Options.KeysVariable)!);
        _sql = new RawSql(_data, protector);
        _samples = Samples.DrawAsync(_data, protector, 300, seed: 7).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _data.Dispose();

    private T Next<T>(IReadOnlyList<T> values) => values[_next++ % values.Count];

    // Each as the doctor of the institution managing the sampled record, as ApiCommand times them.
    [Benchmark]
    public Task<int> ByIdNumber()
    {
        var x = Next(_samples.IdNumbers);
        return _sql.ByIdNumberAsync(x.Value, x.Institution);
    }

    [Benchmark]
    public Task<int> ByRecordNumber()
    {
        var x = Next(_samples.RecordNumbers);
        return _sql.ByRecordNumberAsync(x.Value, x.Institution);
    }

    [Benchmark]
    public Task<int> ByRecordNumberLast8()
    {
        var x = Next(_samples.RecordNumbersLast8);
        return _sql.ByRecordNumberLast8Async(x.Value, x.Institution);
    }

    [Benchmark]
    public Task<int> NameInTownship()
    {
        var x = Next(_samples.NamePrefixes);
        return _sql.ByNameAsync(x.Township, x.Value, x.Institution);
    }

    [Benchmark]
    public Task<int> PinyinInTownship()
    {
        var x = Next(_samples.Initials);
        return _sql.ByPinyinAsync(x.Township, x.Value, x.Institution);
    }

    [Benchmark]
    public Task<int> Overview()
    {
        var x = Next(_samples.RecordIds);
        return _sql.OverviewAsync(x.Value, x.Institution, "bdn");
    }
}

/// <summary>How fast SyntheticCounty makes residents (no database): 10,000 per invocation.</summary>
public class Generator
{
    private SyntheticCounty _county = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The demo county's real townships and villages from the shipped division data, as DemoCounty loads them.
        var catalog = RegionCatalog.Load(DemoCounty.Code);
        var townships = catalog.Townships
            .Select(t => new Township { Code = t.StatsCode, SpecCode = t.SpecCode, Name = t.Name, Kind = t.Kind })
            .ToList();
        var villages = catalog.Villages
            .Select(v => new Village
            {
                Code = v.StatsCode, SpecCode = v.SpecCode, Name = v.Name, Kind = v.Kind, InstitutionId = 1,
                TownshipCode = townships.First(t => t.SpecCode == v.TownshipSpecCode).Code,
            })
            .ToList();
        _county = new SyntheticCounty("500104", villages, townships, new Dictionary<string, int>(), "bench", new DateOnly(2026, 11, 24));
    }

    [Benchmark]
    public int Generate10000()
    {
        var n = 0;
        foreach (var batch in _county.Generate(10_000))
        {
            foreach (var household in batch)
            {
                n += household.Members.Count;
            }
        }
        return n;
    }
}
