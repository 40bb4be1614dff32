using HealthRecords.Web.Features.Privacy;

namespace HealthRecords.Web.Features.Residents;

/// <summary>
/// Finds records that may be the same person (000: avoid duplicate records): same name and birth date in the
/// township, or same name and phone. The same ID number is not "likely" but certain, and is refused outright.
/// The check looks across scopes so that it still stops a duplicate, but a record outside the user's scope is told only
/// as "a record exists, managed by this institution" (so the user can ask for a transfer or an access request); every
/// check is audited (issue #14 item 5): one <c>duplicate-check</c> entry per check, and one per record shown in full.
/// </summary>
public sealed class DuplicateFinder(HealthRecordsDbContext db, Audit audit)
{
    public async Task<IReadOnlyList<DuplicateCandidate>> FindAsync(DataScope user, string? name, DateOnly birthDate, string? phone, string? townshipCode, long? exceptId, CancellationToken ct)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0)
        {
            return [];
        }
        var live = db.HealthRecords.Where(r => r.Status != RecordStatus.Merged && r.Id != (exceptId ?? 0));
        var sameBirth = await live
            .Where(r => r.TownshipCode == townshipCode && r.Name == name && r.BirthDate == birthDate)
            .Take(10).ToListAsync(ct);
        var samePhone = string.IsNullOrWhiteSpace(phone)
            ? []
            : await live.WithPhone(db.Protector(), phone!).Where(r => r.Name == name).Take(10).ToListAsync(ct);
        var found = sameBirth.Select(r => (r, reason: "同乡镇内姓名与出生日期相同"))
            .Concat(samePhone.Select(r => (r, reason: "姓名与电话相同")))
            .DistinctBy(x => x.r.Id)
            .ToList();
        var ids = found.Select(x => x.r.Id).ToList();
        var inScope = (await user.Apply(db.HealthRecords).Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        var villageNames = await db.Villages.ToDictionaryAsync(v => v.Code, v => v.Name, ct);
        var institutionNames = await db.Institutions.ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var candidates = found
            .Select(x => inScope.Contains(x.r.Id)
                ? new DuplicateCandidate(
                    x.r.Id, x.r.RecordNumber, x.r.Name, x.r.BirthDate,
                    x.r.IdNumber is null ? null : IdCardNumber.Mask(x.r.IdNumber),
                    x.r.Phone is null ? null : PhoneNumber.Mask(x.r.Phone),
                    villageNames.GetValueOrDefault(x.r.VillageCode, x.r.VillageCode),
                    x.reason, institutionNames.GetValueOrDefault(x.r.ManagingInstitutionId, ""), InScope: true)
                : new DuplicateCandidate(null, null, null, null, null, null, null,
                    x.reason, institutionNames.GetValueOrDefault(x.r.ManagingInstitutionId, ""), InScope: false))
            .ToList();
        audit.Add(user, "duplicate-check", null, $"found={candidates.Count};outside={candidates.Count(c => !c.InScope)}");
        foreach (var c in candidates.Where(c => c.InScope))
        {
            audit.Add(user, "duplicate-check", c.Id, c.Reason);
        }
        await db.SaveChangesAsync(ct);
        return candidates;
    }
}
