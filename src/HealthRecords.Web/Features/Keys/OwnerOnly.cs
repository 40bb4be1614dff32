namespace HealthRecords.Web.Features.Keys;

/// <summary>Files and directories only the account the host runs as may read: keys and backups (mode 0700 / 0600).</summary>
public static class OwnerOnly
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the directory (and its parents) if needed, and makes it owner-only.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, DirectoryMode);
        if ((File.GetUnixFileMode(path) & ~DirectoryMode) != 0)
        {
            File.SetUnixFileMode(path, DirectoryMode);
        }
    }

    /// <summary>Makes an existing file owner-only.</summary>
    public static void Restrict(string file)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(file))
        {
            File.SetUnixFileMode(file, FileMode);
        }
    }

    /// <summary>An empty owner-only file for a tool to write into (it keeps the mode of a file that exists).</summary>
    public static void CreateEmptyFile(string file)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }
        using (new FileStream(file, options))
        {
        }
        Restrict(file);
    }
}
