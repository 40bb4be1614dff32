namespace HealthRecords.Web.Features.Households;

/// <summary>Keeps a household's head right when a member leaves it.</summary>
public static class HouseholdMoves
{
    /// <summary>
    /// Takes <paramref name="member"/> out of its household. When the head leaves, the eldest remaining
    /// active member becomes head (their relation is then relative to no one, so it is set to head).
    /// </summary>
    public static async Task LeaveAsync(HealthRecordsDbContext db, HealthRecord member, CancellationToken ct)
    {
        var household = await db.Households.FirstAsync(h => h.Id == member.HouseholdId, ct);
        if (household.HeadId != member.Id)
        {
            return;
        }
        var next = await db.HealthRecords
            .Where(r => r.HouseholdId == household.Id && r.Id != member.Id && r.Status == RecordStatus.Active)
            .OrderBy(r => r.BirthDate).FirstOrDefaultAsync(ct);
        household.HeadId = next?.Id;
        household.Version++;
        if (next is not null)
        {
            next.RelationToHead = HouseholdRelation.Head;
        }
    }
}
