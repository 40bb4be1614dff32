using System.Net;
using System.Net.Http.Json;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Encounters;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Web.Features.Access;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Chronic;
using HealthRecords.Web.Features.Encounters;
using HealthRecords.Web.Features.Examinations;
using HealthRecords.Web.Tests.Examinations;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Audit;

/// <summary>
/// 档案借阅 reaches every service of the lent record: a user outside the record's scope with an approved, unexpired
/// request reads its examinations, chronic management, encounters, consultations and referrals (audited), and writes nothing.
/// </summary>
public abstract class LentRecordServicesTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
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

    private sealed record Services(long RecordId, long ExamId, long FollowUpId, long EncounterId, long ConsultationId, long ReferralId, int ReferralVersion, int ExamVersion)
    {
        public string[] Reads =>
        [
            $"/api/residents/{RecordId}/examinations", $"/api/examinations/{ExamId}",
            $"/api/residents/{RecordId}/chronic", $"/api/residents/{RecordId}/chronic/follow-ups/{FollowUpId}",
            $"/api/residents/{RecordId}/encounters", $"/api/encounters/{EncounterId}",
            $"/api/residents/{RecordId}/consultations", $"/api/consultations/{ConsultationId}",
            $"/api/residents/{RecordId}/referrals", $"/api/referrals/{ReferralId}",
            $"/api/residents/{RecordId}/other-services",
        ];
    }

    private static HypertensionFollowUp Ht(DateOnly on) => new()
    {
        VisitDate = on, VisitMode = VisitMode.Clinic, Symptoms = [HypertensionSymptom.None],
        Signs = new Signs { Systolic = 132, Diastolic = 84, HeartRate = 76, WeightKg = new(70m, 65m) },
        Lifestyle = new Lifestyle { PsychologicalAdjustment = Rating.Good, Compliance = Rating.Good },
        SaltIntake = new(SaltIntake.Light, SaltIntake.Light),
        Adherence = MedicationAdherence.Regular, AdverseReaction = AdverseReaction.None,
        Medications = [new Medication("硝苯地平缓释片", 2, 10m)], Doctor = "王医生",
    };

    private static async Task<T> OkAsync<T>(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<T>(Json.Options))!;
    }

    /// <summary>A record of 双河村 (outside the village doctor's villages) with one of each service, made by the township doctor.</summary>
    private async Task<Services> RecordWithServicesAsync(string name)
    {
        var doctor = await host.SignInAsync("yisheng");
        var record = await TestResidents.CreateAsync(doctor, TestResidents.New(name, TestResidents.Shuanghe, birth: new DateOnly(1950, 3, 1)));
        var exam = await OkAsync<ExaminationDetail>(await doctor.PostAsJsonAsync($"/api/residents/{record.Id}/examinations",
            new ExaminationInput { Form = ExaminationSamples.CompleteElderly(Today.AddDays(-3)) }));
        (await doctor.PostAsJsonAsync($"/api/residents/{record.Id}/chronic/hypertension/enrolment",
            new EnrolInput(new DateOnly(2026, 1, 10), EnrolmentSource.Direct, null))).EnsureSuccessStatusCode();
        var followUp = await OkAsync<FollowUpView>(await doctor.PostAsJsonAsync($"/api/residents/{record.Id}/hypertension/follow-ups",
            new HypertensionFollowUpInput(Ht(Today.AddDays(-2)))));
        var encounter = await OkAsync<EncounterView>(await doctor.PostAsJsonAsync($"/api/residents/{record.Id}/encounters", new EncounterInput(new EncounterForm
        {
            Subjective = "头晕", Objective = "血压 150/95 mmHg", Assessment = "高血压", Plan = "转上级医院", DoctorName = "王医生", EncounterDate = Today.AddDays(-1),
        }), Json.Options));
        var consultation = await OkAsync<ConsultationView>(await doctor.PostAsJsonAsync($"/api/residents/{record.Id}/consultations", new ConsultationInput(new ConsultationForm
        {
            Reason = "r", Opinion = "o", ResponsibleDoctor = "王医生", ConsultationDate = Today.AddDays(-1), Consultants = [new("区人民医院", "李主任")],
        }), Json.Options));
        var draft = (await doctor.GetFromJsonAsync<ReferralOut>($"/api/residents/{record.Id}/referrals/draft?encounterId={encounter.Id}", Json.Options))!;
        var referral = await OkAsync<ReferralView>(await doctor.PostAsJsonAsync($"/api/residents/{record.Id}/referrals",
            new ReferralInput(draft with { ToInstitution = "区人民医院", PresentIllness = "p" }, encounter.Id), Json.Options));
        return new Services(record.Id, exam.Id, followUp.Id, encounter.Id, consultation.Id, referral.Id, referral.Version, exam.Version);
    }

    private async Task LendAsync(long recordId)
    {
        var requester = await host.SignInAsync("cunyi");
        var request = await OkAsync<AccessRequestView>(await requester.PostAsJsonAsync("/api/access-requests", new AccessRequestInput(recordId, "居民来本村卫生室就诊")));
        var keeper = await host.SignInAsync("dangan");
        (await keeper.PostAsJsonAsync($"/api/access-requests/{request.Id}/approve", new ApproveInput(null, null, "同意"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task NotLentEveryServiceIsNotFound()
    {
        var s = await RecordWithServicesAsync("借阅服务甲");
        var outsider = await host.SignInAsync("cunyi");
        foreach (var path in s.Reads)
        {
            Assert.True(HttpStatusCode.NotFound == (await outsider.GetAsync(path)).StatusCode, path);
        }
    }

    [Fact]
    public async Task LentRecordsServicesAreReadableAndEachReadIsAudited()
    {
        var s = await RecordWithServicesAsync("借阅服务乙");
        await LendAsync(s.RecordId);
        var lent = await host.SignInAsync("cunyi");

        foreach (var path in s.Reads)
        {
            var r = await lent.GetAsync(path);
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{path}: {r.StatusCode}");
        }
        Assert.Single((await lent.GetFromJsonAsync<List<ExaminationSummary>>($"/api/residents/{s.RecordId}/examinations", Json.Options))!);
        var chronic = (await lent.GetFromJsonAsync<ChronicSummary>($"/api/residents/{s.RecordId}/chronic", Json.Options))!;
        Assert.Single(chronic.Enrolments);
        Assert.Single(chronic.FollowUps);
        Assert.True(chronic.ReadOnly); // the page offers no enrol, withdraw, screen or edit
        var overview = (await lent.GetFromJsonAsync<ResidentOverview>($"/api/residents/{s.RecordId}/overview", Json.Options))!;
        Assert.True(overview.Lent);
        var keeper = await host.SignInAsync("yisheng");
        Assert.False((await keeper.GetFromJsonAsync<ChronicSummary>($"/api/residents/{s.RecordId}/chronic", Json.Options))!.ReadOnly);
        Assert.False((await keeper.GetFromJsonAsync<ResidentOverview>($"/api/residents/{s.RecordId}/overview", Json.Options))!.Lent);

        var reads = await host.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.HealthRecordId == s.RecordId && a.Action == "read" && a.UserRole == Roles.VillageDoctor)
            .Select(a => a.Detail).ToListAsync());
        foreach (var what in new[] { "examination-history", $"examination {s.ExamId}", "chronic", "follow-up", "encounters", $"encounter {s.EncounterId}",
                     "consultations", $"consultation {s.ConsultationId}", "referrals", $"referral {s.ReferralId}" })
        {
            Assert.Contains(what, reads);
        }
    }

    [Fact]
    public async Task LentRecordsServicesCannotBeWritten()
    {
        var s = await RecordWithServicesAsync("借阅服务丙");
        await LendAsync(s.RecordId);
        var lent = await host.SignInAsync("cunyi");

        var writes = new List<(string What, HttpResponseMessage Response)>
        {
            ("exam create", await lent.PostAsJsonAsync($"/api/residents/{s.RecordId}/examinations", new ExaminationInput { Form = ExaminationSamples.CompleteElderly(Today) })),
            ("exam update", await lent.PutAsJsonAsync($"/api/examinations/{s.ExamId}", new ExaminationInput { Form = ExaminationSamples.CompleteElderly(Today.AddDays(-3)), Version = s.ExamVersion })),
            ("follow-up", await lent.PostAsJsonAsync($"/api/residents/{s.RecordId}/hypertension/follow-ups", new HypertensionFollowUpInput(Ht(Today)))),
            ("enrol", await lent.PostAsJsonAsync($"/api/residents/{s.RecordId}/chronic/diabetes/enrolment", new EnrolInput(Today, EnrolmentSource.Direct, null))),
            ("encounter", await lent.PostAsJsonAsync($"/api/residents/{s.RecordId}/encounters", new EncounterInput(new EncounterForm
            {
                Subjective = "s", Assessment = "a", DoctorName = "李村医", EncounterDate = Today,
            }), Json.Options)),
            ("referral result", await lent.PostAsJsonAsync($"/api/referrals/{s.ReferralId}/result", new ReferralResultInput(
                new ReferralResult { FollowedUpOn = Today, Outcome = ReferralOutcome.Inpatient, FollowedUpBy = "李村医" }, null, s.ReferralVersion), Json.Options)),
        };
        foreach (var (what, response) in writes)
        {
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{what}: {response.StatusCode}");
        }
        var stored = await host.WithDbAsync(async db => (
            Exams: await db.Set<Examination>().CountAsync(e => e.HealthRecordId == s.RecordId),
            Encounters: await db.Encounters.CountAsync(e => e.HealthRecordId == s.RecordId),
            Open: await db.Referrals.CountAsync(r => r.HealthRecordId == s.RecordId && r.ResultOn == null)));
        Assert.Equal((1, 1, 1), stored);
    }

    [Fact]
    public async Task ExpiredLoanReadsNothing()
    {
        var s = await RecordWithServicesAsync("借阅服务丁");
        await LendAsync(s.RecordId);
        host.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var expired = await host.SignInAsync("cunyi");
        foreach (var path in s.Reads)
        {
            Assert.True(HttpStatusCode.NotFound == (await expired.GetAsync(path)).StatusCode, path);
        }
    }
}

public sealed class SqliteLentRecordServicesTests(SqliteHost host) : LentRecordServicesTests<SqliteHost>(host);

public sealed class PostgresLentRecordServicesTests(PostgresHost host) : LentRecordServicesTests<PostgresHost>(host);
