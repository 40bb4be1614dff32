using MiniExcelLibs;

namespace HealthRecords.Web.Features.Common;

/// <summary>
/// The one way the system writes an Excel file (.xlsx, MiniExcel): measure tables, the residents behind a figure and
/// the resident list. Callers scope, mask and audit; this only writes rows whose keys are the Chinese column headers.
/// </summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>"居民名单-202611251030.xlsx", stamped in China time.</summary>
    public static string FileName(string what, TimeProvider time) =>
        $"{what}-{time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)):yyyyMMddHHmm}.xlsx";

    public static byte[] Save(IEnumerable<IDictionary<string, object?>> rows, string sheet)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(Inert), sheetName: sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>
    /// Issue #14 item 7: a text cell that starts with = + - @ (or a tab or carriage return, which Excel skips before
    /// them) is written with a leading apostrophe, so Excel, or a CSV saved from the file, shows it as text and never runs
    /// it as a formula (OWASP "CSV injection"). Numbers and dates are written as they are.
    /// </summary>
    public static string? InertText(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static IDictionary<string, object?> Inert(IDictionary<string, object?> row) =>
        row.Values.Any(v => v is string s && InertText(s) != s)
            ? row.ToDictionary(c => c.Key, c => c.Value is string s ? InertText(s) : c.Value)
            : row;
}
