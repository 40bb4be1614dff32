using System.Text;
using HealthRecords.Web.Features.Auth;

namespace HealthRecords.Web.Tests.Security;

/// <summary>docs/security.md lists each role's allowed actions exactly as the permission table in code has them.</summary>
public sealed class SecurityDocTests
{
    [Fact]
    public void SecurityDocListsThePermissionTableAsInCode()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "security.md")).ReplaceLineEndings("\n");
        var expected = Table();
        Assert.True(doc.Contains(expected, StringComparison.Ordinal),
            "docs/security.md is out of date with Features/Auth/Permissions.cs; replace its table with:\n" + expected);
    }

    /// <summary>The markdown table: one row per action, one column per staff role.</summary>
    public static string Table()
    {
        var roles = Roles.All.Where(r => r != Roles.Resident).ToList();
        var sb = new StringBuilder();
        sb.Append("| action | ").AppendJoin(" | ", roles).Append(" |\n");
        sb.Append("|---|").AppendJoin("", roles.Select(_ => ":-:|")).Append('\n');
        foreach (var (permission, label, allowed) in Permissions.Table)
        {
            sb.Append($"| `{permission}` {label} | ").AppendJoin(" | ", roles.Select(r => allowed.Contains(r) ? "✓" : "")).Append(" |\n");
        }
        return sb.ToString();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HealthRecords.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
