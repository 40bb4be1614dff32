using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using HealthRecords.Web.Features.Residents;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>An encounter, consultation or referral ready to print, with its record's header (name, record number).</summary>
public sealed record ServiceFormPrint<T>(ResidentDetail Record, T Form);

/// <summary>Opens a form of a record for printing: the user may read the record; opening the page is audited as a print.</summary>
public sealed class PrintServiceForm(HealthRecordsDbContext db, ResidentReader reader, Audit audit)
{
    public async Task<ServiceFormPrint<T>?> LoadAsync<T>(DataScope user, long recordId, long id, string action, CancellationToken ct)
        where T : ServiceFormEntity
    {
        if (!user.Can(Permission.PrintRecord) || !await reader.MayReadAsync(user, recordId, ct))
        {
            return null;
        }
        var form = await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.HealthRecordId == recordId, ct);
        var record = form is null ? null : await reader.DetailAsync(recordId, ct);
        if (form is null || record is null)
        {
            return null;
        }
        await audit.WriteAsync(user, action, recordId, $"{typeof(T).Name} {id}", ct);
        return new ServiceFormPrint<T>(record, form);
    }
}
