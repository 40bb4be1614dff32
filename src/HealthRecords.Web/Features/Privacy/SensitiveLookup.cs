using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;

namespace HealthRecords.Web.Features.Privacy;

/// <summary>
/// Every lookup of records by ID number or phone. The columns hold ciphertext (a new nonce per value), so equality on
/// them never matches: a lookup compares the keyed hash of the normalised value with the indexed hash column. A phone
/// search is therefore exact (the whole number), as is an ID number search.
/// </summary>
public static class SensitiveLookup
{
    public static IQueryable<HealthRecord> WithIdNumber(this IQueryable<HealthRecord> records, FieldProtector protector, string idNumber)
    {
        var hash = protector.Hash(idNumber);
        return records.Where(r => r.IdNumberHash == hash);
    }

    public static IQueryable<HealthRecord> WithPhone(this IQueryable<HealthRecord> records, FieldProtector protector, string phone)
    {
        var hash = protector.Hash(phone);
        return records.Where(r => r.PhoneHash == hash);
    }
}
