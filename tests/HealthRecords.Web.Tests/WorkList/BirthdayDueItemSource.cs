using HealthRecords.Domain.Records;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.WorkList;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.WorkList;

/// <summary>
/// A test-only service for the work list, reading real rows: every record is due on the resident's birthday this
/// year, urgent from age 80. It lets the work list be tested before (and apart from) the real services.
/// </summary>
public sealed class BirthdayDueItemSource : IDueItemSource
{
    public const string Service = "test-birthday";

    public async Task<IReadOnlyList<DueItem>> DueAsync(HealthRecordsDbContext db, IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var people = await records.Select(r => new { r.Id, r.BirthDate }).ToListAsync(ct);
        return people
            .Select(p => (p.Id, Due: Birthday(p.BirthDate, today.Year), Age: Age.AgeOn(p.BirthDate, today)))
            .Where(p => p.Due <= until)
            .Select(p => new DueItem(p.Id, Service, DueKinds.Reminder, "生日问候", p.Due, p.Age >= 80, $"/residents/{p.Id}", p.Id))
            .ToList();
    }

    private static DateOnly Birthday(DateOnly birth, int year) =>
        birth.Month == 2 && birth.Day == 29 && !DateTime.IsLeapYear(year) ? new DateOnly(year, 3, 1) : new DateOnly(year, birth.Month, birth.Day);
}
