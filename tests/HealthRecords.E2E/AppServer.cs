using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// The system as a user gets it: the built host in its own process on a free port, on a fresh SQLite file
/// with the demo county and accounts, plus one headless Chromium (Debian's, installed by test.sh).
/// Shared by all journeys; each journey opens its own browser context (its own sign-in).
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    public const string Password = "Demo@2026";

    private readonly StringBuilder log = new();
    private Process? process;
    private IPlaywright? playwright;
    private string dataDirectory = "";

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    /// <summary>Playwright itself, for API request contexts against other hosts (the fresh-install journey).</summary>
    public IPlaywright PlaywrightApi => playwright ?? throw new InvalidOperationException("not started");
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var web = Path.Combine(RepositoryRoot, "src", "HealthRecords.Web");
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "HealthRecords.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Build the host first: {dll} is missing");
        }
        dataDirectory = Directory.CreateTempSubdirectory("hr-e2e-").FullName;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", BaseUrl, "--Demo:Enabled=true", "--Demo:Residents=200", "--Security:SignInPermitsPerMinute=1000" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__HealthRecords"] = $"Data Source={Path.Combine(dataDirectory, "e2e.db")}";
        start.Environment["Database__Provider"] = "Sqlite";
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("HR_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine's network is closed: without the background-networking flags Chromium keeps opening
            // connections that are refused, and a page can wait on them (CONVENTIONS.md gives this set).
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context signed in as a demo account, on the home page.</summary>
    public async Task<IPage> SignInAsync(string userName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000); // the first sign-in after start also warms the host
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }

    public string Log
    {
        get { lock (log) { return log.ToString(); } }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp directory is harmless
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode}:\n{Log}");
            }
            try
            {
                var response = await http.GetAsync($"{BaseUrl}/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // still starting
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The host did not become ready:\n{Log}");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HealthRecords.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("HealthRecords.slnx not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppServer>
{
    public const string Name = "app";
}
