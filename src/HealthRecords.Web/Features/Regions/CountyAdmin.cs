using HealthRecords.Domain.Regions;

namespace HealthRecords.Web.Features.Regions;

/// <summary>The system administrator picks the county by its code and loads it from the shipped division data.</summary>
public sealed class CountyAdmin(HealthRecordsDbContext db, TimeProvider time)
{
    public static IReadOnlyList<CountyChoice> Search(string? q, int take = 20)
    {
        q = q?.Trim() ?? "";
        return DivisionData.Counties
            .Where(c => q.Length == 0 || c.Code.StartsWith(q, StringComparison.Ordinal) || c.FullName.Contains(q, StringComparison.Ordinal))
            .Take(take).Select(c => new CountyChoice(c.Code, c.FullName)).ToList();
    }

    public async Task<CountyView?> CurrentAsync(CancellationToken ct)
    {
        if (await CountyLoader.CurrentAsync(db, ct) is not { } county)
        {
            return null;
        }
        var townships = await db.Townships.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        var villages = await db.Villages.AsNoTracking().Select(v => new { v.TownshipCode, v.InstitutionId }).ToListAsync(ct);
        var names = await db.Institutions.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        return new CountyView(county.Code, county.Name, county.ProvinceName, county.CityName, county.Source, county.LoadedAtUtc,
            townships.Select(t => new TownshipSummary(t.Code, t.Name, t.Kind.ToString(),
                villages.Count(v => v.TownshipCode == t.Code),
                villages.Where(v => v.TownshipCode == t.Code).Select(v => names.GetValueOrDefault(v.InstitutionId, "")).Distinct().Order().ToList())).ToList());
    }

    public async Task<CommandResult<CountyView>> LoadAsync(DataScope admin, LoadCountyInput input, CancellationToken ct)
    {
        if (!admin.Can(Permission.ManageCounty))
        {
            return CommandResult<CountyView>.Forbidden("只有系统管理员可以载入区县");
        }
        if (string.IsNullOrWhiteSpace(input.Code) || DivisionData.FindCounty(input.Code) is null)
        {
            return CommandResult<CountyView>.Invalid("code", "请输入6位区县代码，例如 500229（城口县）");
        }
        if (await CountyLoader.CurrentAsync(db, ct) is { } loaded)
        {
            return CommandResult<CountyView>.Conflict($"本系统已载入 {loaded.Name}（{loaded.Code}），一个系统只服务一个区县");
        }
        var catalog = DivisionData.LoadCounty(input.Code)!;
        if (await CountyLoader.LoadAsync(db, catalog, null, admin.DisplayName, time.GetUtcNow().UtcDateTime, ct) is null)
        {
            return CommandResult<CountyView>.Conflict("本系统已载入区县");
        }
        return CommandResult<CountyView>.Ok((await CurrentAsync(ct))!);
    }

    public async Task<IReadOnlyList<ReferenceChangeView>> HistoryAsync(string? subjectPrefix, CancellationToken ct) =>
        await db.Set<ReferenceChange>().AsNoTracking()
            .Where(c => subjectPrefix == null || c.Subject.StartsWith(subjectPrefix))
            .OrderByDescending(c => c.Id).Take(200)
            .Select(c => new ReferenceChangeView(c.AtUtc, c.UserName, c.Subject, c.Field, c.OldValue, c.NewValue)).ToListAsync(ct);
}
