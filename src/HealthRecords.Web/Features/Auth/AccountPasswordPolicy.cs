using System.Text.RegularExpressions;
using HealthRecords.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web.Features.Auth;

/// <summary>
/// The password policy of every account, beside Identity's length check (8): <see cref="PasswordRules"/> (no common or
/// repetitive password) for all, and for staff the composition Identity would check (upper case, lower case, digit,
/// symbol, 4 different characters) — residents on the portal are not asked for it (issue #15 item 20). A resident's
/// account is the one named "r" + record id (<see cref="Portal.PortalAccounts.UserNameFor"/>); staff names of that
/// shape are refused when users are created.
/// </summary>
public sealed partial class AccountPasswordPolicy(IdentityErrorDescriber describe) : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        if (!IsResidentAccount(user.UserName))
        {
            var broken = new (bool Broken, Func<IdentityError> Error)[]
            {
                (!password.Any(char.IsAsciiLetterUpper), describe.PasswordRequiresUpper),
                (!password.Any(char.IsAsciiLetterLower), describe.PasswordRequiresLower),
                (!password.Any(char.IsAsciiDigit), describe.PasswordRequiresDigit),
                (password.All(char.IsLetterOrDigit), describe.PasswordRequiresNonAlphanumeric),
                (password.Distinct().Count() < 4, () => describe.PasswordRequiresUniqueChars(4)),
            };
            errors.AddRange(broken.Where(b => b.Broken).Select(b => b.Error()));
        }
        errors.AddRange(PasswordRules.Check(password)
            .Select(message => new IdentityError { Code = message == PasswordRules.CommonMessage ? "PasswordTooCommon" : "PasswordTooRepetitive", Description = message }));
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>A resident's portal account: "r" followed by the record id.</summary>
    public static bool IsResidentAccount(string? userName) => userName is not null && ResidentName().IsMatch(userName);

    [GeneratedRegex("^r[0-9]+$")]
    private static partial Regex ResidentName();
}
