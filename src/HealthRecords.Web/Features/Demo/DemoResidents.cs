namespace HealthRecords.Web.Features.Demo;

/// <summary>Fills an empty demo database with a synthetic county (<c>Demo:Residents</c> of them), once.</summary>
public static class DemoResidents
{
    /// <summary>Residents each of the demo village doctor's villages gets at least (fewer when the whole county is small).</summary>
    private const int ClinicVillageShare = 300;

    /// <summary>
    /// Loads the residents, then each module's demo data in module order (<paramref name="modules"/>: the host's, or the
    /// host assembly's when not given).
    /// </summary>
    public static async Task EnsureAsync(HealthRecordsDbContext db, TimeProvider time, int count, CancellationToken ct = default, IEnumerable<ServiceModule>? modules = null)
    {
        if (count <= 0 || await db.HealthRecords.AnyAsync(ct))
        {
            return;
        }
        var county = await CountyAsync(db, time, count, ct);
        await BulkLoader.LoadAsync(db, county.Generate(count), ct);
        await AssignDoctorsAsync(db, ct);
        foreach (var module in modules ?? ModuleCatalog.HostModules)
        {
            await module.AddDemoDataAsync(db, time, ct);
        }
    }

    /// <summary>
    /// 责任医生: the demo village doctor is responsible for the residents of the clinic's villages, the demo township
    /// doctor for the rest of their institution's residents, so "只看我负责的居民" and the by-doctor measures show them.
    /// </summary>
    public static async Task AssignDoctorsAsync(HealthRecordsDbContext db, CancellationToken ct = default)
    {
        var doctors = await db.Users.AsNoTracking().Where(u => u.UserName == "cunyi" || u.UserName == "yisheng")
            .Select(u => new { u.UserName, u.Id, u.InstitutionId }).ToListAsync(ct);
        if (doctors.FirstOrDefault(u => u.UserName == "cunyi") is { } village)
        {
            await db.HealthRecords.Where(r => DemoAccounts.ClinicVillages.Contains(r.VillageCode) && r.ResponsibleDoctorId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResponsibleDoctorId, village.Id), ct);
        }
        if (doctors.FirstOrDefault(u => u.UserName == "yisheng") is { InstitutionId: int institution } township)
        {
            await db.HealthRecords.Where(r => r.ManagingInstitutionId == institution && r.ResponsibleDoctorId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResponsibleDoctorId, township.Id), ct);
        }
    }

    /// <summary>The synthetic county <see cref="EnsureAsync"/> loads <paramref name="count"/> residents of (the benchmark times its parts).</summary>
    public static async Task<SyntheticCounty> CountyAsync(HealthRecordsDbContext db, TimeProvider time, int count, CancellationToken ct = default)
    {
        var villages = await db.Villages.AsNoTracking().ToListAsync(ct);
        var townships = await db.Townships.AsNoTracking().ToListAsync(ct);
        var sequences = await db.RecordNumberSequences.AsNoTracking().ToDictionaryAsync(s => s.VillageCode, s => s.LastSequence, ct);
        var createdBy = await db.Users.AsNoTracking().Where(u => u.UserName == "cunyi").Select(u => u.Id).FirstOrDefaultAsync(ct)
            ?? await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => u.Id).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("No user to record as 建档人: create the demo accounts first.");

        // The county code is the head of every township's statistics code (ReferenceData loads one county).
        return new SyntheticCounty(
            townships[0].Code[..6], villages, townships, sequences, createdBy, time.Today(),
            weight: ClinicWeight(villages.Count, count));
    }

    /// <summary>
    /// Every village weighs 1 (times the generator's random spread); the demo doctor's villages weigh enough for a few hundred residents each
    /// (a quarter of the county at most), so the village doctor's lists are not empty.
    /// </summary>
    private static Func<Data.Entities.Village, double>? ClinicWeight(int villages, int count)
    {
        var clinic = DemoAccounts.ClinicVillages.Length;
        var share = Math.Min(ClinicVillageShare, count / (4 * clinic));
        var fair = (double)count / villages;
        if (share <= fair || villages <= clinic)
        {
            return null;
        }
        // w / (others + clinic * w) * count = share  =>  w = share * others / (count - clinic * share)
        var weight = (double)share * (villages - clinic) / (count - clinic * share);
        return v => DemoAccounts.ClinicVillages.Contains(v.Code) ? weight : 1.0;
    }
}
