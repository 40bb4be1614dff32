using Npgsql;

namespace HealthRecords.Bench;

/// <summary>
/// The database work behind each API call, written by hand and run through Npgsql (pooled connection, unprepared
/// statements, as EF runs them): the baseline the HTTP figures are compared with. An exact lookup is one row fetch;
/// a search is the total count and the first page of 20 ordered by name, as the list shows both; the overview is
/// the record with its place names, the household's members, the change log and the transfers.
/// </summary>
public sealed class RawSql(NpgsqlDataSource data)
{
    private const string ListColumns = """
        r."Id", r."RecordNumber", r."Name", r."Sex", r."BirthDate", r."IdNumber", r."Phone", v."Name", r."HouseholdId", r."KeyPopulations", r."Status"
        """;

    private const string PinyinMatch = """
        EXISTS (SELECT 1 FROM "NameSearchKeys" k WHERE k."HealthRecordId" = r."Id" AND k."TownshipCode" = r."TownshipCode"
                AND k."Key" >= $2 AND k."Key" < $3)
        """;

    public Task ByIdNumberAsync(string id) => ReadAsync($"""
        SELECT {ListColumns} FROM "HealthRecords" r JOIN "Villages" v ON v."Code" = r."VillageCode"
        WHERE r."IdNumber" = $1 AND r."Status" <> 3
        """, id);

    public Task ByRecordNumberAsync(string number) => ReadAsync($"""
        SELECT {ListColumns} FROM "HealthRecords" r JOIN "Villages" v ON v."Code" = r."VillageCode"
        WHERE r."RecordNumber" = $1 AND r."Status" <> 3
        """, number);

    public async Task ByNameAsync(string township, string prefix)
    {
        const string where = """r."TownshipCode" = $1 AND r."Status" <> 3 AND r."Name" >= $2 AND r."Name" < $3""";
        await ReadAsync($"""SELECT count(*) FROM "HealthRecords" r WHERE {where}""", township, prefix, prefix + "\uffff");
        await ReadAsync($"""
            SELECT {ListColumns} FROM "HealthRecords" r JOIN "Villages" v ON v."Code" = r."VillageCode"
            WHERE {where} ORDER BY r."Name", r."Id" LIMIT 20
            """, township, prefix, prefix + "\uffff");
    }

    public async Task ByPinyinAsync(string township, string key)
    {
        var where = $"""r."TownshipCode" = $1 AND r."Status" <> 3 AND {PinyinMatch}""";
        await ReadAsync($"""SELECT count(*) FROM "HealthRecords" r WHERE {where}""", township, key, key + "\u007f");
        await ReadAsync($"""
            SELECT {ListColumns} FROM "HealthRecords" r JOIN "Villages" v ON v."Code" = r."VillageCode"
            WHERE {where} ORDER BY r."Name", r."Id" LIMIT 20
            """, township, key, key + "\u007f");
    }

    public async Task OverviewAsync(long id)
    {
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
        await ReadAsync("""
            SELECT m."Id", m."Name", m."RelationToHead", m."Sex", m."BirthDate", m."Status" FROM "HealthRecords" m
            WHERE m."HouseholdId" = (SELECT "HouseholdId" FROM "HealthRecords" WHERE "Id" = $1) AND m."Status" <> 3
            ORDER BY m."RelationToHead", m."BirthDate"
            """, id);
        await ReadAsync("""SELECT * FROM "RecordChanges" WHERE "HealthRecordId" = $1 ORDER BY "ChangedAtUtc" DESC LIMIT 200""", id);
        await ReadAsync("""SELECT * FROM "RecordTransfers" WHERE "HealthRecordId" = $1 ORDER BY "CreatedAtUtc" DESC""", id);
    }

    private async Task ReadAsync(string sql, params object[] values)
    {
        await using var command = data.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }
        }
    }
}
