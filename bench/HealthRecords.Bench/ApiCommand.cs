using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace HealthRecords.Bench;

/// <summary>
/// Starts the real host (the Release build of HealthRecords.Web) as a child process on PostgreSQL, signs in as the
/// county-wide admin, and times each query over HTTP, one request at a time with random real values; then times the
/// same work as raw SQL through Npgsql. Prints a markdown table.
/// </summary>
public static class ApiCommand
{
    private const string Admin = "admin";
    private const string Password = "Demo@2026";

    public static async Task<int> RunAsync(Options options)
    {
        var requests = options.Int("requests", 300);
        var port = options.Int("port", 5080);
        var web = options.Get("web") ?? DefaultWebDll();
        var connection = options.Connection;
        await using var data = NpgsqlDataSource.Create(connection);

        Console.WriteLine($"sampling {requests} values per query ...");
        var samples = await Samples.DrawAsync(data, requests, seed: 2026);
        var records = await ScalarAsync(data, """SELECT count(*) FROM "HealthRecords" """);
        var bases = $"http://127.0.0.1:{port}";
        using var host = StartHost(web, bases, connection);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
            {
                BaseAddress = new Uri(bases),
                Timeout = TimeSpan.FromSeconds(60),
            };
            await WaitUntilUpAsync(http, host);
            var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = Admin, password = Password });
            login.EnsureSuccessStatusCode();

            var rows = new List<Row>();
            async Task Run(string what, Func<Task<Timings>> overHttp, Func<Task<Timings>> inSql, double targetP95, bool vsSql)
            {
                Console.WriteLine($"  {what} ...");
                var h = await overHttp();
                var s = await inSql();
                rows.Add(new Row(what, h, s, targetP95, vsSql));
            }

            var sql = new RawSql(data);
            const int warmup = 30;
            await Run("exact lookup by ID number (`q=<18-digit ID>`)",
                () => Latency.MeasureAsync(samples.IdNumbers, warmup, id => GetExactlyOneAsync(http, $"/api/residents?q={id}")),
                () => Latency.MeasureAsync(samples.IdNumbers, warmup, sql.ByIdNumberAsync),
                10, true);
            await Run("exact lookup by record number (`q=<17 digits>`)",
                () => Latency.MeasureAsync(samples.RecordNumbers, warmup, n => GetExactlyOneAsync(http, $"/api/residents?q={n}")),
                () => Latency.MeasureAsync(samples.RecordNumbers, warmup, sql.ByRecordNumberAsync),
                10, true);
            await Run("name prefix in one township (`q=张建&townshipCode=…`)",
                () => Latency.MeasureAsync(samples.Names, warmup, n => GetAsync(http, $"/api/residents?q={Uri.EscapeDataString(n.Prefix)}&townshipCode={n.Township}")),
                () => Latency.MeasureAsync(samples.Names, warmup, n => sql.ByNameAsync(n.Township, n.Prefix)),
                100, false);
            await Run("pinyin initials in one township (`q=zj&townshipCode=…`)",
                () => Latency.MeasureAsync(samples.Initials, warmup, n => GetAsync(http, $"/api/residents?q={n.Initials}&townshipCode={n.Township}")),
                () => Latency.MeasureAsync(samples.Initials, warmup, n => sql.ByPinyinAsync(n.Township, n.Initials)),
                100, false);
            await Run("resident overview (`GET /api/residents/{id}/overview`)",
                () => Latency.MeasureAsync(samples.RecordIds, warmup, id => GetAsync(http, $"/api/residents/{id}/overview")),
                () => Latency.MeasureAsync(samples.RecordIds, warmup, sql.OverviewAsync),
                50, false);

            Print(rows, records, requests);
            return rows.All(r => r.Met) ? 0 : 3;
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }
        }
    }

    private sealed record Row(string What, Timings Http, Timings Sql, double TargetP95, bool VsSql)
    {
        public double Ratio => Http.P95 / Sql.P95;
        public bool Met => Http.P95 <= TargetP95 && (!VsSql || Ratio <= 3);
        public string Target => VsSql ? $"p95 ≤ {TargetP95} ms and ≤ 3× SQL" : $"p95 ≤ {TargetP95} ms";
    }

    private static void Print(List<Row> rows, long records, int requests)
    {
        Console.WriteLine();
        Console.WriteLine($"{records:N0} records, {requests} requests per query, one at a time, signed in as {Admin} (whole county); times in ms.");
        Console.WriteLine();
        Console.WriteLine("| query | HTTP median | HTTP p95 | SQL median | SQL p95 | HTTP/SQL (p95) | target | met |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.What} | {r.Http.Median:0.00} | {r.Http.P95:0.00} | {r.Sql.Median:0.00} | {r.Sql.P95:0.00} | {r.Ratio:0.0}× | {r.Target} | {(r.Met ? "yes" : "**no**")} |"));
        }
    }

    private static async Task GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
        }
    }

    private static async Task GetExactlyOneAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var json = await JsonDocument.ParseAsync(body);
        if (json.RootElement.GetProperty("total").GetInt32() != 1)
        {
            throw new InvalidOperationException($"GET {url}: expected exactly one resident");
        }
    }

    private static Process StartHost(string web, string url, string connection)
    {
        if (!File.Exists(web))
        {
            throw new ArgumentException($"{web} not found: build it first (dotnet build -c Release bench/HealthRecords.Bench) or pass --web");
        }
        var start = new ProcessStartInfo("dotnet", [web, "--urls", url])
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__HealthRecords"] = connection;
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Demo__Residents"] = "0";
        // Production logging: warnings only (the default Information level writes every SQL command to the console).
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[host] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process host)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"the host exited with code {host.ExitCode}");
            }
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("the host did not answer /health within 3 minutes");
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>The Release build of the host beside this repository's bench folder.</summary>
    private static string DefaultWebDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HealthRecords.slnx")))
        {
            dir = dir.Parent;
        }
        var root = dir?.FullName ?? Directory.GetCurrentDirectory();
        return Path.Combine(root, "src", "HealthRecords.Web", "bin", "Release", "net10.0", "HealthRecords.Web.dll");
    }
}
