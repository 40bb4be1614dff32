using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Infrastructure;

/// <summary>Accounts beside the demo ones, for scope tests: another village's doctor and another institution's doctor.</summary>
public static class TestUsers
{
    /// <summary>Village doctor of 双河村 (跳磴镇卫生院, like cunyi, but another village).</summary>
    public const string OtherVillageDoctor = "cunyi2";

    /// <summary>Doctor of the institution that manages 凤阳村 (not 跳磴镇卫生院).</summary>
    public const string OtherInstitutionDoctor = "yisheng2";

    public static async Task EnsureAsync(HostFixture host)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        if (await users.FindByNameAsync(OtherVillageDoctor) is null)
        {
            var hospital = await db.Institutions.SingleAsync(i => i.Code == "500104103H");
            var user = new AppUser { UserName = OtherVillageDoctor, DisplayName = "双河村卫生室 村医", InstitutionId = hospital.Id };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.VillageDoctor);
            db.UserVillages.Add(new UserVillage { UserId = user.Id, VillageCode = TestResidents.Shuanghe });
            await db.SaveChangesAsync();
        }
        if (await users.FindByNameAsync(OtherInstitutionDoctor) is null)
        {
            var institution = await db.Villages.Where(v => v.Code == TestResidents.Fengyang).Select(v => v.InstitutionId).SingleAsync();
            var user = new AppUser { UserName = OtherInstitutionDoctor, DisplayName = "另一机构 医生", InstitutionId = institution };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Doctor);
        }
    }
}
