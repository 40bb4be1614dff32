namespace HealthRecords.Web.Components.Shared;

/// <summary>Holds the field errors of the last failed save, so each input can show its own message beside it.</summary>
public sealed class FieldErrorMap
{
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    public void Set(IReadOnlyDictionary<string, string[]> value) => errors = value;
    public void Clear() => errors = new Dictionary<string, string[]>();
    public bool Any => errors.Count > 0;
    public bool Has(string field) => errors.ContainsKey(field);
    public string? For(string field) => errors.TryGetValue(field, out var m) ? string.Join("；", m) : null;
    public IEnumerable<KeyValuePair<string, string[]>> All => errors;
}
