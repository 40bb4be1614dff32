namespace HealthRecords.Web.Features.Residents;

public sealed record RevealedValue(string Field, string? Value);

/// <summary>
/// 显示完整号码: lists and the overview mask ID numbers and phones; staff with edit rights over the record may ask to see
/// one in full, and each time is audited ("reveal-id" / "reveal-phone").
/// </summary>
public sealed class RevealNumbers(HealthRecordsDbContext db, ResidentReader reader, Audit audit)
{
    public const string IdNumber = "idNumber";
    public const string Phone = "phone";
    public const string ContactPhone = "contactPhone";

    public async Task<CommandResult<RevealedValue>> HandleAsync(DataScope user, long id, string? field, CancellationToken ct)
    {
        if (field is not (IdNumber or Phone or ContactPhone))
        {
            return CommandResult<RevealedValue>.Invalid("field", "只能查看完整的身份证号或电话");
        }
        if (!await user.Apply(db.HealthRecords).AnyAsync(r => r.Id == id, ct))
        {
            return CommandResult<RevealedValue>.NotFound();
        }
        if (!user.Can(Permission.SeeFullIdentity))
        {
            return CommandResult<RevealedValue>.Forbidden("您无权查看完整号码");
        }
        var detail = await reader.DetailAsync(id, ct);
        if (detail is null)
        {
            return CommandResult<RevealedValue>.NotFound();
        }
        await audit.WriteAsync(user, field == IdNumber ? "reveal-id" : "reveal-phone", id, field, ct);
        return CommandResult<RevealedValue>.Ok(new RevealedValue(field, field switch
        {
            IdNumber => detail.Info.IdNumber,
            Phone => detail.Info.Phone,
            _ => detail.Info.ContactPhone,
        }));
    }
}

public static class RevealApi
{
    public static void MapRevealApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/residents/{id:long}/reveal/{field}", async (long id, string field, HttpContext http, RevealNumbers reveal, CancellationToken ct) =>
            ApiResults.From(await reveal.HandleAsync(DataScope.From(http.User), id, field, ct)))
            .WithTags("居民健康档案").RequireAuthorization(Policies.SeeFullIdentity).ForRecord().Sample("field", "idNumber")
            .WithSummary("显示完整身份证号（idNumber）、本人电话（phone）或联系人电话（contactPhone），每次查看均记入审计日志");
}

/// <summary>
/// How every view shows an ID number or phone until it is revealed (issue #14 item 1): the reader's views, the pages and,
/// as a backstop, every API response (<see cref="Security.SensitiveNumbersJson"/>) carry masked numbers; a full number
/// comes only from <see cref="RevealNumbers"/> (or the edit form and the printed paper forms, for roles allowed to see
/// them, audited).
/// </summary>
public static class Masking
{
    /// <summary>The masked form; a value that is already masked (contains '*') is returned as it is.</summary>
    public static string Show(string? value, bool isId) =>
        value is null ? "—" : Mask(value, isId)!;

    /// <summary>Like <see cref="Show"/> but keeps null as null (for views and JSON).</summary>
    public static string? Mask(string? value, bool isId) =>
        value is null || value.Contains('*', StringComparison.Ordinal) ? value
        : isId ? (value.Length == 18 ? IdCardNumber.Mask(value) : new string('*', value.Length))
        : PhoneNumber.Mask(value);

    /// <summary>The personal information form with its ID number and both phones masked.</summary>
    public static PersonalInfo Info(PersonalInfo info) => info with
    {
        IdNumber = Mask(info.IdNumber, true),
        Phone = Mask(info.Phone, false),
        ContactPhone = Mask(info.ContactPhone, false),
    };

    /// <summary>
    /// A form sent back as it was read (masked numbers unchanged) keeps the stored numbers: a masked value equal to the
    /// mask of the stored one means "not changed", so a read-modify-write through the API never stores a mask.
    /// </summary>
    public static PersonalInfo KeepStored(PersonalInfo input, PersonalInfo stored) => input with
    {
        IdNumber = Keep(input.IdNumber, stored.IdNumber, true),
        Phone = Keep(input.Phone, stored.Phone, false),
        ContactPhone = Keep(input.ContactPhone, stored.ContactPhone, false),
    };

    /// <summary>
    /// The same for any form (a record type): every string property named like an ID number or a phone
    /// (<see cref="Security.SensitiveNumbersJson.IsSensitive"/>, the names every API answer masks) keeps the stored value
    /// when it comes back as its mask. Other properties are the input's.
    /// </summary>
    public static T KeepStored<T>(T input, T? stored) where T : class
    {
        if (stored is null)
        {
            return input;
        }
        T? copy = null;
        foreach (var property in typeof(T).GetProperties())
        {
            if (property.PropertyType == typeof(string) && property.CanWrite && property.GetIndexParameters().Length == 0
                && Security.SensitiveNumbersJson.IsSensitive(property.Name, out var isId)
                && Keep(property.GetValue(input) as string, property.GetValue(stored) as string, isId) is var kept
                && !ReferenceEquals(kept, property.GetValue(input)))
            {
                copy ??= (T)typeof(T).GetMethod("<Clone>$")!.Invoke(input, null)!; // a record's own copy (as `with` makes)
                property.SetValue(copy, kept);
            }
        }
        return copy ?? input;
    }

    private static string? Keep(string? input, string? stored, bool isId) =>
        input is not null && stored is not null && input.Contains('*', StringComparison.Ordinal) && input == Mask(stored, isId) ? stored : input;

    /// <summary>Change-log values of ID or phone fields are masked like the fields themselves.</summary>
    public static string? ChangeValue(string field, string? value) =>
        value is null ? null
        : field.Contains("idNumber", StringComparison.OrdinalIgnoreCase) ? Show(value, true)
        : field.Contains("phone", StringComparison.OrdinalIgnoreCase) ? Show(value, false)
        : value;
}
