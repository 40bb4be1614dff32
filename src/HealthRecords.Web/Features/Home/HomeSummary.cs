using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.Home;

/// <summary>
/// The signed-in user's records at a glance: how many, how many new, and each key population; the scope in words (the
/// villages a village doctor serves, the townships of an institution); and whether the user acts on the work list (the
/// 今日待办 count is for those who visit residents, not for supervisors and institution admins).
/// </summary>
public sealed record HomeFigures(
    int Active,
    int Closed,
    int CreatedThisMonth,
    int ClosedThisYear,
    IReadOnlyList<(KeyPopulation Population, int Count)> KeyPopulations,
    string ScopeLine = "",
    bool ShowsToDo = false);

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
            populations,
            await ScopeLineAsync(user, ct),
            ShowsToDo: user.CanEdit);
    }

    /// <summary>管理范围 in words: the county, the institution and its townships and villages, or the village doctor's villages by name.</summary>
    private async Task<string> ScopeLineAsync(DataScope user, CancellationToken ct)
    {
        if (user.WholeCounty)
        {
            return $"管理范围：全区 {await db.Townships.CountAsync(ct)} 个乡镇(街道)";
        }
        var villages = db.Villages.AsNoTracking();
        if (user.Role == Roles.VillageDoctor)
        {
            var mine = user.Villages;
            villages = villages.Where(v => mine.Contains(v.Code));
        }
        else
        {
            var inst = user.InstitutionId ?? -1;
            villages = villages.Where(v => v.InstitutionId == inst);
        }
        var rows = await (from v in villages join t in db.Townships on v.TownshipCode equals t.Code
                          orderby v.Code select new { Township = t.Name, Village = v.Name }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return "管理范围：未分配村(居)委会";
        }
        var institution = user.Role == Roles.VillageDoctor || user.InstitutionId is not int id ? null
            : await db.Institutions.AsNoTracking().Where(i => i.Id == id).Select(i => i.Name).FirstOrDefaultAsync(ct);
        var parts = rows.GroupBy(r => r.Township).Select(t => t.Count() <= 6
            ? $"{t.Key} {string.Join("、", t.Select(r => ShortName(r.Village)))}"
            : $"{t.Key} {t.Count()} 个村(居)委会");
        return $"管理范围：{(institution is null ? "" : institution + "管理的 ")}{string.Join("；", parts)}";
    }

    /// <summary>石林村村民委员会 → 石林村, 新华社区居民委员会 → 新华社区: the name people use.</summary>
    private static string ShortName(string village) =>
        village.EndsWith("村民委员会", StringComparison.Ordinal) ? village[..^5]
        : village.EndsWith("居民委员会", StringComparison.Ordinal) ? village[..^5]
        : village;
}
