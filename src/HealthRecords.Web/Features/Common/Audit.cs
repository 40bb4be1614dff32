using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;

namespace HealthRecords.Web.Features.Common;

/// <summary>Writes the append-only audit log: who did what to which record, from where. No personal data.</summary>
public sealed class Audit(HealthRecordsDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    /// <summary>Adds an entry to the current unit of work; it is saved with the change it records.</summary>
    public void Add(DataScope user, string action, long? recordId, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = time.UtcNow(),
            UserId = user.UserId,
            Action = action,
            HealthRecordId = recordId,
            Detail = detail,
            RemoteIp = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });

    /// <summary>Records a read and saves it at once.</summary>
    public async Task ReadAsync(DataScope user, long recordId, string what, CancellationToken ct)
    {
        Add(user, "read", recordId, what);
        await db.SaveChangesAsync(ct);
    }
}
