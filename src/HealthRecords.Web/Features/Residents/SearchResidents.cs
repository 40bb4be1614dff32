using HealthRecords.Domain.Search;
using HealthRecords.Web.Features.Privacy;

namespace HealthRecords.Web.Features.Residents;

public sealed record ResidentQuery
{
    /// <summary>Record number (17 digits or the last 8), ID number, phone, name, or pinyin ("zs", "zhangsan").</summary>
    public string? Q { get; init; }
    public string? TownshipCode { get; init; }
    public string? VillageCode { get; init; }
    public long? HouseholdId { get; init; }
    public KeyPopulation? KeyPopulation { get; init; }
    public RecordStatus? Status { get; init; }
    /// <summary>name, recordNumber, birthDate, createdOn.</summary>
    public string? Sort { get; init; }
    public bool? Desc { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>Finds residents within the user's scope. Lists mask ID numbers and phones.</summary>
public sealed class SearchResidents(HealthRecordsDbContext db, TimeProvider time, Audit audit)
{
    public async Task<PagedResult<ResidentListItem>> HandleAsync(DataScope user, ResidentQuery query, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize ?? 20, 1, 200);
        var page = Math.Max(1, query.Page ?? 1);
        var records = Filter(user.Apply(db.HealthRecords.AsNoTracking()), query);
        var (sort, desc) = (query.Sort, query.Desc ?? false);
        // The page's ids first, then their rows: choosing the page needs only narrow columns (for a pinyin search, all in
        // covering indexes), so the wide rows with their forms are read for the page's records alone, not for every match
        // the sort has to look at (docs/performance.md).
        var pageIds = Order(records, sort, desc).Skip((page - 1) * pageSize).Take(pageSize).Select(r => r.Id);
        var rows = await (
            from r in Order(db.HealthRecords.AsNoTracking().Where(r => pageIds.Contains(r.Id)), sort, desc)
            join v in db.Villages on r.VillageCode equals v.Code
            select new { r.Id, r.RecordNumber, r.Name, r.Sex, r.BirthDate, r.IdNumber, r.Phone, Village = v.Name, r.HouseholdId, r.KeyPopulations, r.Status })
            .ToListAsync(ct);
        // A page that is not full and not past the end tells the total by itself (an exact lookup finds one record):
        // count only otherwise, which saves a round trip for lookups and small result sets.
        var total = rows.Count < pageSize && (rows.Count > 0 || page == 1)
            ? (page - 1) * pageSize + rows.Count
            : await records.CountAsync(ct);
        var today = time.Today();
        var items = rows.Select(r => new ResidentListItem(
            r.Id, r.RecordNumber, r.Name, r.Sex, r.BirthDate, Age.AgeOn(r.BirthDate, today),
            r.IdNumber is null ? null : IdCardNumber.Mask(r.IdNumber),
            r.Phone is null ? null : PhoneNumber.Mask(r.Phone),
            r.Village, r.HouseholdId, KeyPopulationRules.On(r.KeyPopulations, r.BirthDate, today), r.Status)).ToList();
        // One entry per search: the kind of query, the page and how many it found; never the query itself (it may be an ID number).
        var q = query.Q?.Trim();
        await audit.WriteAsync(user, "search", null,
            $"{(string.IsNullOrEmpty(q) ? "filter" : SearchTerm.Classify(q).ToString())} p{page} n{items.Count}", ct);
        return new PagedResult<ResidentListItem>(items, total, page, pageSize);
    }

    /// <summary>name (the default), recordNumber, birthDate or createdOn; ties broken by id so pages do not overlap.</summary>
    internal static IQueryable<HealthRecord> Order(IQueryable<HealthRecord> records, string? sort, bool desc) => (sort, desc) switch
    {
        ("recordNumber", false) => records.OrderBy(r => r.RecordNumber),
        ("recordNumber", true) => records.OrderByDescending(r => r.RecordNumber),
        ("birthDate", false) => records.OrderBy(r => r.BirthDate).ThenBy(r => r.Id),
        ("birthDate", true) => records.OrderByDescending(r => r.BirthDate).ThenBy(r => r.Id),
        ("createdOn", false) => records.OrderBy(r => r.CreatedOn).ThenBy(r => r.Id),
        ("createdOn", true) => records.OrderByDescending(r => r.CreatedOn).ThenBy(r => r.Id),
        ("name", true) => records.OrderByDescending(r => r.Name).ThenBy(r => r.Id),
        _ => records.OrderBy(r => r.Name).ThenBy(r => r.Id),
    };

    internal IQueryable<HealthRecord> Filter(IQueryable<HealthRecord> records, ResidentQuery query)
    {
        records = query.Status is RecordStatus status
            ? records.Where(r => r.Status == status)
            : records.Where(r => r.Status != RecordStatus.Merged);
        if (!string.IsNullOrWhiteSpace(query.TownshipCode))
        {
            records = records.Where(r => r.TownshipCode == query.TownshipCode);
        }
        if (!string.IsNullOrWhiteSpace(query.VillageCode))
        {
            records = records.Where(r => r.VillageCode == query.VillageCode);
        }
        if (query.HouseholdId is long household)
        {
            records = records.Where(r => r.HouseholdId == household);
        }
        if (query.KeyPopulation is KeyPopulation tag && tag != 0)
        {
            records = records.InPopulation(tag, time.Today());
        }
        var q = query.Q?.Trim();
        if (string.IsNullOrEmpty(q))
        {
            return records;
        }
        return SearchTerm.Classify(q) switch
        {
            SearchTermKind.RecordNumber => records.Where(r => r.RecordNumber == q),
            SearchTermKind.RecordNumberLast8 => records.Where(r => r.RecordNumberLast8 == q),
            SearchTermKind.IdNumber => records.WithIdNumber(db.Protector(), q),
            SearchTermKind.Phone => records.WithPhone(db.Protector(), q),
            SearchTermKind.Pinyin => ByPinyin(records, Pinyin.NormalizeQuery(q)!),
            _ => ByName(records, q),
        };
    }

    /// <summary>Prefix match on the stored pinyin keys, as a range so the index serves it on both databases.</summary>
    private IQueryable<HealthRecord> ByPinyin(IQueryable<HealthRecord> records, string key)
    {
        var upper = key + "\u007f";
        return records.Where(r => db.NameSearchKeys.Any(k => k.HealthRecordId == r.Id && k.TownshipCode == r.TownshipCode
            && string.Compare(k.Key, key) >= 0 && string.Compare(k.Key, upper) < 0));
    }

    /// <summary>Chinese name prefix, as a range on the (township, name) index.</summary>
    private static IQueryable<HealthRecord> ByName(IQueryable<HealthRecord> records, string name)
    {
        var upper = name + "\uffff";
        return records.Where(r => string.Compare(r.Name, name) >= 0 && string.Compare(r.Name, upper) < 0);
    }
}

public enum SearchTermKind
{
    RecordNumber,
    RecordNumberLast8,
    IdNumber,
    Phone,
    Pinyin,
    Name,
}

/// <summary>Tells what a search box entry is: the one place that decides it.</summary>
public static class SearchTerm
{
    public static SearchTermKind Classify(string q)
    {
        if (q.Length == 17 && q.All(char.IsAsciiDigit))
        {
            return SearchTermKind.RecordNumber;
        }
        if (q.Length == 8 && q.All(char.IsAsciiDigit))
        {
            return SearchTermKind.RecordNumberLast8;
        }
        if (q.Length == 18 && q[..17].All(char.IsAsciiDigit) && (char.IsAsciiDigit(q[17]) || q[17] is 'x' or 'X'))
        {
            return SearchTermKind.IdNumber;
        }
        if (q.All(c => char.IsAsciiDigit(c) || c == '-') && q.Length >= 7)
        {
            return SearchTermKind.Phone;
        }
        return Pinyin.LooksLikePinyin(q) ? SearchTermKind.Pinyin : SearchTermKind.Name;
    }
}
