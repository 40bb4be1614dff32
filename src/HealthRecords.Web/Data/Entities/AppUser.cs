using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web.Data.Entities;

/// <summary>A signed-in person: staff of an institution, a supervisor, or an administrator.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? InstitutionId { get; set; }
    /// <summary>Signed in with a password an administrator issued: every page and API call waits until it is changed.</summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>A village assigned to a village doctor: their whole data scope.</summary>
public sealed class UserVillage
{
    public required string UserId { get; set; }
    public required string VillageCode { get; set; }
}
