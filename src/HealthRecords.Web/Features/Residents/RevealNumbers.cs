using HealthRecords.Domain.Records;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using HealthRecords.Web.Kernel;

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

/// <summary>How the overview shows an ID number or phone until it is revealed.</summary>
public static class Masking
{
    public static string Show(string? value, bool isId) =>
        value is null ? "—" : isId ? (value.Length == 18 ? IdCardNumber.Mask(value) : new string('*', value.Length)) : PhoneNumber.Mask(value);

    /// <summary>Change-log values of ID or phone fields are masked like the fields themselves.</summary>
    public static string? ChangeValue(string field, string? value) =>
        value is null ? null
        : field.Contains("idNumber", StringComparison.OrdinalIgnoreCase) ? Show(value, true)
        : field.Contains("phone", StringComparison.OrdinalIgnoreCase) ? Show(value, false)
        : value;
}
