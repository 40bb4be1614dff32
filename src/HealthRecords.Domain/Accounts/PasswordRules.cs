using System.Reflection;

namespace HealthRecords.Domain.Accounts;

/// <summary>
/// Password rules beyond Identity's length check (issue #14 item 12, issue #15 item 20). Every account refuses a common
/// password (a shipped list, <c>Data/common-passwords.txt</c>, also with digits or symbols added before or after it:
/// "Password1!") and a repetitive one (a character four times in a row, three or fewer different characters, a short
/// unit repeated, a run of six or more consecutive letters or digits such as "123456" or "abcdef"). Staff passwords
/// must also mix upper case, lower case, digits and symbols; a resident's — many of them 65 or older — need not: NIST
/// SP 800-63B §5.1.1.2 asks for length and a check against common passwords, not composition.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const string CommonMessage = "密码太常见，容易被猜到，请换一个";
    public const string RepetitiveMessage = "密码中重复或连续的字符太多（如 aaaa、123456），请换一个";

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>Whether the password (case ignored) is a common one, with or without digits and symbols around it.</summary>
    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        var candidates = new[]
        {
            lower,
            lower.TrimEnd(NotLetterOrDigit),
            lower.Trim(NotLetter),
            lower.TrimEnd(NotLetter),
            lower.TrimStart(NotLetter),
        };
        return candidates.Any(c => c.Length >= 4 && Common.Value.Contains(c));
    }

    public static bool IsRepetitive(string password)
    {
        var p = password.ToLowerInvariant();
        if (p.Distinct().Count() <= 3)
        {
            return true;
        }
        int same = 1, up = 1, down = 1;
        for (var i = 1; i < p.Length; i++)
        {
            same = p[i] == p[i - 1] ? same + 1 : 1;
            up = char.IsLetterOrDigit(p[i]) && p[i] == p[i - 1] + 1 ? up + 1 : 1;
            down = char.IsLetterOrDigit(p[i]) && p[i] == p[i - 1] - 1 ? down + 1 : 1;
            if (same >= 4 || up >= 6 || down >= 6)
            {
                return true;
            }
        }
        for (var unit = 1; unit <= p.Length / 2; unit++)
        {
            if (p.Length % unit == 0 && Enumerable.Range(0, p.Length).All(i => p[i] == p[i % unit]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The messages of the rules the password breaks (length is Identity's own check).</summary>
    public static IReadOnlyList<string> Check(string password)
    {
        var errors = new List<string>();
        if (IsCommon(password))
        {
            errors.Add(CommonMessage);
        }
        else if (IsRepetitive(password))
        {
            errors.Add(RepetitiveMessage);
        }
        return errors;
    }

    private static readonly char[] NotLetterOrDigit = [.. Enumerable.Range(33, 94).Select(i => (char)i).Where(c => !char.IsLetterOrDigit(c)), ' '];
    private static readonly char[] NotLetter = [.. Enumerable.Range(32, 95).Select(i => (char)i).Where(c => !char.IsLetter(c))];

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("HealthRecords.Domain.Data.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim());
            }
        }
        return set;
    }
}
