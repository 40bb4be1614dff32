using HealthRecords.Domain.Records;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Home;
using HealthRecords.Web.Features.Residents;
using System.Net.Http.Json;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Home;

/// <summary>The home page's figures count only what the signed-in user may see.</summary>
public abstract class HomeSummaryTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FiguresFollowTheUsersDataScope()
    {
        var doctor = await host.SignInAsync("yisheng");
        await TestResidents.CreateAsync(doctor, TestResidents.New("钱一", TestResidents.Shilin, birth: new DateOnly(1990, 1, 1)));
        await TestResidents.CreateAsync(doctor, TestResidents.New("钱二", TestResidents.Shuanghe, birth: new DateOnly(1950, 1, 1)));

        var village = await FiguresAsync("cunyi");
        var township = await FiguresAsync("yisheng");
        var county = await FiguresAsync("jianguan");

        Assert.Equal(1, village.Active);          // only 石林村 of the two
        Assert.Equal(2, township.Active);         // both villages of 跳磴镇卫生院
        Assert.Equal(2, county.Active);           // the supervisor reads the whole county
        Assert.Equal(2, township.CreatedThisMonth);
        Assert.Equal(1, township.KeyPopulations.Single(p => p.Population == KeyPopulation.Elderly65Plus).Count); // born 1950
        Assert.Equal(0, village.KeyPopulations.Single(p => p.Population == KeyPopulation.Elderly65Plus).Count);
    }

    [Fact]
    public async Task AgeBoundPopulationsFollowTheCalendarWithoutAnyoneSavingTheRecord()
    {
        var doctor = await host.SignInAsync("yisheng");
        // 64 on 2026-06-15, 65 on 2026-06-20; 6 today, 7 on 2026-06-20
        var elder = await TestResidents.CreateAsync(doctor, TestResidents.New("孙老", TestResidents.Shilin, birth: new DateOnly(1961, 6, 20)));
        var child = await TestResidents.CreateAsync(doctor, TestResidents.New("孙小", TestResidents.Shilin, birth: new DateOnly(2019, 6, 20)));
        Assert.Equal(KeyPopulation.Children0To6, child.KeyPopulations);
        Assert.Equal(0, Count(await FiguresAsync("yisheng"), KeyPopulation.Elderly65Plus));
        Assert.Equal(1, Count(await FiguresAsync("yisheng"), KeyPopulation.Children0To6));

        host.Clock.Advance(TimeSpan.FromDays(5));
        doctor = await host.SignInAsync("yisheng"); // the session of five days ago has expired
        var figures = await FiguresAsync("yisheng");
        Assert.Equal(1, Count(figures, KeyPopulation.Elderly65Plus));
        Assert.Equal(0, Count(figures, KeyPopulation.Children0To6));
        // the search filter, the list's tags and the overview agree
        var found = await doctor.GetFromJsonAsync<PagedResult<ResidentListItem>>($"/api/residents?keyPopulation={(int)KeyPopulation.Elderly65Plus}", Json.Options);
        Assert.Equal([elder.Id], found!.Items.Select(i => i.Id));
        Assert.Equal(KeyPopulation.Elderly65Plus, found.Items[0].KeyPopulations);
        Assert.Equal(KeyPopulation.None, (await doctor.GetFromJsonAsync<ResidentDetail>($"/api/residents/{child.Id}", Json.Options))!.KeyPopulations);
    }

    private static int Count(HomeFigures figures, KeyPopulation population) => figures.KeyPopulations.Single(p => p.Population == population).Count;

    public async Task TheScopeLineNamesTheVillagesAndOnlyThoseWhoVisitResidentsSeeTheToDoCount()
    {
        var village = await FiguresAsync("cunyi");
        var township = await FiguresAsync("yisheng");
        var county = await FiguresAsync("jianguan");
        var admin = await FiguresAsync("jigou");

        Assert.Equal("管理范围：跳磴镇 石林村、拱桥村", village.ScopeLine);
        Assert.Equal("管理范围：跳磴镇卫生院管理的 跳磴镇 20 个村(居)委会", township.ScopeLine);
        Assert.Equal("管理范围：全区 8 个乡镇(街道)", county.ScopeLine);
        Assert.True(village.ShowsToDo);
        Assert.True(township.ShowsToDo);
        Assert.False(county.ShowsToDo);  // the supervisor reads; they do not visit residents
        Assert.False(admin.ShowsToDo);   // nor does the institution admin
    }

    private async Task<HomeFigures> FiguresAsync(string userName)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>()
            .CreateAsync((await users.FindByNameAsync(userName))!);
        return await scope.ServiceProvider.GetRequiredService<HomeSummary>().GetAsync(DataScope.From(principal), CancellationToken.None);
    }
}

public sealed class SqliteHomeSummaryTests(SqliteHost host) : HomeSummaryTests<SqliteHost>(host);

public sealed class PostgresHomeSummaryTests(PostgresHost host) : HomeSummaryTests<PostgresHost>(host);
