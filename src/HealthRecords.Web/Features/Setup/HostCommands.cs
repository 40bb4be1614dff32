using HealthRecords.Web.Features.Backup;

namespace HealthRecords.Web.Features.Setup;

/// <summary>
/// The host's command-line modes, run instead of the web app with the same configuration: <c>backup</c>, <c>restore</c>
/// (<see cref="BackupCommand"/>) <c>setup</c> (<see cref="SetupCommand"/>) and
/// <c>rotate-field-key</c> (<see cref="Keys.FieldKeyRotationCommand"/>). Null when the arguments start the web app.
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
        if (Keys.FieldKeyRotationCommand.Parse(args) is { } rotate)
        {
            return await Keys.FieldKeyRotationCommand.RunAsync(rotate);
        }
        return null;
    }
}
