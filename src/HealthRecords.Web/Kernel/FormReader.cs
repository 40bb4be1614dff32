using System.Linq.Expressions;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Features.Security;

namespace HealthRecords.Web.Kernel;

/// <summary>
/// The one read path of the service forms: a form, or a record's forms, only of a record the user may read — in their
/// scope, or lent to them by an approved and unexpired access request (<see cref="RecordAccess.Lent"/>) — and every read
/// written to the audit log. Out of reach and missing look the same (null). One form and its record's access are read
/// in one query. ID numbers and phones in a form come masked unless the user may see them in full
/// (<see cref="SensitiveNumbers"/>): every page and answer built on this read gets the rule without code of its own.
/// </summary>
public sealed class FormReader(HealthRecordsDbContext db, ResidentReader reader, Audit audit, TimeProvider time)
{
    /// <summary>
    /// One form by id (matching <paramref name="matches"/> when given), its read audited as <paramref name="what"/>
    /// (null: the caller writes an audit entry of its own, e.g. a print).
    /// </summary>
    public async Task<T?> OneAsync<T>(DataScope user, long id, string? what, CancellationToken ct, Expression<Func<T, bool>>? matches = null)
        where T : ServiceForm
    {
        var forms = db.Set<T>().AsNoTracking().Where(f => f.Id == id);
        if (matches is not null)
        {
            forms = forms.Where(matches);
        }
        var scoped = user.Apply(db.HealthRecords);
        var lent = user.Lent(db.AccessRequests, time.UtcNow());
        var row = await forms
            .Select(f => new { Form = f, InScope = scoped.Any(r => r.Id == f.HealthRecordId), Lent = lent.Any(l => l == f.HealthRecordId) })
            .FirstOrDefaultAsync(ct);
        if (row is null || !(row.InScope || row.Lent))
        {
            return null;
        }
        if (what is not null)
        {
            await audit.ReadAsync(user, row.Form.HealthRecordId, what, ct);
        }
        // ID numbers and phones in the form: full only to a role that may see them on a record of its own scope (issue #14).
        return SensitiveNumbers.MaySeeFull(user, row.InScope ? RecordAccess.InScope : RecordAccess.Lent) ? row.Form : SensitiveNumbers.Masked(row.Form);
    }

    /// <summary>
    /// How the user may read the record (in scope, lent, or not at all); when they may, the read is audited as
    /// <paramref name="what"/> (unless <paramref name="audited"/> is false: a panel of a page whose own read is audited).
    /// </summary>
    public async Task<RecordAccess> ReadAsync(DataScope user, long recordId, string what, CancellationToken ct, bool audited = true)
    {
        var access = await reader.AccessAsync(user, recordId, ct);
        if (access != RecordAccess.None && audited)
        {
            await audit.ReadAsync(user, recordId, what, ct);
        }
        return access;
    }

    /// <summary>True when the user may read the record (and the read was audited).</summary>
    public async Task<bool> MayReadAsync(DataScope user, long recordId, string what, CancellationToken ct) =>
        await ReadAsync(user, recordId, what, ct) != RecordAccess.None;
}
