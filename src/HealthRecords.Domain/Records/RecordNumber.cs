using HealthRecords.Domain.Regions;

namespace HealthRecords.Domain.Records;

/// <summary>
/// 健康档案编号: 17 digits = county (GB/T 2260, 6) + township (GB/T 10114, 3) + village or residents'
/// committee (3) + the resident's sequence (5). Other forms print only the last 8 digits.
/// </summary>
// 004 附件3 填表说明: 采用17位编码制，以国家统一的行政区划编码为基础，以村(居)委会为单位编制居民健康档案唯一编码
public readonly record struct RecordNumber
{
    private RecordNumber(string value) => Value = value;

    public string Value { get; }
    public string CountyCode => Value[..6];
    public string TownshipCode => Value[6..9];
    public string VillageCode => Value[9..12];
    public int Sequence => int.Parse(Value.AsSpan(12), CultureInfo.InvariantCulture);
    public string SequenceCode => Value[12..];
    /// <summary>The four segments as the paper forms box them: □□□□□□-□□□-□□□-□□□□□.</summary>
    public IReadOnlyList<string> Segments => [CountyCode, TownshipCode, VillageCode, SequenceCode];
    /// <summary>The last 8 digits, which the other forms print.</summary>
    public string Last8 => Value[9..];

    public static RecordNumber Compose(string countyCode6, string townshipCode3, string villageCode3, int sequence)
    {
        Require(countyCode6, 6, nameof(countyCode6));
        Require(townshipCode3, 3, nameof(townshipCode3));
        Require(villageCode3, 3, nameof(villageCode3));
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 99999);
        return new RecordNumber(string.Create(CultureInfo.InvariantCulture, $"{countyCode6}{townshipCode3}{villageCode3}{sequence:00000}"));
    }

    public static bool TryParse(string? s, out RecordNumber number)
    {
        number = default;
        s = s?.Trim();
        if (s is not { Length: 17 } || !s.All(char.IsAsciiDigit) || s[12..] == "00000")
        {
            return false;
        }
        number = new RecordNumber(s);
        return true;
    }

    public override string ToString() => Value;

    private static void Require(string code, int length, string name)
    {
        if (code is null || code.Length != length || !code.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"须为{length}位数字", name);
        }
    }
}

public static class VillageSegment
{
    // 004 附件3 填表说明: 村(居)委会编码 001-099 居委会, 101-199 村委会, 901-999 其他
    public static VillageKind KindOf(string villageCode3)
    {
        if (villageCode3 is not { Length: 3 } || !villageCode3.All(char.IsAsciiDigit))
        {
            return VillageKind.Invalid;
        }
        var n = int.Parse(villageCode3, CultureInfo.InvariantCulture);
        return n switch
        {
            >= 1 and <= 99 => VillageKind.ResidentsCommittee,
            >= 101 and <= 199 => VillageKind.VillageCommittee,
            >= 901 and <= 999 => VillageKind.Other,
            _ => VillageKind.Invalid,
        };
    }
}
