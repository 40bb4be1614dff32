namespace HealthRecords.Web.Features.Demo;

/// <summary>
/// The demo village doctor (cunyi) as the services' demo data write their forms: who entered them, at which
/// institution, and the stamp of a form saved once at <paramref name="Now"/>.
/// </summary>
public sealed record DemoDoctor(string Id, string DisplayName, int? InstitutionId, DateTime Now)
{
    /// <summary>The village doctor of the demo county, or null when the demo accounts are not there.</summary>
    public static Task<DemoDoctor?> FindAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.UtcNow();
        return db.Users.AsNoTracking().Where(u => u.UserName == "cunyi")
            .Select(u => new DemoDoctor(u.Id, u.DisplayName, u.InstitutionId, now)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The form as entered by this doctor for <paramref name="recordId"/>, saved once.</summary>
    public T Stamp<T>(T form, long recordId) where T : ServiceForm
    {
        (form.HealthRecordId, form.InstitutionId, form.CreatedById, form.CreatedByName) = (recordId, InstitutionId, Id, DisplayName);
        (form.CreatedAtUtc, form.UpdatedAtUtc, form.Version) = (Now, Now, 1);
        return form;
    }
}
