using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HealthRecords.Domain.Records;
using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// A county installs the system as docs/operations.md says (issue #16): a clean clone published with the README's
/// command, the role and database created with the documented SQL on a throwaway PostgreSQL, no demo, `setup` for the
/// first administrator, who signs in (and must change the password), loads a county other than 大渡口区 and adds a village
/// clinic and a doctor on the pages; the doctor creates a resident. The app is stopped and started again from another
/// working directory (as a service unit without WorkingDirectory= would) and reads the resident back.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class FreshInstallJourney(AppServer app) : IAsyncLifetime
{
    private const string County = "500229"; // 城口县, 重庆市
    private const string Village = "500229102202"; // 巴山镇 立新村村民委员会
    private readonly string root = Directory.CreateTempSubdirectory("hr-fresh-").FullName;
    private readonly string password = "Pg" + Guid.NewGuid().ToString("N")[..12];
    private readonly StringBuilder log = new();
    private Process? server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            await PsqlAsync("DROP DATABASE IF EXISTS healthrecords WITH (FORCE)", "DROP ROLE IF EXISTS healthrecords");
        }
        catch (InvalidOperationException)
        {
            // the server may be gone already
        }
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task ACountyInstallsFromACleanCloneAndKeepsItsRecordsAcrossARestart()
    {
        // 1. A clean clone, published with the README's command.
        var clone = Path.Combine(root, "clone");
        await RunAsync("git", ["clone", "--quiet", AppServer.RepositoryRoot, clone], root, TimeSpan.FromMinutes(5));
        var readme = await File.ReadAllTextAsync(Path.Combine(clone, "README.md"));
        var publish = readme.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("dotnet publish ", StringComparison.Ordinal));
        var appDir = Path.Combine(root, "app");
        await RunAsync("bash", ["-c", publish.Replace("/opt/healthrecords", appDir, StringComparison.Ordinal)], clone, TimeSpan.FromMinutes(25));
        Assert.True(File.Exists(Path.Combine(appDir, "HealthRecords.Migrations.Postgres.dll")), "the publish lacks the migrations");

        // 2. The role and the database, with the SQL of docs/operations.md.
        var operations = await File.ReadAllTextAsync(Path.Combine(clone, "docs", "operations.md"));
        var sql = CreateDatabase().Match(operations).Groups["sql"].Value.Replace("CHANGE-ME", password, StringComparison.Ordinal);
        var statements = sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, statements.Length);
        await PsqlAsync(["DROP DATABASE IF EXISTS healthrecords WITH (FORCE)", "DROP ROLE IF EXISTS healthrecords", .. statements]);

        // 3. The first administrator.
        var setup = await RunAsync("dotnet", [Path.Combine(appDir, "HealthRecords.Web.dll"), "setup", "--admin", "chief", "--name", "县卫健委 管理员"], appDir, TimeSpan.FromMinutes(3));
        var issued = setup.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Initial password: ", StringComparison.Ordinal))["Initial password: ".Length..];
        Assert.True(File.Exists(Path.Combine(root, "keys", "field-keys.json")));

        // 4. The app, started as the service would; its first line says which database, never the password.
        var baseUrl = await StartAsync(appDir, appDir);
        var first = log.ToString().Split('\n').First(l => l.Contains("HealthRecords.Startup", StringComparison.Ordinal));
        using (var json = JsonDocument.Parse(first))
        {
            Assert.Contains("Database: PostgreSQL, host 127.0.0.1", json.RootElement.GetProperty("Message").GetString(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(password, log.ToString(), StringComparison.Ordinal);

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await Assertions.Expect(page.GetByTestId("demo-banner")).ToHaveCountAsync(0);
        await page.FillAsync("#userName", "chief");
        await page.FillAsync("#password", issued);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/account/password", StringComparison.Ordinal));
        const string adminPassword = "Xian#Admin2026";
        await page.FillAsync("#currentPassword", issued);
        await page.FillAsync("#newPassword", adminPassword);
        await page.FillAsync("#confirmPassword", adminPassword);
        await page.GetByTestId("change-password").Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/password", StringComparison.Ordinal) && !url.Contains("/login", StringComparison.Ordinal));

        // 5. The county, from the shipped division data.
        await page.GotoAsync("/admin/county");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("county-query").PressSequentiallyAsync(County);
        await Assertions.Expect(page.GetByTestId("county-choices")).ToContainTextAsync("城口县");
        await page.GetByTestId("load-county").ClickAsync();
        await Assertions.Expect(page.GetByTestId("county-name")).ToContainTextAsync("城口县", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("townships")).ToContainTextAsync("巴山镇卫生院");

        // 6. A village clinic under 巴山镇卫生院, serving 立新村.
        await page.GotoAsync("/admin/institutions");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("inst-code").FillAsync(Village + "C");
        await page.GetByTestId("inst-name").FillAsync("巴山镇立新村卫生室");
        await page.GetByTestId("inst-kind").SelectOptionAsync("VillageClinic");
        await page.GetByTestId("inst-parent").SelectOptionAsync(new SelectOptionValue { Label = "巴山镇卫生院" });
        await page.Locator($"[data-village='{Village}']").CheckAsync();
        await page.GetByTestId("save-institution").ClickAsync();
        await Assertions.Expect(page.GetByTestId("institution-message")).ToContainTextAsync("已保存");
        await Assertions.Expect(page.Locator($"[data-testid=institution-row][data-code='{Village}C']")).ToBeVisibleAsync();

        // 7. A doctor of 巴山镇卫生院.
        await page.GotoAsync("/users");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("new-userName").FillAsync("bashan");
        await page.GetByTestId("new-displayName").FillAsync("巴山镇卫生院 张医生");
        await page.GetByTestId("new-role").SelectOptionAsync("Doctor");
        await page.GetByTestId("new-institution").SelectOptionAsync(new SelectOptionValue { Label = "巴山镇卫生院" });
        await page.GetByTestId("create-user").ClickAsync();
        var doctorIssued = (await page.GetByTestId("issued-password").TextContentAsync())!.Trim();
        await context.CloseAsync();

        // 8. The doctor keeps a record, numbered in the new county.
        var doctor = await SignInAsync(baseUrl, "bashan", doctorIssued, change: true);
        var birth = new DateOnly(1958, 4, 9);
        var first17 = $"{County}{birth:yyyyMMdd}031";
        var idNumber = first17 + IdCardNumber.CheckDigit(first17);
        var created = await doctor.PostAsync("/api/residents", new()
        {
            DataObject = new
            {
                villageCode = Village,
                confirmNotDuplicate = true,
                info = new { name = "城口甲", sex = 1, birthDate = "1958-04-09", idDocumentType = 1, idNumber, residenceType = 1 },
                cover = new { currentAddress = "巴山镇立新村2组", registeredAddress = "巴山镇立新村2组" },
            },
        });
        Assert.True(created.Ok, await created.TextAsync());
        using var resident = JsonDocument.Parse(await created.TextAsync());
        var id = resident.RootElement.GetProperty("id").GetInt64();
        var recordNumber = resident.RootElement.GetProperty("recordNumber").GetString()!;
        Assert.StartsWith(County + "102", recordNumber, StringComparison.Ordinal);
        await doctor.DisposeAsync();

        // 9. Stopped, and started again from another working directory: the same keys are found, the resident reads back.
        await StopAsync();
        var elsewhere = Directory.CreateDirectory(Path.Combine(root, "elsewhere")).FullName;
        baseUrl = await StartAsync(appDir, elsewhere);
        var again = await SignInAsync(baseUrl, "bashan", AppPasswords.Doctor, change: false);
        var read = await again.GetAsync($"/api/residents/{id}");
        Assert.True(read.Ok, await read.TextAsync());
        Assert.Contains("城口甲", await read.TextAsync(), StringComparison.Ordinal);
        var search = await again.PostAsync("/api/residents/search", new() { DataObject = new { q = idNumber } });
        Assert.Contains(recordNumber, await search.TextAsync(), StringComparison.Ordinal);
        await again.DisposeAsync();
    }

    private static class AppPasswords
    {
        public const string Doctor = "Bashan#Doc2026";
    }

    private async Task<IAPIRequestContext> SignInAsync(string baseUrl, string userName, string current, bool change)
    {
        var api = await app.PlaywrightApi.APIRequest.NewContextAsync(new() { BaseURL = baseUrl });
        var login = await api.PostAsync("/api/auth/login", new() { DataObject = new { userName, password = current } });
        Assert.True(login.Ok, await login.TextAsync());
        if (change)
        {
            var changed = await api.PostAsync("/api/auth/password", new() { DataObject = new { currentPassword = current, newPassword = AppPasswords.Doctor, confirmPassword = AppPasswords.Doctor } });
            Assert.True(changed.Ok, await changed.TextAsync());
        }
        return api;
    }

    private Dictionary<string, string> Environment()
    {
        var server = Server();
        return new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__HealthRecords"] = $"Host={server["Host"]};Port={server["Port"]};Database=healthrecords;Username=healthrecords;Password={password}",
            ["DataProtection__KeysPath"] = Path.Combine(root, "keys"),
            ["Logging__Console__FormatterName"] = "json",
            ["Security__SignInPermitsPerMinute"] = "1000",
        };
    }

    private async Task<string> StartAsync(string appDir, string workingDirectory)
    {
        var port = AppServer.FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(appDir, "HealthRecords.Web.dll"), "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (k, v) in Environment())
        {
            start.Environment[k] = v;
        }
        lock (log)
        {
            log.Clear();
        }
        server = Process.Start(start)!;
        server.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(server.HasExited, $"the app exited with {(server.HasExited ? server.ExitCode : 0)}:\n{log}");
            try
            {
                if ((await http.GetAsync(url + "/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return url;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("the app did not become ready:\n" + log);
    }

    private async Task StopAsync()
    {
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        server?.Dispose();
        server = null;
    }

    private async Task<string> RunAsync(string file, IReadOnlyList<string> args, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (k, v) in Environment())
        {
            start.Environment[k] = v;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took longer than {timeout}");
        }
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{output}");
        return output;
    }

    private async Task PsqlAsync(params string[] statements)
    {
        var server = Server();
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Last();
        var args = new List<string> { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server["Host"], "-p", server["Port"], "-U", server["Username"], "-d", "postgres" };
        foreach (var s in statements)
        {
            args.Add("-c");
            args.Add(s);
        }
        await RunAsync(Path.Combine(bin, "bin", "psql"), args, root, TimeSpan.FromMinutes(1));
    }

    /// <summary>The throwaway server test.sh started (HR_TEST_POSTGRES), as key=value pairs.</summary>
    private static Dictionary<string, string> Server() =>
        (System.Environment.GetEnvironmentVariable("HR_TEST_POSTGRES") ?? throw new InvalidOperationException("HR_TEST_POSTGRES is not set: run ./test.sh"))
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"<!-- fresh-install: create-database -->\s*```sql\s*(?<sql>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CreateDatabase();
}
