namespace HealthRecords.Web.Features.Setup;

/// <summary>
/// How the host finds its files whatever the working directory (issue #16: a service unit without
/// <c>WorkingDirectory=</c>): when the working directory is not the app's (it has no appsettings.json) and the app's own
/// directory is, the content root (appsettings.json, wwwroot) is the app's directory. <c>--contentRoot</c> or
/// <c>ASPNETCORE_CONTENTROOT</c> still decide when given.
/// </summary>
public static class HostStart
{
    public static WebApplicationOptions Options(string[] args)
    {
        var explicitRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"));
        var useAppDirectory = !explicitRoot
            && !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            && File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        return new WebApplicationOptions { Args = args, ContentRootPath = useAppDirectory ? AppContext.BaseDirectory : null };
    }
}
