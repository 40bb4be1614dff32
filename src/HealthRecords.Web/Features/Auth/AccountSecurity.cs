using System.Security.Claims;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace HealthRecords.Web.Features.Auth;

/// <summary>
/// Account rules (docs/security.md): password policy, lockout, sign-in rate limit per IP, idle expiry, and the forced
/// change of an issued password. Settings under <c>Security:</c>.
/// </summary>
public static class AccountSecurity
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);
    public const string SignInRateLimit = "sign-in";
    public const string ChangePasswordPath = "/account/password";
    /// <summary>Said alike for every name, known or not (issue #14 item 11).</summary>
    public const string LockedMessage = "登录失败次数过多，请 15 分钟后再试";
    public const string WrongPasswordMessage = "用户名或密码错误";
    public const string DisabledMessage = "账号已停用，请联系本机构管理员";
    public const string TooManyMessage = "登录尝试过于频繁，请一分钟后再试";
    public const string IdleMessage = "长时间未操作，已自动退出，请重新登录";
    public const string MustChangeMessage = "请先修改初始密码后再使用系统";

    public static void ConfigureIdentity(IdentityOptions o)
    {
        // Length for every account; the rest is AccountPasswordPolicy (composition for staff only, no common or
        // repetitive password for anyone).
        o.Password.RequiredLength = Domain.Accounts.PasswordRules.MinLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        o.Lockout.DefaultLockoutTimeSpan = LockoutTime;
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    }

    /// <summary>Minutes of inactivity after which the sign-in cookie expires (<c>Security:IdleTimeoutMinutes</c>, default 30).</summary>
    public static TimeSpan IdleTimeout(IConfiguration config) => TimeSpan.FromMinutes(config.GetValue("Security:IdleTimeoutMinutes", 30));

    /// <summary>Sign-in attempts per IP per minute (<c>Security:SignInPermitsPerMinute</c>, default 10), then 429.</summary>
    public static void AddSignInRateLimit(IServiceCollection services, IConfiguration config)
    {
        var permits = config.GetValue("Security:SignInPermitsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            // Counts attempts (POSTs) only: the portal's sign-in and activation pages carry the policy too, and showing
            // them is free.
            o.AddPolicy(SignInRateLimit, http => !HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("show")
                : RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                var http = ctx.HttpContext;
                if (http.Request.Path.StartsWithSegments("/portal"))
                {
                    http.Response.Redirect(http.Request.Path + "?error=busy"); // the portal page says so beside its form
                    return;
                }
                if (!http.Request.Path.StartsWithSegments("/api"))
                {
                    http.Response.Redirect("/login?error=busy");
                    return;
                }
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await TypedResults.Problem(title: TooManyMessage, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
            };
        });
    }

    /// <summary>
    /// While the signed-in user must change an issued password: pages redirect to the change-password page and API
    /// calls (other than /api/auth) get 403 with a problem detail.
    /// </summary>
    public static IApplicationBuilder UseForcedPasswordChange(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.HasClaim(c => c.Type == ScopeClaims.MustChangePassword))
        {
            var path = http.Request.Path;
            if (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/auth"))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await TypedResults.Problem(title: MustChangeMessage, detail: "POST /api/auth/password 修改密码后重试", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
                return;
            }
            if (HttpMethods.IsGet(http.Request.Method) && IsPage(http) && !IsAccountPage(path))
            {
                http.Response.Redirect(ChangePasswordPath);
                return;
            }
        }
        await next(http);
    });

    private static bool IsPage(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null;

    private static bool IsAccountPage(PathString path) =>
        path.StartsWithSegments(ChangePasswordPath) || path.StartsWithSegments("/login") || path.StartsWithSegments("/account");

    public static bool MustChange(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ScopeClaims.MustChangePassword);

    /// <summary>True when the account was disabled by an administrator (locked out without end).</summary>
    public static bool IsDisabled(AppUser user) => user.LockoutEnd is { } end && end.Year >= 9999;

    /// <summary>A random password that meets the policy, issued by an administrator and changed at first sign-in.</summary>
    public static string IssuePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", symbols = "@#$%&*!";
        var chars = new char[10];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        var all = upper + lower + digits;
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
