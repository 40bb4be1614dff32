using System.Net;
using System.Net.Http.Json;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Web.Features.Chronic;
using HealthRecords.Web.Features.Examinations;
using HealthRecords.Web.Tests.Examinations;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Chronic;

/// <summary>
/// The prompt the encounter page shows (GET /api/residents/{id}/screening): 004 高血压 二(一)1, a resident of 35 or
/// over is measured at the first visit of the year. Today is 2026-06-15.
/// </summary>
public abstract class ScreeningPromptTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<ScreeningView> ScreeningAsync(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<ScreeningView>($"/api/residents/{id}/screening", Json.Options))!;

    [Fact]
    public async Task ResidentOf35NotMeasuredThisYearIsPromptedUntilAReadingIsRecorded()
    {
        var doctor = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(doctor, TestResidents.New("筛查提示甲", birth: new DateOnly(1990, 1, 1)));
        var young = await TestResidents.CreateAsync(doctor, TestResidents.New("筛查提示乙", birth: new DateOnly(1992, 1, 1)));
        await doctor.PostAsJsonAsync($"/api/residents/{resident.Id}/screening/readings", new ScreeningInput(new DateOnly(2025, 11, 2), 128, 80, false));

        Assert.True((await ScreeningAsync(doctor, resident.Id)).PromptsBloodPressure); // last year's reading does not count
        Assert.False((await ScreeningAsync(doctor, young.Id)).PromptsBloodPressure);   // 34

        var recorded = await doctor.PostAsJsonAsync($"/api/residents/{resident.Id}/screening/readings", new ScreeningInput(null, 146, 92, false));
        recorded.EnsureSuccessStatusCode();
        var after = await ScreeningAsync(doctor, resident.Id);
        Assert.False(after.PromptsBloodPressure);
        Assert.Equal(ScreeningStatus.RecheckDue, after.Status);
        Assert.Equal(Today, after.Readings[0].TakenOn);
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.HealthRecordId == resident.Id && a.Action == "read" && a.Detail == "screening")));
    }

    [Fact]
    public async Task ABloodPressureTakenAtThisYearsExaminationOrUnderManagementEndsThePrompt()
    {
        var doctor = await host.SignInAsync("yisheng");
        var examined = await TestResidents.CreateAsync(doctor, TestResidents.New("筛查提示丙", birth: new DateOnly(1950, 1, 1)));
        Assert.True((await ScreeningAsync(doctor, examined.Id)).PromptsBloodPressure);
        (await doctor.PostAsJsonAsync($"/api/residents/{examined.Id}/examinations", new ExaminationInput { Form = ExaminationSamples.CompleteElderly(new DateOnly(2026, 3, 1)) }))
            .EnsureSuccessStatusCode();
        Assert.False((await ScreeningAsync(doctor, examined.Id)).PromptsBloodPressure);

        var managed = await TestResidents.CreateAsync(doctor, TestResidents.New("筛查提示丁", birth: new DateOnly(1960, 1, 1)));
        (await doctor.PostAsJsonAsync($"/api/residents/{managed.Id}/chronic/hypertension/enrolment", new EnrolInput(Today, EnrolmentSource.Direct, null)))
            .EnsureSuccessStatusCode();
        var view = await ScreeningAsync(doctor, managed.Id);
        Assert.False(view.Applies);
        Assert.False(view.PromptsBloodPressure);
    }

    [Fact]
    public async Task OutOfScopeItIsNotFoundAndAReadOnlyRoleCannotRecord()
    {
        var doctor = await host.SignInAsync("yisheng");
        var resident = await TestResidents.CreateAsync(doctor, TestResidents.New("筛查提示戊", TestResidents.Shuanghe, birth: new DateOnly(1970, 1, 1)));
        var village = await host.SignInAsync("cunyi");
        Assert.Equal(HttpStatusCode.NotFound, (await village.GetAsync($"/api/residents/{resident.Id}/screening")).StatusCode);
        var supervisor = await host.SignInAsync("jianguan");
        Assert.True((await ScreeningAsync(supervisor, resident.Id)).PromptsBloodPressure);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/residents/{resident.Id}/screening/readings", new ScreeningInput(null, 130, 80, false))).StatusCode);
    }
}

public sealed class SqliteScreeningPromptTests(SqliteHost host) : ScreeningPromptTests<SqliteHost>(host);

public sealed class PostgresScreeningPromptTests(PostgresHost host) : ScreeningPromptTests<PostgresHost>(host);
