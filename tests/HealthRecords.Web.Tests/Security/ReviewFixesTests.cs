using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Accounts;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Features.Users;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Security;

/// <summary>
/// The smaller findings of the security review (issue #14): the duplicate check outside the user's scope (5), Excel
/// cells that would run as formulas (7), residents' reported phones at rest (8), sign-in lockout by account and address
/// (11), common and repetitive passwords (12) and the resident portal's length-based rule (#15 item 20).
/// </summary>
public abstract class ReviewFixesTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheDuplicateCheckNamesOnlyTheManagingInstitutionOutsideTheScopeAndIsAudited()
    {
        await TestUsers.EnsureAsync(host);
        var admin = await host.SignInAsync("admin");
        var born = new DateOnly(1958, 4, 2);
        var elsewhere = await TestResidents.CreateAsync(admin, TestResidents.New("查重人", TestResidents.Shuanghe, birth: born, phone: "13911112222")); // not cunyi's village
        var own = await TestResidents.CreateAsync(admin, TestResidents.New("查重人", TestResidents.Shilin, birth: born)); // cunyi's
        var cunyi = await host.SignInAsync("cunyi");
        var before = await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "duplicate-check"));

        var response = await cunyi.PostAsJsonAsync("/api/residents/duplicate-check",
            new DuplicateCheckInput("查重人", born, "13911112222", TestResidents.TiaodengTownship, null));
        var body = await response.Content.ReadAsStringAsync();
        var candidates = (await response.Content.ReadFromJsonAsync<List<DuplicateCandidate>>(Json.Options))!;

        Assert.Equal(2, candidates.Count);
        var outside = Assert.Single(candidates, c => !c.InScope);
        Assert.Equal("跳磴镇卫生院", outside.ManagingInstitution);
        Assert.Null(outside.Id);
        Assert.Null(outside.RecordNumber);
        Assert.DoesNotContain(elsewhere.RecordNumber, body);
        Assert.DoesNotContain(elsewhere.RecordNumber[^8..], body);
        Assert.DoesNotContain($"\"id\":{elsewhere.Id},", body);
        Assert.Contains(candidates, c => c.InScope && c.Id == own.Id);
        // One entry for the check, one for the record shown in full.
        Assert.Equal(before + 2, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "duplicate-check")));
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "duplicate-check" && a.HealthRecordId == own.Id)));
    }

    [Fact]
    public async Task ExcelCellsThatWouldRunAsFormulasAreWrittenAsText()
    {
        var keeper = await host.SignInAsync("gongwei");
        var resident = await TestResidents.CreateAsync(keeper, TestResidents.New("表格", TestResidents.Shilin));
        // The village name is reference data; a name that starts like a formula reaches the list through the record.
        await host.WithDbAsync(db => db.HealthRecords.Where(r => r.Id == resident.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Name, "=HYPERLINK(\"http://evil.example\",\"点我\")")));
        var export = await keeper.GetAsync($"/api/residents/export?q={resident.RecordNumber}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        var text = await ApiSweep.TextOfAsync(export); // the sheet's XML
        Assert.DoesNotContain("<f>", text);
        Assert.True(text.Contains("'=HYPERLINK", StringComparison.Ordinal) || text.Contains("&apos;=HYPERLINK", StringComparison.Ordinal), "the cell does not start with an apostrophe");
        Assert.DoesNotContain(">=HYPERLINK", text);
    }

    [Fact]
    public async Task APhoneReportedThroughThePortalIsEncryptedAtRest()
    {
        var target = await (await SweepTargets.CreateAsync(host)).WithPortalAsync(host, "Resident#2026x"); // reports 13987654321
        var stored = await host.WithDbAsync(async db =>
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT \"NewValue\" FROM \"RecordCorrections\"";
            await db.Database.OpenConnectionAsync();
            return (string)(await command.ExecuteScalarAsync())!;
        });
        Assert.StartsWith("enc1:", stored);
        Assert.DoesNotContain("13987654321", stored);
        var pending = await (await host.SignInAsync("dangan")).GetStringAsync("/api/corrections");
        Assert.Contains("139****4321", pending);
        Assert.DoesNotContain("13987654321", pending);
        Assert.Contains("139****4321", await target.Resident!.GetStringAsync("/api/portal/me/corrections"));
    }

    [Fact]
    public async Task FailedSignInsLockOnlyTheAccountAtThatAddressAndSayTheSameForUnknownNames()
    {
        await using var addressed = host.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestAddress>()));
        async Task<HttpResponseMessage> SignInAsync(string userName, string password, string address)
        {
            var client = addressed.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add(TestAddress.Header, address);
            return await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        }

        var attacker = "203.0.113.9";
        foreach (var name in new[] { "admin", "nosuchuser" })
        {
            var answers = new List<string>();
            for (var i = 0; i < AccountSecurity.MaxFailedAttempts + 1; i++)
            {
                var wrong = await SignInAsync(name, "Wrong@2026", attacker);
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
                answers.Add(JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString()!);
            }
            Assert.Equal(AccountSecurity.WrongPasswordMessage, answers[0]);
            Assert.Equal(AccountSecurity.LockedMessage, answers[^1]);
            // Even the right password waits at that address …
            if (name == "admin")
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(name, DemoAccounts.Password, attacker)).StatusCode);
            }
        }
        // … while the clinic's own address signs in as ever.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync("admin", DemoAccounts.Password, "192.0.2.20")).StatusCode);
    }

    [Fact]
    public async Task CommonAndRepetitivePasswordsAreRefusedForStaffAndResidentsNeedNoSymbols()
    {
        var jigou = await host.SignInAsync("jigou");
        var created = await jigou.PostAsJsonAsync("/api/users", new NewUserInput($"p{Guid.NewGuid():N}"[..10], "密码用户", Roles.Doctor));
        var issued = (await created.Content.ReadFromJsonAsync<IssuedPassword>(Json.Options))!;
        var user = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.True((await user.PostAsJsonAsync("/api/auth/login", new { userName = issued.User.UserName, password = issued.Password })).IsSuccessStatusCode);
        foreach (var weak in new[] { "aaaaaaaA1@", "Password1!", "Xk7#Xk7#Xk7#" })
        {
            var refused = await user.PostAsJsonAsync("/api/auth/password", new { currentPassword = issued.Password, newPassword = weak, confirmPassword = weak });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.True(body.Contains(PasswordRules.CommonMessage, StringComparison.Ordinal) || body.Contains(PasswordRules.RepetitiveMessage, StringComparison.Ordinal), $"{weak}: {body}");
        }
        // Staff still need the mix of characters.
        var plain = await user.PostAsJsonAsync("/api/auth/password", new { currentPassword = issued.Password, newPassword = "qingshan ping an", confirmPassword = "qingshan ping an" });
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);

        // A resident: a long lower-case phrase is enough, a common one is not.
        var staff = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(staff, TestResidents.New("老年居民", birth: new DateOnly(1950, 2, 3)));
        var code = async () => JsonDocument.Parse(await (await (await host.SignInAsync("cunyi")).PostAsync($"/api/residents/{resident.Id}/activation-code", null)).Content.ReadAsStringAsync())
            .RootElement.GetProperty("code").GetString();
        var anonymous = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var common = await anonymous.PostAsJsonAsync("/api/portal/activate", new { idNumber = resident.Info.IdNumber, code = await code(), password = "woaini1314" });
        Assert.Equal(HttpStatusCode.BadRequest, common.StatusCode);
        Assert.Contains(PasswordRules.CommonMessage, await common.Content.ReadAsStringAsync());
        var phrase = await anonymous.PostAsJsonAsync("/api/portal/activate", new { idNumber = resident.Info.IdNumber, code = await code(), password = "qingshan ping an" });
        Assert.Equal(HttpStatusCode.NoContent, phrase.StatusCode);
    }

    [Fact]
    public async Task ARecordReadMaskedAndSavedBackKeepsItsFullNumbers()
    {
        var doctor = await host.SignInAsync("cunyi");
        var created = await TestResidents.CreateAsync(doctor, TestResidents.New("回存", phone: "13722223333"));
        var read = (await doctor.GetFromJsonAsync<ResidentDetail>($"/api/residents/{created.Id}", Json.Options))!;
        Assert.Equal("137****3333", read.Info.Phone);
        var input = new ResidentInput
        {
            Info = read.Info, Cover = read.Cover with { CurrentAddress = "石林村9组" },
            VillageCode = read.VillageCode, HouseholdId = read.HouseholdId, RelationToHead = read.RelationToHead, Version = read.Version,
        };
        Assert.True((await doctor.PutAsJsonAsync($"/api/residents/{created.Id}", input)).IsSuccessStatusCode);
        var stored = await host.WithDbAsync(db => db.HealthRecords.Where(r => r.Id == created.Id).Select(r => new { r.IdNumber, r.Phone, r.Cover }).SingleAsync());
        Assert.Equal(created.Info.IdNumber, stored.IdNumber);
        Assert.Equal("13722223333", stored.Phone);
        Assert.Equal("石林村9组", stored.Cover.CurrentAddress);

        // Any form: a phone that comes back as its mask stays as stored; a new one is taken.
        var referral = new Domain.Encounters.ReferralOut { Phone = "13722223333", ReferringDoctorPhone = "02368123456", PatientName = "回存" };
        var masked = referral with { Phone = "137****3333", ReferringDoctorPhone = Masking.Mask("02368123456", isId: false) };
        Assert.Equal(referral, Masking.KeepStored(masked, referral));
        Assert.Equal("13900000000", Masking.KeepStored(masked with { Phone = "13900000000" }, referral).Phone);
    }

    /// <summary>Sets the client address of a request from a header, so a test can sign in from two addresses.</summary>
    private sealed class TestAddress : IStartupFilter
    {
        public const string Header = "X-Test-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(Header, out var address))
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

public sealed class SqliteReviewFixesTests(SqliteHost host) : ReviewFixesTests<SqliteHost>(host);

public sealed class PostgresReviewFixesTests(PostgresHost host) : ReviewFixesTests<PostgresHost>(host);
