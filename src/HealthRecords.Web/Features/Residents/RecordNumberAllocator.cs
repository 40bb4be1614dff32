namespace HealthRecords.Web.Features.Residents;

/// <summary>
/// Allocates the next 17-digit record number of a village in creation order. One atomic upsert per number
/// (PostgreSQL and SQLite share the syntax): concurrent creators serialise on the village's sequence row,
/// so a number is never issued twice; it commits with the record, so a failed save issues nothing. The county segment is
/// the head of the township's statistics code (the loaded county's code).
/// </summary>
public sealed class RecordNumberAllocator(HealthRecordsDbContext db)
{
    public async Task<RecordNumber> NextAsync(Village village, Township township, CancellationToken ct)
    {
        var rows = await db.Database.SqlQuery<int>($"""
            INSERT INTO "RecordNumberSequences" ("VillageCode", "LastSequence") VALUES ({village.Code}, 1)
            ON CONFLICT ("VillageCode") DO UPDATE SET "LastSequence" = "RecordNumberSequences"."LastSequence" + 1
            RETURNING "LastSequence" AS "Value"
            """).ToListAsync(ct);
        return RecordNumber.Compose(township.Code[..6], township.SpecCode, village.SpecCode, rows[0]);
    }
}
