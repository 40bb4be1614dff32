namespace HealthRecords.Web.Features.Residents;

/// <summary>Records that may be one person, with why; the oldest first (the one to keep, as a rule).</summary>
public sealed record DuplicateGroup(string Reason, IReadOnlyList<DuplicateCandidate> Records);

/// <summary>
/// The record keeper's sweep for likely duplicates across their whole scope (000: avoid duplicate records), beside
/// <see cref="DuplicateFinder"/>, which looks only at the record being entered. The rules: the same name and birth
/// date in one township, the same name and phone (compared by the phone's keyed hash, never the ciphertext), the same
/// name in one household. Merged records are left out; each group is offered for merging on the merge page.
/// </summary>
public sealed class DuplicateSweep(HealthRecordsDbContext db, Audit audit)
{
    /// <summary>At most this many groups per rule in one sweep (a keeper works through them and sweeps again).</summary>
    public const int MaxGroupsPerRule = 200;

    public const string SameBirth = "同乡镇内姓名与出生日期相同";
    public const string SamePhone = "姓名与电话相同";
    public const string SameHousehold = "同一家庭内姓名相同";

    public async Task<CommandResult<IReadOnlyList<DuplicateGroup>>> FindAsync(DataScope user, CancellationToken ct)
    {
        if (!user.Can(Permission.MergeRecords))
        {
            return CommandResult<IReadOnlyList<DuplicateGroup>>.Forbidden("只有档案管理员或公卫人员可以查找和合并重复档案");
        }
        var live = user.Apply(db.HealthRecords.AsNoTracking()).Where(r => r.Status != RecordStatus.Merged);

        var births = live.GroupBy(r => new { r.TownshipCode, r.Name, r.BirthDate }).Where(g => g.Count() > 1).Select(g => g.Key)
            .OrderBy(k => k.TownshipCode).ThenBy(k => k.Name).Take(MaxGroupsPerRule);
        var byBirth = await live.Join(births, r => new { r.TownshipCode, r.Name, r.BirthDate }, k => k, (r, k) => r).ToListAsync(ct);

        var phones = live.Where(r => r.PhoneHash != null).GroupBy(r => new { r.Name, r.PhoneHash }).Where(g => g.Count() > 1).Select(g => g.Key)
            .OrderBy(k => k.Name).Take(MaxGroupsPerRule);
        var byPhone = await live.Join(phones, r => new { r.Name, r.PhoneHash }, k => k, (r, k) => r).ToListAsync(ct);

        var households = live.GroupBy(r => new { r.HouseholdId, r.Name }).Where(g => g.Count() > 1).Select(g => g.Key)
            .OrderBy(k => k.HouseholdId).Take(MaxGroupsPerRule);
        var byHousehold = await live.Join(households, r => new { r.HouseholdId, r.Name }, k => k, (r, k) => r).ToListAsync(ct);

        var villages = await db.Villages.AsNoTracking().ToDictionaryAsync(v => v.Code, v => v.Name, ct);
        var institutions = await db.Institutions.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var groups = new List<(string Reason, List<HealthRecord> Records)>();
        groups.AddRange(byBirth.GroupBy(r => (r.TownshipCode, r.Name, r.BirthDate)).Select(g => (SameBirth, g.ToList())));
        groups.AddRange(byPhone.GroupBy(r => (r.Name, Convert.ToBase64String(r.PhoneHash!))).Select(g => (SamePhone, g.ToList())));
        groups.AddRange(byHousehold.GroupBy(r => (r.HouseholdId, r.Name)).Select(g => (SameHousehold, g.ToList())));
        // one group per set of records, with every reason that found it
        var result = groups
            .GroupBy(g => string.Join(',', g.Records.Select(r => r.Id).Order()))
            .Select(same =>
            {
                var records = same.First().Records.OrderBy(r => r.CreatedOn).ThenBy(r => r.Id).ToList();
                var reason = string.Join("；", same.Select(g => g.Reason).Distinct());
                return new DuplicateGroup(reason, records.Select(r => new DuplicateCandidate(
                    r.Id, r.RecordNumber, r.Name, r.BirthDate,
                    r.IdNumber is null ? null : IdCardNumber.Mask(r.IdNumber),
                    r.Phone is null ? null : PhoneNumber.Mask(r.Phone),
                    villages.GetValueOrDefault(r.VillageCode, r.VillageCode),
                    reason,
                    institutions.GetValueOrDefault(r.ManagingInstitutionId, ""),
                    InScope: true)).ToList()); // the sweep reads only the user's scope
            })
            .OrderBy(g => g.Records[0].VillageName, StringComparer.Ordinal).ThenBy(g => g.Records[0].Name, StringComparer.Ordinal)
            .ToList();
        await audit.WriteAsync(user, "search", null, $"duplicates n{result.Count}", ct);
        return CommandResult<IReadOnlyList<DuplicateGroup>>.Ok(result);
    }
}
