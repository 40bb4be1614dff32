namespace HealthRecords.Web.Features.Residents;

/// <summary>A staff member who may be a resident's 责任医生 (004 附件2 封面, 附件8 信息卡 “责任医生或护士”).</summary>
public sealed record DoctorOption(string Id, string Name, string Role);

/// <summary>
/// Who may be the 责任医生 of a village's residents: an active clinical member (全科医生, 公卫人员 — who may be a nurse —
/// or 村医) of the institution that manages the village, and the village doctors assigned to the village itself (a
/// village clinic is an institution of its own under the township hospital). Creating, editing and transferring a record
/// check the choice here; the pages list these as the choices.
/// </summary>
public sealed class ResponsibleDoctors(HealthRecordsDbContext db)
{
    public static readonly IReadOnlyList<string> ClinicalRoles = [Roles.VillageDoctor, Roles.Doctor, Roles.PublicHealthStaff];

    public const string NotOfVillage = "请从该村(居)委会管理机构的医生或本村村医中选择责任医生";

    /// <summary>The village's possible 责任医生, by name; none for an unknown village.</summary>
    public async Task<IReadOnlyList<DoctorOption>> OfVillageAsync(string villageCode, CancellationToken ct)
    {
        var institution = await db.Villages.AsNoTracking().Where(v => v.Code == villageCode).Select(v => (int?)v.InstitutionId).FirstOrDefaultAsync(ct);
        if (institution is null)
        {
            return [];
        }
        var clinical = ClinicalRoles.ToList();
        var villageDoctors = db.UserVillages.Where(x => x.VillageCode == villageCode).Select(x => x.UserId);
        var rows = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where clinical.Contains(r.Name!) && (u.InstitutionId == institution || villageDoctors.Contains(u.Id))
            select new { u.Id, u.DisplayName, Role = r.Name!, u.LockoutEnd })
            .ToListAsync(ct);
        return rows.Where(u => !(u.LockoutEnd is { } end && end.Year >= 9999)) // AccountSecurity.IsDisabled
            .DistinctBy(u => u.Id)
            .OrderBy(u => u.Role == Roles.VillageDoctor ? 0 : 1).ThenBy(u => u.DisplayName, StringComparer.Ordinal)
            .Select(u => new DoctorOption(u.Id, u.DisplayName, Roles.Label(u.Role))).ToList();
    }

    /// <summary>The doctor's name when <paramref name="doctorId"/> may be 责任医生 of the village's residents, else null.</summary>
    public async Task<string?> NameIfCandidateAsync(string doctorId, string villageCode, CancellationToken ct) =>
        (await OfVillageAsync(villageCode, ct)).FirstOrDefault(d => d.Id == doctorId)?.Name;
}
