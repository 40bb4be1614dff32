using HealthRecords.Web.Data;
using Npgsql;

namespace HealthRecords.Bench;

/// <summary>
/// The database work behind each API call, written by hand and run through Npgsql (pooled connection, unprepared
/// statements, as EF runs them): the baseline the HTTP figures are compared with. Each method does what the API does
/// in the database and returns the same hit count the API reports:
/// a list (exact lookup or search) is the first page of 20 ordered by name (its ids chosen first, then their rows, as
/// SearchResidents does), and the total count only when that page is full (SearchResidents counts only then), then the search's audit entry (issue #3); the overview is the scope check, the read audit entry, the record with
/// its place names, the household's members, the change log and the transfers.
/// <paramref name="institution"/> in each method is the user's scope: a doctor sees the records their institution
/// manages; null is the whole county (a supervisor or administrator).
/// </summary>
public sealed class RawSql(NpgsqlDataSource data, FieldProtector protector)
{
    private const int PageSize = 20;

    private const string ListColumns = """
        p."Id", p."RecordNumber", p."Name", p."Sex", p."BirthDate", p."IdNumber", p."Phone", v."Name", p."HouseholdId", p."KeyPopulations", p."Status"
        """;

    /// <summary>By the keyed hash of the ID number, as SensitiveLookup does (the column itself is encrypted).</summary>
    public Task<int> ByIdNumberAsync(string id, int? institution) => ListAsync("""r."IdNumberHash" = $1""", institution, protector.Hash(id)!);

    public Task<int> ByRecordNumberAsync(string number, int? institution) => ListAsync("""r."RecordNumber" = $1""", institution, number);

    public Task<int> ByRecordNumberLast8Async(string last8, int? institution) => ListAsync("""r."RecordNumberLast8" = $1""", institution, last8);

    public Task<int> ByNameAsync(string township, string prefix, int? institution) =>
        ListAsync("""r."TownshipCode" = $1 AND r."Name" >= $2 AND r."Name" < $3""", institution, township, prefix, prefix + "\uffff");

    public Task<int> ByPinyinAsync(string township, string key, int? institution) =>
        ListAsync("""
            r."TownshipCode" = $1 AND EXISTS (SELECT 1 FROM "NameSearchKeys" k WHERE k."HealthRecordId" = r."Id" AND k."TownshipCode" = r."TownshipCode"
                AND k."Key" >= $2 AND k."Key" < $3)
            """, institution, township, key, key + "\u007f");

    /// <summary>Returns the number of household members listed (as the overview's members).</summary>
    public async Task<int> OverviewAsync(long id, int? institution, string userId)
    {
        var (scope, args) = Scope(institution, id);
        if (await ReadAsync($"""SELECT 1 FROM "HealthRecords" r WHERE r."Id" = $1{scope} LIMIT 1""", args) == 0)
        {
            return -1;
        }
        await using (var audit = data.CreateCommand("""
            INSERT INTO "AuditEntries" ("AtUtc", "UserId", "Action", "HealthRecordId", "Detail", "RemoteIp") VALUES (now(), $1, 'read', $2, 'detail', '127.0.0.1')
            """))
        {
            audit.Parameters.Add(new NpgsqlParameter { Value = userId });
            audit.Parameters.Add(new NpgsqlParameter { Value = id });
            await audit.ExecuteNonQueryAsync();
        }
        await ReadAsync("""
            SELECT r.*, v."Name", t."Name", i."Name", ci."Name", cu."DisplayName", du."DisplayName"
            FROM "HealthRecords" r
            JOIN "Villages" v ON v."Code" = r."VillageCode"
            JOIN "Townships" t ON t."Code" = r."TownshipCode"
            JOIN "Institutions" i ON i."Id" = r."ManagingInstitutionId"
            LEFT JOIN "Institutions" ci ON ci."Id" = r."CreatedAtInstitutionId"
            LEFT JOIN "AspNetUsers" cu ON cu."Id" = r."CreatedById"
            LEFT JOIN "AspNetUsers" du ON du."Id" = r."ResponsibleDoctorId"
            WHERE r."Id" = $1
            """, id);
        var members = await ReadAsync("""
            SELECT m."Id", m."Name", m."RelationToHead", m."Sex", m."BirthDate", m."Status" FROM "HealthRecords" m
            WHERE m."HouseholdId" = (SELECT "HouseholdId" FROM "HealthRecords" WHERE "Id" = $1) AND m."Status" <> 3
            ORDER BY m."RelationToHead", m."BirthDate"
            """, id);
        await ReadAsync("""SELECT * FROM "RecordChanges" WHERE "HealthRecordId" = $1 ORDER BY "ChangedAtUtc" DESC LIMIT 200""", id);
        await ReadAsync("""SELECT * FROM "RecordTransfers" WHERE "HealthRecordId" = $1 ORDER BY "CreatedAtUtc" DESC""", id);
        return members;
    }

    /// <summary>The first page ordered by name; the total count only when the page is full. Returns the total.</summary>
    private async Task<int> ListAsync(string where, int? institution, params object[] values)
    {
        var (scope, args) = Scope(institution, values);
        var filter = $"""r."Status" <> 3 AND {where}{scope}""";
        var rows = await ReadAsync($"""
            SELECT {ListColumns} FROM "HealthRecords" p JOIN "Villages" v ON v."Code" = p."VillageCode"
            WHERE p."Id" IN (SELECT r."Id" FROM "HealthRecords" r WHERE {filter} ORDER BY r."Name", r."Id" LIMIT {PageSize})
            ORDER BY p."Name", p."Id"
            """, args);
        var hits = rows;
        if (rows == PageSize)
        {
            await using var command = Command($"""SELECT count(*) FROM "HealthRecords" r WHERE {filter}""", args);
            hits = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        // Every search writes one audit entry (issue #3), as SearchResidents does: the kind of query, never the query.
        await using (var audit = data.CreateCommand("""
            INSERT INTO "AuditEntries" ("AtUtc", "UserId", "UserName", "UserRole", "Action", "HealthRecordId", "Detail", "RemoteIp")
            VALUES (now(), 'bench', 'bench', 'Doctor', 'search', NULL, 'IdNumber p1 n1', '127.0.0.1')
            """))
        {
            await audit.ExecuteNonQueryAsync();
        }
        return hits;
    }

    /// <summary>The scope predicate, as DataScope.Apply adds it, with its parameter after the query's own.</summary>
    private static (string Sql, object[] Values) Scope(int? institution, params object[] values) =>
        institution is int inst
            ? ($""" AND r."ManagingInstitutionId" = ${values.Length + 1}""", [.. values, inst])
            : ("", values);

    private NpgsqlCommand Command(string sql, object[] values)
    {
        var command = data.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return command;
    }

    /// <summary>Runs a query and reads every value of every row; returns the number of rows.</summary>
    private async Task<int> ReadAsync(string sql, params object[] values)
    {
        await using var command = Command(sql, values);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }
        }
        return rows;
    }
}
