namespace HealthRecords.Web.Features.Backup;

/// <summary>Consistent backups while running (the command line mode lives in <see cref="BackupCommand"/>), and scheduled ones.</summary>
public sealed class BackupModule : ServiceModule
{
    public override string Name => "backup";
    public override int Order => 64;

    public override void Register(ModuleBuilder module)
    {
        module.Services.AddSingleton<BackupService>();
        if (BackupScheduler.IsConfigured(module.Configuration))
        {
            module.Services.AddHostedService<BackupScheduler>();
        }
    }
}
