using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web.Features.MentalHealth;

/// <summary>
/// Designates staff accounts for the severe mental disorders service (<see cref="MentalHealthStaffDesignation"/>): an
/// institution's administrator designates its own staff as 精神卫生专业人员; the system administrator designates anyone,
/// and alone designates a county supervisor (卫健委监管人员 role) as 区县精神卫生监管人员. Every change audited.
/// </summary>
public sealed class MentalHealthStaff(HealthRecordsDbContext db, UserManager<AppUser> users, Audit audit, TimeProvider time)
{
    /// <summary>The designations the administrator may see: their institution's, or all for the system administrator.</summary>
    public async Task<IReadOnlyList<MentalHealthStaffView>> ListAsync(DataScope admin, CancellationToken ct)
    {
        int? inst = admin.Role == Roles.SystemAdmin ? null : admin.InstitutionId ?? -1;
        var rows = await db.MentalHealthStaff.AsNoTracking()
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.UserId, u.UserName, u.DisplayName, u.InstitutionId, s.Duty })
            .Where(x => inst == null || x.InstitutionId == inst)
            .OrderBy(x => x.UserName).ToListAsync(ct);
        return [.. rows.Select(x => new MentalHealthStaffView(x.UserId, x.UserName ?? "", x.DisplayName, (int)x.Duty, Label(x.Duty)))];
    }

    /// <summary>Gives (or changes) a user's designation.</summary>
    public async Task<CommandResult<MentalHealthStaffView>> DesignateAsync(DataScope admin, string userId, MentalHealthStaffInput input, CancellationToken ct)
    {
        if (input.Duty is not MentalHealthDuty duty || !Enum.IsDefined(duty))
        {
            return CommandResult<MentalHealthStaffView>.Invalid("duty", "请选择：1 本机构精神卫生专业人员 2 区县精神卫生监管人员");
        }
        var (user, refusal) = await TargetAsync(admin, userId, ct);
        if (user is null)
        {
            return refusal!;
        }
        var roles = await users.GetRolesAsync(user);
        if (duty == MentalHealthDuty.CountySupervisor && (admin.Role != Roles.SystemAdmin || !roles.Contains(Roles.Supervisor)))
        {
            return CommandResult<MentalHealthStaffView>.Invalid("duty", admin.Role != Roles.SystemAdmin
                ? "只有系统管理员可以指定区县精神卫生监管人员"
                : "区县精神卫生监管人员须是卫健委监管人员");
        }
        if (duty == MentalHealthDuty.InstitutionStaff && (user.InstitutionId is null || !roles.Any(Roles.InstitutionStaff.Contains)))
        {
            return CommandResult<MentalHealthStaffView>.Invalid("duty", "精神卫生专业人员须是本机构的医务人员");
        }
        var row = await db.MentalHealthStaff.FirstOrDefaultAsync(s => s.UserId == user.Id, ct);
        if (row is null)
        {
            row = new MentalHealthStaffDesignation { UserId = user.Id };
            db.MentalHealthStaff.Add(row);
        }
        (row.Duty, row.DesignatedById, row.DesignatedAtUtc) = (duty, admin.UserId, time.UtcNow());
        audit.Add(admin, "mental-health-staff-designate", null, $"{user.UserName} {duty}");
        await db.SaveChangesAsync(ct);
        return CommandResult<MentalHealthStaffView>.Ok(new(user.Id, user.UserName ?? "", user.DisplayName, (int)duty, Label(duty)));
    }

    /// <summary>Ends a user's designation.</summary>
    public async Task<CommandResult<bool>> RevokeAsync(DataScope admin, string userId, CancellationToken ct)
    {
        var (user, refusal) = await TargetAsync(admin, userId, ct);
        if (user is null)
        {
            return refusal!.As<bool>();
        }
        var row = await db.MentalHealthStaff.FirstOrDefaultAsync(s => s.UserId == user.Id, ct);
        if (row is null)
        {
            return CommandResult<bool>.NotFound("该用户没有精神卫生专业人员的指定");
        }
        if (row.Duty == MentalHealthDuty.CountySupervisor && admin.Role != Roles.SystemAdmin)
        {
            return CommandResult<bool>.Forbidden("只有系统管理员可以撤销区县精神卫生监管人员");
        }
        db.MentalHealthStaff.Remove(row);
        audit.Add(admin, "mental-health-staff-revoke", null, user.UserName);
        await db.SaveChangesAsync(ct);
        return CommandResult<bool>.Ok(true);
    }

    public static string Label(MentalHealthDuty duty) => duty switch
    {
        MentalHealthDuty.InstitutionStaff => "本机构精神卫生专业人员",
        MentalHealthDuty.CountySupervisor => "区县精神卫生监管人员",
        _ => duty.ToString(),
    };

    /// <summary>The account, when the administrator may manage it: the system administrator anyone, an institution's administrator its own staff.</summary>
    private async Task<(AppUser? User, CommandResult<MentalHealthStaffView>? Refusal)> TargetAsync(DataScope admin, string userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || (admin.Role != Roles.SystemAdmin && (admin.InstitutionId is null || user.InstitutionId != admin.InstitutionId)))
        {
            return (null, CommandResult<MentalHealthStaffView>.NotFound("找不到该用户"));
        }
        return (user, null);
    }
}
