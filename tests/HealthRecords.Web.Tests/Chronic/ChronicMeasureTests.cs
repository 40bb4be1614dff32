using HealthRecords.Domain.Chronic;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Chronic;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Chronic;

/// <summary>
/// The six chronic disease measures over a small hand-built population whose answers are worked out below.
///
/// Hypertension, period 2026:
///   A enrolled 2025, 4 clinic/home visits in 2026, last 128/78          -> managed, standard, controlled
///   B enrolled 2026-03, 3 clinic visits + 1 telephone in 2026, the last (telephone) without BP
///                                                                       -> managed, not standard (3 face-to-face), not controlled
///   C enrolled 2024, withdrawn 2025-12-01                               -> not managed in 2026
///   D enrolled 2024, withdrawn 2026-03-01, visits only in 2025          -> managed, not standard, not controlled
///   E enrolled 2025, 2026 visits: 130/80 then 150/90 (last)             -> managed, not standard, not controlled
///   => managed 4 (A B D E), standard 1 (A), controlled 1 (A)
///   Period 2025: A (enrolled 2025-02) C D E managed = 4; D has 5 visits in 2025, last 135/85 -> standard 1 (D);
///   C's one 2025 visit and D's last were controlled -> controlled 2 (C D)
/// Diabetes, period 2026:
///   F enrolled 2025, 4 visits, last FBG 6.5 -> managed, standard, controlled
///   G enrolled 2025, 4 visits, last FBG 7.0 -> managed, standard, not controlled (7.0 is not < 7.0)
///   H enrolled 2027-01 (after the period)   -> not managed
///   => managed 2, standard 2, controlled 1
/// </summary>
public abstract class ChronicMeasureTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public async Task CountsManagedStandardAndControlledPatientsAsWorkedOut()
    {
        var client = await host.SignInAsync("yisheng");
        var ids = new Dictionary<string, long>();
        foreach (var name in new[] { "A", "B", "C", "D", "E", "F", "G", "H" })
        {
            ids[name] = (await TestResidents.CreateAsync(client, TestResidents.New("指标" + name, birth: D(1960, 1, 1)))).Id;
        }
        await host.WithDbAsync(async db =>
        {
            void Enrol(string n, ChronicDisease d, DateOnly on, DateOnly? withdrawn = null) => db.Add(new ChronicEnrolment
            {
                HealthRecordId = ids[n], Disease = d, EnrolledOn = on, Source = EnrolmentSource.Direct,
                Withdrawn = withdrawn is not null, WithdrawnOn = withdrawn, WithdrawReason = withdrawn is null ? null : "迁出",
            });
            void Visit(string n, ChronicDisease d, DateOnly on, bool? controlled, VisitMode mode = VisitMode.Clinic, int? sbp = 130, decimal? fbg = null) =>
                db.Add(new ChronicFollowUp
                {
                    HealthRecordId = ids[n], Disease = d, VisitDate = on, VisitMode = mode, FaceToFace = mode != VisitMode.Phone,
                    Systolic = sbp, Diastolic = sbp is null ? null : 80, FastingGlucose = fbg, Controlled = controlled,
                    NextVisitDate = on.AddMonths(3), SuggestedNextVisitDate = on.AddMonths(3),
                });
            const ChronicDisease Ht = ChronicDisease.Hypertension, Dm = ChronicDisease.Diabetes;
            Enrol("A", Ht, D(2025, 2, 1));
            Visit("A", Ht, D(2026, 1, 10), false, sbp: 150);
            Visit("A", Ht, D(2026, 2, 10), true, VisitMode.Home);
            Visit("A", Ht, D(2026, 4, 10), true);
            Visit("A", Ht, D(2026, 6, 10), true, sbp: 128);
            Enrol("B", Ht, D(2026, 3, 1));
            Visit("B", Ht, D(2026, 3, 5), true);
            Visit("B", Ht, D(2026, 4, 5), true);
            Visit("B", Ht, D(2026, 5, 5), true);
            Visit("B", Ht, D(2026, 6, 5), null, VisitMode.Phone, sbp: null);
            Enrol("C", Ht, D(2024, 5, 1), withdrawn: D(2025, 12, 1));
            Visit("C", Ht, D(2025, 6, 1), true);
            Enrol("D", Ht, D(2024, 5, 1), withdrawn: D(2026, 3, 1));
            foreach (var m in new[] { 1, 3, 5, 7 })
            {
                Visit("D", Ht, D(2025, m, 2), false, sbp: 150);
            }
            Visit("D", Ht, D(2025, 10, 2), true, sbp: 135);
            Enrol("E", Ht, D(2025, 8, 1));
            Visit("E", Ht, D(2026, 2, 1), true);
            Visit("E", Ht, D(2026, 5, 1), false, sbp: 150);
            Enrol("F", Dm, D(2025, 3, 1));
            Enrol("G", Dm, D(2025, 3, 1));
            foreach (var m in new[] { 1, 3, 4, 6 })
            {
                Visit("F", Dm, D(2026, m, 1), m != 1, fbg: m == 1 ? 8m : 6.5m);
                Visit("G", Dm, D(2026, m, 1), m != 6, fbg: m == 6 ? 7.0m : 6.0m);
            }
            Enrol("H", Dm, D(2027, 1, 5));
            return await db.SaveChangesAsync();
        });

        var y2026 = MeasurePeriod.Year(2026);
        Assert.Equal(["指标A", "指标B", "指标D", "指标E"], await NamesAsync(ChronicMeasures.HypertensionManagementRate.Code, y2026, numerator: true));
        Assert.Null(await CountAsync(ChronicMeasures.HypertensionManagementRate.Code, y2026, numerator: false)); // population × prevalence
        Assert.Equal(["指标A"], await NamesAsync(ChronicMeasures.HypertensionStandardManagementRate.Code, y2026, numerator: true));
        Assert.Equal(4, await CountAsync(ChronicMeasures.HypertensionStandardManagementRate.Code, y2026, numerator: false));
        Assert.Equal(["指标A"], await NamesAsync(ChronicMeasures.HypertensionControlRate.Code, y2026, numerator: true));
        Assert.Equal(4, await CountAsync(ChronicMeasures.HypertensionControlRate.Code, y2026, numerator: false));

        var y2025 = MeasurePeriod.Year(2025);
        Assert.Equal(["指标A", "指标C", "指标D", "指标E"], await NamesAsync(ChronicMeasures.HypertensionManagementRate.Code, y2025, numerator: true));
        Assert.Equal(["指标D"], await NamesAsync(ChronicMeasures.HypertensionStandardManagementRate.Code, y2025, numerator: true));
        Assert.Equal(["指标C", "指标D"], await NamesAsync(ChronicMeasures.HypertensionControlRate.Code, y2025, numerator: true));

        Assert.Equal(["指标F", "指标G"], await NamesAsync(ChronicMeasures.DiabetesManagementRate.Code, y2026, numerator: true));
        Assert.Equal(["指标F", "指标G"], await NamesAsync(ChronicMeasures.DiabetesStandardManagementRate.Code, y2026, numerator: true));
        Assert.Equal(["指标F"], await NamesAsync(ChronicMeasures.DiabetesControlRate.Code, y2026, numerator: true));
        Assert.Equal(2, await CountAsync(ChronicMeasures.DiabetesControlRate.Code, y2026, numerator: false));

        // 使用率: records served by a follow-up in 2026
        var served = await host.WithDbAsync(async db =>
        {
            await using var scope = host.Factory.Services.CreateAsyncScope();
            var source = scope.ServiceProvider.GetServices<IServiceEventSource>().OfType<ChronicServiceEvents>().Single();
            return await source.RecordsServed(db, D(2026, 1, 1), D(2026, 12, 31)).CountAsync();
        });
        Assert.Equal(5, served); // A B E F G
    }

    private Task<List<string>> NamesAsync(string code, MeasurePeriod period, bool numerator) => WithMeasureAsync(code, async (db, m) =>
    {
        var ids = numerator ? m.Numerator(db, db.HealthRecords, period) : m.Denominator(db, db.HealthRecords, period)!;
        return await db.HealthRecords.Where(r => ids.Contains(r.Id)).Select(r => r.Name).OrderBy(n => n).ToListAsync();
    });

    private Task<int?> CountAsync(string code, MeasurePeriod period, bool numerator) => WithMeasureAsync(code, async (db, m) =>
    {
        var ids = numerator ? m.Numerator(db, db.HealthRecords, period) : m.Denominator(db, db.HealthRecords, period);
        return ids is null ? (int?)null : await ids.CountAsync();
    });

    private async Task<T> WithMeasureAsync<T>(string code, Func<HealthRecordsDbContext, IMeasure, Task<T>> work)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var measure = scope.ServiceProvider.GetServices<IMeasure>().Single(m => m.Definition.Code == code);
        return await work(scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>(), measure);
    }
}

public sealed class SqliteChronicMeasureTests(SqliteHost host) : ChronicMeasureTests<SqliteHost>(host);

public sealed class PostgresChronicMeasureTests(PostgresHost host) : ChronicMeasureTests<PostgresHost>(host);
