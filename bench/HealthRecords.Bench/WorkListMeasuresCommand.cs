using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace HealthRecords.Bench;

/// <summary>
/// Issue #5 scenario: a village doctor's work list (<c>GET /api/worklist</c>, target p95 ≤ 100 ms) and the whole-county
/// measures dashboard for the year as the supervisor (<c>GET /api/measures</c>, target ≤ 2 s), over HTTP against the
/// real host, one request at a time; and beside the dashboard, the record-level measures' counts as hand-written SQL
/// (the dashboard should take no more than 1.5× the sum of its measures' SQL). Prints markdown tables.
/// </summary>
public static class WorkListMeasuresCommand
{
    private const string Password = "Demo@2026";

    public static async Task<int> RunAsync(Options options)
    {
        var requests = Math.Max(5, options.Int("requests", 50));
        var passes = Math.Max(1, options.Int("passes", 2));
        var port = options.Int("port", 5081);
        var year = options.Int("year", DateTime.UtcNow.Year);
        var web = options.Get("web") ?? ApiCommand.DefaultWebDll();
        await using var data = NpgsqlDataSource.Create(options.Connection);
        var records = await ScalarAsync(data, """SELECT count(*) FROM "HealthRecords" """);
        Console.WriteLine($"load average before: {ApiCommand.LoadAverage()}");

        var bases = $"http://127.0.0.1:{port}";
        using var host = ApiCommand.StartHost(web, bases, options.Connection, options.KeysPath);
        var clients = new List<HttpClient>();
        try
        {
            var village = ApiCommand.NewClient(bases, clients);
            await ApiCommand.WaitUntilUpAsync(village, host);
            await SignInAsync(village, "cunyi");
            var county = ApiCommand.NewClient(bases, clients);
            await SignInAsync(county, "jianguan");

            var samples = Enumerable.Range(0, requests).ToList();
            var dashboardSamples = Enumerable.Range(0, Math.Max(5, requests / 5)).ToList();
            var end = new DateOnly(year, 12, 31);
            Timings workList = default!, planner = default!, dashboard = default!, sql = default!;
            for (var pass = 1; pass <= passes; pass++) // the earlier passes warm up JIT and caches; the last is reported
            {
                workList = await Latency.MeasureAsync(samples, 0, _ => TotalAsync(village, "/api/worklist"));
                planner = await Latency.MeasureAsync(samples, 0, _ => RowsAsync(village, "/api/worklist/planner", "villages"));
                dashboard = await Latency.MeasureAsync(dashboardSamples, 0, _ => RowsAsync(county, $"/api/measures?year={year}", "rows"));
                sql = await Latency.MeasureAsync(dashboardSamples, 0, _ => RecordMeasuresSqlAsync(data, end));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  pass {pass}/{passes}: medians work list {workList.Median:0.0} ms, planner {planner.Median:0.0} ms, dashboard {dashboard.Median:0.0} ms, SQL {sql.Median:0.0} ms; load average {ApiCommand.LoadAverage()}"));
            }

            Console.WriteLine();
            Console.WriteLine($"{records:N0} records; year {year}; pass {passes} of {passes}; times in ms.");
            Console.WriteLine();
            Console.WriteLine("| request | as | requests | median | p95 | max | hits (median) | target | met |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---|---|");
            var okList = Row("`GET /api/worklist`", "cunyi (village doctor, 2 villages)", workList, 100);
            var okPlanner = Row("`GET /api/worklist/planner`", "cunyi (village doctor, 2 villages)", planner, 100);
            var okDashboard = Row($"`GET /api/measures?year={year}` (all measures, by township)", "jianguan (supervisor, county)", dashboard, 2000);
            Row("record-level measures as hand-written SQL (3 grouped counts)", "Npgsql, no scope filter needed", sql, double.NaN);
            var ratio = dashboard.Median / sql.Median;
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard / SQL (median): {ratio:0.0}× (target ≤ 1.5× per measure)"));
            Console.WriteLine($"load average after: {ApiCommand.LoadAverage()}");
            return okList && okPlanner && okDashboard ? 0 : 3;
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

    private static bool Row(string what, string who, Timings t, double target)
    {
        var met = double.IsNaN(target) || t.P95 <= target;
        var hits = t.Hits.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {who} | {t.Count} | {t.Median:0.00} | {t.P95:0.00} | {t.Max:0.00} | {hits[(hits.Length - 1) / 2]} | {(double.IsNaN(target) ? "—" : $"p95 ≤ {target} ms")} | {(double.IsNaN(target) ? "—" : met ? "yes" : "**no**")} |"));
        return met;
    }

    /// <summary>
    /// 建档率 and 电子建档率 (records held at the year's end per township) and 使用率's denominator (the same), as the
    /// dashboard computes them; 使用率's numerator depends on the services registered, so it is not restated here.
    /// </summary>
    private static async Task<int> RecordMeasuresSqlAsync(NpgsqlDataSource data, DateOnly end)
    {
        const string held = """
            SELECT "TownshipCode", count(*) FROM "HealthRecords"
            WHERE "Status" <> 3 AND "CreatedOn" <= $1 AND ("Status" <> 2 OR "ClosedOn" IS NULL OR "ClosedOn" > $1)
            GROUP BY "TownshipCode"
            """;
        var groups = 0;
        for (var i = 0; i < 3; i++)
        {
            await using var command = data.CreateCommand(held);
            command.Parameters.AddWithValue(end);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                groups++;
            }
        }
        return groups / 3;
    }

    private static async Task SignInAsync(HttpClient http, string userName)
    {
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        login.EnsureSuccessStatusCode();
    }

    private static async Task<int> TotalAsync(HttpClient http, string url)
    {
        using var json = await GetJsonAsync(http, url);
        return json.RootElement.GetProperty("total").GetInt32();
    }

    private static async Task<int> RowsAsync(HttpClient http, string url, string property)
    {
        using var json = await GetJsonAsync(http, url);
        return json.RootElement.GetProperty(property).GetArrayLength();
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string url)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} after {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms");
        }
        await using var body = await response.Content.ReadAsStreamAsync();
        return await JsonDocument.ParseAsync(body);
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
