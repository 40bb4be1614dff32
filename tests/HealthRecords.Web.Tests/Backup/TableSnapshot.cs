using System.Globalization;
using System.Text;
using HealthRecords.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Backup;

/// <summary>Every row of the key tables, every column, as text: two snapshots are equal only if the data is.</summary>
public static class TableSnapshot
{
    public static readonly string[] Tables =
        ["HealthRecords", "Households", "AuditEntries", "RecordChanges", "NameSearchKeys", "RecordNumberSequences", "RecordTransfers"];

    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> TakeAsync(HealthRecordsDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var result = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var table in Tables)
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await cmd.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                {
                    var row = new StringBuilder();
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        row.Append(reader.GetName(i)).Append('=').Append(Text(reader.GetValue(i))).Append('|');
                    }
                    rows.Add(row.ToString());
                }
                rows.Sort(StringComparer.Ordinal);
                result[table] = rows;
            }
            return result;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    public static bool Same(IReadOnlyDictionary<string, IReadOnlyList<string>> a, IReadOnlyDictionary<string, IReadOnlyList<string>> b) =>
        Tables.All(t => a[t].SequenceEqual(b[t]));

    private static string Text(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
