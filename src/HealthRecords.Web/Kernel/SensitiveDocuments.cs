using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HealthRecords.Web.Kernel;

/// <summary>
/// ID numbers and phones inside stored documents (issue #14): a document type any of whose string properties, at any
/// depth, is marked <see cref="SensitiveAttribute"/> is stored with those values encrypted under the field key
/// (<see cref="FieldProtector"/>, the <c>enc1:</c> values the record's own columns hold), the rest of the JSON plain.
/// <see cref="JsonDocuments.IsDocument{T}"/> maps such a document through the protector of the context's model, and the
/// start-up step that encrypts older rows (<c>Features/Privacy/EncryptExistingValues</c>) and the field key rotation find
/// every such column by its type (<see cref="FieldProtection.SensitiveDocumentColumns"/>), without a list.
/// Reading passes values written before encryption through unchanged.
/// </summary>
public static class SensitiveDocuments
{
    private static readonly ConcurrentDictionary<Type, bool> Sensitive = new();
    private static readonly ConditionalWeakTable<FieldProtector, JsonSerializerOptions> OptionsByKey = new();

    /// <summary>Whether documents of <paramref name="type"/> hold a value marked <see cref="SensitiveAttribute"/>.</summary>
    public static bool Has(Type type) => Sensitive.GetOrAdd(type, t => Walk(t, []));

    /// <summary>The stored documents' serializer options with the marked values encrypted under <paramref name="protector"/>.</summary>
    public static JsonSerializerOptions Options(FieldProtector protector) => OptionsByKey.GetValue(protector, p =>
    {
        var converter = new ProtectedString(p);
        var options = new JsonSerializerOptions(JsonDocuments.Options)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver
            {
                Modifiers =
                {
                    info =>
                    {
                        foreach (var property in info.Properties)
                        {
                            if (IsMarked(property.AttributeProvider))
                            {
                                property.CustomConverter = converter;
                            }
                        }
                    },
                },
            },
        };
        options.MakeReadOnly();
        return options;
    });

    private static bool IsMarked(ICustomAttributeProvider? member) => member?.IsDefined(typeof(SensitiveAttribute), inherit: true) == true;

    private static bool Walk(Type type, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType || !seen.Add(type))
        {
            return false;
        }
        if (type.IsArray)
        {
            return Walk(type.GetElementType()!, seen);
        }
        if (type.IsGenericType)
        {
            return type.GetGenericArguments().Any(a => Walk(a, seen));
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (IsMarked(property))
            {
                return property.PropertyType == typeof(string)
                    ? true
                    : throw new InvalidOperationException($"{type.Name}.{property.Name}: only a string property can be marked [Sensitive].");
            }
            if (Walk(property.PropertyType, seen))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A marked value: encrypted when written, decrypted when read (plaintext from before passes through).</summary>
    private sealed class ProtectedString(FieldProtector protector) : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { } stored ? protector.Unprotect(stored) : null;

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(protector.Protect(value));
    }
}
