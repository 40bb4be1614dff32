using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HealthRecords.Web.Features.Auth;

public sealed record LoginInput(string UserName, string Password);

public sealed record CurrentUser(string UserName, string DisplayName, string Role, string RoleLabel, int? InstitutionId, IReadOnlyList<string> Villages);

/// <summary>Sign-in and sign-out: a form post for the pages, JSON for API clients. Both set the same cookie.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", async ([FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl, HttpContext http, SignInManager<AppUser> signIn, SignInThrottle throttle) =>
        {
            var (outcome, user) = await StaffSignIn.SignInAsync(signIn, throttle, http, userName, password);
            if (outcome != SignInOutcome.SignedIn)
            {
                var reason = outcome switch { SignInOutcome.Locked => "locked", SignInOutcome.Disabled => "disabled", _ => "failed" };
                return Results.LocalRedirect($"/login?error={reason}&returnUrl={Uri.EscapeDataString(IsLocal(returnUrl) ? returnUrl! : "/")}");
            }
            return Results.LocalRedirect(user!.MustChangePassword ? AccountSecurity.ChangePasswordPath : IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription().RequireRateLimiting(AccountSecurity.SignInRateLimit);

        app.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            // The layout's form carries a token; a forged cross-site post (any content type) is refused.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }
            var idle = (await http.Request.ReadFormAsync()).TryGetValue("reason", out var reason) && reason == "idle"; // session.js signs an idle page out
            await SessionStamps.SignOutEverywhereAsync(signIn, http.User); // every session of the account ends (issue #14 item 2)
            return Results.LocalRedirect(idle ? "/login?error=idle" : "/login");
        }).DisableAntiforgery().ExcludeFromDescription();

        var api = app.MapGroup("/api/auth").WithTags("登录");
        api.MapPost("/login", async Task<Results<Ok<CurrentUser>, ProblemHttpResult>> (LoginInput input, HttpContext http, SignInManager<AppUser> signIn, SignInThrottle throttle) =>
        {
            var (outcome, user) = await StaffSignIn.SignInAsync(signIn, throttle, http, input.UserName, input.Password);
            if (outcome != SignInOutcome.SignedIn)
            {
                var title = outcome switch
                {
                    SignInOutcome.Locked => AccountSecurity.LockedMessage,
                    SignInOutcome.Disabled => AccountSecurity.DisabledMessage,
                    _ => AccountSecurity.WrongPasswordMessage,
                };
                return TypedResults.Problem(title: title, statusCode: StatusCodes.Status401Unauthorized);
            }
            var principal = await signIn.CreateUserPrincipalAsync(user!);
            return TypedResults.Ok(Describe(DataScope.From(principal), user!.UserName!));
        }).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(AccountSecurity.SignInRateLimit)
            .WithSummary("登录（设置 Cookie）；同一账号在同一 IP 连续失败 5 次暂停 15 分钟，同一 IP 每分钟限 10 次");

        api.MapPost("/password", async Task<Results<Ok<bool>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult, Conflict<ProblemDetails>>> (ChangePasswordInput input, HttpContext http, ChangePassword change) =>
            ApiResults.From(await change.HandleAsync(http.User, input)))
            .RequireAuthorization().WithSummary("修改本人密码（首次使用发放的密码登录后必须修改）");

        api.MapPost("/logout", async (HttpContext http, SignInManager<AppUser> signIn) =>
        {
            await SessionStamps.SignOutEverywhereAsync(signIn, http.User);
            return TypedResults.NoContent();
        }).RequireAuthorization().WithSummary("退出：本账号的所有会话（含其他设备和打开的页面）随即失效");

        api.MapGet("/me", (HttpContext http) => TypedResults.Ok(Describe(DataScope.From(http.User), http.User.Identity!.Name!)))
            .RequireAuthorization().WithSummary("当前用户及其数据范围");
    }

    private static CurrentUser Describe(DataScope scope, string userName) =>
        new(userName, scope.DisplayName, scope.Role, Roles.Label(scope.Role), scope.InstitutionId, scope.Villages);

    /// <summary>A path on this site to return to; anything with whitespace or control characters (a tab) is not one.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
}
