using HealthRecords.Web.Data;
using HealthRecords.Domain.Search;
using Npgsql;

namespace HealthRecords.Bench;

/// <summary>
/// One value to query with, and where its record lives: the township, and the institution that manages the record
/// (so the request can be made as that institution's doctor, whose scope covers the record).
/// </summary>
public readonly record struct Sample<T>(T Value, string Township, int Institution);

/// <summary>Real values drawn at random from the loaded database, one per request.</summary>
public sealed record Samples(
    IReadOnlyList<Sample<string>> IdNumbers,
    IReadOnlyList<Sample<string>> RecordNumbers,
    IReadOnlyList<Sample<string>> RecordNumbersLast8,
    IReadOnlyList<Sample<string>> NamePrefixes,
    IReadOnlyList<Sample<string>> Initials,
    IReadOnlyList<Sample<long>> RecordIds)
{
    public static async Task<Samples> DrawAsync(NpgsqlDataSource data, FieldProtector protector, int count, int seed)
    {
        const int slices = 6;
        var rows = new List<Row>();
        await using (var command = data.CreateCommand("""
            SELECT "Id", "RecordNumber", "RecordNumberLast8", "IdNumber", "TownshipCode", "ManagingInstitutionId", "Name" FROM "HealthRecords"
            WHERE "Status" = 1 ORDER BY md5("Id"::text || $2) LIMIT $1
            """))
        {
            // A hash of the id and the seed, not random(): setseed does not reach parallel workers, so this is what
            // makes two runs on the same data time the same values.
            command.Parameters.AddWithValue(count * slices);
            command.Parameters.AddWithValue(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new Row(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : protector.Unprotect(reader.GetString(3)),
                    reader.GetString(4), reader.GetInt32(5), reader.GetString(6)));
            }
        }
        if (rows.Count < count * slices)
        {
            throw new InvalidOperationException($"Only {rows.Count} records to sample from; load more residents first.");
        }
        // Each query gets its own slice of the random rows, so no value is reused across queries.
        List<Sample<string>> Slice(int slice, Func<Row, string?> value) =>
            rows.Skip(slice * count).Take(count)
                .Select(r => (Row: r, Value: value(r)))
                .Where(x => !string.IsNullOrEmpty(x.Value))
                .Select(x => new Sample<string>(x.Value!, x.Row.Township, x.Row.Institution))
                .ToList();
        return new Samples(
            Slice(0, r => r.IdNumber is { Length: 18 } id ? id : null),
            Slice(1, r => r.RecordNumber),
            Slice(2, r => r.Last8),
            Slice(3, r => r.Name.Length >= 2 ? r.Name[..2] : null),
            Slice(4, r => r.Name.Length >= 2 ? InitialsOf(r.Name) : null),
            rows.Skip(5 * count).Take(count).Select(r => new Sample<long>(r.Id, r.Township, r.Institution)).ToList());
    }

    private sealed record Row(long Id, string RecordNumber, string Last8, string? IdNumber, string Township, int Institution, string Name);

    /// <summary>What a user types for 张三丰 when searching by initials: "zs" (surname and first given character).</summary>
    private static string InitialsOf(string name)
    {
        var keys = Pinyin.SearchKeys(name[..2]);
        return keys.OrderBy(k => k.Length).FirstOrDefault(k => k.Length == 2) ?? "";
    }
}
