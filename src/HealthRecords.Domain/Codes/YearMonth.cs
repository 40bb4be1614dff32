using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthRecords.Domain.Codes;

/// <summary>A year and month, as the forms write dates of diagnosis, surgery and transfusion ("确诊时间 年 月").</summary>
[JsonConverter(typeof(YearMonthJsonConverter))]
public readonly record struct YearMonth
{
    public YearMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    /// <summary>The first day of the month, for comparisons with dates.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");

    /// <summary>Parses "2019-05", "2019-5", "201905" or "2019/05".</summary>
    public static bool TryParse(string? s, out YearMonth value)
    {
        value = default;
        s = s?.Trim().Replace('/', '-').Replace('.', '-');
        if (string.IsNullOrEmpty(s))
        {
            return false;
        }
        int year, month;
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            if (!int.TryParse(s.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out year)
                || !int.TryParse(s.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out month))
            {
                return false;
            }
        }
        else if (s.Length == 6 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var both))
        {
            year = both / 100;
            month = both % 100;
        }
        else
        {
            return false;
        }
        if (year is < 1800 or > 9999 || month is < 1 or > 12)
        {
            return false;
        }
        value = new YearMonth(year, month);
        return true;
    }

    public static YearMonth Parse(string s) =>
        TryParse(s, out var v) ? v : throw new FormatException($"'{s}' is not a year and month (yyyy-MM).");
}

public sealed class YearMonthJsonConverter : JsonConverter<YearMonth>
{
    public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        YearMonth.TryParse(reader.GetString(), out var v) ? v : throw new JsonException("年月格式应为 yyyy-MM");

    public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
