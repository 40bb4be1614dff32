namespace HealthRecords.Web.Features.Common;

/// <summary>
/// Writes the append-only audit log: who (id, name and role at the time), when, which record, what, from where.
/// No personal data of residents. There is deliberately no method to change or remove an entry, and on PostgreSQL
/// a trigger refuses UPDATE and DELETE on the table (migration AuditAndAccessRequests).
/// </summary>
public sealed class Audit(HealthRecordsDbContext db, TimeProvider time, IHttpContextAccessor http, ClientAddress client)
{
    /// <summary>Adds an entry to the current unit of work; it is saved with the change it records.</summary>
    public void Add(DataScope user, string action, long? recordId, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = time.UtcNow(),
            UserId = user.UserId,
            UserName = user.DisplayName,
            UserRole = user.Role,
            InstitutionId = user.InstitutionId,
            Action = action,
            HealthRecordId = recordId,
            Detail = detail,
            RemoteIp = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? client.Value,
        });

    /// <summary>Records a read and saves it at once.</summary>
    public async Task ReadAsync(DataScope user, long recordId, string what, CancellationToken ct)
    {
        Add(user, "read", recordId, what);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records an action and saves it at once.</summary>
    public async Task WriteAsync(DataScope user, string action, long? recordId, string? detail, CancellationToken ct)
    {
        Add(user, action, recordId, detail);
        await db.SaveChangesAsync(ct);
    }
}
