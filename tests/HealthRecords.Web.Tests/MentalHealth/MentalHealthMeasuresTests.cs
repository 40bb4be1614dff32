using HealthRecords.Domain.MentalHealth;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Features.MentalHealth;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.MentalHealth;

/// <summary>
/// The three measures' queries (<see cref="MentalHealthMeasureQueries"/>) agree with the domain's membership rules on the
/// demo county, and the demo's figures are plausible (about 4.5 registered per 1,000, most managed standardly and stable).
/// </summary>
public abstract class MentalHealthMeasuresTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(HostFixture.Now.UtcDateTime);

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheQueriesCountWhatTheDomainRulesSayOnTheDemoCounty()
    {
        await host.WithDbAsync(async db => { await DemoResidents.EnsureAsync(db, host.Clock, 1500); return 0; });
        var period = new MeasurePeriod(Today.AddYears(-1).AddDays(1), Today);

        var (registered, standard, stable, residents, patients, visits) = await host.WithDbAsync(async db => (
            await MentalHealthMeasureQueries.Registered(db, db.HealthRecords, period).Select(r => r.Id).OrderBy(i => i).ToListAsync(),
            await MentalHealthMeasureQueries.Standard(db, db.HealthRecords, period).Select(r => r.Id).OrderBy(i => i).ToListAsync(),
            await MentalHealthMeasureQueries.StableAtLatest(db, db.HealthRecords, period).Select(r => r.Id).OrderBy(i => i).ToListAsync(),
            await db.HealthRecords.CountAsync(),
            await db.MentalHealthPatients.AsNoTracking().ToListAsync(),
            await db.MentalHealthFollowUps.AsNoTracking().ToListAsync()));

        var byRecord = visits.ToLookup(v => v.HealthRecordId, v => v.Entry);
        var expectedRegistered = patients.Where(p => MentalHealthMeasures.IsRegistered(p.EnrolledOn, p.RemovedOn, period.From, period.To))
            .Select(p => p.HealthRecordId).Order().ToList();
        Assert.Equal(expectedRegistered, registered);
        Assert.Equal(patients.Where(p => expectedRegistered.Contains(p.HealthRecordId)
                && MentalHealthMeasures.IsStandardlyManaged(p.Consent, byRecord[p.HealthRecordId], period.From, period.To))
            .Select(p => p.HealthRecordId).Order(), standard);
        Assert.Equal(expectedRegistered.Where(id => MentalHealthMeasures.IsStableAtLatest(byRecord[id], period.From, period.To)), stable);

        // registrations and reached follow-ups count as services for 健康档案使用率
        var served = await host.WithDbAsync(db => new MentalHealthServiceEvents().RecordsServed(db, period.From, period.To).ToListAsync());
        Assert.Equal(visits.Where(v => v.VisitDate >= period.From && v.Condition != Condition.NotVisited).Select(v => v.HealthRecordId)
            .Concat(patients.Where(p => p.EnrolledOn >= period.From).Select(p => p.HealthRecordId)).Distinct().Order(), served.Order());

        // plausible on the demo: ~4.5 per 1,000 registered; most of them managed standardly and stable at the latest visit
        // (1,500 residents give about 7 patients, so all of them may well be standard or stable: no upper bound below 1)
        Assert.InRange(registered.Count, (int)(residents * 0.003), (int)(residents * 0.006) + 1);
        Assert.InRange((double)standard.Count / registered.Count, 0.4, 1);
        Assert.InRange((double)stable.Count / registered.Count, 0.5, 1);
    }
}

public sealed class SqliteMentalHealthMeasuresTests(SqliteHost host) : MentalHealthMeasuresTests<SqliteHost>(host);

public sealed class PostgresMentalHealthMeasuresTests(PostgresHost host) : MentalHealthMeasuresTests<PostgresHost>(host);
