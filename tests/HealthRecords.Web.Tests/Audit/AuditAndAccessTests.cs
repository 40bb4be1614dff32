using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Access;
using HealthRecords.Web.Features.AuditLog;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Audit;

/// <summary>The audit log, its search, record lending (档案借阅) and revealing masked numbers, on SQLite and PostgreSQL.</summary>
public abstract class AuditAndAccessTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task<List<AuditEntry>> EntriesAsync(long recordId) =>
        host.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.HealthRecordId == recordId).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task EveryReadAndChangeIsAuditedWithTheUsersNameAndRoleAtTheTime()
    {
        var doctor = await host.SignInAsync("yisheng");
        var keeper = await host.SignInAsync("dangan");
        var created = await TestResidents.CreateAsync(doctor, TestResidents.New("审计甲", phone: "13811112222"));

        (await doctor.GetAsync($"/api/residents/{created.Id}")).EnsureSuccessStatusCode();
        (await doctor.GetAsync($"/api/residents/{created.Id}/overview")).EnsureSuccessStatusCode();
        (await doctor.GetAsync($"/api/residents/{created.Id}/changes")).EnsureSuccessStatusCode();
        (await doctor.GetAsync($"/api/households/{created.HouseholdId}")).EnsureSuccessStatusCode();
        (await doctor.GetAsync($"/residents/{created.Id}/print/card")).EnsureSuccessStatusCode();
        var closed = await keeper.PostAsJsonAsync($"/api/residents/{created.Id}/closure", new ClosureInput(ClosureReason.LostToFollowUp, new DateOnly(2026, 6, 1), null, null, null, created.Version));
        closed.EnsureSuccessStatusCode();
        var afterClose = (await closed.Content.ReadFromJsonAsync<ResidentDetail>(Json.Options))!;
        (await keeper.PostAsJsonAsync($"/api/residents/{created.Id}/reopen", new ReopenInput("居民已联系上", afterClose.Version))).EnsureSuccessStatusCode();

        var entries = await EntriesAsync(created.Id);
        var actions = entries.Select(e => $"{e.Action}:{e.Detail}").ToList();
        Assert.Contains(actions, a => a.StartsWith("create", StringComparison.Ordinal));
        Assert.Contains("read:detail", actions);
        Assert.Contains("read:overview", actions);
        Assert.Contains("read:changes", actions);
        Assert.Contains($"read:household {created.HouseholdId}", actions);
        Assert.Contains(actions, a => a.StartsWith("print-card", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.StartsWith("close", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.StartsWith("reopen", StringComparison.Ordinal));
        var read = entries.First(e => e.Action == "read");
        Assert.Equal("跳磴镇卫生院 王医生", read.UserName);
        Assert.Equal(Roles.Doctor, read.UserRole);
        Assert.NotNull(read.InstitutionId);
        var close = entries.Single(e => e.Action == "close");
        Assert.Equal(Roles.RecordKeeper, close.UserRole);
        // No personal data in the log: neither the phone nor the ID number appears anywhere in it.
        Assert.DoesNotContain(entries, e => (e.Detail ?? "").Contains("13811112222", StringComparison.Ordinal) || (e.Detail ?? "").Contains(created.Info.IdNumber!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASearchIsAuditedAsOneEntryWithTheKindOfQueryNotTheQuery()
    {
        var doctor = await host.SignInAsync("yisheng");
        var created = await TestResidents.CreateAsync(doctor, TestResidents.New("审计乙"));

        (await doctor.GetAsync($"/api/residents?q={created.Info.IdNumber}")).EnsureSuccessStatusCode();

        var searches = await host.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "search").ToListAsync());
        var search = Assert.Single(searches);
        Assert.StartsWith("IdNumber", search.Detail);
        Assert.DoesNotContain(created.Info.IdNumber!, search.Detail);
        Assert.Null(search.HealthRecordId);
    }

    [Fact]
    public async Task KeeperSearchesTheLogOfTheirInstitutionOnly()
    {
        var doctor = await host.SignInAsync("yisheng");
        var admin = await host.SignInAsync("admin");
        var ours = await TestResidents.CreateAsync(doctor, TestResidents.New("审计丙"));
        var theirs = await TestResidents.CreateAsync(admin, TestResidents.New("审计丁", TestResidents.Fengyang));
        (await admin.GetAsync($"/api/residents/{theirs.Id}")).EnsureSuccessStatusCode();
        (await doctor.GetAsync($"/api/residents/{ours.Id}")).EnsureSuccessStatusCode();

        var keeper = await host.SignInAsync("dangan");
        var page = await keeper.GetFromJsonAsync<PagedResult<AuditRow>>("/api/audit?pageSize=200", Json.Options);
        Assert.Contains(page!.Items, a => a.RecordId == ours.Id && a.Action == "read" && a.UserName == "跳磴镇卫生院 王医生");
        Assert.DoesNotContain(page.Items, a => a.RecordId == theirs.Id);

        var byRecord = await keeper.GetFromJsonAsync<PagedResult<AuditRow>>($"/api/audit?recordNumber={ours.RecordNumber}&action=read", Json.Options);
        Assert.NotEmpty(byRecord!.Items);
        Assert.All(byRecord.Items, a => Assert.Equal((ours.Id, "read"), (a.RecordId!.Value, a.Action)));
        var otherRecord = await keeper.GetFromJsonAsync<PagedResult<AuditRow>>($"/api/audit?recordNumber={theirs.RecordNumber}", Json.Options);
        Assert.Empty(otherRecord!.Items);

        var tomorrow = TestResidents.Date(new DateOnly(2026, 6, 16));
        var later = await keeper.GetFromJsonAsync<PagedResult<AuditRow>>($"/api/audit?from={tomorrow}", Json.Options);
        Assert.Equal(0, later!.Total);

        var supervisor = await host.SignInAsync("jianguan");
        var county = await supervisor.GetFromJsonAsync<PagedResult<AuditRow>>("/api/audit?pageSize=200", Json.Options);
        Assert.Contains(county!.Items, a => a.RecordId == theirs.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task ReadsOfARecordListNamesInstitutionsAndTimesOfReads()
    {
        var doctor = await host.SignInAsync("yisheng");
        var created = await TestResidents.CreateAsync(doctor, TestResidents.New("审计戊"));
        (await doctor.GetAsync($"/api/residents/{created.Id}")).EnsureSuccessStatusCode();
        var villageDoctor = await host.SignInAsync("cunyi");
        (await villageDoctor.GetAsync($"/residents/{created.Id}/print/cover")).EnsureSuccessStatusCode();

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var reads = await scope.ServiceProvider.GetRequiredService<AuditQueries>().ReadsOfRecordAsync(created.Id, CancellationToken.None);

        Assert.Contains(reads, r => r.UserName == "跳磴镇卫生院 王医生" && r.Institution == "跳磴镇卫生院" && r.Action == "查看档案" && r.Role == "全科医生");
        Assert.Contains(reads, r => r.UserName == "石林村卫生室 李村医" && r.Action == "打印封面");
        Assert.DoesNotContain(reads, r => r.Action == "建档"); // changes are not reads
    }

    [Fact]
    public async Task ApprovedRequestLendsTheRecordForReadingUntilItExpires()
    {
        var doctor = await host.SignInAsync("yisheng");
        var record = await TestResidents.CreateAsync(doctor, TestResidents.New("借阅甲", TestResidents.Shuanghe));
        var requester = await host.SignInAsync("cunyi"); // 石林村卫生室: 双河村 is outside the village doctor's villages
        Assert.Equal(HttpStatusCode.NotFound, (await requester.GetAsync($"/api/residents/{record.Id}")).StatusCode);

        var browse = await requester.GetAsync("/api/access-requests/lookup?term=借阅甲");
        Assert.Equal(HttpStatusCode.BadRequest, browse.StatusCode); // names are not looked up: no browsing
        var found = await requester.GetFromJsonAsync<LookupResult>($"/api/access-requests/lookup?term={record.RecordNumber}", Json.Options);
        Assert.Equal((record.Id, "借**", false), (found!.RecordId, found.MaskedName, found.InScope));
        var byId = await requester.GetFromJsonAsync<LookupResult>($"/api/access-requests/lookup?term={record.Info.IdNumber}", Json.Options);
        Assert.Equal(record.Id, byId!.RecordId);

        var noReason = await requester.PostAsJsonAsync("/api/access-requests", new AccessRequestInput(record.Id, " "));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));

        var asked = await requester.PostAsJsonAsync("/api/access-requests", new AccessRequestInput(record.Id, "居民在本村卫生室就诊，需了解既往史"));
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var request = (await asked.Content.ReadFromJsonAsync<AccessRequestView>(Json.Options))!;
        Assert.Equal(AccessRequestStatus.Pending, request.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await requester.GetAsync($"/api/residents/{record.Id}")).StatusCode); // pending lends nothing

        // Only the managing institution's record keeper (or institution admin) decides.
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.PostAsJsonAsync($"/api/access-requests/{request.Id}/approve", new ApproveInput(null, null, null))).StatusCode);
        var keeper = await host.SignInAsync("dangan");
        var toDecide = await keeper.GetFromJsonAsync<List<AccessRequestView>>("/api/access-requests/to-decide", Json.Options);
        Assert.Contains(toDecide!, r => r.Id == request.Id && r.RequesterName == "石林村卫生室 李村医");
        var approved = await keeper.PostAsJsonAsync($"/api/access-requests/{request.Id}/approve", new ApproveInput(null, null, "同意"));
        approved.EnsureSuccessStatusCode();
        var decision = (await approved.Content.ReadFromJsonAsync<AccessRequestView>(Json.Options))!;
        Assert.Equal(HostFixture.Now.UtcDateTime.AddDays(7), decision.ExpiresAtUtc); // the default lifetime

        var lent = await requester.GetAsync($"/api/residents/{record.Id}");
        Assert.Equal(HttpStatusCode.OK, lent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await requester.GetAsync($"/api/residents/{record.Id}/overview")).StatusCode);
        // Read-only: the lent record cannot be changed, and it is not listed by searches.
        var update = await requester.PutAsJsonAsync($"/api/residents/{record.Id}", TestResidents.New("借阅甲改", TestResidents.Shuanghe) with { Version = record.Version });
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        var search = await requester.GetFromJsonAsync<PagedResult<ResidentListItem>>($"/api/residents?q={record.RecordNumber}", Json.Options);
        Assert.Empty(search!.Items);

        host.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        requester = await host.SignInAsync("cunyi"); // the old cookie has expired too
        Assert.Equal(HttpStatusCode.NotFound, (await requester.GetAsync($"/api/residents/{record.Id}")).StatusCode);
        var mine = await requester.GetFromJsonAsync<List<AccessRequestView>>("/api/access-requests/mine", Json.Options);
        Assert.Equal("已过期", mine!.Single().StatusLabel);

        var actions = (await EntriesAsync(record.Id)).Select(e => (e.Action, e.UserRole)).ToList();
        Assert.Contains(("access-lookup", Roles.VillageDoctor), actions);
        Assert.Contains(("access-request", Roles.VillageDoctor), actions);
        Assert.Contains(("access-approve", Roles.RecordKeeper), actions);
        Assert.Contains(await EntriesAsync(record.Id), e => e.Action == "read" && e.Detail == "detail (lent)" && e.UserRole == Roles.VillageDoctor);
    }

    [Fact]
    public async Task RefusedRequestNeedsAReasonAndLendsNothing()
    {
        var doctor = await host.SignInAsync("yisheng");
        var record = await TestResidents.CreateAsync(doctor, TestResidents.New("借阅乙", TestResidents.Shuanghe));
        var requester = await host.SignInAsync("cunyi");
        var asked = await requester.PostAsJsonAsync("/api/access-requests", new AccessRequestInput(record.Id, "转诊需要"));
        var request = (await asked.Content.ReadFromJsonAsync<AccessRequestView>(Json.Options))!;
        var again = await requester.PostAsJsonAsync("/api/access-requests", new AccessRequestInput(record.Id, "再次申请"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var keeper = await host.SignInAsync("jigou"); // the institution admin may decide too
        var bare = await keeper.PostAsJsonAsync($"/api/access-requests/{request.Id}/refuse", new RefuseInput(""));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.True((await bare.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        var refused = await keeper.PostAsJsonAsync($"/api/access-requests/{request.Id}/refuse", new RefuseInput("非诊疗需要"));
        refused.EnsureSuccessStatusCode();
        Assert.Equal(AccessRequestStatus.Refused, (await refused.Content.ReadFromJsonAsync<AccessRequestView>(Json.Options))!.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await keeper.PostAsJsonAsync($"/api/access-requests/{request.Id}/approve", new ApproveInput(1, null, null))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await requester.GetAsync($"/api/residents/{record.Id}")).StatusCode);
        Assert.Contains(await EntriesAsync(record.Id), e => e.Action == "access-refuse" && e.UserRole == Roles.InstitutionAdmin);
    }

    [Fact]
    public async Task RequestForARecordInScopeIsRefusedAsNeedless()
    {
        var doctor = await host.SignInAsync("yisheng");
        var record = await TestResidents.CreateAsync(doctor, TestResidents.New("借阅丙"));
        var asked = await doctor.PostAsJsonAsync("/api/access-requests", new AccessRequestInput(record.Id, "看看"));
        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
    }

    [Fact]
    public async Task RevealingAFullNumberIsAuditedAndOnlyForEditorsInScope()
    {
        var doctor = await host.SignInAsync("yisheng");
        var record = await TestResidents.CreateAsync(doctor, TestResidents.New("显示甲", TestResidents.Shuanghe, phone: "13833334444"));

        var id = await doctor.PostAsync($"/api/residents/{record.Id}/reveal/idNumber", null);
        id.EnsureSuccessStatusCode();
        Assert.Equal(record.Info.IdNumber, (await id.Content.ReadFromJsonAsync<RevealedValue>(Json.Options))!.Value);
        var phone = await doctor.PostAsync($"/api/residents/{record.Id}/reveal/phone", null);
        Assert.Equal("13833334444", (await phone.Content.ReadFromJsonAsync<RevealedValue>(Json.Options))!.Value);
        Assert.Equal(HttpStatusCode.BadRequest, (await doctor.PostAsync($"/api/residents/{record.Id}/reveal/name", null)).StatusCode);

        var supervisor = await host.SignInAsync("jianguan"); // reads the county, but may not see full numbers
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync($"/api/residents/{record.Id}/reveal/idNumber", null)).StatusCode);
        var villageDoctor = await host.SignInAsync("cunyi"); // 双河村 is not theirs
        Assert.Equal(HttpStatusCode.NotFound, (await villageDoctor.PostAsync($"/api/residents/{record.Id}/reveal/idNumber", null)).StatusCode);

        var entries = await EntriesAsync(record.Id);
        Assert.Single(entries, e => e.Action == "reveal-id");
        Assert.Single(entries, e => e.Action == "reveal-phone");
        var list = await doctor.GetFromJsonAsync<PagedResult<ResidentListItem>>($"/api/residents?q={record.RecordNumber}", Json.Options);
        Assert.DoesNotContain("13833334444", list!.Items.Single().PhoneMasked ?? "");
    }
}

public sealed class SqliteAuditAndAccessTests(SqliteHost host) : AuditAndAccessTests<SqliteHost>(host);

public sealed class PostgresAuditAndAccessTests(PostgresHost host) : AuditAndAccessTests<PostgresHost>(host);

/// <summary>On PostgreSQL the audit log refuses UPDATE and DELETE, whoever asks.</summary>
public sealed class PostgresAuditAppendOnlyTests(PostgresHost host) : IClassFixture<PostgresHost>, IAsyncLifetime
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AuditEntriesCannotBeUpdatedOrDeleted()
    {
        var doctor = await host.SignInAsync("yisheng");
        var record = await TestResidents.CreateAsync(doctor, TestResidents.New("不可改"));
        (await doctor.GetAsync($"/api/residents/{record.Id}")).EnsureSuccessStatusCode();

        var update = await Assert.ThrowsAnyAsync<Exception>(() => host.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserId\" = 'someone-else'")));
        Assert.Contains("append-only", update.Message);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => host.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"")));
        Assert.Contains("append-only", delete.Message);

        var entries = await host.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.HealthRecordId == record.Id).ToListAsync());
        Assert.Contains(entries, e => e.Action == "read");
        Assert.All(entries, e => Assert.NotEqual("someone-else", e.UserId));
    }
}
