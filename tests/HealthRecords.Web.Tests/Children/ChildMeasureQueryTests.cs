using HealthRecords.Domain.Children;
using HealthRecords.Domain.Codes;
using HealthRecords.Web.Features.Children;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Children;

/// <summary>
/// 儿童健康管理率 and 儿童系统管理率 counted in SQL on SQLite and PostgreSQL agree with the domain's definitions
/// (<see cref="ChildMeasures.WasManaged"/>, <see cref="ChildMeasures.WasSystematicallyManaged"/>) child by child.
/// </summary>
public abstract class ChildMeasureQueryTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(HostFixture.Now.UtcDateTime);

    public async Task InitializeAsync()
    {
        await host.WithDbAsync(db => db.Set<ChildCheckupVisit>().ExecuteDeleteAsync());
        await host.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task BothRatesCountTheChildrenTheDomainDefinitionsCount()
    {
        var client = await host.SignInAsync("cunyi");
        var rng = new Random(7);
        var children = new List<(long Id, DateOnly Birth, List<(CheckupAge Age, DateOnly On)> Done)>();
        // births across 0–7 years (one just 7 by the period's end: not to be managed)
        foreach (var months in new[] { 2, 5, 7, 11, 14, 20, 27, 33, 40, 52, 66, 78, 85 })
        {
            var birth = Today.AddMonths(-months).AddDays(-rng.Next(0, 20));
            var child = await TestResidents.CreateAsync(client, TestResidents.New($"儿童指标{months}", TestResidents.Shilin, birth));
            var done = CheckupItems.Ages.Where(a => CheckupSchedule.Target(birth, a) <= Today && rng.NextDouble() < 0.75)
                .Select(a => (a, CheckupSchedule.Target(birth, a).AddDays(rng.Next(0, 10)))).Where(x => x.Item2 <= Today).ToList();
            children.Add((child.Id, birth, done));
        }
        await host.WithDbAsync(async db =>
        {
            foreach (var (id, _, done) in children)
            {
                foreach (var (age, on) in done)
                {
                    db.Add(new ChildCheckupVisit
                    {
                        HealthRecordId = id, Age = age, VisitDate = on, CreatedById = "test", CreatedByName = "测试", Version = 1,
                        Infant = age < CheckupAge.Months12 ? new InfantCheckup { Age = age, VisitDate = on } : null,
                        Toddler = age is >= CheckupAge.Months12 and < CheckupAge.Years3 ? new ToddlerCheckup { Age = age, VisitDate = on } : null,
                        Preschool = age >= CheckupAge.Years3 ? new PreschoolCheckup { Age = age, VisitDate = on } : null,
                    });
                }
            }
            return await db.SaveChangesAsync();
        });
        var ids = children.Select(c => c.Id).ToList();

        // periods ending on or after today: the records were made today (HeldRecords.During)
        foreach (var period in new[] { new MeasurePeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), new MeasurePeriod(new DateOnly(2025, 7, 1), Today) })
        {
            var expectedDenominator = children.Where(c => ChildMeasures.IsToBeManaged(c.Birth, period.To)).Select(c => c.Id).Order().ToList();
            var expectedManaged = children.Where(c => ChildMeasures.IsToBeManaged(c.Birth, period.To)
                && ChildMeasures.WasManaged(c.Done.Select(d => d.On), period.From, period.To)).Select(c => c.Id).Order().ToList();
            var expectedSystematic = children.Where(c => ChildMeasures.IsToBeManaged(c.Birth, period.To)
                && ChildMeasures.WasSystematicallyManaged(c.Birth, c.Done.Select(d => d.Age).ToArray(), period.From, period.To)).Select(c => c.Id).Order().ToList();
            // the test means something: some children in and some out of each numerator
            Assert.NotEmpty(expectedSystematic);
            Assert.True(expectedSystematic.Count < expectedDenominator.Count);

            var (denominator, managed, systematic) = await host.WithDbAsync(async db =>
            {
                var records = db.HealthRecords.Where(r => ids.Contains(r.Id));
                var m = new ChildManagementRateMeasure();
                var s = new ChildSystematicManagementRateMeasure(new ChildrenSettings(GrowthCutOffs.Default, ScreeningCutOffs.Default, CheckupWindows.Default));
                return (await m.Denominator(db, records, period)!.Order().ToListAsync(),
                    await m.Numerator(db, records, period).Order().ToListAsync(),
                    await s.Numerator(db, records, period).Order().ToListAsync());
            });

            Assert.Equal(expectedDenominator, denominator);
            Assert.Equal(expectedManaged, managed);
            Assert.Equal(expectedSystematic, systematic);
        }
    }
}

public sealed class SqliteChildMeasureQueryTests(SqliteHost host) : ChildMeasureQueryTests<SqliteHost>(host);

public sealed class PostgresChildMeasureQueryTests(PostgresHost host) : ChildMeasureQueryTests<PostgresHost>(host);
