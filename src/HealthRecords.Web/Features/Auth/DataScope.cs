using System.Security.Claims;

namespace HealthRecords.Web.Features.Auth;

/// <summary>
/// What the signed-in user may see: assigned villages for a village doctor, the institution's
/// managed records for its staff, the whole county for a supervisor or system administrator.
/// Every query that lists or opens residents goes through <see cref="Apply"/>.
/// </summary>
public sealed class DataScope
{
    private DataScope(string userId, string role, int? institutionId, IReadOnlyList<string> villages, string displayName)
    {
        UserId = userId;
        Role = role;
        InstitutionId = institutionId;
        Villages = villages;
        DisplayName = displayName;
    }

    public string UserId { get; }
    public string Role { get; }
    public int? InstitutionId { get; }
    public IReadOnlyList<string> Villages { get; }
    public string DisplayName { get; }

    public bool WholeCounty => Role is Roles.Supervisor or Roles.SystemAdmin;

    /// <summary>What this scope lets its user see, as text: two users with the same key see the same records and villages.</summary>
    public string Key => WholeCounty
        ? "county"
        : string.Join('|', Role, InstitutionId?.ToString(CultureInfo.InvariantCulture) ?? "", string.Join(',', Villages.Order(StringComparer.Ordinal)));
    public bool CanEdit => Can(Permission.EditRecord);
    public bool CanKeep => Can(Permission.CloseReopenRecord);
    public bool Can(Permission permission) => Permissions.Allows(Role, permission);

    public static DataScope From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var role = Roles.All.FirstOrDefault(user.IsInRole) ?? "";
        var inst = user.FindFirstValue(ScopeClaims.Institution);
        var villages = user.FindAll(ScopeClaims.Village).Select(c => c.Value).ToArray();
        var name = user.FindFirstValue(ScopeClaims.DisplayName) ?? user.Identity?.Name ?? "";
        return new DataScope(id, role, inst is null ? null : int.Parse(inst, CultureInfo.InvariantCulture), villages, name);
    }

    /// <summary>Restricts records to this user's scope. A user with no role sees nothing.</summary>
    public IQueryable<HealthRecord> Apply(IQueryable<HealthRecord> records)
    {
        if (WholeCounty)
        {
            return records;
        }
        if (Role == Roles.VillageDoctor)
        {
            var villages = Villages;
            return records.Where(r => villages.Contains(r.VillageCode));
        }
        if (InstitutionId is int inst && Role is Roles.Doctor or Roles.PublicHealthStaff or Roles.RecordKeeper or Roles.InstitutionAdmin)
        {
            return records.Where(r => r.ManagingInstitutionId == inst);
        }
        return records.Where(r => false);
    }

    /// <summary>
    /// Ids of records lent to this user by an approved, unexpired access request (档案借阅). Only the read path
    /// (<c>ResidentReader</c>) adds these to <see cref="Apply(IQueryable{HealthRecord})"/>; searches, lists and
    /// changes stay within the scope, so a lent record can be opened and read, never found by browsing or changed.
    /// </summary>
    public IQueryable<long> Lent(IQueryable<AccessRequest> requests, DateTime nowUtc)
    {
        var userId = UserId;
        return requests
            .Where(a => a.RequesterId == userId && a.Status == AccessRequestStatus.Approved && a.ExpiresAtUtc > nowUtc)
            .Select(a => a.HealthRecordId);
    }

    /// <summary>Restricts households the same way as records.</summary>
    public IQueryable<Household> Apply(IQueryable<Household> households, IQueryable<Village> villagesTable)
    {
        if (WholeCounty)
        {
            return households;
        }
        if (Role == Roles.VillageDoctor)
        {
            var villages = Villages;
            return households.Where(h => villages.Contains(h.VillageCode));
        }
        if (InstitutionId is int inst)
        {
            return households.Where(h => villagesTable.Any(v => v.Code == h.VillageCode && v.InstitutionId == inst));
        }
        return households.Where(h => false);
    }

    /// <summary>
    /// The villages of this user's scope: a village doctor's own, the institution's, or the county's. The one statement of
    /// "the villages in my scope": pages, lists and planners filter villages through it (or <see cref="Covers(string, int?)"/>).
    /// </summary>
    public IQueryable<Village> Apply(IQueryable<Village> villages)
    {
        if (WholeCounty)
        {
            return villages;
        }
        if (Role == Roles.VillageDoctor)
        {
            var mine = Villages;
            return villages.Where(v => mine.Contains(v.Code));
        }
        var inst = InstitutionId ?? -1;
        return villages.Where(v => v.InstitutionId == inst);
    }

    /// <summary>True when the village (its code and managing institution) is in this user's scope: the same rule in memory.</summary>
    public bool Covers(string villageCode, int? villageInstitutionId) =>
        WholeCounty
        || (Role == Roles.VillageDoctor ? Villages.Contains(villageCode) : InstitutionId is int inst && villageInstitutionId == inst);

    /// <summary>True when a new or moved record in <paramref name="village"/> falls in this user's scope.</summary>
    public bool Covers(Village village) => Covers(village.Code, village.InstitutionId);
}
