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
        // During a field key rotation, rows not yet re-encrypted still carry the previous key's hash.
        return protector.PreviousHash(idNumber) is { } previous
            ? records.Where(r => r.IdNumberHash == hash || r.IdNumberHash == previous)
            : records.Where(r => r.IdNumberHash == hash);
    }

    public static IQueryable<HealthRecord> WithPhone(this IQueryable<HealthRecord> records, FieldProtector protector, string phone)
    {
        var hash = protector.Hash(phone);
        return protector.PreviousHash(phone) is { } previous
            ? records.Where(r => r.PhoneHash == hash || r.PhoneHash == previous)
            : records.Where(r => r.PhoneHash == hash);
    }
}
