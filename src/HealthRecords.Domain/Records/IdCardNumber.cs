namespace HealthRecords.Domain.Records;

/// <summary>The result of checking a resident ID number: the normalised number and what it carries.</summary>
public sealed record IdCardCheck(bool IsValid, string? Error, string? Normalized, DateOnly? BirthDate, Sex? Sex)
{
    internal static IdCardCheck Fail(string error) => new(false, error, null, null, null);
}

/// <summary>公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit order (odd male), MOD 11-2 check digit.</summary>
public static class IdCardNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";
    private static readonly DateOnly Earliest = new(1890, 1, 1);

    /// <summary>GB/T 2260 province-level codes (first two digits).</summary>
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    // GB 11643-1999 §8.2: check digit = (12 - Σ(a_i × W_i) mod 11) mod 11, 10 written as X.
    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("需要前17位", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                throw new ArgumentException("前17位须为数字", nameof(first17));
            }
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckChars[sum % 11];
    }

    /// <summary>Checks an 18-character resident ID number; the birth date must be real and not after <paramref name="today"/>.</summary>
    public static IdCardCheck Check(string? input, DateOnly today)
    {
        var s = input?.Trim().ToUpperInvariant() ?? "";
        if (s.Length == 0)
        {
            return IdCardCheck.Fail("请填写身份证号");
        }
        if (s.Length != 18)
        {
            return IdCardCheck.Fail(s.Length == 15 ? "15位旧身份证号请换算为18位后填写" : "身份证号应为18位");
        }
        if (!s.AsSpan(0, 17).ContainsOnlyDigits() || !(char.IsAsciiDigit(s[17]) || s[17] == 'X'))
        {
            return IdCardCheck.Fail("身份证号前17位应为数字，最后一位为数字或X");
        }
        if (!Provinces.Contains(s[..2]))
        {
            return IdCardCheck.Fail("身份证号前6位不是有效的行政区划代码");
        }
        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth < Earliest)
        {
            return IdCardCheck.Fail("身份证号中的出生日期无效");
        }
        if (birth > today)
        {
            return IdCardCheck.Fail("身份证号中的出生日期晚于今天");
        }
        if (CheckDigit(s.AsSpan(0, 17)) != s[17])
        {
            return IdCardCheck.Fail("身份证号校验位错误，请核对");
        }
        var sex = (s[16] - '0') % 2 == 1 ? Codes.Sex.Male : Codes.Sex.Female;
        return new IdCardCheck(true, null, s, birth, sex);
    }

    /// <summary>
    /// Converts an old 15-digit number (issued 1984–1999; 6 region + 6 birth yyMMdd + 3 order, no check digit)
    /// to 18 digits by inserting the century "19" and appending the check digit, then checks the result.
    /// </summary>
    // GB 11643-1999 §5: 15位号码升位 = 出生年份补"19" + 校验码
    public static IdCardCheck ConvertFifteen(string fifteen, DateOnly today)
    {
        var s = fifteen?.Trim() ?? "";
        if (s.Length != 15 || !s.AsSpan().ContainsOnlyDigits())
        {
            return IdCardCheck.Fail("15位旧身份证号应为15位数字");
        }
        var first17 = string.Concat(s.AsSpan(0, 6), "19", s.AsSpan(6));
        return Check(first17 + CheckDigit(first17), today);
    }

    /// <summary>Lists show the first 6 and the last 4 characters: 500104********123X.</summary>
    public static string Mask(string idNumber)
    {
        if (idNumber.Length <= 10)
        {
            return new string('*', idNumber.Length);
        }
        return string.Concat(idNumber.AsSpan(0, 6), new string('*', idNumber.Length - 10), idNumber.AsSpan(idNumber.Length - 4));
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
