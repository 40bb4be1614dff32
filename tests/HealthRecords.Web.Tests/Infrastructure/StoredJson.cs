using System.Text.Json.Nodes;
using HealthRecords.Web.Data;

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

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
