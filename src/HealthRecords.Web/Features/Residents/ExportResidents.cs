namespace HealthRecords.Web.Features.Residents;

/// <summary>
/// 导出居民名单: the residents a search finds, as an Excel file. The same query and the same scope as the list
/// (<see cref="SearchResidents"/>), ID numbers and phones masked unless the user may see them in full and asks to;
/// every export is audited (<c>export</c>, or <c>export-full</c> with unmasked numbers), with the kind of query and the
/// count, never the query itself.
/// </summary>
public sealed class ExportResidents(HealthRecordsDbContext db, SearchResidents search, TimeProvider time, Audit audit)
{
    /// <summary>The most rows one file holds; a wider search is refused with a message to narrow it.</summary>
    public const int MaxRows = 50_000;

    public async Task<CommandResult<byte[]>> HandleAsync(DataScope user, ResidentQuery query, bool full, CancellationToken ct)
    {
        if (!user.Can(Permission.ExportRecords))
        {
            return CommandResult<byte[]>.Forbidden("您没有导出居民名单的权限");
        }
        if (full && !user.Can(Permission.SeeFullIdentity))
        {
            return CommandResult<byte[]>.Forbidden("您没有查看完整身份证号与电话的权限");
        }
        var records = search.Filter(user.Apply(db.HealthRecords.AsNoTracking()), query);
        var rows = await (
            from r in SearchResidents.Order(records, query.Sort, query.Desc ?? false).Take(MaxRows + 1)
            join v in db.Villages on r.VillageCode equals v.Code
            join t in db.Townships on r.TownshipCode equals t.Code
            select new { r.RecordNumber, r.Name, r.Sex, r.BirthDate, r.IdNumber, r.Phone, Township = t.Name, Village = v.Name, r.KeyPopulations, r.Status })
            .ToListAsync(ct);
        if (rows.Count > MaxRows)
        {
            return CommandResult<byte[]>.Invalid("q", string.Create(CultureInfo.InvariantCulture, $"查找结果超过 {MaxRows} 人，请按乡镇、村或重点人群缩小范围后再导出"));
        }
        var today = time.Today();
        var sheet = rows.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["档案编号"] = r.RecordNumber,
            ["姓名"] = r.Name,
            ["性别"] = r.Sex.Label(),
            ["出生日期"] = r.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["年龄"] = Age.AgeOn(r.BirthDate, today),
            ["身份证号"] = r.IdNumber is null ? null : full ? r.IdNumber : Masking.Show(r.IdNumber, true),
            ["本人电话"] = r.Phone is null ? null : full ? r.Phone : Masking.Show(r.Phone, false),
            ["乡镇(街道)"] = r.Township,
            ["村(居)委会"] = r.Village,
            ["重点人群"] = KeyPopulationLabels(KeyPopulationRules.On(r.KeyPopulations, r.BirthDate, today)),
            ["档案状态"] = r.Status.Label(),
        }).ToList();
        var q = query.Q?.Trim();
        await audit.WriteAsync(user, full ? "export-full" : "export", null,
            string.Create(CultureInfo.InvariantCulture, $"residents:{(string.IsNullOrEmpty(q) ? "filter" : SearchTerm.Classify(q).ToString())} n{rows.Count}"), ct);
        return CommandResult<byte[]>.Ok(Spreadsheet.Save(sheet, "居民名单"));
    }

    private static string KeyPopulationLabels(KeyPopulation flags) =>
        string.Join("、", Enum.GetValues<KeyPopulation>().Where(f => f != KeyPopulation.None && flags.HasFlag(f)).Select(f => f.Label()));
}
