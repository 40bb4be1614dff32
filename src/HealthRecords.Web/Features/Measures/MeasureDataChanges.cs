using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HealthRecords.Web.Features.Measures;

/// <summary>
/// Counts the saves that can change a measure (anything but the audit log) made through this host's contexts, so a
/// kept measure table (<see cref="KeptMeasureTables"/>) knows it is stale. The count moves after the save succeeds.
/// Writes that bypass the change tracker (<c>ExecuteUpdate</c>) or come from another process are not seen; the age
/// limit of a kept table bounds those.
/// </summary>
public sealed class MeasureDataChanges : SaveChangesInterceptor
{
    private static readonly object Pending = new();
    private readonly ConditionalWeakTable<DbContext, object> saving = new();
    private long version;

    public long Version => Interlocked.Read(ref version);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? db)
    {
        if (db is null)
        {
            return;
        }
        // The lookup-hash interceptor has already detected changes when it runs first; otherwise Entries() does.
        var changesMeasures = db.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry);
        if (changesMeasures)
        {
            saving.AddOrUpdate(db, Pending);
        }
        else
        {
            saving.Remove(db);
        }
    }

    private void Done(DbContext? db)
    {
        if (db is not null && saving.Remove(db))
        {
            Interlocked.Increment(ref version);
        }
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            saving.Remove(db);
        }
    }
}
