using System.Collections.Concurrent;
using System.Net.Http.Json;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Elderly;
using HealthRecords.Domain.Examinations;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Chronic;
using HealthRecords.Web.Features.Examinations;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Tests.Examinations;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Measures;

/// <summary>
/// Measures as 004 defines them (issue #15 items 1–3), through the engine and the API: 老年人健康管理率 over the 65+
/// resident population with each record's status during the period, 健康体检表完整率 over forms, and 规范管理率 as a
/// yearly measure that a quarter counts year to date. 跳磴镇's population is configured as 1000, its 65+ share 0.2.
/// </summary>
public abstract class SpecificationMeasureTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly ConcurrentDictionary<HostFixture, WebApplicationFactory<Program>> Configured = new();

    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private WebApplicationFactory<Program> Factory => Configured.GetOrAdd(host, h => h.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting($"Measures:Population:{TestResidents.TiaodengTownship}", "1000");
        b.UseSetting($"Measures:Prevalence:{ElderlyRules.ElderlyPopulationKey}", "0.2");
    }));

    private static MeasureFigure Of(MeasureRow row, string code) => row.Figures.Single(f => f.Code == code);

    private async Task<MeasureTable> TableAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<MeasureTable>($"/api/measures?{query}", Json.Options))!;

    private static async Task ExamineAsync(HttpClient client, long id, HealthExamination form)
    {
        var response = await client.PostAsJsonAsync($"/api/residents/{id}/examinations", new ExaminationInput { Form = form });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ElderlyManagementRateIsOverThe65PlusPopulationAndAClosedRecordStillCountsForItsPastYear()
    {
        var doctor = await HostFixture.SignInAsync(Factory, "yisheng");
        var died = await TestResidents.CreateAsync(doctor, TestResidents.New("老甲", birth: new DateOnly(1950, 2, 1)));
        var living = await TestResidents.CreateAsync(doctor, TestResidents.New("老乙", birth: new DateOnly(1952, 2, 1)));
        var notExamined = await TestResidents.CreateAsync(doctor, TestResidents.New("老丙", birth: new DateOnly(1951, 2, 1)));
        var young = await TestResidents.CreateAsync(doctor, TestResidents.New("小丁", birth: new DateOnly(1990, 2, 1)));
        var closedBefore = await TestResidents.CreateAsync(doctor, TestResidents.New("老戊", birth: new DateOnly(1949, 2, 1)));
        await ExamineAsync(doctor, died.Id, ExaminationSamples.CompleteElderly(new DateOnly(2025, 3, 1)));
        await ExamineAsync(doctor, living.Id, ExaminationSamples.CompleteElderly(new DateOnly(2025, 5, 1)));
        await ExamineAsync(doctor, young.Id, ExaminationSamples.CompleteElderly(new DateOnly(2025, 6, 1)) with { Lifestyle = new Domain.Examinations.Lifestyle() });
        await ExamineAsync(doctor, closedBefore.Id, ExaminationSamples.CompleteElderly(new DateOnly(2024, 6, 1)));
        await host.WithDbAsync(async db =>
        {
            await db.HealthRecords.ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedOn, new DateOnly(2024, 1, 10)));
            // 老甲 died in 2026, after the 2025 examination; 老戊 was closed before 2025 began.
            await db.HealthRecords.Where(r => r.Id == died.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RecordStatus.Closed).SetProperty(r => r.ClosedOn, new DateOnly(2026, 2, 1)));
            await db.HealthRecords.Where(r => r.Id == closedBefore.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RecordStatus.Closed).SetProperty(r => r.ClosedOn, new DateOnly(2024, 12, 1)));
            return 0;
        });

        var table = await TableAsync(await HostFixture.SignInAsync(Factory, "jianguan"), "year=2025");
        var figure = Of(table.Rows.Single(r => r.Key == TestResidents.TiaodengTownship), ElderlyRules.ManagementRate.Code);

        Assert.True(figure.Estimated);
        Assert.Equal((2L, 200L), (figure.Numerator, figure.Denominator!.Value)); // 老甲 and 老乙 of 1000 × 0.2 residents aged 65+
        Assert.Equal(0.01, figure.Rate!.Value, 6);
        var drill = await doctor.GetAsync($"/api/measures/{ElderlyRules.ManagementRate.Code}/residents?year=2025&side=denominator");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, drill.StatusCode); // an estimated denominator has no list
        var numerator = (await doctor.GetFromJsonAsync<MeasureResidents>($"/api/measures/{ElderlyRules.ManagementRate.Code}/residents?year=2025&side=numerator", Json.Options))!;
        Assert.Equal(new[] { died.Id, living.Id }.Order(), numerator.Items.Select(i => i.Id).Order());
        Assert.DoesNotContain(notExamined.Id, numerator.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task ExaminationCompletenessCountsFormsNotResidents()
    {
        var doctor = await HostFixture.SignInAsync(Factory, "yisheng");
        var twice = await TestResidents.CreateAsync(doctor, TestResidents.New("两次", birth: new DateOnly(1950, 2, 1)));
        var once = await TestResidents.CreateAsync(doctor, TestResidents.New("一次", birth: new DateOnly(1951, 2, 1)));
        await ExamineAsync(doctor, twice.Id, ExaminationSamples.CompleteElderly(new DateOnly(2026, 2, 1)));
        await ExamineAsync(doctor, twice.Id, ExaminationSamples.CompleteElderly(new DateOnly(2026, 4, 1)) with { Auxiliary = new AuxiliaryTests() }); // incomplete
        await ExamineAsync(doctor, once.Id, ExaminationSamples.CompleteElderly(new DateOnly(2026, 3, 1)));
        await ExamineAsync(doctor, once.Id, ExaminationSamples.CompleteElderly(new DateOnly(2025, 3, 1))); // another year

        var table = await TableAsync(doctor, "year=2026");
        var figure = Of(table.Total, ElderlyRules.ExaminationCompletenessRate.Code);

        Assert.Equal((2L, 3L), (figure.Numerator, figure.Denominator!.Value)); // 3 forms in 2026, 2 of them complete
        Assert.Equal("份", table.Measures.Single(m => m.Code == ElderlyRules.ExaminationCompletenessRate.Code).Unit);
        var forms = (await doctor.GetFromJsonAsync<MeasureResidents>($"/api/measures/{ElderlyRules.ExaminationCompletenessRate.Code}/residents?year=2026&side=denominator", Json.Options))!;
        Assert.Equal(3, forms.Total); // one line per form
        var trend = (await doctor.GetFromJsonAsync<MeasureTrend>($"/api/measures/{ElderlyRules.ExaminationCompletenessRate.Code}/trend?year=2026&by=quarter", Json.Options))!;
        Assert.Equal([(2L, 2L), (0L, 1L)], trend.Points.Select(p => (p.Numerator, p.Denominator!.Value))); // Q1: 02-01 and 03-01; Q2: 04-01
    }

    [Fact]
    public async Task StandardManagementOfAQuarterCountsTheYearToDateAndSaysSo()
    {
        var doctor = await HostFixture.SignInAsync(Factory, "yisheng");
        var patient = await TestResidents.CreateAsync(doctor, TestResidents.New("规范", birth: new DateOnly(1960, 1, 1)));
        await host.WithDbAsync(async db =>
        {
            db.Add(new ChronicEnrolment { HealthRecordId = patient.Id, Disease = ChronicDisease.Hypertension, EnrolledOn = new DateOnly(2025, 6, 1), Source = EnrolmentSource.Direct });
            foreach (var on in new[] { new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 10), new DateOnly(2026, 6, 10) })
            {
                db.Add(new ChronicFollowUp
                {
                    HealthRecordId = patient.Id, Disease = ChronicDisease.Hypertension, VisitDate = on, VisitMode = VisitMode.Clinic, FaceToFace = true,
                    Systolic = 130, Diastolic = 80, Controlled = true, NextVisitDate = on.AddMonths(3), SuggestedNextVisitDate = on.AddMonths(3),
                });
            }
            return await db.SaveChangesAsync();
        });
        var code = ChronicMeasures.HypertensionStandardManagementRate.Code;

        var q2 = await TableAsync(doctor, "year=2026&quarter=2");
        Assert.Equal((1L, 1L), (Of(q2.Total, code).Numerator, Of(q2.Total, code).Denominator!.Value)); // 4 visits 2026-01-01..06-30, 2 of them in Q2
        Assert.True(q2.Measures.Single(m => m.Code == code).YearToDate);
        var q1 = await TableAsync(doctor, "year=2026&quarter=1");
        Assert.Equal(0, Of(q1.Total, code).Numerator); // 2 visits by 03-31
        var june = (await doctor.GetFromJsonAsync<MeasureResidents>($"/api/measures/{code}/residents?year=2026&month=6&side=numerator", Json.Options))!;
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), patient.Id), (june.From, june.To, Assert.Single(june.Items).Id));
        var trend = (await doctor.GetFromJsonAsync<MeasureTrend>($"/api/measures/{code}/trend?year=2026&by=quarter", Json.Options))!;
        Assert.Equal([0L, 1L], trend.Points.Select(p => p.Numerator)); // cumulative from 1 January
        // 控制率 keeps its period: the last visit of the quarter
        Assert.False(q2.Measures.Single(m => m.Code == ChronicMeasures.HypertensionControlRate.Code).YearToDate);
    }
}

public sealed class SqliteSpecificationMeasureTests(SqliteHost host) : SpecificationMeasureTests<SqliteHost>(host);

public sealed class PostgresSpecificationMeasureTests(PostgresHost host) : SpecificationMeasureTests<PostgresHost>(host);
