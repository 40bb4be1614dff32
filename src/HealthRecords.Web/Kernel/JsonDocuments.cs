using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthRecords.Web.Kernel;

/// <summary>
/// The one way a form is stored: the whole immutable record as one JSON document column (<c>jsonb</c> on PostgreSQL,
/// <c>TEXT</c> on SQLite) whose first property names its schema version, <c>{"schemaVersion":1,…}</c>.
/// <para>
/// Reading checks the version: the current one is deserialized as it is; an older one (or a document written before
/// documents were versioned, read as version 0) is brought up to date by the type's <see cref="DocumentSchema"/> first.
/// Change tracking compares documents by reference: a form is an immutable record that a save replaces whole, so a new
/// instance is a change and the same instance is not (no serialising to compare).
/// </para>
/// </summary>
public static class JsonDocuments
{
    /// <summary>The property naming a document's schema version.</summary>
    public const string VersionProperty = "schemaVersion";

    /// <summary>The serializer options of every stored document (camelCase, as the API).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private const string VersionKey = "\"" + VersionProperty + "\":";

    /// <summary>Maps <paramref name="property"/> as a versioned document of the provider's JSON column type.</summary>
    /// <remarks>A document holding ID numbers or phones (<see cref="SensitiveDocuments"/>) is written with them encrypted under
    /// the model's field key.</remarks>
    public static PropertyBuilder<T> IsDocument<T>(this PropertyBuilder<T> property, ModelOptions model) where T : class?
    {
        property.HasColumnType(model.JsonColumnType);
        if (!SensitiveDocuments.Has(typeof(T)))
        {
            return property.HasConversion(v => Write(v), s => Read<T>(s), ByReference<T>());
        }
        var keyed = new Keyed(model.Protector);
        return property.HasConversion(v => keyed.Write(v), s => keyed.Read<T>(s), ByReference<T>());
    }

    /// <summary>What a keyed document's converter calls (expression trees can call methods of a captured object).</summary>
    private sealed class Keyed(FieldProtector? protector)
    {
        private JsonSerializerOptions KeyedOptions => SensitiveDocuments.Options(protector ?? throw new InvalidOperationException(
            "Documents with ID numbers or phones need the field keys: configure the DbContext with UseFieldProtection."));

        public string Write<T>(T document) => JsonDocuments.Write(document, KeyedOptions);
        public T Read<T>(string stored) => JsonDocuments.Read<T>(stored, SchemaOf<T>.Schema, KeyedOptions);
    }

    /// <summary>The comparer of immutable documents: the same instance is unchanged, another one is a change.</summary>
    public static ValueComparer<T> ByReference<T>() => new(
        (l, r) => ReferenceEquals(l, r),
        v => v == null ? 0 : RuntimeHelpers.GetHashCode(v),
        v => v);

    /// <summary>The stored text of a document: its JSON with the schema version first.</summary>
    public static string Write<T>(T document) => Write(document, Options);

    private static string Write<T>(T document, JsonSerializerOptions options)
    {
        var body = JsonSerializer.Serialize(document, options);
        var version = SchemaOf<T>.Version;
        return body.Length <= 2
            ? string.Concat("{", VersionKey, version, "}")
            : string.Concat(string.Concat("{", VersionKey, version, ","), body.AsSpan(1));
    }

    /// <summary>A stored document as the current type, upgraded first when it was written by an older schema.</summary>
    public static T Read<T>(string stored) => Read<T>(stored, SchemaOf<T>.Schema);

    /// <summary>The same with a given schema (tests read older versions through this).</summary>
    public static T Read<T>(string stored, DocumentSchema schema) => Read<T>(stored, schema, Options);

    private static T Read<T>(string stored, DocumentSchema schema, JsonSerializerOptions options)
    {
        var version = VersionOf(stored);
        if (version == schema.Version)
        {
            return JsonSerializer.Deserialize<T>(stored, options)!;
        }
        if (version > schema.Version)
        {
            throw new InvalidOperationException($"A {typeof(T).Name} document of schema version {version} is newer than this build ({schema.Version}).");
        }
        var node = JsonNode.Parse(stored)!.AsObject();
        for (var from = version; from < schema.Version; from++)
        {
            node = schema.Upgrade(node, from);
        }
        node[VersionProperty] = schema.Version;
        return node.Deserialize<T>(options)!;
    }

    /// <summary>
    /// The schema version a stored document names; 0 when it names none (written before documents were versioned).
    /// The version is a top-level property; PostgreSQL's jsonb reorders keys and adds a space after the colon.
    /// </summary>
    public static int VersionOf(string stored)
    {
        var at = stored.IndexOf(VersionKey, StringComparison.Ordinal);
        if (at < 0)
        {
            return 0;
        }
        var span = stored.AsSpan(at + VersionKey.Length).TrimStart(' ');
        var end = 0;
        while (end < span.Length && char.IsAsciiDigit(span[end]))
        {
            end++;
        }
        return int.Parse(span[..end], NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The schema of <typeparamref name="T"/>, looked up once.</summary>
    private static class SchemaOf<T>
    {
        public static readonly DocumentSchema Schema = DocumentSchema.For(typeof(T));
        public static readonly string Version = Schema.Version.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The schema history of one stored document type. A document type without a schema class is at version 1 (the shape
/// documents had when versions were introduced; unversioned documents upgrade to it unchanged). When a form's shape
/// changes incompatibly, add (or extend) its schema class in the form's folder: raise <see cref="Version"/> and
/// transform the JSON of the previous version in <see cref="Upgrade"/>, with a test reading the older version.
/// </summary>
public abstract class DocumentSchema
{
    /// <summary>The stored type this schema describes.</summary>
    public abstract Type DocumentType { get; }

    /// <summary>The version documents are written with now (1 or more).</summary>
    public abstract int Version { get; }

    /// <summary>Turns a document of version <paramref name="from"/> into one of version <paramref name="from"/> + 1.</summary>
    public virtual JsonObject Upgrade(JsonObject document, int from) => document;

    /// <summary>The schema of a stored type: its schema class in the host assembly, or version 1 without upgrades.</summary>
    public static DocumentSchema For(Type documentType) =>
        Declared.Value.TryGetValue(documentType, out var schema) ? schema : new Initial(documentType);

    private static readonly Lazy<Dictionary<Type, DocumentSchema>> Declared = new(() =>
        typeof(DocumentSchema).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(DocumentSchema)) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (DocumentSchema)Activator.CreateInstance(t)!)
            .ToDictionary(s => s.DocumentType));

    private sealed class Initial(Type type) : DocumentSchema
    {
        public override Type DocumentType => type;
        public override int Version => 1;
    }
}
