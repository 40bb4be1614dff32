using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Children;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Examinations;
using HealthRecords.Web.Features.Children;
using HealthRecords.Web.Features.WorkList;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Children;

/// <summary>
/// Child health check-ups (004 0~6岁儿童健康管理 附件2–4) through the API, on SQLite and PostgreSQL, with issue #18's bad
/// input (40 kg at 3 months, a check-up outside its age window) and the forms' "———" rule. "Today" is 2026-06-15.
/// </summary>
public abstract class ChildCheckupApiTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(HostFixture.Now.UtcDateTime);

    public async Task InitializeAsync()
    {
        await host.WithDbAsync(db => db.Set<ChildCheckupVisit>().ExecuteDeleteAsync());
        await host.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Client, long Id, DateOnly Birth)> ChildAsync(string name, DateOnly birth, Sex sex = Sex.Male)
    {
        var client = await host.SignInAsync("cunyi");
        var child = await TestResidents.CreateAsync(client, TestResidents.New(name, TestResidents.Shilin, birth, sex));
        return (client, child.Id, birth);
    }

    /// <summary>A plausible 6-month check-up of a boy (WHO medians at 6 months: about 7.9 kg and 67.6 cm).</summary>
    private static InfantCheckup SixMonths(DateOnly on) => new()
    {
        Age = CheckupAge.Months6,
        VisitDate = on,
        WeightKg = 7.9m,
        HeightCm = 67.6m,
        Complexion = new(Complexion.Rosy),
        Hearing = HearingScreen.Pass,
        TeethErupted = 0,
        HaemoglobinGPerL = 120,
        HeartLungs = new(ExamFinding.Normal),
        Referral = new(ReferralAdvice.No),
    };

    private static InfantCheckup ThreeMonths(DateOnly on) => new()
    {
        Age = CheckupAge.Months3,
        VisitDate = on,
        WeightKg = 6.4m,
        HeightCm = 61.5m,
        Mouth = new(ExamFinding.Normal),
        Referral = new(ReferralAdvice.No),
    };

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, long id, ChildCheckup form) =>
        client.PostAsJsonAsync($"/api/residents/{id}/child-checkups", new ChildCheckupInput(form), Json.Options);

    private static async Task<ChildCheckupView> CreatedAsync(HttpClient client, long id, ChildCheckup form)
    {
        var response = await CreateAsync(client, id, form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ChildCheckupView>(Json.Options))!;
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task ASixMonthCheckupIsRatedByTheSystemAndShownOnTheGrowthChart()
    {
        var (client, id, birth) = await ChildAsync("儿保甲", Today.AddMonths(-6).AddDays(-3));

        var saved = await CreatedAsync(client, id, SixMonths(Today.AddDays(-1)));

        // ratings were left empty: the system's (WHO z-scores near 0 → 中) are stored as the form's
        Assert.Equal((GrowthRating.Middle, GrowthRating.Middle), (saved.Form.WeightRating, saved.Form.HeightRating));
        Assert.Equal((GrowthRating.Middle, GrowthRating.Middle), (saved.Assessment.WeightRating, saved.Assessment.HeightRating));
        Assert.InRange(saved.Assessment.WeightForAgeZ!.Value, -0.5, 0.5);
        Assert.InRange(saved.Assessment.HeightForAgeZ!.Value, -0.5, 0.5);
        Assert.Equal("6月龄", saved.AgeLabel);
        Assert.False(string.IsNullOrEmpty(saved.Form.Doctor)); // 随访医生 defaults to the signed-in doctor
        Assert.Equal(CheckupSchedule.SuggestedNextVisit(birth, CheckupAge.Months6), saved.Assessment.SuggestedNextVisit);
        var row = await host.WithDbAsync(db => db.Set<ChildCheckupVisit>().SingleAsync(c => c.HealthRecordId == id));
        Assert.Equal((CheckupAge.Months6, GrowthRating.Middle, GrowthRating.Middle, 120), (row.Age, row.SuggestedWeightRating, row.WeightRating, row.HaemoglobinGPerL));
        Assert.NotNull(row.WeightForAgeZ);
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.HealthRecordId == id && a.Action == "child-checkup-create")));

        var read = (await client.GetFromJsonAsync<ChildCheckupView>($"/api/child-checkups/{saved.Id}", Json.Options))!;
        Assert.Equal(saved.Version, read.Version);
        Assert.IsType<InfantCheckup>(read.Form);
        var health = (await client.GetFromJsonAsync<ChildHealthView>($"/api/residents/{id}/child-health", Json.Options))!;
        Assert.Equal(CheckupAge.Months6, Assert.Single(health.Checkups).Age);
        Assert.Equal(saved.Id, health.Schedule.Single(s => s.Age == CheckupAge.Months6).CheckupId);
        Assert.True(health.Schedule.Single(s => s.Age == CheckupAge.Months3).Overdue); // never done, window passed

        var chart = (await client.GetFromJsonAsync<ChildGrowthChartView>($"/api/residents/{id}/growth-chart", Json.Options))!;
        Assert.Equal(Sex.Male, chart.Sex);
        Assert.Equal([-2d, 0d, 2d], chart.Lines);
        var point = Assert.Single(chart.Points);
        Assert.Equal(7.9m, point.WeightKg);
        // the median curve near the child's age is close to the child's weight
        var near = chart.Weight.Curves.MinBy(p => Math.Abs(p.X - point.AgeInDays))!;
        Assert.InRange(near.Values[1], 7.4, 8.4);
        Assert.True(near.Values[0] < near.Values[1] && near.Values[1] < near.Values[2]);
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.HealthRecordId == id && a.Action == "read" && a.Detail == "growth-chart")));
    }

    [Fact]
    public async Task BadCheckupsGetChineseFieldErrorsAndNothingIsSaved()
    {
        var (client, id, birth) = await ChildAsync("儿保乙", Today.AddMonths(-3).AddDays(-2));

        var heavy = await ErrorsAsync(await CreateAsync(client, id, ThreeMonths(Today) with { WeightKg = 40m }));
        Assert.Contains("体重40kg与3月龄不符", heavy.GetProperty("form.weightKg")[0].GetString(), StringComparison.Ordinal);

        // a 6-month check-up at 3 months: outside its age window
        var early = await ErrorsAsync(await CreateAsync(client, id, SixMonths(Today)));
        Assert.Contains("6月龄健康检查应在", early.GetProperty("form.visitDate")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("该日期应为3月龄健康检查", early.GetProperty("form.visitDate")[0].GetString(), StringComparison.Ordinal);

        // the form's "———": no hearing screening and no tooth count at 3 months
        var dash = await ErrorsAsync(await CreateAsync(client, id, ThreeMonths(Today) with { Hearing = HearingScreen.Pass, TeethErupted = 2 }));
        Assert.Contains("不能填写", dash.GetProperty("form.hearing")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("3月龄健康检查不检查", dash.GetProperty("form.teethErupted")[0].GetString(), StringComparison.Ordinal);

        var future = await ErrorsAsync(await CreateAsync(client, id, ThreeMonths(Today.AddDays(1))));
        Assert.Equal("随访日期不能晚于今天", future.GetProperty("form.visitDate")[0].GetString());
        var wrongForm = await ErrorsAsync(await CreateAsync(client, id, new ToddlerCheckup { Age = CheckupAge.Months3, VisitDate = Today, WeightKg = 6m, HeightCm = 60m }));
        Assert.True(wrongForm.TryGetProperty("form.age", out _));
        var noForm = await ErrorsAsync(await client.PostAsJsonAsync($"/api/residents/{id}/child-checkups", new { }, Json.Options));
        Assert.True(noForm.TryGetProperty("form", out _));

        Assert.Equal(0, await host.WithDbAsync(db => db.Set<ChildCheckupVisit>().CountAsync(c => c.HealthRecordId == id)));

        await CreatedAsync(client, id, ThreeMonths(Today));
        var twice = await ErrorsAsync(await CreateAsync(client, id, ThreeMonths(Today)));
        Assert.Equal("该儿童已有3月龄健康检查记录，不能重复录入", twice.GetProperty("form.age")[0].GetString());
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<ChildCheckupVisit>().CountAsync(c => c.HealthRecordId == id)));
        _ = birth;
    }

    [Fact]
    public async Task ARatingOtherThanTheSystemsNeedsAReasonAndKeepsTheSystemsBesideIt()
    {
        var (client, id, _) = await ChildAsync("儿保丙", Today.AddMonths(-6).AddDays(-3));

        var refused = await ErrorsAsync(await CreateAsync(client, id, SixMonths(Today) with { WeightRating = GrowthRating.Upper }));
        Assert.Contains("体重系统评价为“中”", refused.GetProperty("form.overrideReason")[0].GetString(), StringComparison.Ordinal);

        var saved = await CreatedAsync(client, id, SixMonths(Today) with { WeightRating = GrowthRating.Upper, OverrideReason = "早产儿，按矫正月龄评价" });

        Assert.Equal(GrowthRating.Upper, saved.Form.WeightRating);
        Assert.Equal(GrowthRating.Middle, saved.Assessment.WeightRating);
        var row = await host.WithDbAsync(db => db.Set<ChildCheckupVisit>().SingleAsync(c => c.Id == saved.Id));
        Assert.Equal((GrowthRating.Middle, GrowthRating.Upper, "早产儿，按矫正月龄评价"), (row.SuggestedWeightRating, row.WeightRating, row.OverrideReason));
    }

    [Fact]
    public async Task ACheckupIsCorrectedWithItsVersion()
    {
        var (client, id, _) = await ChildAsync("儿保丁", Today.AddMonths(-3).AddDays(-2));
        var saved = await CreatedAsync(client, id, ThreeMonths(Today));

        var missing = await ErrorsAsync(await client.PutAsJsonAsync($"/api/child-checkups/{saved.Id}", new ChildCheckupInput(ThreeMonths(Today)), Json.Options));
        Assert.True(missing.TryGetProperty("version", out _));
        var changed = await client.PutAsJsonAsync($"/api/child-checkups/{saved.Id}",
            new ChildCheckupInput(ThreeMonths(Today) with { WeightKg = 6.6m }, saved.Version), Json.Options);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var view = (await changed.Content.ReadFromJsonAsync<ChildCheckupView>(Json.Options))!;
        Assert.Equal((6.6m, saved.Version + 1), (view.Form.WeightKg, view.Version));
        var stale = await client.PutAsJsonAsync($"/api/child-checkups/{saved.Id}",
            new ChildCheckupInput(ThreeMonths(Today) with { WeightKg = 6.7m }, saved.Version), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var bad = await ErrorsAsync(await client.PutAsJsonAsync($"/api/child-checkups/{saved.Id}",
            new ChildCheckupInput(ThreeMonths(Today) with { WeightKg = 40m }, view.Version), Json.Options));
        Assert.True(bad.TryGetProperty("form.weightKg", out _));
        Assert.Equal(6.6m, await host.WithDbAsync(db => db.Set<ChildCheckupVisit>().Where(c => c.Id == saved.Id).Select(c => c.WeightKg).SingleAsync()));
    }

    [Fact]
    public async Task TheDueCheckupAndAnOpenReferralAreOnTheVillageDoctorsWorkList()
    {
        var (client, id, birth) = await ChildAsync("儿保戊", Today.AddMonths(-3).AddDays(-14));
        var doctor = await host.SignInAsync("yisheng");
        var elsewhere = await TestResidents.CreateAsync(doctor, TestResidents.New("儿保己", TestResidents.Shuanghe, Today.AddMonths(-3)));

        async Task<List<WorkListRow>> MineAsync()
        {
            var list = (await client.GetFromJsonAsync<WorkListResult>($"/api/worklist?service={ChildDueItems.Service}&pageSize=100", Json.Options))!;
            Assert.DoesNotContain(list.Items, i => i.HealthRecordId == elsewhere.Id);
            return list.Items.Where(i => i.HealthRecordId == id).ToList();
        }

        var due = Assert.Single(await MineAsync());
        Assert.Equal("child-checkup:3", due.Kind);
        Assert.Equal(CheckupSchedule.Target(birth, CheckupAge.Months3), due.DueDate);
        Assert.Equal($"/residents/{id}/child-checkups/new", due.Link);
        Assert.Equal("儿童健康管理", due.ServiceLabel);

        // recorded with a referral: the check-up is done, the referral is followed up within 2 weeks
        var referred = await CreatedAsync(client, id, ThreeMonths(Today.AddDays(-15)) with
        {
            Referral = new(ReferralAdvice.Yes, "心脏杂音", "区妇幼保健院儿科"),
        });
        var follow = Assert.Single(await MineAsync());
        Assert.Equal((CheckupSchedule.ReferralKind, true, referred.Id), (follow.Kind, follow.Urgent, follow.SourceId));
        Assert.Equal(Today.AddDays(-1), follow.DueDate); // 2 weeks after the check-up: overdue today
        Assert.True(follow.DaysOverdue > 0);

        var badResult = await ErrorsAsync(await client.PutAsJsonAsync($"/api/child-checkups/{referred.Id}/referral-result",
            new ChildReferralResultInput(Today.AddDays(1), "", referred.Version), Json.Options));
        Assert.True(badResult.TryGetProperty("resultOn", out _) && badResult.TryGetProperty("result", out _));
        var result = await client.PutAsJsonAsync($"/api/child-checkups/{referred.Id}/referral-result",
            new ChildReferralResultInput(Today, "已就诊，生理性杂音，定期复查", referred.Version), Json.Options);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Empty(await MineAsync());
    }

    [Fact]
    public async Task OutOfScopeChildrenAreNotFound()
    {
        var doctor = await host.SignInAsync("yisheng");
        var child = await TestResidents.CreateAsync(doctor, TestResidents.New("儿保庚", TestResidents.Shuanghe, Today.AddMonths(-3).AddDays(-2)));
        var saved = await CreatedAsync(doctor, child.Id, ThreeMonths(Today));
        var village = await host.SignInAsync("cunyi");

        Assert.Equal(HttpStatusCode.NotFound, (await village.GetAsync($"/api/residents/{child.Id}/child-health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await village.GetAsync($"/api/child-checkups/{saved.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CreateAsync(village, child.Id, ThreeMonths(Today))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await village.PutAsJsonAsync($"/api/child-checkups/{saved.Id}",
            new ChildCheckupInput(ThreeMonths(Today), saved.Version), Json.Options)).StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<ChildCheckupVisit>().CountAsync()));
    }
}

public sealed class SqliteChildCheckupApiTests(SqliteHost host) : ChildCheckupApiTests<SqliteHost>(host);

public sealed class PostgresChildCheckupApiTests(PostgresHost host) : ChildCheckupApiTests<PostgresHost>(host);
