using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HealthRecords.Web.Features.Auth;

/// <summary>
/// A live page (Blazor circuit) keeps the user it was opened with; the cookie's security-stamp check only runs on
/// HTTP requests. This re-checks the circuit's user at once when the account changes (<see cref="SessionStamps.Revoked"/>:
/// sign-out elsewhere, a new password, disabled, a new role) and every minute besides: a disabled or locked account, a
/// new security stamp or a deleted user ends the circuit's sign-in, and the page goes to the sign-in page.
/// </summary>
public sealed class CircuitRevalidation : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory scopes;
    private readonly IOptions<IdentityOptions> identity;
    private readonly SessionStamps stamps;

    public CircuitRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, SessionStamps stamps)
        : base(loggerFactory)
    {
        this.scopes = scopes;
        this.identity = identity;
        this.stamps = stamps;
        stamps.Revoked += OnRevoked;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    private static readonly TimeSpan RevokeDelay = TimeSpan.FromSeconds(2);

    private void OnRevoked(string userId) => _ = RecheckAsync(userId);

    private async Task RecheckAsync(string userId)
    {
        try
        {
            // The browser that signed itself out is already on its way to the sign-in page (with its own message, such
            // as the idle one); a moment later its page is gone and only the account's other live pages are signed out.
            await Task.Delay(RevokeDelay);
            var state = await GetAuthenticationStateAsync();
            if (state.User.FindFirstValue(ClaimTypes.NameIdentifier) == userId && !await ValidateAuthenticationStateAsync(state, CancellationToken.None))
            {
                SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
            }
        }
        catch (InvalidOperationException)
        {
            // The circuit has no authentication state yet (or any more): nothing to end.
        }
    }

    protected override void Dispose(bool disposing)
    {
        stamps.Revoked -= OnRevoked;
        base.Dispose(disposing);
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await StillValidAsync(users, state.User, identity.Value.ClaimsIdentity.SecurityStampClaimType);
    }

    /// <summary>True while the principal's account exists, is not locked or disabled, and has the same security stamp.</summary>
    public static async Task<bool> StillValidAsync(UserManager<AppUser> users, ClaimsPrincipal principal, string stampClaimType)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id || await users.FindByIdAsync(id) is not { } user)
        {
            return false;
        }
        if (await users.IsLockedOutAsync(user))
        {
            return false;
        }
        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }
        return principal.FindFirstValue(stampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
