using System.Net;
using System.Net.Http.Json;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Tests.Infrastructure;

namespace HealthRecords.Web.Tests.Residents;

/// <summary>
/// The record keeper's sweep for likely duplicates over their scope (issue #15 item 23): same name and birth date in a
/// township, same name and phone, same household and name; merged from the list, and then no longer listed.
/// </summary>
public abstract class DuplicateSweepTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static ResidentInput WithoutId(ResidentInput input) => input with { Info = input.Info with { IdDocumentType = IdDocumentType.None, IdNumber = null } };

    [Fact]
    public async Task TheSweepFindsEachKindOfLikelyDuplicateInScopeAndAMergeClearsIt()
    {
        var keeper = await host.SignInAsync("dangan");
        var born = new DateOnly(1958, 4, 9);
        var birth1 = await TestResidents.CreateAsync(keeper, TestResidents.New("重复甲", TestResidents.Shilin, birth: born));
        var birth2 = await TestResidents.CreateAsync(keeper, WithoutId(TestResidents.New("重复甲", TestResidents.Gongqiao, birth: born)));
        var phone1 = await TestResidents.CreateAsync(keeper, TestResidents.New("重复乙", TestResidents.Shilin, birth: new DateOnly(1970, 1, 1), phone: "13911112222"));
        var phone2 = await TestResidents.CreateAsync(keeper, WithoutId(TestResidents.New("重复乙", TestResidents.Shuanghe, birth: new DateOnly(1971, 1, 1), phone: "13911112222")));
        var home1 = await TestResidents.CreateAsync(keeper, TestResidents.New("重复丙", TestResidents.Shilin, birth: new DateOnly(1990, 5, 5)));
        var home2 = await TestResidents.CreateAsync(keeper, WithoutId(TestResidents.New("重复丙", TestResidents.Shilin, birth: new DateOnly(1991, 5, 5))) with
        {
            HouseholdId = home1.HouseholdId, RelationToHead = HouseholdRelation.Other,
        });
        await TestResidents.CreateAsync(keeper, TestResidents.New("不重复", TestResidents.Shilin, birth: born));
        var admin = await host.SignInAsync("admin");
        await TestResidents.CreateAsync(admin, WithoutId(TestResidents.New("重复甲", TestResidents.Fengyang, birth: born))); // another institution

        var groups = (await keeper.GetFromJsonAsync<List<DuplicateGroup>>("/api/residents/duplicates", Json.Options))!;

        Assert.Equal(3, groups.Count);
        Assert.Equal([birth1.Id, birth2.Id], groups.Single(g => g.Reason == DuplicateSweep.SameBirth).Records.Select(r => r.Id)); // oldest first
        Assert.Equal([phone1.Id, phone2.Id], groups.Single(g => g.Reason == DuplicateSweep.SamePhone).Records.Select(r => r.Id));
        Assert.Equal([home1.Id, home2.Id], groups.Single(g => g.Reason == DuplicateSweep.SameHousehold).Records.Select(r => r.Id));
        Assert.All(groups.SelectMany(g => g.Records), r => Assert.True(r.PhoneMasked is null || r.PhoneMasked.Contains('*'), r.PhoneMasked));

        var merge = await keeper.PostAsJsonAsync("/api/residents/merge", new MergeInput(birth1.Id, birth2.Id, "核实为同一人"));
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        var after = (await keeper.GetFromJsonAsync<List<DuplicateGroup>>("/api/residents/duplicates", Json.Options))!;
        Assert.DoesNotContain(after, g => g.Reason == DuplicateSweep.SameBirth);

        var village = await host.SignInAsync("cunyi");
        Assert.Equal(HttpStatusCode.Forbidden, (await village.GetAsync("/api/residents/duplicates")).StatusCode);
    }
}

public sealed class SqliteDuplicateSweepTests(SqliteHost host) : DuplicateSweepTests<SqliteHost>(host);

public sealed class PostgresDuplicateSweepTests(PostgresHost host) : DuplicateSweepTests<PostgresHost>(host);
