using System.Security.Claims;
using HealthRecords.Web.Features.Privacy;
using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web.Features.Portal;

public sealed record PortalActivateInput(string? IdNumber, string? Code, string? Password);

public sealed record PortalLoginInput(string? IdNumber, string? Password);

/// <summary>The claim that links a resident's account to their record.</summary>
public static class PortalClaims
{
    public const string Record = "hr:record";

    /// <summary>The record the signed-in resident may read, or null for anyone else.</summary>
    public static long? RecordId(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Resident) && long.TryParse(user.FindFirstValue(Record), CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>
/// Resident accounts: activation with ID number + one-time code + new password, and sign-in with ID number + password.
/// The account's user name is "r{recordId}": the ID number is never stored in the accounts table.
/// A guardian activates and signs in with the child's ID number, exactly as an adult does with their own.
/// </summary>
public sealed class PortalAccounts(
    HealthRecordsDbContext db,
    ActivationCodes codes,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    SignInManager<AppUser> signIn,
    Audit audit,
    TimeProvider time,
    SignInThrottle throttle,
    IHttpContextAccessor http)
{
    /// <summary>The one message for a wrong ID number or code: it never tells whether the ID number has a record.</summary>
    public const string WrongCode = "身份证号或激活码不正确，或激活码已过期、已使用。请核对后重试，或到卫生院（室）重新领取激活码。";
    public const string WrongPassword = "身份证号或密码不正确。连续输错 5 次将暂停登录 15 分钟。";

    public static string UserNameFor(long recordId) => "r" + recordId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Opens (or re-opens, after a forgotten password) the account of the record and signs the resident in.</summary>
    public async Task<CommandResult<long>> ActivateAsync(PortalActivateInput input, bool signInAfter, CancellationToken ct)
    {
        var recordId = await FindRecordIdByIdNumberAsync(input.IdNumber, ct);
        var code = recordId is long rid ? await codes.MatchAsync(rid, input.Code ?? "", ct) : ActivationCodes.NoMatch();
        if (code is null)
        {
            await db.SaveChangesAsync(ct); // the wrong try counts against the live code
            return CommandResult<long>.Invalid("code", WrongCode);
        }
        var id = code.HealthRecordId;
        var password = input.Password ?? "";
        var user = await users.FindByNameAsync(UserNameFor(id));
        var fresh = user is null;
        user ??= new AppUser { UserName = UserNameFor(id), DisplayName = "居民", LockoutEnabled = true };
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            problems.AddRange(check.Errors.Select(e => PasswordMessage(e, users.Options.Password.RequiredLength)));
        }
        if (problems.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            return CommandResult<long>.Invalid(new Dictionary<string, string[]> { ["password"] = problems.Distinct().ToArray() });
        }

        if (!await roles.RoleExistsAsync(Roles.Resident))
        {
            await roles.CreateAsync(new IdentityRole(Roles.Resident));
        }
        if (fresh)
        {
            Ensure(await users.CreateAsync(user, password));
            Ensure(await users.AddToRoleAsync(user, Roles.Resident));
            Ensure(await users.AddClaimAsync(user, new Claim(PortalClaims.Record, id.ToString(CultureInfo.InvariantCulture))));
        }
        else
        {
            Ensure(await users.RemovePasswordAsync(user));
            Ensure(await users.AddPasswordAsync(user, password));
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
        code.UsedAtUtc = time.UtcNow();
        audit.Add(ResidentScope(user.Id), "portal-activate", id);
        await db.SaveChangesAsync(ct);
        if (signInAfter)
        {
            await signIn.SignInAsync(user, isPersistent: false);
        }
        return CommandResult<long>.Ok(id);
    }

    /// <summary>
    /// Signs a resident in by ID number and password. Failures are counted per ID number and client address as staff
    /// sign-ins are (<see cref="SignInThrottle"/>), for numbers with and without an account alike.
    /// </summary>
    public async Task<bool> SignInAsync(PortalLoginInput input, CancellationToken ct)
    {
        // Counted under a hash of the ID number, so the number itself is not kept in memory.
        var account = "portal:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes((input.IdNumber ?? "").Trim().ToUpperInvariant())));
        var address = http.HttpContext is { } context ? SignInThrottle.AddressOf(context) : "unknown";
        if (throttle.IsLocked(account, address))
        {
            return false;
        }
        var recordId = await FindRecordIdByIdNumberAsync(input.IdNumber, ct);
        var user = recordId is long id ? await users.FindByNameAsync(UserNameFor(id)) : null;
        if (user is null || !await users.IsInRoleAsync(user, Roles.Resident))
        {
            ActivationCodes.NoMatch(); // as slow as a wrong password
            throttle.Failed(account, address);
            return false;
        }
        if (!await users.CheckPasswordAsync(user, input.Password ?? "") || await users.IsLockedOutAsync(user))
        {
            throttle.Failed(account, address);
            return false;
        }
        throttle.Succeeded(account, address);
        await signIn.SignInAsync(user, isPersistent: false);
        return true;
    }

    /// <summary>
    /// The ONE place the portal finds a record by ID number (exact match on the normalised number).
    /// ID numbers are encrypted at rest, so it looks up their keyed hash (<see cref="SensitiveLookup"/>).
    /// Merged records are skipped: the surviving record carries the same number.
    /// </summary>
    private async Task<long?> FindRecordIdByIdNumberAsync(string? idNumber, CancellationToken ct)
    {
        var normalized = (idNumber ?? "").Trim().ToUpperInvariant();
        if (normalized.Length is < 6 or > 30)
        {
            return null;
        }
        var ids = await db.HealthRecords.AsNoTracking()
            .WithIdNumber(db.Protector(), normalized)
            .Where(r => r.Status != RecordStatus.Merged)
            .Select(r => r.Id).Take(2).ToListAsync(ct);
        return ids.Count == 1 ? ids[0] : null;
    }

    internal static DataScope ResidentScope(string userId) =>
        DataScope.From(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Role, Roles.Resident)], "portal")));

    private static string PasswordMessage(IdentityError e, int length) => e.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => $"密码太短，至少 {length} 位",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "密码须包含数字",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "密码须包含小写字母",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "密码须包含大写字母",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "密码须包含符号（如 @ # ! 等）",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "密码中不同的字符太少",
        _ => e.Description,
    };

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("account update failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
