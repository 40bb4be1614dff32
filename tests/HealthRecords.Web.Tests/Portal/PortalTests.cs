using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Chronic;
using HealthRecords.Web.Features.Portal;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Portal;

/// <summary>The resident portal through the real API on SQLite and PostgreSQL: activation, sign-in, own record only, corrections.</summary>
public abstract class PortalTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private const string Password = "Jumin@2026";

    public async Task InitializeAsync()
    {
        await host.ResetAsync();
        // Resident accounts are named after record ids, which a fresh database may hand out again.
        await host.WithDbAsync(db => db.Users.Where(u => u.UserName!.StartsWith("r")).ExecuteDeleteAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task IssuedCodeOpensAnAccountOnceAndTheResidentSignsInWithIdNumber()
    {
        var (record, idNumber) = await CreateResidentAsync("孙居民");
        var code = await IssueAsync(record.Id);

        var resident = Anonymous();
        Assert.Equal(HttpStatusCode.NoContent, (await resident.PostAsJsonAsync("/api/portal/activate", new { idNumber, code, password = Password })).StatusCode);
        var me = await resident.GetFromJsonAsync<PortalRecord>("/api/portal/me", Json.Options);
        Assert.Equal("孙居民", me!.Name);
        Assert.Equal(record.RecordNumber, me.RecordNumber);
        Assert.Equal("跳磴镇卫生院", me.Institution);
        Assert.Contains("****", me.PhoneMasked);
        Assert.All(me.Sections, s => Assert.Empty(s.Items));
        Assert.Contains(me.Sections, s => s.Key == PortalSectionKeys.Vaccinations);

        // Used once: the same code again is refused.
        var again = await Anonymous().PostAsJsonAsync("/api/portal/activate", new { idNumber, code, password = "Other@2026x" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains(PortalAccounts.WrongCode, await again.Content.ReadAsStringAsync());

        // Sign in by ID number (lower-case x accepted), not by the account's user name.
        var later = Anonymous();
        Assert.Equal(HttpStatusCode.NoContent, (await later.PostAsJsonAsync("/api/portal/login", new { idNumber = idNumber.ToLowerInvariant(), password = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/api/portal/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().PostAsJsonAsync("/api/portal/login", new { idNumber, password = "Wrong@2026" })).StatusCode);

        // The accounts table never holds the ID number; the code is stored only as a hash.
        Assert.False(await host.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName!.Contains(idNumber) || u.NormalizedUserName!.Contains(idNumber))));
        var stored = await host.WithDbAsync(db => db.ActivationCodes.SingleAsync());
        Assert.DoesNotContain(ActivationCodes.Normalize(code), stored.CodeHash);
        Assert.NotNull(stored.UsedAtUtc);
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "activation-code-issue" && a.HealthRecordId == record.Id)));
    }

    [Fact]
    public async Task CodeExpiresAfterThirtyDays()
    {
        var (record, idNumber) = await CreateResidentAsync("周过期");
        var code = await IssueAsync(record.Id);
        var stored = await host.WithDbAsync(db => db.ActivationCodes.SingleAsync());
        Assert.Equal(TimeSpan.FromDays(30), stored.ExpiresAtUtc - stored.IssuedAtUtc);
        // Thirty days on (the test clock cannot be moved back for the next test, so the code is aged instead).
        await host.WithDbAsync(db => db.ActivationCodes.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.IssuedAtUtc, c => c.IssuedAtUtc.AddDays(-30).AddMinutes(-1))
            .SetProperty(c => c.ExpiresAtUtc, c => c.ExpiresAtUtc.AddDays(-30).AddMinutes(-1))));

        var response = await Anonymous().PostAsJsonAsync("/api/portal/activate", new { idNumber, code, password = Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(PortalAccounts.WrongCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task IssuingANewCodeVoidsTheOldOne()
    {
        var (record, idNumber) = await CreateResidentAsync("吴换码");
        var first = await IssueAsync(record.Id);
        var second = await IssueAsync(record.Id);

        Assert.Equal(HttpStatusCode.BadRequest, (await Anonymous().PostAsJsonAsync("/api/portal/activate", new { idNumber, code = first, password = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Anonymous().PostAsJsonAsync("/api/portal/activate", new { idNumber, code = second, password = Password })).StatusCode);
    }

    [Fact]
    public async Task WrongIdNumberAndWrongCodeLookTheSameAndRepeatedWrongCodesVoidTheCode()
    {
        var (record, idNumber) = await CreateResidentAsync("郑试码");
        var code = await IssueAsync(record.Id);
        var otherId = TestResidents.IdNumber(new DateOnly(1971, 1, 1), HealthRecords.Domain.Codes.Sex.Female);

        var unknownId = await Anonymous().PostAsJsonAsync("/api/portal/activate", new { idNumber = otherId, code, password = Password });
        var wrongCode = await Anonymous().PostAsJsonAsync("/api/portal/activate", new { idNumber, code = "AAAA-AAAA", password = Password });
        Assert.Equal(HttpStatusCode.BadRequest, unknownId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Equal(Errors(await unknownId.Content.ReadAsStringAsync()), Errors(await wrongCode.Content.ReadAsStringAsync()));

        for (var i = 1; i < ActivationCodes.MaxFailedAttempts; i++)
        {
            await Anonymous().PostAsJsonAsync("/api/portal/activate", new { idNumber, code = "BBBB-BBBB", password = Password });
        }
        // The right code no longer works: too many wrong tries voided it.
        Assert.Equal(HttpStatusCode.BadRequest, (await Anonymous().PostAsJsonAsync("/api/portal/activate", new { idNumber, code, password = Password })).StatusCode);
    }

    [Fact]
    public async Task WeakPasswordIsRefusedAndTheCodeStaysUsable()
    {
        var (record, idNumber) = await CreateResidentAsync("王弱密");
        var code = await IssueAsync(record.Id);

        var weak = await Anonymous().PostAsJsonAsync("/api/portal/activate", new { idNumber, code, password = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("密码太短", await weak.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await Anonymous().PostAsJsonAsync("/api/portal/activate", new { idNumber, code, password = Password })).StatusCode);
    }

    [Fact]
    public async Task AccountLocksAfterRepeatedWrongPasswords()
    {
        var (_, idNumber, _) = await ActivatedResidentAsync("冯锁定");
        for (var i = 0; i < 5; i++)
        {
            await Anonymous().PostAsJsonAsync("/api/portal/login", new { idNumber, password = "Wrong@2026" });
        }
        // Locked: even the right password is refused for now.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().PostAsJsonAsync("/api/portal/login", new { idNumber, password = Password })).StatusCode);
    }

    [Fact]
    public async Task ResidentReadsOnlyTheirOwnRecordAndEveryStaffApiRefusesThem()
    {
        var (own, _, resident) = await ActivatedResidentAsync("陈本人");
        var (other, _) = await CreateResidentAsync("陈别人");

        var me = await resident.GetFromJsonAsync<PortalRecord>("/api/portal/me", Json.Options);
        Assert.Equal(own.Id, me!.Id);

        // Every endpoint of the OpenAPI document outside the portal and sign-in refuses a resident, whichever id is tried.
        Assert.NotEqual(HttpStatusCode.OK, (await resident.GetAsync("/openapi/v1.json")).StatusCode); // staff only
        using var doc = JsonDocument.Parse(await (await host.SignInAsync("admin")).GetStringAsync("/openapi/v1.json"));
        var tried = 0;
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (path.Name.StartsWith("/api/portal", StringComparison.Ordinal) || path.Name.StartsWith("/api/auth", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var method in path.Value.EnumerateObject())
            {
                foreach (var id in new[] { own.Id, other.Id })
                {
                    var url = System.Text.RegularExpressions.Regex.Replace(path.Name, "\\{[^}]+\\}", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    using var request = new HttpRequestMessage(new HttpMethod(method.Name.ToUpperInvariant()), url) { Content = JsonContent.Create(new { }) };
                    var response = await resident.SendAsync(request);
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method.Name} {url} gave {(int)response.StatusCode}");
                    tried++;
                }
            }
        }
        Assert.True(tried >= 20, $"only {tried} staff calls tried");
        // Nothing was read or changed through them.
        Assert.False(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.HealthRecordId == other.Id && a.Action == "read")));
    }

    [Fact]
    public async Task ConfirmedCorrectionUpdatesTheRecordThroughTheChangeLog()
    {
        var (record, _, resident) = await ActivatedResidentAsync("李更正");

        var bad = await resident.PostAsJsonAsync("/api/portal/me/corrections", new { field = 1, newValue = "12345", note = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badBody = await bad.Content.ReadAsStringAsync();
        Assert.True(badBody.Contains("newValue", StringComparison.Ordinal), badBody);

        var sent = await resident.PostAsJsonAsync("/api/portal/me/corrections", new { field = 1, newValue = "13900001111", note = "换了新号" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var address = await resident.PostAsJsonAsync("/api/portal/me/corrections", new { field = 2, newValue = "跳磴镇石林村5组8号", note = (string?)null });
        Assert.Equal(HttpStatusCode.OK, address.StatusCode);

        var keeper = await host.SignInAsync("dangan");
        var pending = await keeper.GetFromJsonAsync<List<PendingCorrection>>("/api/corrections", Json.Options);
        Assert.Equal(2, pending!.Count);
        var phone = pending.Single(p => p.Field == CorrectionField.Phone);
        Assert.Equal(Masking.Mask(record.Info.Phone, isId: false), phone.CurrentValue); // masked (issue #14 item 8)
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync("cunyi")).GetAsync("/api/corrections")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await keeper.PostAsync($"/api/corrections/{phone.Id}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await keeper.PostAsync($"/api/corrections/{phone.Id}/confirm", null)).StatusCode);
        var addr = pending.Single(p => p.Field == CorrectionField.Address);
        Assert.Equal(HttpStatusCode.BadRequest, (await keeper.PostAsJsonAsync($"/api/corrections/{addr.Id}/reject", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await keeper.PostAsJsonAsync($"/api/corrections/{addr.Id}/reject", new { reason = "请带户口本到卫生院核对" })).StatusCode);

        var detail = await keeper.GetFromJsonAsync<ResidentDetail>($"/api/residents/{record.Id}", Json.Options);
        Assert.Equal("139****1111", detail!.Info.Phone); // answers mask the numbers (issue #14 item 1)
        Assert.Equal("13900001111", await host.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.HealthRecords.Where(r => r.Id == record.Id).Select(r => r.Phone))));
        Assert.Equal("跳磴镇石林村3组", detail.Cover.CurrentAddress);
        var changes = await keeper.GetFromJsonAsync<List<ChangeEntry>>($"/api/residents/{record.Id}/changes", Json.Options);
        var change = Assert.Single(changes!);
        Assert.Equal("139****1111", change.NewValue);
        Assert.Equal(Masking.Mask(record.Info.Phone, isId: false), change.OldValue);
        Assert.Equal("跳磴镇卫生院 陈档案", change.ChangedByName);

        var mine = await resident.GetFromJsonAsync<List<MyCorrection>>("/api/portal/me/corrections", Json.Options);
        Assert.Equal("已更正", mine!.Single(c => c.NewValue == "139****1111").Status);
        var rejected = mine!.Single(c => c.NewValue == "跳磴镇石林村5组8号");
        Assert.Equal("未采纳", rejected.Status);
        Assert.Equal("请带户口本到卫生院核对", rejected.RejectReason);
    }

    [Fact]
    public async Task ResidentSeesWhoReadTheirRecordButNotTheirOwnVisits()
    {
        var (record, _, resident) = await ActivatedResidentAsync("赵查看");
        var keeper = await host.SignInAsync("dangan");
        // one visit of the keeper: the record, its overview and its change log (three audit entries)
        Assert.Equal(HttpStatusCode.OK, (await keeper.GetAsync($"/api/residents/{record.Id}")).StatusCode);
        await keeper.GetAsync($"/api/residents/{record.Id}/overview");
        await keeper.GetAsync($"/api/residents/{record.Id}/changes");
        await resident.GetAsync("/api/portal/me");

        var log = await resident.GetFromJsonAsync<List<PortalAccessEntry>>("/api/portal/me/access-log", Json.Options);

        // one plain line per visit (issue #15 item 20): the keeper's, the village doctor's (the code), the doctor's (the record)
        Assert.Equal(["查看了档案", "为您办理了自助查询激活码", "建立了档案"], log!.Select(e => e.What));
        Assert.Equal(("跳磴镇卫生院 陈档案", "跳磴镇卫生院"), (log![0].Who, log[0].Institution));
        Assert.DoesNotContain(log!, e => e.Who == "居民" || e.What.Contains("其他", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResidentSeesTheServicesDueForThemInPlainWordsFromTheSameRulesAsTheWorkList()
    {
        // Today is 2026-06-15. A 76-year-old with hypertension, followed up today (controlled: next visit in 3 months),
        // not yet examined this year (the elderly annual examination has been due since 1 January).
        var staff = await host.SignInAsync("cunyi");
        var record = await TestResidents.CreateAsync(staff, TestResidents.New("钱应做", birth: new DateOnly(1950, 3, 1), phone: "13812345678"));
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/residents/{record.Id}/chronic/hypertension/enrolment",
            new EnrolInput(new DateOnly(2026, 1, 10), EnrolmentSource.Direct, null))).StatusCode);
        var today = DateOnly.FromDateTime(HostFixture.Now.UtcDateTime);
        var followUp = new HypertensionFollowUp
        {
            VisitDate = today, VisitMode = VisitMode.Clinic, Symptoms = [HypertensionSymptom.None],
            Signs = new Signs { Systolic = 130, Diastolic = 80, HeartRate = 76 },
            Adherence = MedicationAdherence.Regular, AdverseReaction = AdverseReaction.None, Doctor = "李医生",
        };
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/residents/{record.Id}/hypertension/follow-ups",
            new HypertensionFollowUpInput(followUp))).StatusCode);
        var code = await IssueAsync(record.Id);
        var resident = Anonymous();
        Assert.Equal(HttpStatusCode.NoContent, (await resident.PostAsJsonAsync("/api/portal/activate",
            new { idNumber = record.Info.IdNumber, code, password = Password })).StatusCode);

        var me = await resident.GetFromJsonAsync<PortalRecord>("/api/portal/me", Json.Options);

        var due = Assert.Single(me!.Sections, s => s.Key == PortalSectionKeys.DueServices);
        Assert.Equal(
            [
                (new DateOnly(2026, 1, 1), "年度健康体检（65岁及以上老年人每年一次，免费）", "已过应做日期 165 天，请尽快联系您的责任医生或到卫生院、村卫生室"),
                (new DateOnly(2026, 9, 15), "高血压随访", "请在此日期前后到卫生院或村卫生室，或等候医生联系您"),
            ],
            due.Items.Select(i => (i.On, i.Title, i.Detail)).ToList());

        // A closed record has nothing due.
        await host.WithDbAsync(db => db.HealthRecords.Where(r => r.Id == record.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RecordStatus.Closed)));
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var section = scope.ServiceProvider.GetServices<IPortalSection>().Last(s => s.Key == PortalSectionKeys.DueServices);
        Assert.Empty(await section.LoadAsync(record.Id, CancellationToken.None));
    }

    private HttpClient Anonymous() =>
        host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<(ResidentDetail Record, string IdNumber)> CreateResidentAsync(string name)
    {
        var staff = await host.SignInAsync("yisheng");
        // Aged 26: no service is due for them yet (a 65-year-old would have the annual examination due).
        var record = await TestResidents.CreateAsync(staff, TestResidents.New(name, birth: new DateOnly(2000, 5, 1), phone: "13812345678"));
        return (record, record.Info.IdNumber!);
    }

    private async Task<(ResidentDetail Record, string IdNumber, HttpClient Client)> ActivatedResidentAsync(string name)
    {
        var (record, idNumber) = await CreateResidentAsync(name);
        var code = await IssueAsync(record.Id);
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/portal/activate", new { idNumber, code, password = Password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return (record, idNumber, client);
    }

    private async Task<string> IssueAsync(long recordId)
    {
        var staff = await host.SignInAsync("cunyi");
        var response = await staff.PostAsync($"/api/residents/{recordId}/activation-code", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IssuedActivationCode>(Json.Options))!.Code;
    }

    private static string Errors(string problemJson) =>
        JsonDocument.Parse(problemJson).RootElement.GetProperty("errors").GetRawText();
}

public sealed class SqlitePortalTests(SqliteHost host) : PortalTests<SqliteHost>(host);

public sealed class PostgresPortalTests(PostgresHost host) : PortalTests<PostgresHost>(host);
