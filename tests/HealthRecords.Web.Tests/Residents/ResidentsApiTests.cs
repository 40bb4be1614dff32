using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Residents;

/// <summary>The record core through the real API, run once on SQLite and once on PostgreSQL.</summary>
public abstract class ResidentsApiTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    protected THost Host { get; } = host;

    public Task InitializeAsync() => Host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreatesRecordNumberedInVillageOrder()
    {
        var client = await Host.SignInAsync("cunyi");
        var first = await TestResidents.CreateAsync(client, TestResidents.New("张三"));
        var second = await TestResidents.CreateAsync(client, TestResidents.New("李四"));

        // 500104 county, 103 跳磴镇, 石林村 stats 203 -> spec 103, then the village's sequence.
        Assert.Equal("50010410310300001", first.RecordNumber);
        Assert.Equal("50010410310300002", second.RecordNumber);
        Assert.Equal("10300002", second.RecordNumberLast8);
        Assert.Equal(RecordStatus.Active, first.Status);
        Assert.Equal("石林村村民委员会", first.VillageName);
        Assert.Equal("跳磴镇卫生院", first.ManagingInstitutionName);
    }

    [Fact]
    public async Task RefusesSecondRecordForSameIdCardWithLinkToExisting()
    {
        var client = await Host.SignInAsync("cunyi");
        var input = TestResidents.New("王五");
        var existing = await TestResidents.CreateAsync(client, input);

        var again = await client.PostAsJsonAsync("/api/residents", input with { Info = input.Info with { Name = "王五五" }, ConfirmNotDuplicate = true });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var body = await again.Content.ReadAsStringAsync();
        Assert.Contains("不能重复建档", body);
        Assert.Contains($"/residents/{existing.Id}", body);
        Assert.Equal(1, await Host.WithDbAsync(db => db.HealthRecords.CountAsync()));
    }

    [Fact]
    public async Task RefusesWrongIdCheckDigitWithFieldErrorAndSavesNothing()
    {
        var client = await Host.SignInAsync("cunyi");
        var input = TestResidents.New("赵六");
        var wrong = input.Info.IdNumber![..17] + (input.Info.IdNumber[17] == '0' ? '1' : '0');

        var response = await client.PostAsJsonAsync("/api/residents", input with { Info = input.Info with { IdNumber = wrong } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty("info.idNumber");
        Assert.Contains("校验", messages[0].GetString());
        Assert.Equal(0, await Host.WithDbAsync(db => db.HealthRecords.CountAsync()));
        Assert.Equal(0, await Host.WithDbAsync(db => db.Households.CountAsync()));
    }

    [Fact]
    public async Task RefusesBirthDateThatContradictsIdNumber()
    {
        var client = await Host.SignInAsync("cunyi");
        var input = TestResidents.New("钱七");

        var response = await client.PostAsJsonAsync("/api/residents", input with { Info = input.Info with { BirthDate = input.Info.BirthDate.AddDays(1) } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("info.birthDate", out _));
    }

    [Fact]
    public async Task FlagsLikelyDuplicateUntilUserConfirms()
    {
        var client = await Host.SignInAsync("cunyi");
        var birth = new DateOnly(1950, 1, 2);
        await TestResidents.CreateAsync(client, TestResidents.New("孙八", birth: birth, withId: false) with { Info = TestResidents.New("孙八", birth: birth, withId: false).Info with { IdDocumentType = IdDocumentType.None } });
        var twin = TestResidents.New("孙八", village: TestResidents.Gongqiao, birth: birth);

        var flagged = await client.PostAsJsonAsync("/api/residents", twin);
        Assert.Equal(HttpStatusCode.Conflict, flagged.StatusCode);
        Assert.Contains("疑似重复", await flagged.Content.ReadAsStringAsync());

        var confirmed = await client.PostAsJsonAsync("/api/residents", twin with { ConfirmNotDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
    }

    [Fact]
    public async Task FindsByPinyinInitialsFullPinyinLastEightDigitsAndIdNumber()
    {
        var client = await Host.SignInAsync("cunyi");
        var zhang = await TestResidents.CreateAsync(client, TestResidents.New("张三", phone: "13812345678"));
        await TestResidents.CreateAsync(client, TestResidents.New("李四"));

        foreach (var q in new[] { "zs", "zhangsan", "ZS", "张", "张三", zhang.RecordNumber, zhang.RecordNumberLast8, zhang.Info.IdNumber!, "13812345678" })
        {
            var page = await client.GetFromJsonAsync<PagedResult<ResidentListItem>>($"/api/residents?q={Uri.EscapeDataString(q)}", Json.Options);
            var hit = Assert.Single(page!.Items);
            Assert.Equal(zhang.Id, hit.Id);
            Assert.DoesNotContain(zhang.Info.IdNumber!, hit.IdNumberMasked);
            Assert.Equal("138****5678", hit.PhoneMasked);
        }
    }

    [Fact]
    public async Task PolyphonicSurnameIsFoundByItsSurnameReading()
    {
        var client = await Host.SignInAsync("cunyi");
        var zeng = await TestResidents.CreateAsync(client, TestResidents.New("曾国华"));

        var page = await client.GetFromJsonAsync<PagedResult<ResidentListItem>>("/api/residents?q=zengguohua", Json.Options);
        Assert.Equal(zeng.Id, Assert.Single(page!.Items).Id);
        page = await client.GetFromJsonAsync<PagedResult<ResidentListItem>>("/api/residents?q=zgh", Json.Options);
        Assert.Equal(zeng.Id, Assert.Single(page!.Items).Id);
    }

    [Fact]
    public async Task ListsArePagedAndSortable()
    {
        var client = await Host.SignInAsync("cunyi");
        foreach (var name in new[] { "甲一", "乙二", "丙三", "丁四", "戊五" })
        {
            await TestResidents.CreateAsync(client, TestResidents.New(name));
        }
        var page = await client.GetFromJsonAsync<PagedResult<ResidentListItem>>("/api/residents?pageSize=2&page=2&sort=recordNumber", Json.Options);
        Assert.Equal(5, page!.Total);
        Assert.Equal(["丙三", "丁四"], page.Items.Select(i => i.Name));
        Assert.EndsWith("00003", page.Items[0].RecordNumber);
        var desc = await client.GetFromJsonAsync<PagedResult<ResidentListItem>>("/api/residents?pageSize=2&sort=recordNumber&desc=true", Json.Options);
        Assert.Equal(["戊五", "丁四"], desc!.Items.Select(i => i.Name));

        // The total is the same whether the page is full, the last partial page, past the end, or a single hit.
        var last = await client.GetFromJsonAsync<PagedResult<ResidentListItem>>("/api/residents?pageSize=2&page=3&sort=recordNumber", Json.Options);
        Assert.Equal(5, last!.Total);
        Assert.Equal(["戊五"], last.Items.Select(i => i.Name));
        var past = await client.GetFromJsonAsync<PagedResult<ResidentListItem>>("/api/residents?pageSize=2&page=4", Json.Options);
        Assert.Equal(5, past!.Total);
        Assert.Empty(past.Items);
        var one = await client.GetFromJsonAsync<PagedResult<ResidentListItem>>($"/api/residents?q={last.Items[0].RecordNumber}", Json.Options);
        Assert.Equal(1, one!.Total);
        var none = await client.GetFromJsonAsync<PagedResult<ResidentListItem>>("/api/residents?q=00000000000000000", Json.Options);
        Assert.Equal(0, none!.Total);
        Assert.Empty(none.Items);
    }

    [Fact]
    public async Task VillageDoctorSeesOnlyAssignedVillages()
    {
        var keeper = await Host.SignInAsync("dangan");
        var outside = await TestResidents.CreateAsync(keeper, TestResidents.New("周九", village: TestResidents.Shuanghe));
        var doctor = await Host.SignInAsync("cunyi");
        var inside = await TestResidents.CreateAsync(doctor, TestResidents.New("吴十"));

        var list = await doctor.GetFromJsonAsync<PagedResult<ResidentListItem>>("/api/residents", Json.Options);
        Assert.Equal(inside.Id, Assert.Single(list!.Items).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/api/residents/{outside.Id}")).StatusCode);
        Assert.Empty((await doctor.GetFromJsonAsync<PagedResult<ResidentListItem>>($"/api/residents?q={outside.RecordNumber}", Json.Options))!.Items);
        var create = await doctor.PostAsJsonAsync("/api/residents", TestResidents.New("郑十一", village: TestResidents.Shuanghe));
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
    }

    [Fact]
    public async Task DoctorSeesOwnInstitutionOnlyAndSupervisorReadsWholeCountyWithoutEditing()
    {
        var admin = await Host.SignInAsync("admin");
        var other = await TestResidents.CreateAsync(admin, TestResidents.New("冯十二", village: TestResidents.Fengyang));
        var own = await TestResidents.CreateAsync(admin, TestResidents.New("陈十三", village: TestResidents.Shuanghe));

        var doctor = await Host.SignInAsync("yisheng");
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/api/residents/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await doctor.GetAsync($"/api/residents/{own.Id}")).StatusCode);

        var supervisor = await Host.SignInAsync("jianguan");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/residents/{other.Id}")).StatusCode);
        var edit = await supervisor.PutAsJsonAsync($"/api/residents/{other.Id}", TestResidents.New("冯十二", village: TestResidents.Fengyang) with { Version = other.Version });
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        var close = await supervisor.PostAsJsonAsync($"/api/residents/{other.Id}/closure", new ClosureInput(ClosureReason.Death, new DateOnly(2026, 1, 1), null, null, null, other.Version));
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
    }

    [Fact]
    public async Task AnonymousApiCallsGetUnauthorizedNotARedirect()
    {
        var client = Host.Factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/residents")).StatusCode);
    }

    [Fact]
    public async Task EditKeepsChangeLogWithOldAndNewValues()
    {
        var client = await Host.SignInAsync("cunyi");
        var input = TestResidents.New("褚十四", phone: "13800000001");
        var created = await TestResidents.CreateAsync(client, input);

        var response = await client.PutAsJsonAsync($"/api/residents/{created.Id}", input with { Info = input.Info with { Phone = "13900000002" }, Version = created.Version });
        response.EnsureSuccessStatusCode();
        var updated = await response.Content.ReadFromJsonAsync<ResidentDetail>(Json.Options);
        Assert.Equal(created.Version + 1, updated!.Version);

        var changes = await client.GetFromJsonAsync<List<ChangeEntry>>($"/api/residents/{created.Id}/changes", Json.Options);
        var change = Assert.Single(changes!, c => c.Field == "info.phone");
        Assert.Equal("138****0001", change.OldValue); // masked like the field itself (issue #14 item 1)
        Assert.Equal("139****0002", change.NewValue);
        Assert.Equal("石林村卫生室 李村医", change.ChangedByName);
    }

    [Fact]
    public async Task SecondSaveFromAnOlderVersionIsRefusedAndFirstIsKept()
    {
        var client = await Host.SignInAsync("cunyi");
        var input = TestResidents.New("卫十五");
        var created = await TestResidents.CreateAsync(client, input);
        var first = await client.PutAsJsonAsync($"/api/residents/{created.Id}", input with { Info = input.Info with { Phone = "13711112222" }, Version = created.Version });
        first.EnsureSuccessStatusCode();

        var second = await client.PutAsJsonAsync($"/api/residents/{created.Id}", input with { Info = input.Info with { Phone = "13633334444" }, Version = created.Version });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("已被他人修改", await second.Content.ReadAsStringAsync());
        Assert.Equal("13711112222", (await StoredInfoAsync(created.Id)).Phone);
    }

    [Fact]
    public async Task ClosedRecordIsReadOnlyStaysSearchableAndReopensWithReason()
    {
        var keeper = await Host.SignInAsync("dangan");
        var input = TestResidents.New("蒋十六", village: TestResidents.Shuanghe);
        var created = await TestResidents.CreateAsync(keeper, input);

        var missing = await keeper.PostAsJsonAsync($"/api/residents/{created.Id}/closure", new ClosureInput(ClosureReason.MovedOut, new DateOnly(2026, 6, 1), null, null, null, created.Version));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("destination", out _));
        Assert.True(errors.TryGetProperty("handOver", out _));

        var future = await keeper.PostAsJsonAsync($"/api/residents/{created.Id}/closure", new ClosureInput(ClosureReason.Death, new DateOnly(2026, 7, 1), null, null, null, created.Version));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);

        var closed = await keeper.PostAsJsonAsync($"/api/residents/{created.Id}/closure", new ClosureInput(ClosureReason.MovedOut, new DateOnly(2026, 6, 1), "四川省成都市", "纸质档案已交接给成都市武侯区社区卫生服务中心", null, created.Version));
        closed.EnsureSuccessStatusCode();
        var detail = await closed.Content.ReadFromJsonAsync<ResidentDetail>(Json.Options);
        Assert.Equal(RecordStatus.Closed, detail!.Status);
        Assert.Equal("四川省成都市", detail.ClosureDestination);

        var edit = await keeper.PutAsJsonAsync($"/api/residents/{created.Id}", input with { Version = detail.Version });
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        var found = await keeper.GetFromJsonAsync<PagedResult<ResidentListItem>>($"/api/residents?q={created.RecordNumber}", Json.Options);
        Assert.Equal(RecordStatus.Closed, Assert.Single(found!.Items).Status);

        var noReason = await keeper.PostAsJsonAsync($"/api/residents/{created.Id}/reopen", new ReopenInput("", detail.Version));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var reopened = await keeper.PostAsJsonAsync($"/api/residents/{created.Id}/reopen", new ReopenInput("居民已返回本地居住", detail.Version));
        reopened.EnsureSuccessStatusCode();
        Assert.Equal(RecordStatus.Active, (await reopened.Content.ReadFromJsonAsync<ResidentDetail>(Json.Options))!.Status);
        var changes = await keeper.GetFromJsonAsync<List<ChangeEntry>>($"/api/residents/{created.Id}/changes", Json.Options);
        Assert.Contains(changes!, c => c.Reason == "居民已返回本地居住");
    }

    [Fact]
    public async Task TransferHandsRecordToOtherInstitutionAndBothSeeTheHandOver()
    {
        var keeper = await Host.SignInAsync("dangan");
        var created = await TestResidents.CreateAsync(keeper, TestResidents.New("沈十七", village: TestResidents.Shuanghe));

        var response = await keeper.PostAsJsonAsync($"/api/residents/{created.Id}/transfer", new TransferInput(TestResidents.Fengyang, new DateOnly(2026, 6, 10), "纸质档案及体检表已当面交接", created.Version));
        response.EnsureSuccessStatusCode();
        var moved = await response.Content.ReadFromJsonAsync<ResidentDetail>(Json.Options);
        Assert.Equal("茄子溪街道社区卫生服务中心", moved!.ManagingInstitutionName);
        Assert.Equal(created.RecordNumber, moved.RecordNumber);

        // The sending side sees the hand-over but no longer the record.
        var sent = await keeper.GetFromJsonAsync<List<TransferView>>("/api/transfers", Json.Options);
        Assert.Equal("纸质档案及体检表已当面交接", Assert.Single(sent!).HandOverNote);
        Assert.Equal(HttpStatusCode.NotFound, (await keeper.GetAsync($"/api/residents/{created.Id}")).StatusCode);
        // The supervisor (whole county) sees it, and the record is found under its new village.
        var supervisor = await Host.SignInAsync("jianguan");
        var found = await supervisor.GetFromJsonAsync<PagedResult<ResidentListItem>>($"/api/residents?villageCode={TestResidents.Fengyang}", Json.Options);
        Assert.Equal(created.Id, Assert.Single(found!.Items).Id);
    }

    [Fact]
    public async Task MergeKeepsSurvivorMarksDuplicateAndLosesNothing()
    {
        var keeper = await Host.SignInAsync("dangan");
        var withId = TestResidents.New("韩十八", village: TestResidents.Shuanghe);
        var noId = withId with { Info = withId.Info with { IdNumber = null, IdDocumentType = IdDocumentType.None, Phone = "13500001111" } };
        var survivor = await TestResidents.CreateAsync(keeper, noId);
        var duplicate = await TestResidents.CreateAsync(keeper, withId);

        var response = await keeper.PostAsJsonAsync("/api/residents/merge", new MergeInput(survivor.Id, duplicate.Id, "同一人重复建档"));
        response.EnsureSuccessStatusCode();
        var merged = await response.Content.ReadFromJsonAsync<ResidentDetail>(Json.Options);
        Assert.Equal(survivor.Id, merged!.Id);
        var kept = await StoredInfoAsync(survivor.Id);
        Assert.Equal(withId.Info.IdNumber, kept.IdNumber);
        Assert.Equal("13500001111", kept.Phone);

        var old = await Host.WithDbAsync(db => db.HealthRecords.AsNoTracking().FirstAsync(r => r.Id == duplicate.Id));
        Assert.Equal(RecordStatus.Merged, old.Status);
        Assert.Equal(survivor.Id, old.MergedIntoId);
        var log = await Host.WithDbAsync(db => db.RecordMerges.AsNoTracking().SingleAsync());
        Assert.Contains(withId.Info.IdNumber!, log.MergedSnapshotJson);
        var list = await keeper.GetFromJsonAsync<PagedResult<ResidentListItem>>("/api/residents?q=hanshiba", Json.Options);
        Assert.Equal(survivor.Id, Assert.Single(list!.Items).Id);
    }

    [Fact]
    public async Task TransferListShowsMaskedIdCurrentStatusAndBothInstitutions()
    {
        var keeper = await Host.SignInAsync("dangan");
        var input = TestResidents.New("吕二十", village: TestResidents.Shuanghe);
        var created = await TestResidents.CreateAsync(keeper, input);
        var response = await keeper.PostAsJsonAsync($"/api/residents/{created.Id}/transfer", new TransferInput(TestResidents.Fengyang, new DateOnly(2026, 6, 10), "纸质档案已交接", created.Version));
        response.EnsureSuccessStatusCode();
        var moved = await response.Content.ReadFromJsonAsync<ResidentDetail>(Json.Options);

        var row = Assert.Single((await keeper.GetFromJsonAsync<List<TransferView>>("/api/transfers", Json.Options))!);
        Assert.Equal(IdCardNumber.Mask(input.Info.IdNumber!), row.IdNumberMasked);
        Assert.NotEqual(input.Info.IdNumber, row.IdNumberMasked);
        Assert.Equal(RecordStatus.Active, row.Status);
        Assert.Equal(created.ManagingInstitutionId, row.FromInstitutionId);
        Assert.Equal(moved!.ManagingInstitutionId, row.ToInstitutionId);
        Assert.NotEqual(row.FromInstitutionId, row.ToInstitutionId);
    }

    [Fact]
    public async Task MergeWithoutReasonIsRefusedBesideTheNoteAndChangesNothing()
    {
        var keeper = await Host.SignInAsync("dangan");
        var withId = TestResidents.New("许二一", village: TestResidents.Shuanghe);
        var survivor = await TestResidents.CreateAsync(keeper, withId with { Info = withId.Info with { IdNumber = null, IdDocumentType = IdDocumentType.None } });
        var duplicate = await TestResidents.CreateAsync(keeper, withId);

        var response = await keeper.PostAsJsonAsync("/api/residents/merge", new MergeInput(survivor.Id, duplicate.Id, "  "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("note", out _));
        var statuses = await Host.WithDbAsync(db => db.HealthRecords.AsNoTracking().Select(r => r.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(RecordStatus.Active, s));
        Assert.Equal(0, await Host.WithDbAsync(db => db.RecordMerges.CountAsync()));
    }

    [Fact]
    public async Task MergePreviewIsWhatTheMergeKeeps()
    {
        var keeper = await Host.SignInAsync("dangan");
        var withId = TestResidents.New("施二二", village: TestResidents.Shuanghe, phone: "13600002222");
        var noId = withId with { Info = withId.Info with { IdNumber = null, IdDocumentType = IdDocumentType.None, Phone = null, WorkUnit = "双河村" } };
        var survivor = await TestResidents.CreateAsync(keeper, noId);
        var duplicate = await TestResidents.CreateAsync(keeper, withId with { Info = withId.Info with { WorkUnit = "重庆钢铁" } });
        var preview = MergeRecords.Combine(survivor.Info, duplicate.Info);

        var response = await keeper.PostAsJsonAsync("/api/residents/merge", new MergeInput(survivor.Id, duplicate.Id, "同一人重复建档"));
        response.EnsureSuccessStatusCode();
        var merged = (await response.Content.ReadFromJsonAsync<ResidentDetail>(Json.Options))!;
        Assert.Empty(FormDiff.Compare("info", Masking.Info(preview), merged.Info)); // the answer masks the numbers
        var kept = await StoredInfoAsync(merged.Id);

        Assert.Empty(FormDiff.Compare("info", preview, kept));
        Assert.Equal(withId.Info.IdNumber, kept.IdNumber);
        Assert.Equal("13600002222", kept.Phone);
        Assert.Equal("双河村", kept.WorkUnit);
    }

    [Fact]
    public async Task MemberMovesToAnotherHouseholdAndHeadIsHandedOn()
    {
        var client = await Host.SignInAsync("cunyi");
        var head = await TestResidents.CreateAsync(client, TestResidents.New("杨父", birth: new DateOnly(1950, 1, 1)));
        var son = await TestResidents.CreateAsync(client, TestResidents.New("杨子", birth: new DateOnly(1980, 1, 1)) with { HouseholdId = head.HouseholdId, RelationToHead = HouseholdRelation.Son });
        var other = await TestResidents.CreateAsync(client, TestResidents.New("朱户主"));

        var household = await client.GetFromJsonAsync<Features.Households.HouseholdDetail>($"/api/households/{head.HouseholdId}", Json.Options);
        Assert.Equal(2, household!.Members.Count);
        Assert.Equal(head.Id, household.HeadId);

        var moved = await client.PostAsJsonAsync($"/api/residents/{head.Id}/household", new Features.Households.MoveMemberInput(other.HouseholdId, HouseholdRelation.Parent, null));
        moved.EnsureSuccessStatusCode();
        var left = await client.GetFromJsonAsync<Features.Households.HouseholdDetail>($"/api/households/{head.HouseholdId}", Json.Options);
        Assert.Equal(son.Id, left!.HeadId);
        Assert.Equal(HouseholdRelation.Head, Assert.Single(left.Members).Relation);
        var joined = await client.GetFromJsonAsync<Features.Households.HouseholdDetail>($"/api/households/{other.HouseholdId}", Json.Options);
        Assert.Equal(2, joined!.Members.Count);
    }

    [Fact]
    public async Task OverviewShowsRecordInTimeOrderAndIsAudited()
    {
        var client = await Host.SignInAsync("cunyi");
        var created = await TestResidents.CreateAsync(client, TestResidents.New("秦十九"));

        var overview = await client.GetFromJsonAsync<ResidentOverview>($"/api/residents/{created.Id}/overview", Json.Options);
        Assert.Equal(created.Id, overview!.Record.Id);
        Assert.Contains(overview.Timeline, e => e.Kind == "created");
        var audited = await Host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.HealthRecordId == created.Id && a.Action == "read"));
        Assert.True(audited >= 1);
    }

    /// <summary>The personal information as stored (full numbers), read from the database: answers mask them.</summary>
    private Task<Domain.Records.PersonalInfo> StoredInfoAsync(long id) =>
        Host.WithDbAsync(db => db.HealthRecords.AsNoTracking().Where(r => r.Id == id).Select(r => r.PersonalInfo).SingleAsync());

    [Fact]
    public async Task HealthAndOpenApiEndpointsAnswer()
    {
        var client = Host.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        // The API's description and its page are for system administrators only (issue #14 item 13, issue #15 item 19):
        // not for anyone, not for clinical staff.
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/api-docs")).StatusCode);
        var doctor = await Host.SignInAsync("cunyi");
        Assert.NotEqual(HttpStatusCode.OK, (await doctor.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.False(OpensApiDocs(await doctor.GetAsync("/api-docs")));
        var admin = await Host.SignInAsync("admin");
        var page = await admin.GetAsync("/api-docs");
        Assert.True(OpensApiDocs(page), $"{page.StatusCode} {page.Headers.Location}");
        var doc = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/residents", out _));
    }

    /// <summary>The reference page answered, or redirected within itself (its trailing slash), not to sign-in or access denied.</summary>
    private static bool OpensApiDocs(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.OK
        || (response.StatusCode is HttpStatusCode.Found or HttpStatusCode.MovedPermanently or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
            && response.Headers.Location?.OriginalString.Split('?')[0].TrimEnd('/') is string to
            && (to == "/api-docs" || to == "api-docs" || to.EndsWith("/api-docs", StringComparison.Ordinal)));
}

public sealed class SqliteResidentsApiTests(SqliteHost host) : ResidentsApiTests<SqliteHost>(host);

public sealed class PostgresResidentsApiTests(PostgresHost host) : ResidentsApiTests<PostgresHost>(host)
{
    [Fact]
    public async Task ParallelCreationInOneVillageNeverDuplicatesARecordNumber()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Host.SignInAsync("cunyi")));
        var inputs = Enumerable.Range(0, 48).Select(i => TestResidents.New($"并发{i:00}")).ToArray();

        var created = await Task.WhenAll(inputs.Select((input, i) => TestResidents.CreateAsync(clients[i % clients.Length], input)));

        var numbers = created.Select(c => c.RecordNumber).ToList();
        Assert.Equal(48, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 48).Select(i => $"500104103103{i:00000}"), numbers.Order());
    }
}
