using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthRecords.Web.Features.Portal;

/// <summary>
/// The resident portal over HTTP (/api/portal: residents only, always their own record) and its staff side
/// (activation codes, corrections to confirm).
/// </summary>
public static class PortalApi
{
    public const string ResidentPolicy = "Resident";

    public static void MapPortal(this IEndpointRouteBuilder app)
    {
        app.MapActivationSlip();

        // Staff side.
        app.MapPost("/api/residents/{id:long}/activation-code", async (long id, HttpContext http, ActivationCodes codes, CancellationToken ct) =>
            ApiResults.From(await codes.IssueAsync(DataScope.From(http.User), id, ct)))
            .WithTags("居民自助查询").RequireAuthorization(Policies.Edit)
            .WithSummary("发放一次性激活码（只显示一次，30 天内有效；发放新码后旧码作废）")
            .ForRecord();

        var staff = app.MapGroup("/api/corrections").WithTags("居民自助查询").RequireAuthorization(Policies.Keep)
            .NotResidentData("id", "a reported correction: RecordCorrections scopes it by the record, tested in PortalTests");
        staff.MapGet("/", async (HttpContext http, RecordCorrections corrections, CancellationToken ct) =>
            TypedResults.Ok(await corrections.PendingAsync(DataScope.From(http.User), ct)))
            .WithSummary("本范围内居民报告的待核实更正");
        staff.MapPost("/{id:long}/confirm", async (long id, HttpContext http, RecordCorrections corrections, CancellationToken ct) =>
            ApiResults.From(await corrections.ConfirmAsync(DataScope.From(http.User), id, ct)))
            .WithSummary("核实并更正档案（写入修改记录）");
        staff.MapPost("/{id:long}/reject", async (long id, CorrectionDecisionInput input, HttpContext http, RecordCorrections corrections, CancellationToken ct) =>
            ApiResults.From(await corrections.RejectAsync(DataScope.From(http.User), id, input, ct)))
            .WithSummary("不采纳（须填原因，居民可见）");

        // Resident side.
        var portal = app.MapGroup("/api/portal").WithTags("居民自助查询");
        portal.MapPost("/activate", async Task<Results<NoContent, ValidationProblem>> (PortalActivateInput input, PortalAccounts accounts, CancellationToken ct) =>
            await accounts.ActivateAsync(input, signInAfter: true, ct) is { Succeeded: false } failed
                ? TypedResults.ValidationProblem(failed.Errors, title: failed.Message)
                : TypedResults.NoContent())
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(Auth.AccountSecurity.SignInRateLimit)
            .WithSummary("用身份证号和激活码开通账号并设置密码（监护人用儿童的身份证号）；同一 IP 每分钟限 10 次");
        portal.MapPost("/login", async Task<Results<NoContent, ProblemHttpResult>> (PortalLoginInput input, PortalAccounts accounts, CancellationToken ct) =>
            await accounts.SignInAsync(input, ct) ? TypedResults.NoContent() : TypedResults.Problem(title: PortalAccounts.WrongPassword, statusCode: StatusCodes.Status401Unauthorized))
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(Auth.AccountSecurity.SignInRateLimit)
            .WithSummary("居民用身份证号和密码登录；同一 IP 每分钟限 10 次");
        app.MapPost("/portal/logout", async (HttpContext http, Microsoft.AspNetCore.Identity.SignInManager<Data.Entities.AppUser> signIn) =>
        {
            await SessionStamps.SignOutEverywhereAsync(signIn, http.User);
            return Results.LocalRedirect("/portal/login");
        }).ExcludeFromDescription();

        var mine = portal.MapGroup("/me").RequireAuthorization(ResidentPolicy);
        mine.MapGet("/", async Task<Results<Ok<PortalRecord>, NotFound>> (HttpContext http, PortalReader reader, CancellationToken ct) =>
            await reader.GetAsync(RecordOf(http), UserOf(http), ct) is { } record ? TypedResults.Ok(record) : TypedResults.NotFound())
            .WithSummary("我的健康档案");
        mine.MapGet("/access-log", async (HttpContext http, PortalReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.AccessLogAsync(RecordOf(http), UserOf(http), ct)))
            .WithSummary("谁查看了我的档案");
        mine.MapGet("/corrections", async (HttpContext http, RecordCorrections corrections, CancellationToken ct) =>
            TypedResults.Ok(await corrections.MineAsync(RecordOf(http), ct)))
            .WithSummary("我报告的更正及处理结果");
        mine.MapPost("/corrections", async (CorrectionInput input, HttpContext http, RecordCorrections corrections, CancellationToken ct) =>
            ApiResults.From(await corrections.SubmitAsync(RecordOf(http), UserOf(http), input, ct)))
            .WithSummary("报告电话或现住址有误");
    }

    private static long RecordOf(HttpContext http) => PortalClaims.RecordId(http.User) ?? throw new InvalidOperationException("not a resident");

    private static string UserOf(HttpContext http) => DataScope.From(http.User).UserId;
}
