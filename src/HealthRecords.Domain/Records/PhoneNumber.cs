namespace HealthRecords.Domain.Records;

/// <summary>Phone numbers in lists: masked so a list shows who, not how to reach them.</summary>
public static class PhoneNumber
{
    /// <summary>Mobile 13812345678 → 138****5678; landline 023-68123456 → 023-******56.</summary>
    public static string Mask(string phone)
    {
        var p = phone.Trim();
        if (p.Length == 11 && p[0] == '1' && p.All(char.IsAsciiDigit))
        {
            return string.Concat(p.AsSpan(0, 3), "****", p.AsSpan(7));
        }
        var dash = p.IndexOf('-', StringComparison.Ordinal);
        var keepHead = dash > 0 ? dash + 1 : Math.Min(3, p.Length / 3);
        var keepTail = Math.Min(2, Math.Max(0, p.Length - keepHead));
        var hidden = Math.Max(0, p.Length - keepHead - keepTail);
        return string.Concat(p.AsSpan(0, keepHead), new string('*', hidden), p.AsSpan(p.Length - keepTail));
    }
}
