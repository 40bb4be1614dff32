using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Measures;

namespace HealthRecords.Web.Tests.Measures;

/// <summary>
/// A test-only service for 健康档案使用率, reading real rows: a visit recorded from the work list counts as a service.
/// It stands in for the real services (examinations, follow-ups …), which register their own sources.
/// </summary>
public sealed class VisitServiceEventSource : IServiceEventSource
{
    public IQueryable<long> RecordsServed(HealthRecordsDbContext db, DateOnly from, DateOnly to) =>
        db.ContactAttempts.Where(c => c.Outcome == ContactOutcome.Visit && c.ContactedOn >= from && c.ContactedOn <= to).Select(c => c.HealthRecordId);
}
