using System.Text;
using System.Text.Json.Nodes;
using HealthRecords.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Infrastructure;

/// <summary>Reads stored JSON documents as a stolen database would show them.</summary>
public static class StoredJson
{
    /// <summary>The encrypted string values (<see cref="FieldProtector.Marker"/>) of the JSON documents, one per line of <paramref name="stored"/>.</summary>
    public static List<string> EncryptedValues(string stored) =>
        stored.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(json => Strings(JsonNode.Parse(json)))
            .Where(FieldProtector.IsProtected)
            .ToList();

    /// <summary>Every text value of every row of a raw query, one value per line: what a stolen database file would show.</summary>
    public static Task<string> RawTextAsync(HostFixture host, string sql) => host.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var text = new StringBuilder();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString()).Append('\n');
                }
            }
            return text.ToString();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
