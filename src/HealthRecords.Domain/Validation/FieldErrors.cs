namespace HealthRecords.Domain.Validation;

/// <summary>
/// The one collector of field errors, used by every validator of the domain and every use case of the host: Chinese
/// messages keyed by the camelCase JSON path of the field ("signs.systolic", "medications[2].name"), so the API's 400
/// problem+json and the page put each message beside its field. A message is kept once per field.
/// </summary>
public sealed class FieldErrors : Dictionary<string, string[]>
{
    public FieldErrors()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Adds <paramref name="message"/> to <paramref name="field"/> (once).</summary>
    public void Add(string field, string message)
    {
        if (!TryGetValue(field, out var existing))
        {
            this[field] = [message];
        }
        else if (!existing.Contains(message))
        {
            this[field] = [.. existing, message];
        }
    }

    /// <summary>Adds every error of <paramref name="errors"/>, each key under <paramref name="prefix"/> ("form" → "form.visitDate").</summary>
    public void AddAll(IReadOnlyDictionary<string, string[]> errors, string prefix = "")
    {
        foreach (var (key, messages) in errors)
        {
            foreach (var m in messages)
            {
                Add(prefix.Length == 0 ? key : $"{prefix}.{key}", m);
            }
        }
    }

    /// <summary>A measured value outside its plausible range (<see cref="PlausibleRanges"/>) is a typing or unit error.</summary>
    /// <param name="name">What the form calls the field (e.g. "左侧收缩压"); the range's own name when null.</param>
    public void Range(string field, decimal? value, PlausibleRange range, string? name = null)
    {
        if (value is decimal v && !range.Contains(v))
        {
            Add(field, range.Refusal(v, name));
        }
    }
}
