using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Features.Households;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Security;

/// <summary>
/// Role × record action × in-scope / out-of-scope resident, through the real API and pages on both databases.
/// Allowed and in scope → success; the role may not → 403; out of scope → 404 with nothing leaked or changed.
/// Expectations come from the permission table (<see cref="Permissions"/>) and the region tree.
/// </summary>
public abstract class AuthorizationMatrixTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private const string NotInScope = "档案不存在或不在您的管理范围内";

    /// <summary>Residents: A in 石林村 (cunyi's), B in 双河村 (same hospital, another village), C in 凤阳村 (another institution).</summary>
    public static readonly TheoryData<string, string, string> Actors = new()
    {
        { "cunyi", Roles.VillageDoctor, "A" },
        { "cunyi2", Roles.VillageDoctor, "B" },        // village doctor of another village, same hospital
        { "yisheng", Roles.Doctor, "AB" },
        { "gongwei", Roles.PublicHealthStaff, "AB" },
        { "dangan", Roles.RecordKeeper, "AB" },
        { "jigou", Roles.InstitutionAdmin, "AB" },
        { "yisheng2", Roles.Doctor, "C" },              // doctor of another institution
        { "jianguan", Roles.Supervisor, "ABC" },
        { "admin", Roles.SystemAdmin, "ABC" },
    };

    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Actors))]
    public async Task EachRoleDoesExactlyWhatTheTableAllowsWithinItsScope(string userName, string role, string scope)
    {
        await EnsureExtraUsersAsync();
        var admin = await host.SignInAsync("admin");
        var residents = new Dictionary<string, ResidentDetail>
        {
            ["A"] = await TestResidents.CreateAsync(admin, TestResidents.New("甲一", TestResidents.Shilin)),
            ["B"] = await TestResidents.CreateAsync(admin, TestResidents.New("乙二", TestResidents.Shuanghe)),
            ["C"] = await TestResidents.CreateAsync(admin, TestResidents.New("丙三", TestResidents.Fengyang)),
        };
        var client = await host.SignInAsync(userName);
        var canEdit = Permissions.Allows(role, Permission.EditRecord);
        var canKeep = Permissions.Allows(role, Permission.CloseReopenRecord);

        foreach (var (key, r) in residents)
        {
            var inScope = scope.Contains(key, StringComparison.Ordinal);
            var what = $"{userName} on {key}";

            // Read: the record and its overview.
            foreach (var url in new[] { $"/api/residents/{r.Id}", $"/api/residents/{r.Id}/overview", $"/api/residents/{r.Id}/changes" })
            {
                var read = await client.GetAsync(url);
                Assert.True(read.StatusCode == (inScope ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{what}: GET {url} -> {read.StatusCode}");
                if (!inScope)
                {
                    await AssertNothingLeakedAsync(read, r);
                }
            }

            // Search: guessing by record number (17 or last 8), ID number, phone-less name finds nothing out of scope.
            foreach (var q in new[] { r.RecordNumber, r.RecordNumberLast8, r.Info.IdNumber!, r.Info.Name })
            {
                var found = await client.GetFromJsonAsync<PagedResult<ResidentListItem>>($"/api/residents?q={Uri.EscapeDataString(q)}", Json.Options);
                Assert.True(found!.Items.Any(i => i.Id == r.Id) == inScope, $"{what}: search {q}");
                if (!inScope)
                {
                    Assert.Equal(0, found.Total);
                }
            }

            // Print pages: in scope the form, out of scope the Chinese message and no personal data.
            foreach (var form in new[] { "cover", "card" })
            {
                var page = await client.GetAsync($"/residents/{r.Id}/print/{form}");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
                Assert.True(html.Contains(r.Info.Name, StringComparison.Ordinal) == inScope, $"{what}: print {form}");
                if (!inScope)
                {
                    Assert.Contains(NotInScope, html);
                    Assert.DoesNotContain(r.RecordNumber, html);
                }
            }

            // Household: read, then edit.
            var household = await client.GetAsync($"/api/households/{r.HouseholdId}");
            Assert.True(household.StatusCode == (inScope ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{what}: household read -> {household.StatusCode}");
            var hVersion = await host.WithDbAsync(db => db.Households.Where(h => h.Id == r.HouseholdId).Select(h => h.Version).SingleAsync());
            var hEdit = await client.PutAsJsonAsync($"/api/households/{r.HouseholdId}", new HouseholdInput("改后的住址1号", r.Id, null, hVersion));
            Assert.True(hEdit.StatusCode == Expected(canEdit, inScope), $"{what}: household edit -> {hEdit.StatusCode}");
            var address = await host.WithDbAsync(db => db.Households.Where(h => h.Id == r.HouseholdId).Select(h => h.Address).SingleAsync());
            Assert.Equal(hEdit.IsSuccessStatusCode, address == "改后的住址1号");

            // Update the record.
            var version = await VersionAsync(r.Id);
            var update = await client.PutAsJsonAsync($"/api/residents/{r.Id}", new ResidentInput
            {
                Info = r.Info, Cover = r.Cover with { CurrentAddress = "改后的现住址" }, VillageCode = r.VillageCode,
                HouseholdId = r.HouseholdId, Version = version, ConfirmNotDuplicate = true,
            });
            Assert.True(update.StatusCode == Expected(canEdit, inScope), $"{what}: update -> {update.StatusCode}");
            Assert.Equal(update.IsSuccessStatusCode ? version + 1 : version, await VersionAsync(r.Id));

            // Close, then reopen.
            version = await VersionAsync(r.Id);
            var close = await client.PostAsJsonAsync($"/api/residents/{r.Id}/closure", new ClosureInput(ClosureReason.LostToFollowUp, new DateOnly(2026, 6, 1), null, null, "三次随访未见", version));
            Assert.True(close.StatusCode == Expected(canKeep, inScope), $"{what}: close -> {close.StatusCode}");
            Assert.Equal(close.IsSuccessStatusCode ? RecordStatus.Closed : RecordStatus.Active, await StatusAsync(r.Id));
            if (close.IsSuccessStatusCode)
            {
                var reopen = await client.PostAsJsonAsync($"/api/residents/{r.Id}/reopen", new ReopenInput("随访已恢复", await VersionAsync(r.Id)));
                Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
            }
            else
            {
                var reopen = await client.PostAsJsonAsync($"/api/residents/{r.Id}/reopen", new ReopenInput("随访已恢复", version));
                Assert.True(reopen.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{what}: reopen -> {reopen.StatusCode}");
            }
            Assert.Equal(RecordStatus.Active, await StatusAsync(r.Id));
        }

        // Export: a role that may not gets 403; one that may gets exactly its scope's residents, even when it asks by an
        // out-of-scope record number.
        var export = await client.GetAsync("/api/residents/export");
        if (!Permissions.Allows(role, Permission.ExportRecords))
        {
            Assert.True(export.StatusCode == HttpStatusCode.Forbidden, $"{userName}: export -> {export.StatusCode}");
        }
        else
        {
            Assert.True(export.StatusCode == HttpStatusCode.OK, $"{userName}: export -> {export.StatusCode}");
            Assert.Equal(
                residents.Where(x => scope.Contains(x.Key, StringComparison.Ordinal)).Select(x => x.Value.Info.Name).Order(),
                (await ExportedNamesAsync(export)).Order());
            foreach (var (key, r) in residents.Where(x => !scope.Contains(x.Key, StringComparison.Ordinal)))
            {
                Assert.Empty(await ExportedNamesAsync(await client.GetAsync($"/api/residents/export?q={r.RecordNumber}")));
            }
        }

        // Merge: a role that may not gets 403; one that may can't merge with a record outside its scope.
        var inIds = residents.Where(x => scope.Contains(x.Key, StringComparison.Ordinal)).Select(x => x.Value.Id).ToList();
        var outIds = residents.Where(x => !scope.Contains(x.Key, StringComparison.Ordinal)).Select(x => x.Value.Id).ToList();
        var canMerge = Permissions.Allows(role, Permission.MergeRecords);
        foreach (var (survivor, merged) in inIds.SelectMany(i => outIds.SelectMany(o => new[] { (i, o), (o, i) })))
        {
            var merge = await client.PostAsJsonAsync("/api/residents/merge", new MergeInput(survivor, merged, "疑似重复"));
            Assert.True(merge.StatusCode == Expected(canMerge, false), $"{userName}: merge {survivor}<-{merged} -> {merge.StatusCode}");
        }
        if (!canMerge)
        {
            var merge = await client.PostAsJsonAsync("/api/residents/merge", new MergeInput(inIds[0], inIds.Count > 1 ? inIds[1] : outIds[0], "疑似重复"));
            Assert.Equal(HttpStatusCode.Forbidden, merge.StatusCode);
        }
        Assert.Equal(0, await host.WithDbAsync(db => db.HealthRecords.CountAsync(h => h.Status == RecordStatus.Merged)));

        // Transfer, last: out of scope 404 and nothing moves; in scope the record moves (and leaves the scope).
        var canTransfer = Permissions.Allows(role, Permission.TransferRecord);
        foreach (var (key, r) in residents)
        {
            var inScope = scope.Contains(key, StringComparison.Ordinal);
            var to = key == "C" ? TestResidents.Shilin : TestResidents.Fengyang;
            var doctor = await host.WithDbAsync(async db => (await new ResponsibleDoctors(db).OfVillageAsync(to, default)).First().Id); // a transfer asks for the new 责任医生
            var transfer = await client.PostAsJsonAsync($"/api/residents/{r.Id}/transfer", new TransferInput(to, new DateOnly(2026, 6, 10), "纸质档案已交接", await VersionAsync(r.Id), doctor));
            Assert.True(transfer.StatusCode == Expected(canTransfer, inScope), $"{userName} on {key}: transfer -> {transfer.StatusCode}");
            var village = await host.WithDbAsync(db => db.HealthRecords.Where(h => h.Id == r.Id).Select(h => h.VillageCode).SingleAsync());
            Assert.Equal(transfer.IsSuccessStatusCode ? to : r.VillageCode, village);
        }
    }

    [Fact]
    public async Task ResidentsAreNotFoundByGuessedIdsOutOfScope()
    {
        await EnsureExtraUsersAsync();
        var doctor = await host.SignInAsync("yisheng");
        var own = await TestResidents.CreateAsync(doctor, TestResidents.New("丁四", TestResidents.Shilin));
        var other = await host.SignInAsync("yisheng2");

        // Ids around the real one, and the real one: all 404 alike, so a guess tells nothing.
        foreach (var id in new[] { own.Id, own.Id + 1, own.Id + 1000 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/residents/{id}")).StatusCode);
        }
        var changes = await host.WithDbAsync(db => db.RecordChanges.CountAsync(c => c.HealthRecordId == own.Id));
        var move = await other.PostAsJsonAsync($"/api/residents/{own.Id}/household", new MoveMemberInput(null, HouseholdRelation.Head, "凤阳村1号"));
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.Equal(changes, await host.WithDbAsync(db => db.RecordChanges.CountAsync(c => c.HealthRecordId == own.Id)));
        Assert.Equal(own.HouseholdId, await host.WithDbAsync(db => db.HealthRecords.Where(h => h.Id == own.Id).Select(h => h.HouseholdId).SingleAsync()));
    }

    [Theory]
    [InlineData("jianguan")]
    [InlineData("jigou")]
    public async Task RolesThatCannotEditCannotProbeTheDuplicateCheck(string userName)
    {
        var admin = await host.SignInAsync("admin");
        var r = await TestResidents.CreateAsync(admin, TestResidents.New("戊五", TestResidents.Fengyang));
        var client = await host.SignInAsync(userName);
        var probe = await client.PostAsJsonAsync("/api/residents/duplicate-check", new DuplicateCheckInput(r.Info.Name, r.Info.BirthDate, null, r.TownshipCode, null));
        Assert.Equal(HttpStatusCode.Forbidden, probe.StatusCode);
        await AssertNothingLeakedAsync(probe, r);
    }

    private static async Task<List<string>> ExportedNamesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => (string)r["姓名"]).ToList();
    }

    private static HttpStatusCode Expected(bool roleMay, bool inScope) =>
        !roleMay ? HttpStatusCode.Forbidden : inScope ? HttpStatusCode.OK : HttpStatusCode.NotFound;

    private static async Task AssertNothingLeakedAsync(HttpResponseMessage response, ResidentDetail r)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(r.Info.Name, body);
        Assert.DoesNotContain(r.RecordNumber, body);
        Assert.DoesNotContain(r.Info.IdNumber!, body);
    }

    private Task<int> VersionAsync(long id) => host.WithDbAsync(db => db.HealthRecords.Where(h => h.Id == id).Select(h => h.Version).SingleAsync());

    private Task<RecordStatus> StatusAsync(long id) => host.WithDbAsync(db => db.HealthRecords.Where(h => h.Id == id).Select(h => h.Status).SingleAsync());

    /// <summary>A village doctor of 双河村 (same hospital as cunyi) and a doctor of the institution managing 凤阳村.</summary>
    private Task EnsureExtraUsersAsync() => TestUsers.EnsureAsync(host);
}

public sealed class SqliteAuthorizationMatrixTests(SqliteHost host) : AuthorizationMatrixTests<SqliteHost>(host);

public sealed class PostgresAuthorizationMatrixTests(PostgresHost host) : AuthorizationMatrixTests<PostgresHost>(host);
