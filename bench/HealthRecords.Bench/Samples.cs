using HealthRecords.Domain.Search;
using Npgsql;

namespace HealthRecords.Bench;

/// <summary>Real values drawn at random from the loaded database, one per request.</summary>
public sealed record Samples(
    IReadOnlyList<string> IdNumbers,
    IReadOnlyList<string> RecordNumbers,
    IReadOnlyList<(string Township, string Prefix)> Names,
    IReadOnlyList<(string Township, string Initials)> Initials,
    IReadOnlyList<long> RecordIds)
{
    public static async Task<Samples> DrawAsync(NpgsqlDataSource data, int count, int seed)
    {
        // setseed makes random() repeatable, so two runs time the same values.
        await using (var command = data.CreateCommand($"SELECT setseed({seed % 1000 / 1000.0:0.000})"))
        {
            await command.ExecuteNonQueryAsync();
        }
        var rows = new List<(long Id, string RecordNumber, string? IdNumber, string Township, string Name)>();
        await using (var command = data.CreateCommand("""
            SELECT "Id", "RecordNumber", "IdNumber", "TownshipCode", "Name" FROM "HealthRecords"
            WHERE "Status" = 1 ORDER BY random() LIMIT $1
            """))
        {
            command.Parameters.AddWithValue(count * 3);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }
        }
        if (rows.Count < count)
        {
            throw new InvalidOperationException($"Only {rows.Count} records to sample from; load more residents first.");
        }
        var named = rows.Where(r => r.Name.Length >= 2).ToList();
        return new Samples(
            rows.Where(r => r.IdNumber is { Length: 18 }).Select(r => r.IdNumber!).Take(count).ToList(),
            rows.Select(r => r.RecordNumber).Skip(count).Take(count).ToList(),
            named.Select(r => (r.Township, r.Name[..2])).Take(count).ToList(),
            named.Select(r => (r.Township, InitialsOf(r.Name))).Where(x => x.Item2.Length == 2).Skip(count).Take(count).ToList(),
            rows.Select(r => r.Id).Skip(2 * count).Take(count).ToList());
    }

    /// <summary>What a user types for 张三丰 when searching by initials: "zs" (surname and first given character).</summary>
    private static string InitialsOf(string name)
    {
        var keys = Pinyin.SearchKeys(name[..2]);
        return keys.OrderBy(k => k.Length).FirstOrDefault(k => k.Length == 2) ?? "";
    }
}
