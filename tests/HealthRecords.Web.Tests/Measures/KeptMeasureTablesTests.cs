using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Claims;
using HealthRecords.Domain.Measures;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Measures;

/// <summary>
/// Kept measure tables (<see cref="KeptMeasureTables"/>): a table that was slow to count is served again, recounted in
/// the background once data is saved or it is five minutes old, dropped after an hour, recounted at once on request,
/// and never served to a user of another scope. Here every table counts as slow (<c>Measures:KeepTablesSlowerThanMs</c> 0); the host's default
/// keeps only counts of a second or more, which a test county never reaches.
/// </summary>
public abstract class KeptMeasureTablesTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly ConcurrentDictionary<HostFixture, WebApplicationFactory<Program>> Configured = new();

    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private WebApplicationFactory<Program> Factory => Configured.GetOrAdd(host, h => h.Factory.WithWebHostBuilder(b =>
        b.UseSetting("Measures:KeepTablesSlowerThanMs", "0")));

    private Task<HttpClient> SignInAsync(string userName, WebApplicationFactory<Program>? factory = null) => HostFixture.SignInAsync(factory ?? Factory, userName);

    private static async Task<MeasureTable> TableAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<MeasureTable>("/api/measures?year=2026" + query, Json.Options))!;

    private static long Records(MeasureTable table) => table.Total.Figures.Single(f => f.Code == RecordMeasures.RecordsRate.Code).Numerator;

    [Fact]
    public async Task ASlowTableIsServedAgainAndRecountedInTheBackgroundOnceDataIsSaved()
    {
        var admin = await SignInAsync("admin");
        var jianguan = await SignInAsync("jianguan");
        await TestResidents.CreateAsync(admin, TestResidents.New("甲某"));

        var counted = await TableAsync(jianguan, "&recount=true"); // not a table kept by an earlier test of this host
        var again = await TableAsync(jianguan);

        Assert.False(counted.Kept);
        Assert.Equal(host.Clock.GetUtcNow(), counted.CountedAtUtc);
        Assert.Equal(1, Records(counted));
        Assert.True(again.Kept);
        Assert.Equal((counted.CountedAtUtc, 1L), (again.CountedAtUtc, Records(again)));

        await TestResidents.CreateAsync(admin, TestResidents.New("乙某"));
        var stale = await TableAsync(jianguan);
        Assert.True(stale.Kept);
        Assert.True(stale.Recounting); // served as kept; the save started a recount
        Assert.Equal(1, Records(stale));

        var recounted = stale;
        for (var i = 0; i < 100 && Records(recounted) == 1; i++)
        {
            await Task.Delay(100);
            recounted = await TableAsync(jianguan);
        }
        Assert.Equal(2, Records(recounted));
        Assert.True(recounted.Kept);
    }

    [Fact]
    public async Task ARecountIsCountedNowAndAnotherScopeNeverGetsTheKeptTable()
    {
        var admin = await SignInAsync("admin");
        var jianguan = await SignInAsync("jianguan");
        await TestResidents.CreateAsync(admin, TestResidents.New("甲某"));
        await TableAsync(jianguan);
        await TestResidents.CreateAsync(admin, TestResidents.New("乙某", TestResidents.Fengyang));

        var recount = await TableAsync(jianguan, "&recount=true");
        var institution = await TableAsync(await SignInAsync("yisheng"));

        Assert.False(recount.Kept);
        Assert.Equal(2, Records(recount));
        Assert.False(institution.Kept); // 跳磴镇's centre: its own table, not the county's
        Assert.Equal(1, Records(institution)); // 甲 in 石林村; 乙 is in 八桥镇's 凤阳村
    }

    [Fact]
    public async Task AKeptTableOlderThanFiveMinutesIsShownWhileItIsRecountedAndCountedAgainAfterAnHour()
    {
        var jianguan = await SignInAsync("jianguan");
        var first = await TableAsync(jianguan, "&recount=true");
        host.Clock.Advance(TimeSpan.FromMinutes(4.9));
        var current = await TableAsync(jianguan);
        host.Clock.Advance(TimeSpan.FromMinutes(0.2));
        var recountedAt = host.Clock.GetUtcNow();
        var old = await TableAsync(jianguan);
        var recounted = old;
        for (var i = 0; i < 100 && recounted.CountedAtUtc == first.CountedAtUtc; i++)
        {
            await Task.Delay(100);
            recounted = await TableAsync(jianguan);
        }
        host.Clock.Advance(TimeSpan.FromMinutes(61));
        var counted = await TableAsync(await SignInAsync("jianguan")); // an hour idle ends the session

        Assert.Equal((true, false, first.CountedAtUtc), (current.Kept, current.Recounting, current.CountedAtUtc)); // nothing saved since
        Assert.Equal((true, true, first.CountedAtUtc), (old.Kept, old.Recounting, old.CountedAtUtc));
        Assert.Equal(recountedAt, recounted.CountedAtUtc);
        Assert.Equal((false, false), (counted.Kept, counted.Recounting));
        Assert.Equal(host.Clock.GetUtcNow(), counted.CountedAtUtc);
    }

    [Fact]
    public async Task TheCountysTableIsCountedWhenTheHostStartsBeforeAnyoneOpensIt()
    {
        var admin = await SignInAsync("admin");
        await TestResidents.CreateAsync(admin, TestResidents.New("甲某"));
        var keeping = Factory.WithWebHostBuilder(b => b.UseSetting("Measures:KeepCountyTableCounted", "true")); // a host starting now
        var supervisor = DataScope.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Supervisor)], "test")));
        for (var i = 0; i < 100 && !IsKept(keeping, supervisor); i++) // the keeper's count may still be running; nobody has opened the table
        {
            await Task.Delay(100);
        }
        var jianguan = await SignInAsync("jianguan", keeping);

        var table = await TableAsync(jianguan);
        var byVillage = await TableAsync(jianguan, "&groupBy=village");

        Assert.True(table.Kept);
        Assert.Equal(1, Records(table));
        Assert.False(byVillage.Kept); // only the table a supervisor opens first is kept counted
        await keeping.DisposeAsync();
    }

    private static bool IsKept(WebApplicationFactory<Program> factory, DataScope user)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<MeasureEngine>().IsKept(user, new MeasureQuery { Year = 2026 });
    }

    [Fact]
    public async Task AQuickTableIsCountedOnEveryView()
    {
        var jianguan = await SignInAsync("jianguan", host.Factory); // the host's default: keep counts of a second or more

        var first = await TableAsync(jianguan);
        var second = await TableAsync(jianguan);

        Assert.False(first.Kept);
        Assert.False(second.Kept);
    }
}

public sealed class SqliteKeptMeasureTablesTests(SqliteHost host) : KeptMeasureTablesTests<SqliteHost>(host);

public sealed class PostgresKeptMeasureTablesTests(PostgresHost host) : KeptMeasureTablesTests<PostgresHost>(host);
