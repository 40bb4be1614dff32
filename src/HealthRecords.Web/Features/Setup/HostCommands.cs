using HealthRecords.Web.Features.Backup;

namespace HealthRecords.Web.Features.Setup;

/// <summary>
/// The host's command-line modes, run instead of the web app with the same configuration: <c>backup</c>, <c>restore</c>
/// (<see cref="BackupCommand"/>) and <c>setup</c> (<see cref="SetupCommand"/>). Null when the arguments start the web app.
/// </summary>
public static class HostCommands
{
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (BackupCommand.Parse(args) is { } backup)
        {
            var cli = WebApplication.CreateBuilder(HostStart.Options(backup.Arguments));
            return await BackupCommand.RunAsync(backup.Command, backup.File, cli.Configuration);
        }
        if (SetupCommand.Parse(args) is { } setup)
        {
            return await SetupCommand.RunAsync(setup);
        }
        return null;
    }
}
