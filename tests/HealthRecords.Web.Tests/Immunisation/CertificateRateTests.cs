using System.Net.Http.Json;
using HealthRecords.Domain.Immunisation;
using HealthRecords.Web.Features.Immunisation;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Immunisation;

/// <summary>
/// 建证率 (004 预防接种服务规范 五(一)): the measure's SQL puts each child where the domain rule does, at the bounds of
/// age, 3 months' residence (at a month end), moving in and moving out, on SQLite and PostgreSQL; and it is in the
/// measures table.
/// </summary>
public abstract class CertificateRateTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private static readonly MeasurePeriod Period = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 31));

    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheMeasureCountsEachChildAsTheRuleDoes()
    {
        var doctor = await host.SignInAsync("yisheng");
        var end = Period.To;
        // (birth, moved in, moved out, card made on)
        var children = new (DateOnly Birth, DateOnly? In, DateOnly? Out, DateOnly? Card)[]
        {
            (new(2019, 5, 31), null, null, new(2019, 6, 20)),  // 7 on the period's end: out
            (new(2019, 6, 1), null, null, new(2019, 6, 20)),   // 6: in, with a card
            (new(2026, 2, 28), null, null, null),              // 3 months on 28 May: in, no card
            (new(2026, 3, 1), null, null, new(2026, 3, 20)),   // 3 months on 1 June: out
            (new(2022, 4, 1), new(2026, 4, 1), null, new(2026, 4, 2)),   // moved in 2 months ago: out
            (new(2022, 4, 1), new(2026, 1, 15), null, new(2026, 6, 2)),  // moved in 4 months ago, card after the period: in, no card by then
            (new(2023, 4, 1), null, new(2026, 5, 1), new(2023, 4, 20)),  // moved out: out
            (new(2023, 4, 1), null, new(2026, 6, 5), new(2023, 4, 20)),  // moves out after the period: in, with a card
        };
        var ids = new List<long>();
        foreach (var (c, i) in children.Select((c, i) => (c, i)))
        {
            var resident = await TestResidents.CreateAsync(doctor, TestResidents.New($"建证{"甲乙丙丁戊己庚辛"[i]}", birth: c.Birth));
            ids.Add(resident.Id);
            if (c.Card is DateOnly made)
            {
                await host.WithDbAsync(db =>
                {
                    db.Add(new VaccinationCardForm { HealthRecordId = resident.Id, CreatedById = "test", CreatedByName = "测试", Version = 1 }
                        .With(new VaccinationCard { Name = resident.Info.Name, BirthDate = c.Birth, CreatedOn = made, MovedInOn = c.In, MovedOutOn = c.Out }));
                    return db.SaveChangesAsync();
                });
            }
        }

        var measure = new CertificateRateMeasure();
        var (denominator, numerator) = await host.WithDbAsync(async db =>
        {
            var records = db.HealthRecords.Where(r => ids.Contains(r.Id));
            return (await measure.Denominator(db, records, Period)!.ToListAsync(), await measure.Numerator(db, records, Period).ToListAsync());
        });

        var expected = children.Select((c, i) => (Id: ids[i], Member: ImmunisationMeasures.Certificate(c.Birth, c.In, c.Out, c.Card, end))).ToList();
        Assert.Equal(expected.Where(e => e.Member.InDenominator).Select(e => e.Id).Order(), denominator.Order());
        Assert.Equal(expected.Where(e => e.Member.InNumerator).Select(e => e.Id).Order(), numerator.Order());
        Assert.Equal((4, 2), (denominator.Count, numerator.Count)); // the cases above, as the comments say

        var table = (await (await host.SignInAsync("jianguan")).GetFromJsonAsync<MeasureTable>("/api/measures?year=2026", Json.Options))!;
        Assert.Contains(table.Measures, m => m.Code == ImmunisationMeasures.VaccinationCertificateRate.Code);
    }
}

public sealed class SqliteCertificateRateTests(SqliteHost host) : CertificateRateTests<SqliteHost>(host);

public sealed class PostgresCertificateRateTests(PostgresHost host) : CertificateRateTests<PostgresHost>(host);
