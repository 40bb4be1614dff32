using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Features.Measures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HealthRecords.Bench;

/// <summary>
/// Issue #5 scenario: a village doctor's work list (<c>GET /api/worklist</c>, target p95 ≤ 100 ms) and the whole-county
/// measures dashboard for the year as the supervisor (<c>GET /api/measures</c>, target ≤ 2 s), over HTTP against the
/// real host, one request at a time; and beside the dashboard, three record counts as hand-written SQL (timed for
/// reference only: not the dashboard's work, so no ratio is printed). Then every registered measure on its own, its
/// county figure first checked plausible (a count of nothing is not timed), in process through the dashboard's engine
/// (<see cref="MeasureEngine.TableAsync"/> with that one measure, as the supervisor) alternating run by run with its
/// hand-written SQL (<see cref="MeasureSql"/>; target ≤ 1.5× each), with the county totals of both compared. The village doctor is <c>bench-cunyi</c>, a 村医 of the demo clinic given the demo villages and more
/// of 跳磴镇's until the scope holds <c>--scope-residents</c> (default 4,000) active records, as a village doctor has
/// at this county size. Prints markdown tables.
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
        await using var data = NpgsqlDataSource.Create(DatabaseSetup.PostgresConnectionString(options.Connection)); // the host's session settings (jit off)
        var records = await ScalarAsync(data, """SELECT count(*) FROM "HealthRecords" """);
        var (villageDoctor, villages, scopeResidents) = await EnsureVillageDoctorAsync(options.Connection, options.KeysPath, options.Int("scope-residents", 4000));
        Console.WriteLine($"village doctor {villageDoctor}: {villages.Count} villages ({string.Join(", ", villages)}), {scopeResidents:N0} active records");
        Console.WriteLine($"load average before: {ApiCommand.LoadAverage()}");

        var bases = $"http://127.0.0.1:{port}";
        using var host = ApiCommand.StartHost(web, bases, options.Connection, options.KeysPath);
        var clients = new List<HttpClient>();
        try
        {
            var village = ApiCommand.NewClient(bases, clients);
            await ApiCommand.WaitUntilUpAsync(village, host);
            await SignInAsync(village, villageDoctor);
            var county = ApiCommand.NewClient(bases, clients);
            await SignInAsync(county, "jianguan");

            var samples = Enumerable.Range(0, requests).ToList();
            var dashboardSamples = Enumerable.Range(0, Math.Max(1, options.Int("dashboard-requests", Math.Max(5, requests / 5)))).ToList();
            var end = new DateOnly(year, 12, 31);
            Timings workList = default!, planner = default!, dashboard = default!, recount = default!, sql = default!;
            for (var pass = 1; pass <= passes; pass++) // the earlier passes warm up JIT and caches; the last is reported
            {
                workList = await Latency.MeasureAsync(samples, 0, _ => TotalAsync(village, "/api/worklist"));
                planner = await Latency.MeasureAsync(samples, 0, _ => RowsAsync(village, "/api/worklist/planner", "villages"));
                // as the supervisor opens it (a slow table is kept for a few minutes), then counted on every request
                dashboard = await Latency.MeasureAsync(dashboardSamples, 0, _ => RowsAsync(county, $"/api/measures?year={year}", "rows"));
                recount = await Latency.MeasureAsync(dashboardSamples, 0, _ => RowsAsync(county, $"/api/measures?year={year}&recount=true", "rows"));
                sql = await Latency.MeasureAsync(dashboardSamples, 0, _ => RecordMeasuresSqlAsync(data, end));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  pass {pass}/{passes}: medians work list {workList.Median:0.0} ms, planner {planner.Median:0.0} ms, dashboard {dashboard.Median:0.0} ms (recount {recount.Median:0.0} ms), SQL {sql.Median:0.0} ms; load average {ApiCommand.LoadAverage()}"));
            }

            Console.WriteLine();
            Console.WriteLine($"{records:N0} records; year {year}; pass {passes} of {passes}; times in ms.");
            Console.WriteLine();
            Console.WriteLine("| request | as | requests | median | p95 | max | hits (median) | target | met |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---|---|");
            var who = $"{villageDoctor} (village doctor, {villages.Count} villages, {scopeResidents:N0} records)";
            var okList = Row("`GET /api/worklist`", who, workList, 100);
            var okPlanner = Row("`GET /api/worklist/planner`", who, planner, 100);
            var okDashboard = Row($"`GET /api/measures?year={year}` (all measures, by township; kept tables served)", "jianguan (supervisor, county)", dashboard, 2000);
            Row($"`GET /api/measures?year={year}&recount=true` (counted every time)", "jianguan (supervisor, county)", recount, 2000);
            Row("three record counts as hand-written SQL (建档率, 电子建档率, 使用率's denominator; not the dashboard's work)", "Npgsql, no scope filter needed", sql, double.NaN);
            // no ratio of the two: the dashboard counts every measure, the SQL three record counts (not the same work);
            // each measure against its own SQL is below
            Console.WriteLine();
            Console.WriteLine($"load average after: {ApiCommand.LoadAverage()}");
            await PrintWorkListShapeAsync(village);

            var okMeasures = options.Get("skip-measures") is not null || await MeasuresBesideSqlAsync(options, data, year, Math.Max(1, options.Int("measure-requests", 3)), passes);
            return okList && okPlanner && okDashboard && okMeasures ? 0 : 3;
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

    /// <summary>The work list's items by service and kind (first page of 200 is enough to name them; totals from the API).</summary>
    private static async Task PrintWorkListShapeAsync(HttpClient village)
    {
        using var json = await GetJsonAsync(village, "/api/worklist?pageSize=200");
        var root = json.RootElement;
        Console.WriteLine($"work list: {root.GetProperty("total").GetInt32()} items due today or overdue ({root.GetProperty("overdue").GetInt32()} overdue, {root.GetProperty("urgent").GetInt32()} urgent)");
        foreach (var service in root.GetProperty("services").EnumerateArray())
        {
            var code = service.GetProperty("value").GetString();
            using var one = await GetJsonAsync(village, $"/api/worklist?service={code}&pageSize=1");
            Console.WriteLine($"  {code}: {one.RootElement.GetProperty("total").GetInt32()}");
        }
    }

    /// <summary>
    /// Each registered measure alone through the engine (in process, a fresh DI scope per run, as the supervisor) and as
    /// hand-written SQL, whole county for the year; the last pass is reported. Returns whether each is within 1.5× its SQL
    /// and both agree on the county's numerator and (counted) denominator.
    /// </summary>
    private static async Task<bool> MeasuresBesideSqlAsync(Options options, NpgsqlDataSource data, int year, int requests, int passes)
    {
        await using var services = LoadCommand.Services(options.Connection, options.KeysPath);
        List<string> codes;
        await using (var scope = services.CreateAsyncScope())
        {
            codes = scope.ServiceProvider.GetServices<IMeasure>().Select(m => m.Definition.Code).ToList();
        }
        var supervisor = DataScope.From(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Role, Roles.Supervisor), new Claim(ScopeClaims.DisplayName, "压测监管"),
        ], "bench")));
        var samples = Enumerable.Range(0, requests).ToList();
        var rows = new List<(string Code, Timings App, Timings Sql, (long N, long? D) AppTotal, (long N, long? D) SqlTotal)>();
        var implausible = new List<string>();
        var noSql = new List<string>();
        foreach (var code in codes)
        {
            async Task<(int Rows, (long N, long? D) Total, decimal? Rate)> EngineAsync()
            {
                await using var scope = services.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                var db = sp.GetRequiredService<HealthRecordsDbContext>();
                db.Database.SetCommandTimeout(300);
                var measure = sp.GetServices<IMeasure>().Single(m => m.Definition.Code == code);
                var engine = new MeasureEngine(db, [measure], sp.GetRequiredService<MeasurePopulation>(), sp.GetRequiredService<GroupPopulations>(),
                    TimeProvider.System, sp.GetRequiredService<Audit>(), new ConcurrentQueries(db, sp.GetRequiredService<IServiceScopeFactory>()),
                    sp.GetRequiredService<KeptMeasureTables>());
                var table = await engine.TableAsync(supervisor, new MeasureQuery { Year = year }, CancellationToken.None, recount: true); // counted every time, never a kept table
                var figure = table.Value!.Total.Figures[0];
                return (table.Value.Rows.Count, (figure.Numerator, figure.Estimated ? null : figure.Denominator),
                    figure.Denominator > 0 ? 100m * figure.Numerator / figure.Denominator : null);
            }

            // issue #15 item 26: a count of nothing times nothing; check the county's figure before timing it
            var first = await EngineAsync();
            if (Implausible(first.Total.N, first.Total.D, first.Rate) is { } why)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {code}: **not timed**, implausible figure {first.Total.N:N0} / {first.Total.D?.ToString("N0", CultureInfo.InvariantCulture) ?? "estimated"} ({why}): load a realistic county (chronic-load, exams)"));
                implausible.Add(code);
                continue;
            }
            if (MeasureSql.For(code) is null)
            {
                // a service's measure whose statement has not been written here yet: its figure is shown, its time is not
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {code}: **not timed**, no hand-written SQL to compare with; county figure {first.Total.N:N0} / {first.Total.D?.ToString("N0", CultureInfo.InvariantCulture) ?? "estimated"}"));
                noSql.Add(code);
                continue;
            }
            Timings app = default!, sql = default!;
            (long, long?) appTotal = default, sqlTotal = default;
            for (var pass = 1; pass <= passes; pass++)
            {
                // the engine and its SQL alternate run by run, so a burst of other work on the machine lands on both
                var appTimes = new List<double>();
                var sqlTimes = new List<double>();
                for (var i = 0; i < requests; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    (_, appTotal, _) = await EngineAsync();
                    appTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    start = Stopwatch.GetTimestamp();
                    var (n, d, _) = await MeasureSql.CountAsync(data, code, year);
                    sqlTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    sqlTotal = (n, d);
                }
                app = new Timings([.. appTimes], new int[appTimes.Count]);
                sql = new Timings([.. sqlTimes], new int[sqlTimes.Count]);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {code}: engine {app.Median:0} ms, SQL {sql.Median:0} ms, {appTotal.Item1:N0} / {first.Rate:0.0}%; load average {ApiCommand.LoadAverage()}"));
            rows.Add((code, app, sql, appTotal, sqlTotal));
        }

        Console.WriteLine();
        Console.WriteLine($"each measure alone, whole county, {year}, by township; {requests} runs per pass, last of {passes} passes; ms");
        Console.WriteLine();
        Console.WriteLine("| measure | numerator / denominator | engine median | engine max | SQL median | SQL max | engine / SQL (median) | target | met | totals agree |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---|---|");
        var ok = true;
        foreach (var (code, app, sql, appTotal, sqlTotal) in rows)
        {
            var ratio = app.Median / sql.Median;
            var agree = appTotal.N == sqlTotal.N && (appTotal.D is null || appTotal.D == sqlTotal.D);
            var met = ratio <= 1.5;
            ok &= met && agree;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {code} | {appTotal.N:N0} / {(appTotal.D is { } d ? d.ToString("N0", CultureInfo.InvariantCulture) : "estimated")} | {app.Median:0} | {app.Max:0} | {sql.Median:0} | {sql.Max:0} | {ratio:0.00}× | ≤ 1.5× | {(met ? "yes" : "**no**")} | {(agree ? "yes" : $"**no** (SQL {sqlTotal.N:N0} / {sqlTotal.D:N0})")} |"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sum of medians: engine {rows.Sum(r => r.App.Median):0} ms, SQL {rows.Sum(r => r.Sql.Median):0} ms; load average {ApiCommand.LoadAverage()}"));
        if (implausible.Count > 0)
        {
            Console.WriteLine($"not timed (implausible county figure): {string.Join(", ", implausible)}");
        }
        if (noSql.Count > 0)
        {
            Console.WriteLine($"not timed (no hand-written SQL): {string.Join(", ", noSql)}");
        }
        return ok && implausible.Count == 0;
    }

    /// <summary>
    /// Why a county's figure cannot be a working county's (null when it can): nothing counted, or a counted numerator
    /// beyond its counted denominator, or a rate under 1% of a counted denominator (an estimated one depends on the
    /// configured population).
    /// </summary>
    private static string? Implausible(long numerator, long? denominator, decimal? rate)
    {
        if (numerator <= 0)
        {
            return "numerator 0";
        }
        if (denominator is <= 0)
        {
            return "denominator 0";
        }
        if (denominator is { } d && numerator > d)
        {
            return "numerator above denominator";
        }
        return denominator is not null && rate is < 1m ? "rate under 1%" : null;
    }

    /// <summary>
    /// A village doctor (村医) of the demo clinic with a realistic scope: the demo clinic's villages, then more villages
    /// of the same township in code order, until the active records reach <paramref name="residents"/>. Created once.
    /// </summary>
    private static async Task<(string UserName, List<string> Villages, long Residents)> EnsureVillageDoctorAsync(string connection, string keysPath, int residents)
    {
        const string userName = "bench-cunyi";
        await using var services = LoadCommand.Services(connection, keysPath);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            var clinic = await db.Institutions.FirstAsync(i => i.Code == DemoAccounts.ClinicCode);
            var township = DemoAccounts.ClinicVillages[0][..9];
            var perVillage = await db.HealthRecords.AsNoTracking()
                .Where(r => r.TownshipCode == township && r.Status == RecordStatus.Active)
                .GroupBy(r => r.VillageCode).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync();
            var chosen = new List<string>();
            long total = 0;
            foreach (var v in perVillage.OrderBy(v => DemoAccounts.ClinicVillages.Contains(v.Key) ? 0 : 1).ThenBy(v => v.Key, StringComparer.Ordinal))
            {
                if (total >= residents)
                {
                    break;
                }
                chosen.Add(v.Key);
                total += v.N;
            }
            user = new AppUser { UserName = userName, DisplayName = "石林村卫生室 压测村医", InstitutionId = clinic.Id, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(user, Roles.VillageDoctor);
            db.UserVillages.AddRange(chosen.Select(v => new UserVillage { UserId = user.Id, VillageCode = v }));
            await db.SaveChangesAsync();
        }
        var id = user.Id;
        var villages = await db.UserVillages.AsNoTracking().Where(u => u.UserId == id).Select(u => u.VillageCode).OrderBy(v => v).ToListAsync();
        var count = await db.HealthRecords.AsNoTracking().LongCountAsync(r => villages.Contains(r.VillageCode) && r.Status == RecordStatus.Active);
        return (userName, villages, count);
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
