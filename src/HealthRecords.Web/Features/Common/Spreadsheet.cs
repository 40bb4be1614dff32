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
        stream.SaveAs(rows, sheetName: sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
