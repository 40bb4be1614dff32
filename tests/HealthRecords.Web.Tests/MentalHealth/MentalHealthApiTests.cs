using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.MentalHealth;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.MentalHealth;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.MentalHealth;

/// <summary>
/// The severe mental disorders register and follow-ups through the API, on SQLite and PostgreSQL: registration with the
/// profile's versions, a refusal registered but not managed, follow-ups with the rules' class and next date (overridden
/// only with a reason), the issue's bad input (each a 400 keyed by the field's JSON path, nothing saved), and the stricter
/// privacy across roles (diagnosis, social impact and police contacts masked for everyone but the responsible doctor, the
/// designated mental-health staff of the managing institution and the designated county supervisor).
/// </summary>
public abstract class MentalHealthApiTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(HostFixture.Now.UtcDateTime);
    private const string Doctor = "王医生";

    public async Task InitializeAsync()
    {
        await host.ResetAsync();
        await host.WithDbAsync(db => db.MentalHealthStaff.ExecuteDeleteAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Client, long Patient)> ResidentAsync(string name)
    {
        var client = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New(name, birth: new DateOnly(1985, 4, 2)));
        return (client, resident.Id);
    }

    private static async Task<JsonElement> EnrolAsync(HttpClient client, long record, DateOnly on, InformedConsent consent = InformedConsent.Agreed)
    {
        var response = await client.PostAsJsonAsync($"/api/residents/{record}/mental-health/patient",
            new MentalHealthProfileInput { Form = DemoMentalHealth.Profile(on, Doctor, consent), ExaminationAgreed = true }, Json.Options);
        return await CreatedAsync(response);
    }

    private static Task<HttpResponseMessage> FollowUpAsync(HttpClient client, long record, MentalIllnessFollowUp form) =>
        client.PostAsJsonAsync($"/api/residents/{record}/mental-health/follow-ups", new MentalHealthFollowUpInput { Form = form }, Json.Options);

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    private static string Message(JsonElement errors, string key) =>
        errors.TryGetProperty(key, out var messages) ? messages[0].GetString()! : throw new Xunit.Sdk.XunitException($"no error for {key}: {errors}");

    [Fact]
    public async Task APatientIsRegisteredFollowedUpAndTheProfileKeepsEachVersion()
    {
        var (client, record) = await ResidentAsync("患者甲");
        var enrolled = Today.AddMonths(-4);
        var patient = await EnrolAsync(client, record, enrolled);
        Assert.True(patient.GetProperty("managed").GetBoolean());
        Assert.Equal(1, patient.GetProperty("profileVersions").GetInt32());

        // a stable visit: the rules' class and next date (+3 months) taken, no reason needed
        var stable = DemoMentalHealth.FollowUp(Today.AddMonths(-1), Condition.Stable, null, Doctor);
        var first = await CreatedAsync(await FollowUpAsync(client, record, stable));
        Assert.Equal("稳定", first.GetProperty("suggestedConditionLabel").GetString());
        Assert.Equal(Date(Today.AddMonths(-1).AddMonths(3)), first.GetProperty("suggestedNextVisitDate").GetString());

        // risk level 3 → 不稳定, refer at once, next visit in 2 weeks; its social impact is added to the profile's history
        var unstable = DemoMentalHealth.FollowUp(Today, Condition.Unstable, new PreviousVisit(Today.AddMonths(-1), Condition.Stable, Today.AddMonths(2)), Doctor);
        var second = await CreatedAsync(await FollowUpAsync(client, record, unstable));
        Assert.Equal("不稳定", second.GetProperty("conditionLabel").GetString());
        Assert.Equal(Date(Today.AddDays(14)), second.GetProperty("nextVisitDate").GetString());
        Assert.True(second.GetProperty("urgent").GetBoolean());

        var id = patient.GetProperty("id").GetInt64();
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/mental-health/patients/{id}/history");
        Assert.Equal(3, history.GetArrayLength()); // 登记, and one version per visit that reached the patient
        Assert.Equal(["随访（" + Date(Today) + "）", "随访（" + Date(Today.AddMonths(-1)) + "）", "登记"],
            history.EnumerateArray().Select(v => v.GetProperty("cause").GetString()));
        Assert.Equal(1, history[0].GetProperty("form").GetProperty("socialImpact").GetProperty("minorDisturbance").GetInt32());
        Assert.Equal(0, history[2].GetProperty("form").GetProperty("socialImpact").GetProperty("minorDisturbance").GetInt32());

        var summary = await client.GetFromJsonAsync<JsonElement>($"/api/residents/{record}/mental-health");
        Assert.Equal(["不稳定", "稳定"], summary.GetProperty("followUps").EnumerateArray().Select(f => f.GetProperty("conditionLabel").GetString()));
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.HealthRecordId == record && a.Action == "mental-health-follow-up-create")));

        // the work list: the next follow-up is urgent (2 weeks after 不稳定) and its line says nothing of the diagnosis
        var due = await host.WithDbAsync(db => new MentalHealthDueItems().DueAsync(db, db.HealthRecords, Today, Today.AddDays(30), default));
        var item = Assert.Single(due, d => d.HealthRecordId == record && d.Kind == MentalHealthSchedule.FollowUpKind);
        Assert.True(item.Urgent);
        Assert.Equal(Today.AddDays(14), item.DueDate);
        Assert.Equal(MentalHealthPrivacy.NeutralTitle, item.Title);

        // a change names the version it read; an older one is refused
        var update = new MentalHealthProfileInput { Form = DemoMentalHealth.Profile(enrolled, Doctor) with { EconomicStatus = EconomicStatus.Poor }, Version = 1 };
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync($"/api/mental-health/patients/{id}", update, Json.Options)).StatusCode);
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/mental-health/patients/{id}");
        var changed = await client.PutAsJsonAsync($"/api/mental-health/patients/{id}", update with { Version = current.GetProperty("version").GetInt32() }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(4, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profileVersions").GetInt32());
        Assert.Equal(enrolled, await host.WithDbAsync(db => db.MentalHealthPatients.Select(p => p.EnrolledOn).SingleAsync()));
    }

    [Fact]
    public async Task APatientWhoRefusesIsRegisteredButNotManaged()
    {
        var (client, record) = await ResidentAsync("患者乙");
        var patient = await EnrolAsync(client, record, Today.AddMonths(-4), InformedConsent.Refused);
        Assert.False(patient.GetProperty("managed").GetBoolean());
        Assert.Equal("不同意参加管理", patient.GetProperty("consentLabel").GetString());

        var errors = await ErrorsAsync(await FollowUpAsync(client, record, DemoMentalHealth.FollowUp(Today, Condition.Stable, null, Doctor)));
        Assert.Contains("只登记不管理", Message(errors, "form.visitDate"));
        Assert.Equal(0, await host.WithDbAsync(db => db.MentalHealthFollowUps.CountAsync()));
        var due = await host.WithDbAsync(db => new MentalHealthDueItems().DueAsync(db, db.HealthRecords, Today, Today.AddYears(1), default));
        Assert.DoesNotContain(due, d => d.HealthRecordId == record);

        // a second registration of the same resident is refused
        var again = await client.PostAsJsonAsync($"/api/residents/{record}/mental-health/patient",
            new MentalHealthProfileInput { Form = DemoMentalHealth.Profile(Today, Doctor) }, Json.Options);
        Assert.Contains("已登记", Message(await ErrorsAsync(again), "form"));
    }

    [Fact]
    public async Task BadInputIsRefusedBesideTheFieldAndNothingIsSaved()
    {
        var (client, record) = await ResidentAsync("患者丙");
        var enrolled = Today.AddMonths(-2);
        await EnrolAsync(client, record, enrolled);
        var valid = DemoMentalHealth.FollowUp(Today, Condition.Stable, null, Doctor);

        // a risk level outside 0–5
        Assert.Contains("不能填6", Message(await ErrorsAsync(await FollowUpAsync(client, record, valid with { RiskLevel = (RiskLevel)6 })), "form.riskLevel"));
        // a visit before the registration
        Assert.Contains("不能早于纳入管理日期", Message(await ErrorsAsync(await FollowUpAsync(client, record,
            DemoMentalHealth.FollowUp(enrolled.AddDays(-3), Condition.Stable, null, Doctor))), "form.visitDate"));
        // a class other than the rules' without a reason: risk level 3 is 不稳定, not 稳定
        var contradicting = valid with { RiskLevel = RiskLevel.Level3 };
        Assert.Contains("按规范应分类为“不稳定”", Message(await ErrorsAsync(await FollowUpAsync(client, record, contradicting)), "form.condition"));
        // a next date other than the suggested one without a reason
        Assert.Contains("请填写理由", Message(await ErrorsAsync(await FollowUpAsync(client, record, valid with { NextVisitDate = Today.AddMonths(4) })), "form.nextVisitDate"));
        // a bad profile: the diagnosis missing
        var (_, other) = await ResidentAsync("患者丁");
        var badProfile = await client.PostAsJsonAsync($"/api/residents/{other}/mental-health/patient",
            new MentalHealthProfileInput { Form = DemoMentalHealth.Profile(Today, Doctor) with { Diagnosis = null } }, Json.Options);
        Assert.Equal("请填写目前诊断", Message(await ErrorsAsync(badProfile), "form.diagnosis"));
        Assert.Equal(0, await host.WithDbAsync(db => db.MentalHealthFollowUps.CountAsync()));
        Assert.Equal(1, await host.WithDbAsync(db => db.MentalHealthPatients.CountAsync()));

        // the doctor may depart from the suggestion with a reason: both are kept
        var reasoned = await CreatedAsync(await FollowUpAsync(client, record, contradicting with
        {
            NextVisitDate = Today.AddMonths(3), Referral = ReferralChoice.No, OverrideReason = "危险性评估有误，家属陪同下情况平稳，专科医生电话会诊同意继续观察",
        }));
        Assert.Equal("稳定", reasoned.GetProperty("conditionLabel").GetString());
        Assert.Equal("不稳定", reasoned.GetProperty("suggestedConditionLabel").GetString());
        Assert.Equal(Date(Today.AddDays(14)), reasoned.GetProperty("suggestedNextVisitDate").GetString());

        // the same day twice
        Assert.Contains("当天已有", Message(await ErrorsAsync(await FollowUpAsync(client, record, valid)), "form.visitDate"));
    }

    [Fact]
    public async Task TheSuggestionIsComputedWithoutSaving()
    {
        var (client, record) = await ResidentAsync("患者戊");
        await EnrolAsync(client, record, Today.AddMonths(-2));
        var draft = DemoMentalHealth.FollowUp(Today, Condition.BasicallyStable, null, Doctor);
        var response = await client.PostAsJsonAsync($"/api/residents/{record}/mental-health/suggestion", new MentalHealthFollowUpInput { Form = draft }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var s = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("基本稳定", s.GetProperty("conditionLabel").GetString());
        Assert.Equal(Date(Today.AddDays(14)), s.GetProperty("nextVisitDate").GetString());
        Assert.Equal(0, await host.WithDbAsync(db => db.MentalHealthFollowUps.CountAsync()));
    }

    [Fact]
    public async Task RestrictedFieldsAreSeenOnlyByTheResponsibleDoctorTheDesignatedStaffAndTheCountySupervisor()
    {
        var (doctor, record) = await ResidentAsync("患者己");
        var patient = await EnrolAsync(doctor, record, Today.AddMonths(-4));
        var unstable = DemoMentalHealth.FollowUp(Today, Condition.Unstable, null, Doctor) with { PoliceContact = new PoliceContact(Today, "跳磴派出所", "协助送院") };
        var visit = await CreatedAsync(await FollowUpAsync(doctor, record, unstable));
        var (patientId, visitId) = (patient.GetProperty("id").GetInt64(), visit.GetProperty("id").GetInt64());
        var cunyiId = await host.WithDbAsync(db => db.Users.Where(u => u.UserName == "cunyi").Select(u => u.Id).SingleAsync());
        await host.WithDbAsync(db => db.HealthRecords.Where(r => r.Id == record).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResponsibleDoctorId, cunyiId)));

        async Task<bool> SeesAsync(string user)
        {
            var client = await host.SignInAsync(user);
            var p = await client.GetFromJsonAsync<JsonElement>($"/api/mental-health/patients/{patientId}");
            var v = await client.GetFromJsonAsync<JsonElement>($"/api/mental-health/follow-ups/{visitId}");
            var h = await client.GetFromJsonAsync<JsonElement>($"/api/mental-health/patients/{patientId}/history");
            var s = await client.GetFromJsonAsync<JsonElement>($"/api/residents/{record}/mental-health");
            var sees = p.GetProperty("form").GetProperty("diagnosis").ValueKind == JsonValueKind.String;
            // every read agrees: the profile, its history, the follow-up's risk level, social impact and police contact
            Assert.Equal(sees, h[0].GetProperty("form").GetProperty("diagnosis").ValueKind == JsonValueKind.String);
            Assert.Equal(sees, s.GetProperty("patient").GetProperty("form").GetProperty("diagnosis").ValueKind == JsonValueKind.String);
            Assert.Equal(sees, s.GetProperty("maySeeRestricted").GetBoolean());
            var masked = v.GetProperty("masked").EnumerateArray().Select(m => m.GetString()).ToList();
            foreach (var path in new[] { "riskLevel", "socialImpact", "policeContact", "symptoms", "medications", "assessment", "overrideReason" })
            {
                Assert.Equal(!sees, masked.Contains(path));
                if (!sees)
                {
                    Assert.Equal(JsonValueKind.Null, v.GetProperty("form").GetProperty(path).ValueKind);
                }
            }
            if (sees)
            {
                Assert.Equal("跳磴派出所", v.GetProperty("form").GetProperty("policeContact").GetProperty("station").GetString());
                Assert.Empty(p.GetProperty("masked").EnumerateArray());
            }
            else
            {
                Assert.DoesNotContain("精神分裂症", p.GetRawText() + v.GetRawText() + h.GetRawText() + s.GetRawText(), StringComparison.Ordinal);
                Assert.DoesNotContain("派出所", v.GetRawText(), StringComparison.Ordinal);
                Assert.Contains("diagnosis", p.GetProperty("masked").EnumerateArray().Select(m => m.GetString()));
            }
            return sees;
        }

        Assert.True(await SeesAsync("cunyi"));      // the responsible doctor
        Assert.False(await SeesAsync("yisheng"));   // a doctor of the managing institution, not designated
        Assert.False(await SeesAsync("gongwei"));
        Assert.False(await SeesAsync("jianguan"));  // a county supervisor, not designated
        Assert.False(await SeesAsync("admin"));     // the system administrator is not a clinician

        var ids = await host.WithDbAsync(db => db.Users.Where(u => u.UserName == "gongwei" || u.UserName == "jianguan")
            .ToDictionaryAsync(u => u.UserName!, u => u.Id));
        await TestUsers.EnsureAsync(host);
        var otherDoctor = await host.WithDbAsync(db => db.Users.Where(u => u.UserName == TestUsers.OtherInstitutionDoctor).Select(u => u.Id).SingleAsync());
        var institutionAdmin = await host.SignInAsync("jigou");
        var admin = await host.SignInAsync("admin");

        // the institution's administrator designates its own staff, not another institution's, not a county supervisor
        Assert.Equal(HttpStatusCode.OK, (await institutionAdmin.PutAsJsonAsync($"/api/mental-health/staff/{ids["gongwei"]}", new MentalHealthStaffInput(MentalHealthDuty.InstitutionStaff))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await institutionAdmin.PutAsJsonAsync($"/api/mental-health/staff/{otherDoctor}", new MentalHealthStaffInput(MentalHealthDuty.InstitutionStaff))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await institutionAdmin.PutAsJsonAsync($"/api/mental-health/staff/{ids["jianguan"]}", new MentalHealthStaffInput(MentalHealthDuty.CountySupervisor))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.PutAsJsonAsync($"/api/mental-health/staff/{ids["gongwei"]}", new MentalHealthStaffInput(MentalHealthDuty.InstitutionStaff))).StatusCode);
        Assert.True(await SeesAsync("gongwei"));

        // mental-health staff of another institution still may not see this institution's patients
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/mental-health/staff/{otherDoctor}", new MentalHealthStaffInput(MentalHealthDuty.InstitutionStaff))).StatusCode);
        var viewers = await host.WithDbAsync(async db => await new MentalHealthViewers(db).MaySeeAsync(
            await ScopeOfAsync(TestUsers.OtherInstitutionDoctor), record, default));
        Assert.False(viewers);

        // a county supervisor only when the system administrator designates one of the supervisors
        Assert.Contains("须是卫健委监管人员", Message(await ErrorsAsync(await admin.PutAsJsonAsync($"/api/mental-health/staff/{ids["gongwei"]}",
            new MentalHealthStaffInput(MentalHealthDuty.CountySupervisor))), "duty"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/mental-health/staff/{ids["jianguan"]}", new MentalHealthStaffInput(MentalHealthDuty.CountySupervisor))).StatusCode);
        Assert.True(await SeesAsync("jianguan"));

        // revoked: masked again
        Assert.Equal(HttpStatusCode.OK, (await institutionAdmin.DeleteAsync($"/api/mental-health/staff/{ids["gongwei"]}")).StatusCode);
        Assert.False(await SeesAsync("gongwei"));
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "mental-health-staff-designate")));
    }

    [Fact]
    public async Task ARemovedPatientHasNothingDueAndTakesNoMoreFollowUps()
    {
        var (client, record) = await ResidentAsync("患者辛");
        var enrolled = Today.AddMonths(-4);
        var patient = await EnrolAsync(client, record, enrolled);
        var id = patient.GetProperty("id").GetInt64();
        var version = patient.GetProperty("version").GetInt32();

        var before = await client.PutAsJsonAsync($"/api/mental-health/patients/{id}/removal", new MentalHealthRemovalInput(enrolled.AddDays(-1), "迁出", version), Json.Options);
        Assert.Contains("不能早于登记日期", Message(await ErrorsAsync(before), "removedOn"));
        var noReason = await client.PutAsJsonAsync($"/api/mental-health/patients/{id}/removal", new MentalHealthRemovalInput(Today, " ", version), Json.Options);
        Assert.Contains("请填写撤销登记原因", Message(await ErrorsAsync(noReason), "reason"));

        var removed = await client.PutAsJsonAsync($"/api/mental-health/patients/{id}/removal", new MentalHealthRemovalInput(Today, "迁出", version), Json.Options);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var due = await host.WithDbAsync(db => new MentalHealthDueItems().DueAsync(db, db.HealthRecords, Today, Today.AddYears(1), default));
        Assert.DoesNotContain(due, d => d.HealthRecordId == record);
        var errors = await ErrorsAsync(await FollowUpAsync(client, record, DemoMentalHealth.FollowUp(Today, Condition.Stable, null, Doctor)));
        Assert.Contains("尚未登记", Message(errors, "form.visitDate"));
        // still 登记在册 for the period it was on the register
        var period = new Features.Measures.MeasurePeriod(Today.AddMonths(-6), Today);
        Assert.Equal([record], await host.WithDbAsync(db => MentalHealthMeasureQueries.Registered(db, db.HealthRecords, period).Select(r => r.Id).ToListAsync()));
    }

    private async Task<DataScope> ScopeOfAsync(string userName)
    {
        var user = await host.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => new { u.Id, u.InstitutionId }).SingleAsync());
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id),
            new(System.Security.Claims.ClaimTypes.Role, Roles.Doctor),
            new(ScopeClaims.Institution, user.InstitutionId!.Value.ToString(CultureInfo.InvariantCulture)),
        ], "test"));
        return DataScope.From(principal);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class SqliteMentalHealthApiTests(SqliteHost host) : MentalHealthApiTests<SqliteHost>(host);

public sealed class PostgresMentalHealthApiTests(PostgresHost host) : MentalHealthApiTests<PostgresHost>(host);
