namespace HealthRecords.Web.Features.Backup;

/// <summary>
/// The host's command-line mode: <c>backup --to &lt;file&gt;</c> and <c>restore --from &lt;file&gt;</c>, run instead of the
/// web app with the same configuration (appsettings, environment, <c>--Database:Provider</c> …). See docs/operations.md.
/// </summary>
public static class BackupCommand
{
    /// <summary>The command and its file when <paramref name="args"/> asks for one; the remaining arguments go to configuration.</summary>
    public static (string Command, string? File, string[] Arguments)? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("backup" or "restore"))
        {
            return null;
        }
        var flag = args[0] == "backup" ? "--to" : "--from";
        string? file = null;
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == flag && i + 1 < args.Length)
            {
                file = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }
        return (args[0], file, rest.ToArray());
    }

    public static async Task<int> RunAsync(string command, string? file, IConfiguration config)
    {
        if (file is null)
        {
            await Console.Error.WriteLineAsync(command == "backup"
                ? "Usage: dotnet HealthRecords.Web.dll backup --to <file>"
                : "Usage: dotnet HealthRecords.Web.dll restore --from <file>");
            return 2;
        }
        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var service = new BackupService(config, logs.CreateLogger<BackupService>());
        try
        {
            if (command == "backup")
            {
                await service.BackupAsync(file);
            }
            else
            {
                // Verify the whole file before anything else, then make sure no app server runs on the database and
                // none can start while the restore replaces it.
                await service.VerifyAsync(file);
                await using var alone = await RunningHost.ClaimAloneAsync(config);
                await service.RestoreAsync(file);
            }
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e)
        {
            // Never a crash (exit code 134): say what failed, and that a failed restore left the database as it was.
            await Console.Error.WriteLineAsync($"{command} failed: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }
}
