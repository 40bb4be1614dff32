using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HealthRecords.Bench;

/// <summary>
/// Starts the real host (the Release build of HealthRecords.Web) as a child process on PostgreSQL and times each query
/// over HTTP, one request at a time with random real values; then times the same database work as raw SQL through
/// Npgsql. Requests are made as a doctor (全科医生) of the institution that manages the sampled record, so the scope
/// filter is the one a clinic user gets (ManagingInstitutionId = the doctor's institution) and the record is in it;
/// the exact lookups are also timed as the county-wide admin. Prints markdown tables, with the hits per request of
/// both sides (they must agree, and searches must find something).
/// </summary>
public static class ApiCommand
{
    private const string Admin = "admin";
    private const string Password = "Demo@2026";

    public static async Task<int> RunAsync(Options options)
    {
        var requests = options.Int("requests", 300);
        var passes = Math.Max(1, options.Int("passes", 3));
        var port = options.Int("port", 5080);
        var web = options.Get("web") ?? DefaultWebDll();
        var connection = options.Connection;
        await using var data = NpgsqlDataSource.Create(DatabaseSetup.PostgresConnectionString(connection)); // the host's session settings (jit off)

        Console.WriteLine($"load average before: {LoadAverage()}");
        var doctors = await EnsureDoctorsAsync(connection, options.KeysPath);
        Console.WriteLine($"sampling {requests} values per query ...");
        var protector = FieldProtector.FromDirectory(options.KeysPath);
        var samples = await Samples.DrawAsync(data, protector, requests, seed: 2026);
        var records = await ScalarAsync(data, """SELECT count(*) FROM "HealthRecords" """);
        var bases = $"http://127.0.0.1:{port}";
        using var host = StartHost(web, bases, connection, options.KeysPath);
        var clients = new List<HttpClient>();
        try
        {
            var admin = NewClient(bases, clients);
            await WaitUntilUpAsync(admin, host);
            await SignInAsync(admin, Admin, "SystemAdmin", null);
            var asDoctor = new Dictionary<int, HttpClient>();
            foreach (var (institution, account) in doctors)
            {
                var client = NewClient(bases, clients);
                await SignInAsync(client, account.UserName, "Doctor", institution);
                asDoctor[institution] = client;
            }

            var sql = new RawSql(data, protector);
            const string doctor = "doctor of the managing institution";
            const string county = "admin (whole county)";
            // The fixed cost of a request through the host, without the database: the floor under every API figure.
            var anyDoctor = asDoctor.Values.First();
            var floor = new List<Query>
            {
                new("`GET /health` (no sign-in, no database)", "anyone",
                    () => Alone(Latency.MeasureAsync(samples.RecordIds, 0, _ => StatusAsync(anyDoctor, "/health"))), 0, false, false, _ => ""),
                new("`GET /api/auth/me` (signed in, no database)", doctor,
                    () => Alone(Latency.MeasureAsync(samples.RecordIds, 0, _ => StatusAsync(anyDoctor, "/api/auth/me"))), 0, false, false, _ => ""),
            };
            var queries = new List<Query>
            {
                new("exact lookup by ID number (`q=<18-digit ID>`)", doctor,
                    () => Latency.InterleavedAsync(samples.IdNumbers, x => ListAsync(asDoctor[x.Institution], $"/api/residents?q={x.Value}"),
                        x => sql.ByIdNumberAsync(x.Value, x.Institution)),
                    10, true, true, i => samples.IdNumbers[i].Value),
                new("exact lookup by record number (`q=<17 digits>`)", doctor,
                    () => Latency.InterleavedAsync(samples.RecordNumbers, x => ListAsync(asDoctor[x.Institution], $"/api/residents?q={x.Value}"),
                        x => sql.ByRecordNumberAsync(x.Value, x.Institution)),
                    10, true, true, i => samples.RecordNumbers[i].Value),
                new("exact lookup by record number, last 8 (`q=<8 digits>`)", doctor,
                    () => Latency.InterleavedAsync(samples.RecordNumbersLast8, x => ListAsync(asDoctor[x.Institution], $"/api/residents?q={x.Value}"),
                        x => sql.ByRecordNumberLast8Async(x.Value, x.Institution)),
                    10, true, false, i => samples.RecordNumbersLast8[i].Value),
                new("exact lookup by ID number (`q=<18-digit ID>`)", county,
                    () => Latency.InterleavedAsync(samples.IdNumbers, x => ListAsync(admin, $"/api/residents?q={x.Value}"),
                        x => sql.ByIdNumberAsync(x.Value, null)),
                    10, true, true, i => samples.IdNumbers[i].Value),
                new("exact lookup by record number (`q=<17 digits>`)", county,
                    () => Latency.InterleavedAsync(samples.RecordNumbers, x => ListAsync(admin, $"/api/residents?q={x.Value}"),
                        x => sql.ByRecordNumberAsync(x.Value, null)),
                    10, true, true, i => samples.RecordNumbers[i].Value),
                new("exact lookup by record number, last 8 (`q=<8 digits>`)", county,
                    () => Latency.InterleavedAsync(samples.RecordNumbersLast8, x => ListAsync(admin, $"/api/residents?q={x.Value}"),
                        x => sql.ByRecordNumberLast8Async(x.Value, null)),
                    10, true, false, i => samples.RecordNumbersLast8[i].Value),
                new("name prefix in one township (`q=张建&townshipCode=…`)", doctor,
                    () => Latency.InterleavedAsync(samples.NamePrefixes, x => ListAsync(asDoctor[x.Institution], $"/api/residents?q={Uri.EscapeDataString(x.Value)}&townshipCode={x.Township}"),
                        x => sql.ByNameAsync(x.Township, x.Value, x.Institution)),
                    100, false, false, i => $"{samples.NamePrefixes[i].Value} in {samples.NamePrefixes[i].Township}"),
                new("pinyin initials in one township (`q=zj&townshipCode=…`)", doctor,
                    () => Latency.InterleavedAsync(samples.Initials, x => ListAsync(asDoctor[x.Institution], $"/api/residents?q={x.Value}&townshipCode={x.Township}"),
                        x => sql.ByPinyinAsync(x.Township, x.Value, x.Institution)),
                    100, false, false, i => $"{samples.Initials[i].Value} in {samples.Initials[i].Township}"),
                new("resident overview (`GET /api/residents/{id}/overview`)", doctor,
                    () => Latency.InterleavedAsync(samples.RecordIds, x => OverviewAsync(asDoctor[x.Institution], $"/api/residents/{x.Value}/overview"),
                        x => sql.OverviewAsync(x.Value, x.Institution, doctors[x.Institution].UserId)),
                    50, false, false, i => $"record {samples.RecordIds[i].Value}"),
            };

            // Every pass runs every query over every sample, the request and its SQL interleaved (one of each per sample, in
            // a random order), so a burst of other work on the machine lands on both sides; only the last pass is reported. The earlier
            // passes are the warm-up: the host's JIT reaches tier 1 (slow on two busy cores) and both sides find the
            // sampled rows in cache, so neither side is timed cold.
            var rows = new List<Row>();
            var floorRows = new List<Row>();
            for (var pass = 1; pass <= passes; pass++)
            {
                rows = await RunPassAsync(queries);
                floorRows = await RunPassAsync(floor);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  pass {pass}/{passes}: HTTP medians {string.Join(" ", rows.Concat(floorRows).Select(r => r.Http.Median.ToString("0.00", CultureInfo.InvariantCulture)))} ms; load average {LoadAverage()}"));
            }

            Print(rows, records, requests, passes, doctors.Count);
            Console.WriteLine();
            Console.WriteLine("HTTP floor (the host's fixed cost per request, no database work):");
            Console.WriteLine();
            Console.WriteLine("| request | as | median | p95 |");
            Console.WriteLine("|---|---|---:|---:|");
            foreach (var r in floorRows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.What} | {r.Who} | {r.Http.Median:0.00} | {r.Http.P95:0.00} |"));
            }
            Console.WriteLine();
            Console.WriteLine($"load average after: {LoadAverage()}");
            return rows.All(r => r.Met && r.HitsAgree && r.Http.Hits.All(n => n > 0)) ? 0 : 3;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }
        }
    }

    /// <summary>
    /// One query: its HTTP timing and the raw SQL timing of the same work, taken interleaved (none for the floor), and its
    /// target.
    /// </summary>
    private sealed record Query(string What, string Who, Func<Task<(Timings Http, Timings? Sql)>> Measure, double TargetP95, bool VsSql, bool ExactlyOne,
        Func<int, string> Describe);

    private static async Task<(Timings, Timings?)> Alone(Task<Timings> timing) => (await timing, null);

    private static async Task<List<Row>> RunPassAsync(List<Query> queries)
    {
        var rows = new List<Row>();
        foreach (var q in queries)
        {
            var (http, measuredSql) = await q.Measure();
            var sql = measuredSql ?? http;
            if (q.ExactlyOne && http.Hits.Any(n => n != 1))
            {
                throw new InvalidOperationException($"{q.What}: {http.Hits.Count(n => n != 1)} requests did not find exactly one resident");
            }
            rows.Add(new Row(q.What, q.Who, http, sql, q.TargetP95, q.VsSql, q.Describe));
        }
        return rows;
    }

    private sealed record Row(string What, string Who, Timings Http, Timings Sql, double TargetP95, bool VsSql, Func<int, string> Describe)
    {
        public double Ratio => Http.P95 / Sql.P95;
        public double MedianRatio => Http.Median / Sql.Median;
        public bool Met => Http.P95 <= TargetP95 && (!VsSql || Ratio <= 3);
        public string Target => VsSql ? $"p95 ≤ {TargetP95} ms and ≤ 3× SQL" : $"p95 ≤ {TargetP95} ms";
        public int Mismatches => Http.Hits.Zip(Sql.Hits).Count(p => p.First != p.Second);
        public bool HitsAgree => Mismatches == 0;
    }

    private static void Print(List<Row> rows, long records, int requests, int passes, int doctors)
    {
        Console.WriteLine();
        Console.WriteLine($"{records:N0} records, {requests} requests per query, one at a time, pass {passes} of {passes} (the earlier passes warm up); " +
            $"signed in as a doctor of each of the {doctors} managing institutions (the one managing the sampled record) or as {Admin}; times in ms.");
        Console.WriteLine();
        Console.WriteLine("| query | as | HTTP median | HTTP p95 | SQL median | SQL p95 | HTTP/SQL median | HTTP/SQL p95 | target | met |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.What} | {r.Who} | {r.Http.Median:0.00} | {r.Http.P95:0.00} | {r.Sql.Median:0.00} | {r.Sql.P95:0.00} | {r.MedianRatio:0.0}× | {r.Ratio:0.0}× | {r.Target} | {(r.Met ? "yes" : "**no**")} |"));
        }
        Console.WriteLine();
        Console.WriteLine("Hits per request (`total` of the list, or household members for the overview):");
        Console.WriteLine();
        Console.WriteLine("| query | as | requests | median | min | max | mean | requests with 0 hits | HTTP = SQL |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in rows)
        {
            var hits = r.Http.Hits.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.What} | {r.Who} | {hits.Length} | {hits[(hits.Length - 1) / 2]} | {hits[0]} | {hits[^1]} | {hits.Average():0.0} | {hits.Count(n => n <= 0)} | {(r.HitsAgree ? "yes" : $"**no** ({r.Mismatches} differ)")} |"));
        }
        Console.WriteLine();
        Console.WriteLine("The tail: p99, and the slowest request of each (the value, its hits):");
        Console.WriteLine();
        Console.WriteLine("| query | as | HTTP p99 | HTTP max | value | hits | SQL p99 | SQL max | value | hits |");
        Console.WriteLine("|---|---|---:|---:|---|---:|---:|---:|---|---:|");
        foreach (var r in rows)
        {
            int h = r.Http.Slowest, s = r.Sql.Slowest;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.What} | {r.Who} | {r.Http.Percentile(99):0.00} | {r.Http.Max:0.00} | {r.Describe(h)} | {r.Http.Hits[h]} | {r.Sql.Percentile(99):0.00} | {r.Sql.Max:0.00} | {r.Describe(s)} | {r.Sql.Hits[s]} |"));
        }
    }

    /// <summary>
    /// One doctor (全科医生) per institution that manages villages (the township hospitals and community health
    /// centres), created once like the demo accounts; the demo doctor covers only 跳磴镇.
    /// </summary>
    internal static async Task<Dictionary<int, (string UserName, string UserId)>> EnsureDoctorsAsync(string connection, string keysPath)
    {
        await using var services = LoadCommand.Services(connection, keysPath);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var institutions = await db.Institutions.AsNoTracking()
            .Where(i => db.Villages.Any(v => v.InstitutionId == i.Id))
            .OrderBy(i => i.Code)
            .ToListAsync();
        var doctors = new Dictionary<int, (string, string)>();
        foreach (var institution in institutions)
        {
            var userName = $"bench-{institution.Code.ToLowerInvariant()}";
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new AppUser { UserName = userName, DisplayName = $"{institution.Name} 压测医生", InstitutionId = institution.Id, EmailConfirmed = true };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
                }
                await users.AddToRoleAsync(user, Roles.Doctor);
            }
            doctors[institution.Id] = (userName, user.Id);
        }
        return doctors;
    }

    internal static HttpClient NewClient(string bases, List<HttpClient> clients)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = new Uri(bases),
            Timeout = TimeSpan.FromSeconds(60),
        };
        clients.Add(client);
        return client;
    }

    /// <summary>Signs in and checks the scope the host gives the session.</summary>
    internal static async Task SignInAsync(HttpClient http, string userName, string role, int? institution)
    {
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        login.EnsureSuccessStatusCode();
        using var me = JsonDocument.Parse(await http.GetStringAsync("/api/auth/me"));
        var gotRole = me.RootElement.GetProperty("role").GetString();
        var gotInstitution = me.RootElement.GetProperty("institutionId") is { ValueKind: JsonValueKind.Number } i ? i.GetInt32() : (int?)null;
        if (gotRole != role || gotInstitution != institution)
        {
            throw new InvalidOperationException($"{userName} signed in as {gotRole} of institution {gotInstitution}, expected {role} of {institution}");
        }
    }

    private static async Task<int> StatusAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync();
        return 1;
    }

    /// <summary>GET a resident list; returns its total.</summary>
    private static async Task<int> ListAsync(HttpClient http, string url)
    {
        using var json = await GetJsonAsync(http, url);
        var total = json.RootElement.GetProperty("total").GetInt32();
        var items = json.RootElement.GetProperty("items").GetArrayLength();
        if (items != Math.Min(total, 20))
        {
            throw new InvalidOperationException($"GET {url}: {items} items of {total}");
        }
        return total;
    }

    /// <summary>GET an overview; returns the number of household members.</summary>
    private static async Task<int> OverviewAsync(HttpClient http, string url)
    {
        using var json = await GetJsonAsync(http, url);
        return json.RootElement.GetProperty("household").GetArrayLength();
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
        }
        await using var body = await response.Content.ReadAsStreamAsync();
        return await JsonDocument.ParseAsync(body);
    }

    /// <summary>The 1, 5 and 15 minute load averages (other work on the machine inflates the timings).</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + $" on {Environment.ProcessorCount} cores" : "n/a";

    internal static Process StartHost(string web, string url, string connection, string keysPath)
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
        start.Environment["DataProtection__KeysPath"] = keysPath;
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

    internal static async Task WaitUntilUpAsync(HttpClient http, Process host)
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
    internal static string DefaultWebDll()
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
