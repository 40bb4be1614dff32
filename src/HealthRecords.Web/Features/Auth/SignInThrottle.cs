using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web.Features.Auth;

/// <summary>
/// Issue #14 item 11: failed sign-ins are counted per account name and client address, and after
/// <see cref="AccountSecurity.MaxFailedAttempts"/> that pair waits <see cref="AccountSecurity.LockoutTime"/>. So an
/// attacker guessing from one address stops himself, not the clinic: the same account still signs in from its own
/// address. Unknown names are counted the same way and get the same answers, so the answers tell nobody which names
/// exist; "disabled" is said only to someone who gave the right password. Kept in memory (a restart forgets the counts;
/// the per-address rate limit of <see cref="AccountSecurity.SignInRateLimit"/> still bounds guessing).
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    private const int MaxEntries = 50_000;
    private readonly ConcurrentDictionary<(string Account, string Address), Entry> entries = new();

    private sealed record Entry(int Failures, DateTimeOffset Last, DateTimeOffset? LockedUntil);

    public bool IsLocked(string account, string address) =>
        entries.TryGetValue(Key(account, address), out var e) && e.LockedUntil is { } until && until > time.GetUtcNow();

    /// <summary>Counts a failure; true when the pair is locked from now on.</summary>
    public bool Failed(string account, string address)
    {
        var now = time.GetUtcNow();
        if (entries.Count > MaxEntries)
        {
            foreach (var (key, old) in entries.Where(x => now - x.Value.Last > AccountSecurity.LockoutTime).ToList())
            {
                entries.TryRemove(key, out _);
            }
        }
        var entry = entries.AddOrUpdate(Key(account, address),
            _ => new Entry(1, now, null),
            (_, e) =>
            {
                var failures = (now - e.Last > AccountSecurity.LockoutTime ? 0 : e.Failures) + 1;
                return new Entry(failures, now, failures >= AccountSecurity.MaxFailedAttempts ? now + AccountSecurity.LockoutTime : e.LockedUntil);
            });
        return entry.LockedUntil is { } until && until > now;
    }

    public void Succeeded(string account, string address) => entries.TryRemove(Key(account, address), out _);

    private static (string, string) Key(string account, string address) => (account.Trim().ToUpperInvariant(), address);

    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

public enum SignInOutcome
{
    SignedIn,
    Failed,
    Locked,
    Disabled,
}

/// <summary>The one staff sign-in, for the page's form and the API, counted by <see cref="SignInThrottle"/>.</summary>
public static class StaffSignIn
{
    public static async Task<(SignInOutcome Outcome, AppUser? User)> SignInAsync(SignInManager<AppUser> signIn, SignInThrottle throttle, HttpContext http, string? userName, string? password)
    {
        var name = (userName ?? "").Trim();
        var address = SignInThrottle.AddressOf(http);
        if (throttle.IsLocked(name, address))
        {
            return (SignInOutcome.Locked, null);
        }
        var user = name.Length == 0 ? null : await signIn.UserManager.FindByNameAsync(name);
        if (user is null)
        {
            // As slow as checking a password, so timing does not tell which names exist either.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash, password ?? "");
        }
        if (user is null || !await signIn.UserManager.CheckPasswordAsync(user, password ?? ""))
        {
            return (throttle.Failed(name, address) ? SignInOutcome.Locked : SignInOutcome.Failed, null);
        }
        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            return (SignInOutcome.Disabled, null); // only an administrator locks an account now (disable)
        }
        throttle.Succeeded(name, address);
        await signIn.SignInAsync(user, isPersistent: false);
        return (SignInOutcome.SignedIn, user);
    }

    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString());
}
