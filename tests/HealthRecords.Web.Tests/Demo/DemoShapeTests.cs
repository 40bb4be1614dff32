using System.Net.Http.Json;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Elderly;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Chronic;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Features.Encounters;
using HealthRecords.Web.Features.Examinations;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Features.WorkList;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Demo;

/// <summary>
/// The demo county looks like a working year late in the year (2026-11-20): the demo doctors are responsible for
/// their residents, most elderly are examined, chronic patients are followed up so the work list is a mix of items a
/// few days or weeks overdue (not everything overdue since January), the planner has work ahead, some referrals are
/// open, and 规范管理率 is neither 0 nor 100%.
/// </summary>
public abstract class DemoShapeTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly DateTimeOffset LateInTheYear = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 20);

    public async Task InitializeAsync()
    {
        await host.ResetAsync();
        host.Clock.AdjustTime(LateInTheYear);
        await host.WithDbAsync(async db =>
        {
            await DemoResidents.EnsureAsync(db, host.Clock, 1200);
            return 0;
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static bool Chinese(string label) => label.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [Fact]
    public async Task DemoWorkListIsABelievableMixAndTheRatesArePlausible()
    {
        var village = await host.SignInAsync("cunyi");
        var cunyiId = await host.WithDbAsync(db => db.Users.Where(u => u.UserName == "cunyi").Select(u => u.Id).SingleAsync());

        // 责任医生: every resident of the clinic's villages is the village doctor's
        var clinicResidents = await host.WithDbAsync(db => db.HealthRecords.Where(r => DemoAccounts.ClinicVillages.Contains(r.VillageCode))
            .Select(r => r.ResponsibleDoctorId).ToListAsync());
        Assert.NotEmpty(clinicResidents);
        Assert.All(clinicResidents, d => Assert.Equal(cunyiId, d));

        var list = (await village.GetFromJsonAsync<WorkListResult>("/api/worklist?mine=true&pageSize=200", Json.Options))!;
        Assert.True(list.Total is > 5 and <= 200, $"total {list.Total}");
        var daysOverdue = list.Items.Select(i => Today.DayNumber - i.DueDate.DayNumber).Order().ToList();
        Assert.True(daysOverdue[daysOverdue.Count / 2] <= 30, $"median days overdue {daysOverdue[daysOverdue.Count / 2]}");
        Assert.Contains(daysOverdue, d => d <= 7);
        Assert.True(daysOverdue.Count(d => d > 60) * 5 < daysOverdue.Count, "most items are not months overdue");
        Assert.Contains(list.Items, i => i.Service == DueServices.Elderly);
        Assert.Contains(list.Items, i => i.Service is DueServices.Hypertension or DueServices.Diabetes);

        // Every item of every service is named in Chinese (each module declares its labels, ServiceModule.WorkListLabels):
        // a new service's items show up here with their raw keys if it forgets.
        foreach (var user in new[] { village, await host.SignInAsync("yisheng") })
        {
            var all = (await user.GetFromJsonAsync<WorkListResult>("/api/worklist?pageSize=500", Json.Options))!;
            Assert.All(all.Items, i => Assert.True(Chinese(i.ServiceLabel) && Chinese(i.KindLabel), $"{i.Service} {i.ServiceLabel} / {i.Kind} {i.KindLabel}"));
        }

        var planner = (await village.GetFromJsonAsync<PlannerResult>("/api/worklist/planner", Json.Options))!;
        Assert.True(planner.Villages.Sum(v => v.PerDay.Skip(1).Sum()) > 0, "work is due in the coming days");

        var open = (await village.GetFromJsonAsync<List<OpenReferral>>("/api/referrals/open", Json.Options))!;
        Assert.True(open.Count >= 2);
        Assert.Contains(open, o => o.Overdue);
        Assert.Contains(open, o => !o.Overdue);

        // most of the elderly are examined this year
        var elderly = await host.WithDbAsync(async db =>
        {
            var latest = ElderlyRules.LatestBirthDate(2026);
            var old = db.HealthRecords.Where(r => r.BirthDate <= latest);
            var examined = await old.CountAsync(r => db.Set<Examination>().Any(e => e.HealthRecordId == r.Id && e.ExamDate >= new DateOnly(2026, 1, 1)));
            return (Examined: examined, All: await old.CountAsync());
        });
        Assert.InRange((double)elderly.Examined / elderly.All, 0.6, 0.95);

        foreach (var code in new[] { ChronicMeasures.HypertensionStandardManagementRate.Code, ChronicMeasures.HypertensionControlRate.Code, ChronicMeasures.DiabetesStandardManagementRate.Code })
        {
            var (numerator, denominator) = await FigureAsync(code);
            Assert.True(numerator > 0 && numerator < denominator, $"{code}: {numerator}/{denominator}");
        }
    }

    [Fact]
    public async Task DemoEnrolmentsFollowTheDiagnosisAndPrecedeTheFollowUps()
    {
        var rows = await host.WithDbAsync(async db =>
        {
            var enrolments = await db.Set<ChronicEnrolment>().AsNoTracking()
                .Select(e => new { e.HealthRecordId, e.Disease, e.EnrolledOn }).ToListAsync();
            var infos = (await db.HealthRecords.AsNoTracking().Select(r => new { r.Id, r.PersonalInfo }).ToListAsync())
                .ToDictionary(r => r.Id, r => r.PersonalInfo);
            var firstVisits = await db.Set<ChronicFollowUp>().AsNoTracking()
                .GroupBy(f => new { f.HealthRecordId, f.Disease }).Select(g => new { g.Key.HealthRecordId, g.Key.Disease, First = g.Min(f => f.VisitDate) })
                .ToListAsync();
            return (enrolments.Select(e => (e.HealthRecordId, e.Disease, e.EnrolledOn, Info: infos[e.HealthRecordId])).ToList(),
                firstVisits.ToDictionary(f => (f.HealthRecordId, f.Disease), f => f.First));
        });
        var (enrolments, firstVisits) = rows;
        Assert.True(enrolments.Count > 20, $"{enrolments.Count} demo enrolments");
        var withDiagnosis = 0;
        foreach (var (recordId, disease, enrolledOn, info) in enrolments)
        {
            if (info.PastDiseases.FirstOrDefault(p => p.Code == disease.PastDisease())?.DiagnosedOn is YearMonth diagnosed)
            {
                withDiagnosis++;
                Assert.True(enrolledOn >= new DateOnly(diagnosed.Year, diagnosed.Month, 1), $"record {recordId}: enrolled {enrolledOn}, diagnosed {diagnosed}");
            }
            if (firstVisits.TryGetValue((recordId, disease), out var first))
            {
                Assert.True(first >= enrolledOn, $"record {recordId}: first follow-up {first} before enrolment {enrolledOn}");
            }
        }
        Assert.True(withDiagnosis > enrolments.Count / 2, "most demo patients have a diagnosis month");
    }

    private async Task<(int Numerator, int Denominator)> FigureAsync(string code)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var measure = scope.ServiceProvider.GetServices<IMeasure>().Single(m => m.Definition.Code == code);
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        var period = MeasurePeriod.Year(2026);
        return (await measure.Numerator(db, db.HealthRecords, period).CountAsync(), await measure.Denominator(db, db.HealthRecords, period)!.CountAsync());
    }
}

public sealed class SqliteDemoShapeTests(SqliteHost host) : DemoShapeTests<SqliteHost>(host);

public sealed class PostgresDemoShapeTests(PostgresHost host) : DemoShapeTests<PostgresHost>(host);
