namespace HealthRecords.Web.Features.Measures;

/// <summary>
/// Excel (.xlsx, MiniExcel) of a measure table or of the residents behind one figure. Scoped like the screen, ID numbers
/// and phones masked, and every export written to the audit log. Listing residents needs the export permission.
/// </summary>
public sealed class MeasureExport(MeasureEngine engine, Audit audit)
{
    public const string ContentType = Spreadsheet.ContentType;

    public async Task<CommandResult<byte[]>> TableAsync(DataScope user, MeasureQuery query, CancellationToken ct)
    {
        var table = await engine.TableAsync(user, query, ct);
        if (!table.Succeeded)
        {
            return table.As<byte[]>();
        }
        var t = table.Value!;
        var rows = t.Rows.Append(t.Total).Select(row =>
        {
            var line = new Dictionary<string, object?> { ["分组"] = row.Name };
            foreach (var (info, figure) in t.Measures.Zip(row.Figures))
            {
                line[$"{info.Name} 分子"] = figure.Numerator;
                line[$"{info.Name} 分母"] = figure.Denominator;
                line[$"{info.Name} 率(%)"] = figure.Rate is { } r ? Math.Round(r * 100, 1) : null;
            }
            return line;
        }).ToList();
        // The footnote of a statistics table (制表说明): the period, and when the figures were counted (a kept table may be minutes old).
        var footnote = rows[0].Keys.ToDictionary(k => k, _ => (object?)null); // every column, as the rows above (MiniExcel writes by the first row's keys)
        footnote["分组"] = string.Create(CultureInfo.InvariantCulture,
            $"统计期 {t.From:yyyy-MM-dd} 至 {t.To:yyyy-MM-dd}，统计于 {t.CountedAtUtc.AddHours(8):yyyy-MM-dd HH:mm:ss}");
        rows.Add(footnote);
        await audit.WriteAsync(user, "export", null, $"measures:{t.GroupBy}:{t.From:yyyyMMdd}-{t.To:yyyyMMdd}", ct);
        return CommandResult<byte[]>.Ok(Save(rows, "考核指标"));
    }

    public async Task<CommandResult<byte[]>> ResidentsAsync(DataScope user, string code, DrillQuery query, IProgress<double>? progress, CancellationToken ct)
    {
        if (!user.Can(Permission.ExportRecords))
        {
            return CommandResult<byte[]>.Forbidden("您没有导出居民名单的权限");
        }
        var list = await engine.AllResidentsAsync(user, code, query, progress, ct);
        if (!list.Succeeded)
        {
            return list.As<byte[]>();
        }
        var (head, all) = list.Value;
        var rows = all.Select(r => new Dictionary<string, object?>
        {
            ["档案编号"] = r.RecordNumber,
            ["姓名"] = r.Name,
            ["性别"] = r.Sex,
            ["年龄"] = r.Age,
            ["村(居)"] = r.Village,
            ["身份证号"] = r.IdNumber,
            ["联系电话"] = r.Phone,
        }).ToList();
        await audit.WriteAsync(user, "export", null,
            string.Create(CultureInfo.InvariantCulture, $"measure:{code}:{head.Side}:{head.GroupName}:{all.Count}"), ct);
        return CommandResult<byte[]>.Ok(Save(rows, head.Side == "numerator" ? "分子名单" : "分母名单"));
    }

    public static string FileName(string what) => Spreadsheet.FileName(what, TimeProvider.System);

    private static byte[] Save(List<Dictionary<string, object?>> rows, string sheet) => Spreadsheet.Save(rows, sheet);
}
