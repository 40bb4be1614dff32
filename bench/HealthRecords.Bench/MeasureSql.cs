using HealthRecords.Domain.Elderly;
using Npgsql;

namespace HealthRecords.Bench;

/// <summary>
/// Every registered measure's counts for a year, whole county, grouped by township, written by hand (what a DBA would
/// write for the same definition): one statement per measure giving numerator and denominator per township. The
/// dashboard's engine runs one grouped count per side instead; the bench times each measure both ways.
/// </summary>
public static class MeasureSql
{
    // RecordMeasures.HeldAt: not merged, created by the end, not closed by then
    private const string Held = """r."Status" <> 3 AND r."CreatedOn" <= @to AND (r."Status" <> 2 OR r."ClosedOn" IS NULL OR r."ClosedOn" > @to)""";

    // RecordMeasures.HeldDuring: not merged, created by the end, not closed before the start
    private const string HeldDuring = """r."Status" <> 3 AND r."CreatedOn" <= @to AND (r."Status" <> 2 OR r."ClosedOn" IS NULL OR r."ClosedOn" >= @from)""";

    // ChronicMeasureQueries.Managed: enrolled by the end, not withdrawn before the start
    private const string Managed = """
        SELECT DISTINCT e."HealthRecordId" AS id FROM "ChronicEnrolments" e
        WHERE e."Disease" = @disease AND e."EnrolledOn" <= @to AND (NOT e."Withdrawn" OR e."WithdrawnOn" >= @from)
        """;

    // ChronicRules.IsTarget: 35 or over at the period's end
    private const string Target = """r."BirthDate" <= @bornBy""";

    /// <summary>The statement for a measure code, or null when the bench has none for it.</summary>
    public static string? For(string code) => code switch
    {
        "records-rate" or "electronic-records-rate" => $"""
            SELECT r."TownshipCode", count(*), NULL::bigint FROM "HealthRecords" r WHERE {Held} GROUP BY 1
            """,
        "records-use-rate" => $"""
            SELECT r."TownshipCode", count(s.id), count(*) FROM "HealthRecords" r
            LEFT JOIN (SELECT "HealthRecordId" AS id FROM "HealthExaminations" WHERE "ExamDate" BETWEEN @from AND @to
                       UNION SELECT "HealthRecordId" FROM "ChronicFollowUps" WHERE "Disease" IN (1, 2) AND "VisitDate" BETWEEN @from AND @to
                       UNION SELECT "HealthRecordId" FROM "ScreeningBloodPressures" WHERE "TakenOn" BETWEEN @from AND @to
                       UNION SELECT "HealthRecordId" FROM "Encounters" WHERE "EncounterDate" BETWEEN @from AND @to
                       UNION SELECT "HealthRecordId" FROM "Consultations" WHERE "ConsultationDate" BETWEEN @from AND @to
                       UNION SELECT "HealthRecordId" FROM "Referrals" WHERE "ReferredOn" BETWEEN @from AND @to) s ON s.id = r."Id"
            WHERE {Held} GROUP BY 1
            """,
        "elderly-management-rate" => $"""
            SELECT r."TownshipCode", count(*), NULL::bigint FROM "HealthRecords" r
            WHERE {HeldDuring} AND r."BirthDate" <= @latest
              AND EXISTS (SELECT 1 FROM "HealthExaminations" e WHERE e."HealthRecordId" = r."Id" AND e."ExamDate" BETWEEN @from AND @to)
            GROUP BY 1
            """,
        "examination-completeness-rate" => """
            SELECT r."TownshipCode", count(*) FILTER (WHERE e."Complete"), count(*) FROM "HealthExaminations" e
            JOIN "HealthRecords" r ON r."Id" = e."HealthRecordId"
            WHERE e."ExamDate" BETWEEN @from AND @to GROUP BY 1
            """,
        "hypertension-management-rate" or "diabetes-management-rate" => $"""
            SELECT r."TownshipCode", count(*), NULL::bigint FROM ({Managed}) m JOIN "HealthRecords" r ON r."Id" = m.id WHERE {Target} GROUP BY 1
            """,
        "hypertension-standard-management-rate" or "diabetes-standard-management-rate" => $"""
            SELECT r."TownshipCode", count(*) FILTER (WHERE v.n >= 4), count(*) FROM ({Managed}) m JOIN "HealthRecords" r ON r."Id" = m.id
            LEFT JOIN (SELECT "HealthRecordId" AS id, count(*) AS n FROM "ChronicFollowUps"
                       WHERE "Disease" = @disease AND "FaceToFace" AND "VisitDate" BETWEEN @from AND @to GROUP BY 1) v ON v.id = m.id
            WHERE {Target} GROUP BY 1
            """,
        "hypertension-control-rate" or "diabetes-control-rate" => $"""
            SELECT r."TownshipCode", count(*) FILTER (WHERE l."Controlled"), count(*) FROM ({Managed}) m JOIN "HealthRecords" r ON r."Id" = m.id
            LEFT JOIN (SELECT DISTINCT ON ("HealthRecordId") "HealthRecordId" AS id, "Controlled" FROM "ChronicFollowUps"
                       WHERE "Disease" = @disease AND "VisitDate" BETWEEN @from AND @to ORDER BY "HealthRecordId", "VisitDate" DESC) l ON l.id = m.id
            WHERE {Target} GROUP BY 1
            """,
        _ => null,
    };

    /// <summary>Runs a measure's statement; returns the county's numerator and denominator (null when estimated) and the groups read.</summary>
    public static async Task<(long Numerator, long? Denominator, int Groups)> CountAsync(NpgsqlDataSource data, string code, int year)
    {
        var sql = For(code) ?? throw new ArgumentException($"no hand-written SQL for measure {code}");
        await using var cmd = data.CreateCommand(sql);
        cmd.CommandTimeout = 300;
        cmd.Parameters.AddWithValue("from", new DateOnly(year, 1, 1));
        cmd.Parameters.AddWithValue("to", new DateOnly(year, 12, 31));
        if (sql.Contains("@bornBy", StringComparison.Ordinal))
        {
            cmd.Parameters.AddWithValue("bornBy", Domain.Chronic.ChronicRules.TargetBornBy(new DateOnly(year, 12, 31)));
        }
        if (sql.Contains("@latest", StringComparison.Ordinal))
        {
            cmd.Parameters.AddWithValue("latest", ElderlyRules.LatestBirthDate(year));
        }
        if (sql.Contains("@disease", StringComparison.Ordinal))
        {
            cmd.Parameters.AddWithValue("disease", code.StartsWith("hypertension", StringComparison.Ordinal) ? 1 : 2);
        }
        await using var reader = await cmd.ExecuteReaderAsync();
        long numerator = 0, denominator = 0;
        var hasDenominator = false;
        var groups = 0;
        while (await reader.ReadAsync())
        {
            groups++;
            numerator += reader.GetInt64(1);
            if (!reader.IsDBNull(2))
            {
                hasDenominator = true;
                denominator += reader.GetInt64(2);
            }
        }
        return (numerator, hasDenominator ? denominator : null, groups);
    }
}
