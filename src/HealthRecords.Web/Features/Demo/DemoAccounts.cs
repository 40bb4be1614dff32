using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web.Features.Demo;

/// <summary>One demo sign-in per role, printed at start. Only created when <c>Demo:Enabled</c> is true.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo@2026";

    /// <summary>The demo village clinic of 跳磴镇 and the two villages its doctor looks after.</summary>
    public const string ClinicCode = "500104103203C";
    public static readonly string[] ClinicVillages = ["500104103203", "500104103204"];

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? InstitutionCode)> All =
    [
        ("cunyi", "石林村卫生室 李村医", Roles.VillageDoctor, ClinicCode),
        ("yisheng", "跳磴镇卫生院 王医生", Roles.Doctor, DemoCounty.TiaodengHospital),
        ("gongwei", "跳磴镇卫生院 赵公卫", Roles.PublicHealthStaff, DemoCounty.TiaodengHospital),
        ("dangan", "跳磴镇卫生院 陈档案", Roles.RecordKeeper, DemoCounty.TiaodengHospital),
        ("jigou", "跳磴镇卫生院 周管理员", Roles.InstitutionAdmin, DemoCounty.TiaodengHospital),
        ("jianguan", "区卫健委 刘监管", Roles.Supervisor, DemoCounty.AuthorityCode),
        ("admin", "系统管理员", Roles.SystemAdmin, null),
    ];

    public static async Task EnsureAsync(HealthRecordsDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        if (!await db.Institutions.AnyAsync(i => i.Code == ClinicCode, ct))
        {
            var hospital = await db.Institutions.FirstAsync(i => i.Code == DemoCounty.TiaodengHospital, ct);
            var clinic = new Institution { Code = ClinicCode, Name = "跳磴镇石林村卫生室", Kind = InstitutionKind.VillageClinic, ParentId = hospital.Id };
            db.Institutions.Add(clinic);
            await db.SaveChangesAsync(ct);
            db.Set<Regions.InstitutionVillage>().AddRange(ClinicVillages.Select(v => new Regions.InstitutionVillage { InstitutionId = clinic.Id, VillageCode = v }));
            await db.SaveChangesAsync(ct);
        }
        foreach (var (userName, displayName, role, institutionCode) in All)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }
            var institution = institutionCode is null ? null : await db.Institutions.FirstAsync(i => i.Code == institutionCode, ct);
            var user = new AppUser { UserName = userName, DisplayName = displayName, InstitutionId = institution?.Id, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(user, role);
            if (role == Roles.VillageDoctor)
            {
                db.UserVillages.AddRange(ClinicVillages.Select(v => new UserVillage { UserId = user.Id, VillageCode = v }));
                await db.SaveChangesAsync(ct);
            }
        }
    }
}
