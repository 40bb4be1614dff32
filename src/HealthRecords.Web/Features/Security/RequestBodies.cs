using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthRecords.Web.Features.Security;

/// <summary>
/// Request bodies are checked where they are bound, for every endpoint (issue #14 items 6 and 7), so no use case ever
/// sees what its types say cannot be there:
/// <list type="bullet">
/// <item>a property whose C# type is a non-nullable reference (<c>string Name</c>, a nested form) may not be sent as
/// <c>null</c>, and when it is a constructor parameter without a default it may not be left out either;</item>
/// <item>no string may hold a control character (PostgreSQL refuses NUL in text), and a string property named
/// <c>…name</c> or <c>…code</c> may hold no invisible or direction-changing character (<see cref="TextSafety"/>).</item>
/// </list>
/// A body that breaks these, like malformed JSON or a wrong type, is answered 400 application/problem+json with
/// <c>errors</c> keyed by the JSON path of the field (<see cref="UseBadRequestAnswers"/>), never a 500.
/// </summary>
public static partial class RequestBodies
{
    public static IServiceCollection AddRequestBodyChecks(this IServiceCollection services)
    {
        // Binding failures are thrown (and answered below with the field's path) instead of answered blank.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new SafeText(TextSafety.FreeTextError));
            // Reading: null is refused where the C# type says it cannot be (System.Text.Json enforces the contract's
            // IsSetNullable only with this on). Writing stays as it was: CheckProperties lets every getter give null.
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(CheckProperties);
        });
    }

    private static readonly SafeText NameOrCode = new(TextSafety.NameError);

    private static void CheckProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in info.Properties)
        {
            if (!property.PropertyType.IsValueType)
            {
                property.IsGetNullable = true; // answers are never refused for a null the types did not expect
            }
            if (property.PropertyType == typeof(string) && property.CustomConverter is null
                && (property.Name.EndsWith("name", StringComparison.OrdinalIgnoreCase) || property.Name.EndsWith("code", StringComparison.OrdinalIgnoreCase)))
            {
                property.CustomConverter = NameOrCode;
            }
            if (property.PropertyType.IsValueType || !IsNonNullable(property))
            {
                continue;
            }
            property.IsSetNullable = false;
            if (property.AssociatedParameter is { HasDefaultValue: false })
            {
                property.IsRequired = true;
            }
        }
    }

    /// <summary>True when the property (or its constructor parameter) is declared as a non-nullable reference.</summary>
    private static bool IsNonNullable(JsonPropertyInfo property)
    {
        var context = new NullabilityInfoContext(); // not thread-safe: one per call (contracts are built once per type)
        var state = property.AssociatedParameter?.AttributeProvider is ParameterInfo parameter ? context.Create(parameter).WriteState
            : property.AttributeProvider is PropertyInfo member ? context.Create(member).WriteState
            : property.AttributeProvider is FieldInfo field ? context.Create(field).WriteState
            : NullabilityState.Unknown;
        return state == NullabilityState.NotNull;
    }

    /// <summary>Strings read from a request, refused (JSON error at the field's path) when the check finds a message.</summary>
    private sealed class SafeText(Func<string?, string?> check) : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            return check(value) is { } message ? throw new JsonException(Marker + message) : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Read(ref reader, typeToConvert, options) ?? "";

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
    }

    private const string Marker = "hr:";

    /// <summary>
    /// A request that cannot be bound — a body refused above, malformed JSON, a wrong type, a missing or unreadable
    /// parameter, control characters in the query string — gets 400: problem+json with the field errors for the API, the
    /// Chinese status page for a page (<c>UseStatusPages</c> fills in an empty 400).
    /// </summary>
    public static IApplicationBuilder UseBadRequestAnswers(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (QueryHasControl(http.Request.Query))
        {
            await AnswerAsync(http, new Dictionary<string, string[]> { ["query"] = [TextSafety.ControlMessage] });
            return;
        }
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException bad) when (!http.Response.HasStarted)
        {
            http.Response.Clear();
            await AnswerAsync(http, bad.InnerException is JsonException json ? ErrorsOf(json) : null, bad.StatusCode);
        }
    });

    private static bool QueryHasControl(IQueryCollection query) =>
        query.Any(q => TextSafety.HasControl(q.Key) || q.Value.Any(v => v is not null && TextSafety.HasControl(v)));

    private static async Task AnswerAsync(HttpContext http, Dictionary<string, string[]>? errors, int status = StatusCodes.Status400BadRequest)
    {
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.StatusCode = status; // the status pages say it in Chinese
            return;
        }
        IResult result = errors is { Count: > 0 } && status == StatusCodes.Status400BadRequest
            ? TypedResults.ValidationProblem(errors, title: "提交的内容有误，请按提示修改")
            : TypedResults.Problem(title: "请求格式错误：内容不是有效的 JSON 或字段类型不符", statusCode: status);
        await result.ExecuteAsync(http);
    }

    /// <summary>The field errors a JSON error stands for, keyed by JSON path ("info.name", "form.drugs[0].name").</summary>
    private static Dictionary<string, string[]> ErrorsOf(JsonException e)
    {
        var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
        var message = e.Message;
        if (message.StartsWith(Marker, StringComparison.Ordinal))
        {
            return new() { [Key(path)] = [message[Marker.Length..]] };
        }
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            // "… was missing required properties including: 'name', 'birthDate'." at the object's path
            return Quoted().Matches(message).Select(m => m.Groups[1].Value).Where(name => !name.Contains('.', StringComparison.Ordinal)).Distinct()
                .ToDictionary(name => Key(path.Length == 0 ? name : $"{path}.{name}"), _ => new[] { "此项必填" });
        }
        if (message.Contains("null", StringComparison.OrdinalIgnoreCase))
        {
            return new() { [Key(path)] = ["此项必填，不能为空"] };
        }
        return new() { [Key(path)] = ["格式或类型不正确"] };
    }

    private static string Key(string path) => path.Length == 0 ? "$" : path;

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
