using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web.Features.Users;

/// <summary>
/// An institution admin manages the users of their institution (and its village clinics): create with an issued
/// password, disable, enable, reset the password, assign villages to a village doctor. A system admin manages all.
/// Users outside the manager's reach are "not found"; every change is audited.
/// </summary>
public sealed class UserAdmin(HealthRecordsDbContext db, UserManager<AppUser> users, Audit audit)
{
    private const string NotYours = "用户不存在或不属于本机构";

    public async Task<IReadOnlyList<UserSummary>> ListAsync(DataScope manager, CancellationToken ct)
    {
        if (!manager.Can(Permission.ManageUsers))
        {
            return [];
        }
        var reach = await ReachAsync(manager, ct);
        var list = await db.Users.Where(u => reach == null || (u.InstitutionId != null && reach.Contains(u.InstitutionId.Value)))
            .OrderBy(u => u.UserName).ToListAsync(ct);
        var result = new List<UserSummary>();
        foreach (var u in list)
        {
            result.Add(await DescribeAsync(u, ct));
        }
        return result;
    }

    public async Task<IReadOnlyList<AssignableVillage>> VillagesAsync(DataScope manager, CancellationToken ct)
    {
        var area = manager.WholeCounty ? null : await AreaOfAsync(manager.InstitutionId, ct);
        if (!manager.Can(Permission.ManageUsers) || (!manager.WholeCounty && area is null))
        {
            return [];
        }
        return await db.Villages.Where(v => area == null || v.InstitutionId == area).OrderBy(v => v.Code)
            .Join(db.Townships, v => v.TownshipCode, t => t.Code, (v, t) => new AssignableVillage(v.Code, v.Name, t.Name))
            .ToListAsync(ct);
    }

    public async Task<CommandResult<IssuedPassword>> CreateAsync(DataScope manager, NewUserInput input, CancellationToken ct)
    {
        if (!manager.Can(Permission.ManageUsers))
        {
            return CommandResult<IssuedPassword>.Forbidden("您没有管理用户的权限");
        }
        var errors = new FieldErrors();
        var allowedRoles = manager.Role == Roles.SystemAdmin ? Roles.All.Where(r => r != Roles.Resident).ToArray() : Roles.InstitutionStaff;
        if (!allowedRoles.Contains(input.Role))
        {
            errors.Add("role", manager.Role == Roles.SystemAdmin ? "请选择角色" : "机构管理员只能创建村医、全科医生、公卫人员和档案管理员");
        }
        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            errors.Add("displayName", "请填写姓名");
        }
        if (string.IsNullOrWhiteSpace(input.UserName))
        {
            errors.Add("userName", "请填写用户名");
        }
        else if (AccountPasswordPolicy.IsResidentAccount(input.UserName.Trim()))
        {
            errors.Add("userName", "“r”加数字的用户名留给居民自助查询账号，请换一个");
        }
        var institutionId = manager.Role == Roles.SystemAdmin ? input.InstitutionId : manager.InstitutionId;
        if (institutionId is null && input.Role is not (Roles.SystemAdmin or Roles.Supervisor))
        {
            errors.Add("institutionId", "请选择所属机构");
        }
        else if (institutionId is int inst && !await db.Institutions.AnyAsync(i => i.Id == inst, ct))
        {
            errors.Add("institutionId", "机构不存在");
        }
        var villages = input.Role == Roles.VillageDoctor ? await CheckVillagesAsync(institutionId, input.Villages, errors, ct) : [];
        if (errors.Count > 0)
        {
            return CommandResult<IssuedPassword>.Invalid(errors);
        }

        var password = AccountSecurity.IssuePassword();
        var user = new AppUser
        {
            UserName = input.UserName.Trim(), DisplayName = input.DisplayName.Trim(), InstitutionId = institutionId,
            EmailConfirmed = true, MustChangePassword = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
            {
                errors.Add("userName", e.Description);
            }
            return CommandResult<IssuedPassword>.Invalid(errors);
        }
        await users.AddToRoleAsync(user, input.Role);
        db.UserVillages.AddRange(villages.Select(v => new UserVillage { UserId = user.Id, VillageCode = v }));
        audit.Add(manager, "user-create", null, $"user={user.UserName};role={input.Role}");
        await db.SaveChangesAsync(ct);
        return CommandResult<IssuedPassword>.Ok(new IssuedPassword(await DescribeAsync(user, ct), password));
    }

    public Task<CommandResult<UserSummary>> DisableAsync(DataScope manager, string id, CancellationToken ct) =>
        ChangeAsync(manager, id, "user-disable", async user =>
        {
            if (user.Id == manager.UserId)
            {
                return "不能停用自己的账号";
            }
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user); // ends the user's open sessions
            return null;
        }, ct);

    public Task<CommandResult<UserSummary>> EnableAsync(DataScope manager, string id, CancellationToken ct) =>
        ChangeAsync(manager, id, "user-enable", async user =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return null;
        }, ct);

    public async Task<CommandResult<IssuedPassword>> ResetPasswordAsync(DataScope manager, string id, CancellationToken ct)
    {
        var password = AccountSecurity.IssuePassword();
        var result = await ChangeAsync(manager, id, "user-reset-password", async user =>
        {
            await users.RemovePasswordAsync(user);
            var added = await users.AddPasswordAsync(user, password);
            if (!added.Succeeded)
            {
                return string.Join("；", added.Errors.Select(e => e.Description));
            }
            user.MustChangePassword = true;
            await users.SetLockoutEndDateAsync(user, AccountSecurity.IsDisabled(user) ? user.LockoutEnd : null);
            await users.UpdateAsync(user);
            return null;
        }, ct);
        return result.Succeeded ? CommandResult<IssuedPassword>.Ok(new IssuedPassword(result.Value!, password)) : result.As<IssuedPassword>();
    }

    public async Task<CommandResult<UserSummary>> AssignVillagesAsync(DataScope manager, string id, VillagesInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var result = await ChangeAsync(manager, id, "user-villages", async user =>
        {
            if (!await users.IsInRoleAsync(user, Roles.VillageDoctor))
            {
                return "只能为村医分配村(居)委会";
            }
            var villages = await CheckVillagesAsync(user.InstitutionId, input.Villages, errors, ct);
            if (errors.Count > 0)
            {
                return "";
            }
            db.UserVillages.RemoveRange(await db.UserVillages.Where(v => v.UserId == user.Id).ToListAsync(ct));
            db.UserVillages.AddRange(villages.Select(v => new UserVillage { UserId = user.Id, VillageCode = v }));
            return null;
        }, ct);
        return errors.Count > 0 ? CommandResult<UserSummary>.Invalid(errors) : result;
    }

    /// <summary>Finds a user the manager may manage, applies the change, audits it. A refusal message aborts.</summary>
    private async Task<CommandResult<UserSummary>> ChangeAsync(DataScope manager, string id, string action, Func<AppUser, Task<string?>> change, CancellationToken ct)
    {
        if (!manager.Can(Permission.ManageUsers))
        {
            return CommandResult<UserSummary>.Forbidden("您没有管理用户的权限");
        }
        var reach = await ReachAsync(manager, ct);
        var user = await users.FindByIdAsync(id);
        if (user is null || (reach is not null && (user.InstitutionId is not int inst || !reach.Contains(inst))))
        {
            return CommandResult<UserSummary>.NotFound(NotYours);
        }
        if (manager.Role != Roles.SystemAdmin)
        {
            var roles = await users.GetRolesAsync(user);
            if (!roles.All(Roles.InstitutionStaff.Contains))
            {
                return CommandResult<UserSummary>.Forbidden("机构管理员只能管理本机构的村医、全科医生、公卫人员和档案管理员");
            }
        }
        var refusal = await change(user);
        if (refusal is not null)
        {
            return CommandResult<UserSummary>.Invalid("user", refusal);
        }
        audit.Add(manager, action, null, $"user={user.UserName}");
        await db.SaveChangesAsync(ct);
        return CommandResult<UserSummary>.Ok(await DescribeAsync(user, ct));
    }

    private async Task<string[]> CheckVillagesAsync(int? institutionId, IReadOnlyList<string>? requested, FieldErrors errors, CancellationToken ct)
    {
        var codes = (requested ?? []).Distinct().ToArray();
        if (codes.Length == 0)
        {
            errors.Add("villages", "请为村医至少分配一个村(居)委会");
            return [];
        }
        var area = await AreaOfAsync(institutionId, ct);
        var allowed = await db.Villages.Where(v => codes.Contains(v.Code) && v.InstitutionId == area).Select(v => v.Code).ToListAsync(ct);
        if (allowed.Count != codes.Length)
        {
            errors.Add("villages", "只能分配本机构辖区内的村(居)委会");
        }
        return codes;
    }

    /// <summary>The institution whose area villages belong to: a village clinic's parent hospital, or the institution itself.</summary>
    private async Task<int?> AreaOfAsync(int? institutionId, CancellationToken ct) =>
        institutionId is int id
            ? await db.Institutions.Where(i => i.Id == id).Select(i => i.ParentId ?? i.Id).FirstOrDefaultAsync(ct)
            : null;

    /// <summary>The institutions whose users the manager may manage; null for all (system admin).</summary>
    private async Task<List<int>?> ReachAsync(DataScope manager, CancellationToken ct)
    {
        if (manager.Role == Roles.SystemAdmin)
        {
            return null;
        }
        if (manager.InstitutionId is not int inst)
        {
            return [];
        }
        return await db.Institutions.Where(i => i.Id == inst || i.ParentId == inst).Select(i => i.Id).ToListAsync(ct);
    }

    private async Task<UserSummary> DescribeAsync(AppUser u, CancellationToken ct)
    {
        var role = (await users.GetRolesAsync(u)).FirstOrDefault() ?? "";
        var institution = u.InstitutionId is int i ? await db.Institutions.Where(x => x.Id == i).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var villages = await db.UserVillages.Where(v => v.UserId == u.Id).Select(v => v.VillageCode).OrderBy(v => v).ToListAsync(ct);
        return new UserSummary(u.Id, u.UserName!, u.DisplayName, role, Roles.Label(role), u.InstitutionId, institution,
            AccountSecurity.IsDisabled(u), u.MustChangePassword, villages);
    }
}
