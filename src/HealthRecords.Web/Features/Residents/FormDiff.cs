using System.Text.Json;
using System.Text.Json.Nodes;

namespace HealthRecords.Web.Features.Residents;

/// <summary>Lists the fields that differ between two versions of a form, as JSON paths with old and new values.</summary>
public static class FormDiff
{
    public static IReadOnlyList<(string Field, string? Old, string? New)> Compare<T>(string prefix, T before, T after)
    {
        var left = Flatten(JsonSerializer.SerializeToNode(before, JsonDocuments.Options), prefix);
        var right = Flatten(JsonSerializer.SerializeToNode(after, JsonDocuments.Options), prefix);
        return left.Keys.Union(right.Keys)
            .Where(k => left.GetValueOrDefault(k) != right.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal)
            .Select(k => (k, left.GetValueOrDefault(k), right.GetValueOrDefault(k)))
            .ToList();
    }

    private static Dictionary<string, string?> Flatten(JsonNode? node, string path)
    {
        var result = new Dictionary<string, string?>();
        Walk(node, path, result);
        return result;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string?> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Walk(child, $"{path}.{key}", into);
                }
                break;
            case JsonArray arr:
                // Lists compare as a whole: their items have no stable identity.
                into[path] = arr.Count == 0 ? null : arr.ToJsonString(JsonDocuments.Options);
                break;
            case null:
                into[path] = null;
                break;
            default:
                var text = node.ToJsonString(JsonDocuments.Options).Trim('"');
                into[path] = text.Length == 0 ? null : text;
                break;
        }
    }
}
