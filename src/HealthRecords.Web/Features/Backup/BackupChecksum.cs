using System.Security.Cryptography;

namespace HealthRecords.Web.Features.Backup;

/// <summary>
/// The SHA-256 of a backup, written beside it as <c>&lt;file&gt;.sha256</c> in the format of <c>sha256sum</c>
/// (<c>sha256sum -c healthrecords-….dump.sha256</c> checks it too). A restore refuses a backup that does not match.
/// </summary>
public static class BackupChecksum
{
    public const string Extension = ".sha256";

    public static async Task WriteAsync(string file, CancellationToken ct)
    {
        var line = $"{await HashAsync(file, ct)}  {Path.GetFileName(file)}\n";
        var sidecar = file + Extension;
        await File.WriteAllTextAsync(sidecar, line, ct);
        Keys.OwnerOnly.Restrict(sidecar);
    }

    /// <summary>True when there is no checksum file (a backup copied without it) or the file matches it.</summary>
    public static async Task<bool> MatchesAsync(string file, CancellationToken ct)
    {
        var sidecar = file + Extension;
        if (!File.Exists(sidecar))
        {
            return true;
        }
        var expected = (await File.ReadAllTextAsync(sidecar, ct)).Split(' ', 2)[0].Trim();
        return string.Equals(expected, await HashAsync(file, ct), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> HashAsync(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
