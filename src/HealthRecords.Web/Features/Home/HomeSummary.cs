using HealthRecords.Domain.Records;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using HealthRecords.Web.Features.Residents;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Home;

/// <summary>The signed-in user's records at a glance: how many, how many new, and each key population.</summary>
public sealed record HomeFigures(
    int Active,
    int Closed,
    int CreatedThisMonth,
    int ClosedThisYear,
    IReadOnlyList<(KeyPopulation Population, int Count)> KeyPopulations);

/// <summary>Counts for the home page, always within the user's data scope.</summary>
public sealed class HomeSummary(HealthRecordsDbContext db, TimeProvider time)
{
    public async Task<HomeFigures> GetAsync(DataScope user, CancellationToken ct)
    {
        var today = time.Today();
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var records = user.Apply(db.HealthRecords.AsNoTracking());

        var groups = await records.GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        // Membership on today, from the birth dates (nothing stamped when a record was saved goes stale).
        var populations = await KeyPopulationQueries.CountAsync(records.Where(r => r.Status == RecordStatus.Active), today, ct);

        var createdThisMonth = await records.CountAsync(r => r.CreatedOn >= monthStart, ct);
        var closedThisYear = await records.CountAsync(r => r.Status == RecordStatus.Closed && r.ClosedOn >= yearStart, ct);
        return new HomeFigures(
            groups.Where(g => g.Status == RecordStatus.Active).Sum(g => g.Count),
            groups.Where(g => g.Status == RecordStatus.Closed).Sum(g => g.Count),
            createdThisMonth,
            closedThisYear,
            populations);
    }
}
