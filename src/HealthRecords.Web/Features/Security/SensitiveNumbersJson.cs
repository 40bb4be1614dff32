using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.Security;

/// <summary>
/// The API's backstop for issue #14 item 1: every JSON answer of the API masks a string property whose name says it is
/// an ID number or a phone (<c>idNumber</c>, <c>phone</c>, <c>contactPhone</c>, or any name ending in <c>IdNumber</c> or
/// <c>Phone</c>), whatever the endpoint, so a service added later cannot hand out full numbers by returning a form as it
/// is stored. Use cases mask their views themselves (<see cref="Masking"/>); this catches what they forget. A full number
/// is only ever the <c>value</c> of the reveal endpoint's answer (<see cref="RevealNumbers"/>), which this leaves alone.
/// Only serialization is touched: a request's numbers are read as sent.
/// </summary>
public static class SensitiveNumbersJson
{
    public static IServiceCollection AddSensitiveNumberMasking(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(MaskNumbers));

    /// <summary>
    /// <paramref name="options"/> with the same masking: for a use case that builds a JSON node from a form (the backstop
    /// does not see inside a <c>JsonObject</c> it is handed).
    /// </summary>
    public static JsonSerializerOptions Masked(JsonSerializerOptions options) => MaskedOptions.GetValue(options, o =>
    {
        var masked = new JsonSerializerOptions(o) { TypeInfoResolver = (o.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(MaskNumbers) };
        masked.MakeReadOnly();
        return masked;
    });

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> MaskedOptions = new();

    /// <summary>True for a property name (as written in JSON or C#) that holds an ID number or a phone.</summary>
    public static bool IsSensitive(string name, out bool isId)
    {
        isId = name.EndsWith("idNumber", StringComparison.OrdinalIgnoreCase);
        return isId || name.EndsWith("phone", StringComparison.OrdinalIgnoreCase);
    }

    private static void MaskNumbers(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in info.Properties)
        {
            if (property.PropertyType == typeof(string) && property.Get is { } get && IsSensitive(property.Name, out var isId))
            {
                property.Get = owner => Masking.Mask(get(owner) as string, isId);
            }
        }
    }
}
