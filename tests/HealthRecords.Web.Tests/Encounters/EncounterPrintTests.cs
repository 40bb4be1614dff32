using System.Net;
using System.Net.Http.Json;
using HealthRecords.Domain.Encounters;
using HealthRecords.Web.Features.Encounters;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Encounters;

/// <summary>The printed encounter, consultation and referral forms (004 附件5–7) as static HTML.</summary>
public abstract class EncounterPrintTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(HostFixture.Now.UtcDateTime);

    public async Task InitializeAsync()
    {
        await host.WithDbAsync(async db =>
        {
            await db.Referrals.ExecuteDeleteAsync();
            await db.Consultations.ExecuteDeleteAsync();
            return await db.Encounters.ExecuteDeleteAsync();
        });
        await host.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> HtmlAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The last 8 digits as the boxes print them: one span per digit.</summary>
    private static string Boxes(string recordNumber) =>
        string.Concat(recordNumber[^8..].Select((c, i) => (i == 3 ? "<span class=\"sep\" aria-hidden=\"true\">-</span>" : "") + $"<span class=\"digit\" aria-hidden=\"true\">{c}</span>"));

    [Fact]
    public async Task ReferralPrintsWithItsStubAndTheRecordNumbersLastEightDigits()
    {
        var client = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New("印转甲"));
        var draft = (await client.GetFromJsonAsync<ReferralOut>($"/api/residents/{resident.Id}/referrals/draft", Json.Options))!;
        var referral = (await (await client.PostAsJsonAsync($"/api/residents/{resident.Id}/referrals",
                new ReferralInput(draft with { ToInstitution = "大渡口区人民医院", ToDepartment = "心内科", InitialImpression = "不稳定型心绞痛", PresentIllness = "反复胸痛3天" }), Json.Options))
            .Content.ReadFromJsonAsync<ReferralView>(Json.Options))!;

        var response = await client.GetAsync($"/residents/{resident.Id}/print/referral/{referral.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("data-testid=\"stub\"", html);
        Assert.Contains("data-testid=\"cut-line\"", html);
        Assert.Contains("data-testid=\"slip\"", html);
        Assert.Contains("双向转诊（转出）单", html);
        Assert.Contains("大渡口区人民医院", html);
        Assert.Contains("心内科", html);
        Assert.Contains("反复胸痛3天", html);
        Assert.Contains(Boxes(resident.RecordNumber), html);
        Assert.Contains(resident.RecordNumber, html); // the stub's 档案编号
        Assert.DoesNotContain("\"type\":\"server\"", html);
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.HealthRecordId == resident.Id && a.Action == "print-referral")));
        // No transfer-back yet: its page has nothing to print.
        Assert.Contains("档案不存在或不在您的管理范围内", await HtmlAsync(await client.GetAsync($"/residents/{resident.Id}/print/referral/{referral.Id}/back")));
    }

    [Fact]
    public async Task TransferBackPrintsWithItsStub()
    {
        var client = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New("印回丁"));
        var draft = (await client.GetFromJsonAsync<ReferralOut>($"/api/residents/{resident.Id}/referrals/draft", Json.Options))!;
        var referral = (await (await client.PostAsJsonAsync($"/api/residents/{resident.Id}/referrals",
                new ReferralInput(draft with { ReferredOn = Today.AddDays(-9), ToInstitution = "大渡口区人民医院", InitialImpression = "肺炎", PresentIllness = "发热咳嗽" }), Json.Options))
            .Content.ReadFromJsonAsync<ReferralView>(Json.Options))!;
        var back = ReferralRules.BackFor(referral.Form) with
        {
            ReturnedOn = Today.AddDays(-1), CaseNumber = "BA-778", InpatientNumber = "ZY-2026-5521", Diagnosis = "社区获得性肺炎",
            MainFindings = "胸片：右下肺斑片影", TreatmentAndPlan = "抗感染治疗7天，出院后口服抗生素3天", ReferringDoctor = "李主任",
        };
        var saved = await client.PostAsJsonAsync($"/api/referrals/{referral.Id}/result", new ReferralResultInput(
            new ReferralResult { FollowedUpOn = Today, Outcome = ReferralOutcome.TransferredBack, FollowedUpBy = "王医生" }, back, referral.Version), Json.Options);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var html = await HtmlAsync(await client.GetAsync($"/residents/{resident.Id}/print/referral/{referral.Id}/back"));

        Assert.Contains("双向转诊（回转）单", html);
        Assert.Contains("data-testid=\"stub\"", html);
        Assert.Contains("data-testid=\"cut-line\"", html);
        Assert.Contains("BA-778", html);
        Assert.Contains("ZY-2026-5521", html);
        Assert.Contains("社区获得性肺炎", html);
        Assert.Contains("跳磴镇卫生院", html); // sent back to the referring institution
        Assert.Contains(Boxes(resident.RecordNumber), html);
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.HealthRecordId == resident.Id && a.Action == "print-referral-back")));
    }

    [Fact]
    public async Task EncounterAndConsultationPrintTheirFieldsAndAreAudited()
    {
        var client = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New("印接乙"));
        var encounter = (await (await client.PostAsJsonAsync($"/api/residents/{resident.Id}/encounters", new EncounterInput(new EncounterForm
        {
            Subjective = "咳嗽5天", Objective = "双肺呼吸音粗", Diagnoses = [new("J20.9", null)], Plan = "对症治疗", DoctorName = "王医生", EncounterDate = Today,
        }), Json.Options)).Content.ReadFromJsonAsync<EncounterView>(Json.Options))!;
        var consultation = (await (await client.PostAsJsonAsync($"/api/residents/{resident.Id}/consultations", new ConsultationInput(new ConsultationForm
        {
            Reason = "咳嗽迁延", Opinion = "完善胸片", ResponsibleDoctor = "王医生", ConsultationDate = Today,
            Consultants = [new("区人民医院", "李主任"), new("区人民医院", "陈医生")],
        }), Json.Options)).Content.ReadFromJsonAsync<ConsultationView>(Json.Options))!;

        var e = await HtmlAsync(await client.GetAsync($"/residents/{resident.Id}/print/encounter/{encounter.Id}"));
        var c = await HtmlAsync(await client.GetAsync($"/residents/{resident.Id}/print/consultation/{consultation.Id}"));

        Assert.Contains("接诊记录表", e);
        Assert.Contains("咳嗽5天", e);
        Assert.Contains("急性支气管炎（ICD-10 J20.9）", e);
        Assert.Contains(Boxes(resident.RecordNumber), e);
        Assert.Contains("会诊记录表", c);
        Assert.Contains("<td>区人民医院</td><td>李主任　陈医生</td>", c);
        Assert.Contains(Boxes(resident.RecordNumber), c);
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.HealthRecordId == resident.Id && a.Action == "print-encounter")));
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.HealthRecordId == resident.Id && a.Action == "print-consultation")));
    }

    [Fact]
    public async Task OutOfScopePrintShowsNothingOfTheForm()
    {
        var doctor = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(doctor, TestResidents.New("印接丙", TestResidents.Shuanghe));
        var encounter = (await (await doctor.PostAsJsonAsync($"/api/residents/{resident.Id}/encounters", new EncounterInput(new EncounterForm
        {
            Subjective = "秘密主诉", Assessment = "a", Plan = "p", DoctorName = "王医生", EncounterDate = Today,
        }), Json.Options)).Content.ReadFromJsonAsync<EncounterView>(Json.Options))!;
        var village = await host.SignInAsync("cunyi");

        var html = await HtmlAsync(await village.GetAsync($"/residents/{resident.Id}/print/encounter/{encounter.Id}"));

        Assert.Contains("档案不存在或不在您的管理范围内", html);
        Assert.DoesNotContain("秘密主诉", html);
    }
}

public sealed class SqliteEncounterPrintTests(SqliteHost host) : EncounterPrintTests<SqliteHost>(host);

public sealed class PostgresEncounterPrintTests(PostgresHost host) : EncounterPrintTests<PostgresHost>(host);
