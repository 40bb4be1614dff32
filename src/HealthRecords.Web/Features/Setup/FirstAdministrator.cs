using HealthRecords.Web.Features.Demo;
using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web.Features.Setup;

/// <summary>
/// The first system administrator of an installation (<c>setup --admin</c>, docs/operations.md), who signs in with an
/// issued password that must be changed at once; and, outside the demo, the refusal to run while an account still has
/// the demo's published password.
/// </summary>
public static class FirstAdministrator
{
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public sealed record Outcome(bool Ok, string Message, string? Password = null);

    /// <summary>
    /// Creates the administrator with an issued password; with <paramref name="reset"/>, issues a new password to an
    /// existing administrator of that name (a lost password). Refused when another administrator exists already.
    /// </summary>
    public static async Task<Outcome> CreateAsync(UserManager<AppUser> users, string userName, string? displayName, bool reset)
    {
        userName = userName.Trim();
        var existing = await users.FindByNameAsync(userName);
        var admins = await users.GetUsersInRoleAsync(Roles.SystemAdmin);
        var password = AccountSecurity.IssuePassword();
        if (reset)
        {
            if (existing is null || !admins.Any(a => a.Id == existing.Id))
            {
                return new Outcome(false, $"There is no system administrator '{userName}' to reset.");
            }
            await users.RemovePasswordAsync(existing);
            var added = await users.AddPasswordAsync(existing, password);
            if (!added.Succeeded)
            {
                return new Outcome(false, string.Join("; ", added.Errors.Select(e => e.Description)));
            }
            existing.MustChangePassword = true;
            existing.LockoutEnd = null;
            existing.AccessFailedCount = 0;
            await users.UpdateAsync(existing);
            await users.UpdateSecurityStampAsync(existing);
            return new Outcome(true, $"A new password was issued to the system administrator '{userName}'.", password);
        }
        if (admins.Count > 0)
        {
            return new Outcome(false, $"A system administrator exists already ({string.Join(", ", admins.Select(a => a.UserName))}). " +
                "Sign in as one to add others on the users page, or reset a lost password with: setup --admin <name> --reset");
        }
        if (existing is not null)
        {
            return new Outcome(false, $"The user name '{userName}' is taken.");
        }
        var user = new AppUser { UserName = userName, DisplayName = string.IsNullOrWhiteSpace(displayName) ? "系统管理员" : displayName.Trim(), EmailConfirmed = true, MustChangePassword = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new Outcome(false, string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, Roles.SystemAdmin);
        return new Outcome(true, $"System administrator '{userName}' created.", password);
    }

    /// <summary>
    /// Outside the demo: refuses to run while a demo account or a system administrator still signs in with the demo's
    /// published password, and says how to create the first administrator when there is none.
    /// </summary>
    public static async Task CheckProductionAsync(HealthRecordsDbContext db, UserManager<AppUser> users, ILogger log)
    {
        var suspects = (await users.GetUsersInRoleAsync(Roles.SystemAdmin)).ToList();
        var demoNames = DemoAccounts.All.Select(a => a.UserName).ToList();
        suspects.AddRange(await db.Users.Where(u => demoNames.Contains(u.UserName!)).ToListAsync());
        var exposed = new List<string>();
        foreach (var user in suspects.DistinctBy(u => u.Id))
        {
            if (!AccountSecurity.IsDisabled(user) && await users.CheckPasswordAsync(user, DemoAccounts.Password))
            {
                exposed.Add(user.UserName!);
            }
        }
        if (exposed.Count > 0)
        {
            throw new StartupRefusedException(
                $"The accounts {string.Join(", ", exposed)} still have the demo's published password, and the demo is off (Demo:Enabled). " +
                "Start production on a database of its own, or disable the demo accounts with: setup --disable-demo-accounts");
        }
        if (!(await users.GetUsersInRoleAsync(Roles.SystemAdmin)).Any(a => !AccountSecurity.IsDisabled(a)))
        {
            log.LogWarning("No system administrator yet: create the first one with `dotnet HealthRecords.Web.dll setup --admin <user name>` (docs/operations.md)");
        }
    }

    /// <summary>Disables the demo's accounts (a database that was started as the demo): locked for good, password scrambled.</summary>
    public static async Task<int> DisableDemoAccountsAsync(UserManager<AppUser> users)
    {
        var count = 0;
        foreach (var (userName, _, _, _) in DemoAccounts.All)
        {
            if (await users.FindByNameAsync(userName) is not { } user)
            {
                continue;
            }
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, AccountSecurity.IssuePassword() + AccountSecurity.IssuePassword());
            await users.UpdateSecurityStampAsync(user);
            count++;
        }
        return count;
    }
}
