using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HealthRecords.Web.Features.Auth;

/// <summary>Adds the institution, assigned villages and display name to the sign-in cookie.</summary>
public sealed class ScopeClaimsFactory(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    HealthRecordsDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ScopeClaims.DisplayName, user.DisplayName));
        if (user.InstitutionId is int inst)
        {
            identity.AddClaim(new Claim(ScopeClaims.Institution, inst.ToString(CultureInfo.InvariantCulture)));
        }
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(ScopeClaims.MustChangePassword, "true"));
        }
        var villages = await db.UserVillages.Where(v => v.UserId == user.Id).Select(v => v.VillageCode).ToListAsync();
        foreach (var v in villages)
        {
            identity.AddClaim(new Claim(ScopeClaims.Village, v));
        }
        return identity;
    }
}
