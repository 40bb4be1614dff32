using HealthRecords.Domain.Records;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Residents;

/// <summary>
/// Finds records that may be the same person (000: avoid duplicate records): same name and birth date in the
/// township, or same name and phone. The same ID number is not "likely" but certain, and is refused outright.
/// </summary>
public sealed class DuplicateFinder(HealthRecordsDbContext db)
{
    public async Task<IReadOnlyList<DuplicateCandidate>> FindAsync(string name, DateOnly birthDate, string? phone, string townshipCode, long? exceptId, CancellationToken ct)
    {
        name = name.Trim();
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
        var villageNames = await db.Villages.ToDictionaryAsync(v => v.Code, v => v.Name, ct);
        return sameBirth.Select(r => (r, reason: "同乡镇内姓名与出生日期相同"))
            .Concat(samePhone.Select(r => (r, reason: "姓名与电话相同")))
            .DistinctBy(x => x.r.Id)
            .Select(x => new DuplicateCandidate(
                x.r.Id, x.r.RecordNumber, x.r.Name, x.r.BirthDate,
                x.r.IdNumber is null ? null : IdCardNumber.Mask(x.r.IdNumber),
                x.r.Phone is null ? null : PhoneNumber.Mask(x.r.Phone),
                villageNames.GetValueOrDefault(x.r.VillageCode, x.r.VillageCode),
                x.reason))
            .ToList();
    }
}
