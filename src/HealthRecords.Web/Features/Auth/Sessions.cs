using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HealthRecords.Web.Features.Auth;

/// <summary>
/// Issue #14 item 2: every session of an account ends at once when it signs out (staff or portal), changes or is given
/// a new password, is disabled or changes role. Each of these changes the account's security stamp (in the database,
/// so it holds across a restart), and every request compares the stamp its cookie carries with the account's stamp:
/// a cookie taken before the change is refused from then on. Live pages (Blazor circuits) of the account are told at
/// once (<see cref="Revoked"/>, <see cref="CircuitRevalidation"/>).
/// <para>
/// Cost: the stamp is read by primary key and kept per user for <see cref="Lifetime"/>; a change through
/// <see cref="AppUserManager"/> drops the kept stamp at once, and a read that raced with a change is not kept
/// (generation count). So a signed-in request costs a dictionary look-up, and one indexed read per user per 10 s.
/// Another host on the same database (a second instance) sees a change within <see cref="Lifetime"/>.
/// </para>
/// </summary>
public sealed class SessionStamps(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset ReadAt)> kept = new();
    private readonly ConcurrentDictionary<string, long> generations = new();

    /// <summary>Raised with the user id whenever the account changed: live pages of that user check themselves again.</summary>
    public event Action<string>? Revoked;

    /// <summary>The account's current stamp; null when the account is gone or disabled.</summary>
    public async ValueTask<string?> CurrentAsync(string userId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (kept.TryGetValue(userId, out var entry) && now - entry.ReadAt < Lifetime)
        {
            return entry.Stamp;
        }
        var generation = generations.GetValueOrDefault(userId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        var stamp = row is null || (row.LockoutEnd is { } end && end.Year >= 9999) ? null : row.SecurityStamp; // AccountSecurity.IsDisabled
        if (generations.GetValueOrDefault(userId) == generation)
        {
            kept[userId] = (stamp, now);
        }
        return stamp;
    }

    /// <summary>The account changed: forget its kept stamp and tell its live pages.</summary>
    public void Changed(string userId)
    {
        generations.AddOrUpdate(userId, 1, (_, g) => g + 1);
        kept.TryRemove(userId, out _);
        Revoked?.Invoke(userId);
    }

    /// <summary>
    /// The cookie's check on every request: its stamp must be the account's current one. Identity's own validator
    /// (which rebuilds the claims every minute, so a village assignment reaches the cookie) runs after it.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> next)
    {
        var principal = context.Principal;
        if (principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            await next(context);
            return;
        }
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var current = await services.GetRequiredService<SessionStamps>().CurrentAsync(userId, context.HttpContext.RequestAborted);
        if (current is null || principal.FindFirstValue(stampClaim) != current)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await next(context);
    }

    /// <summary>Signs the account out of every session: a new stamp, then this cookie removed.</summary>
    public static async Task SignOutEverywhereAsync(SignInManager<AppUser> signIn, ClaimsPrincipal principal)
    {
        if (await signIn.UserManager.GetUserAsync(principal) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
    }
}

/// <summary>
/// The user manager of the host: every change it saves drops the account's kept stamp (<see cref="SessionStamps"/>),
/// and a change of role or a disabling lockout gets a new stamp, so the account's sessions end.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer normalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    SessionStamps stamps)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var result = await base.UpdateUserAsync(user);
        stamps.Changed(user.Id);
        return result;
    }

    public override Task<IdentityResult> AddToRoleAsync(AppUser user, string role) => NewStampAfter(base.AddToRoleAsync(user, role), user);
    public override Task<IdentityResult> AddToRolesAsync(AppUser user, IEnumerable<string> roles) => NewStampAfter(base.AddToRolesAsync(user, roles), user);
    public override Task<IdentityResult> RemoveFromRoleAsync(AppUser user, string role) => NewStampAfter(base.RemoveFromRoleAsync(user, role), user);
    public override Task<IdentityResult> RemoveFromRolesAsync(AppUser user, IEnumerable<string> roles) => NewStampAfter(base.RemoveFromRolesAsync(user, roles), user);

    public override async Task<IdentityResult> SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        return result.Succeeded && lockoutEnd is { } end && end.Year >= 9999 ? await UpdateSecurityStampAsync(user) : result;
    }

    private async Task<IdentityResult> NewStampAfter(Task<IdentityResult> change, AppUser user)
    {
        var result = await change;
        return result.Succeeded ? await UpdateSecurityStampAsync(user) : result;
    }
}

public static class SessionRegistration
{
    /// <summary>The stamps, the user manager that keeps them true, and the cookie's check on every request.</summary>
    public static IServiceCollection AddSessionChecks(this IServiceCollection services)
    {
        services.AddSingleton<SessionStamps>();
        services.AddScoped<AppUserManager>();
        services.AddScoped<UserManager<AppUser>>(sp => sp.GetRequiredService<AppUserManager>());
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var identity = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = context => SessionStamps.ValidateAsync(context, identity);
        });
        return services;
    }
}
