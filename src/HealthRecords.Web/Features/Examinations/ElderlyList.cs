using HealthRecords.Domain.Elderly;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>Query of the elderly list: service year (default this year), newcomers only, not yet examined only, page.</summary>
public sealed record ElderlyQuery
{
    public int? Year { get; init; }
    /// <summary>Only those who newly turn 65 in the year (000: 自动生成新增65岁以上老年人名单).</summary>
    public bool? NewcomersOnly { get; init; }
    /// <summary>Only those without an examination in the year.</summary>
    public bool? NotExaminedOnly { get; init; }
    public string? VillageCode { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record ElderlyRow(long Id, string RecordNumber, string Name, Sex Sex, DateOnly BirthDate, int AgeAtYearEnd, string VillageName, DateOnly? ExaminedOn, bool Newcomer);

public sealed record ElderlyPage(int Year, int Total, int Examined, int Newcomers, int Page, int PageSize, IReadOnlyList<ElderlyRow> Rows);

/// <summary>The 65+ target list of a service year (<see cref="ElderlyRules.IsTarget"/>), scoped and paged, with whether each has been examined.</summary>
public sealed class ElderlyList(HealthRecordsDbContext db, Audit audit, TimeProvider time)
{
    public async Task<ElderlyPage> PageAsync(DataScope user, ElderlyQuery query, CancellationToken ct)
    {
        var year = query.Year is int y and >= 2000 and <= 2100 ? y : time.Today().Year;
        var latest = ElderlyRules.LatestBirthDate(year);
        var earliestNew = ElderlyRules.EarliestNewcomerBirthDate(year);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var exams = db.Set<Examination>();
        var targets = user.Apply(db.HealthRecords).Where(r => r.Status == RecordStatus.Active && r.BirthDate <= latest);
        if (!string.IsNullOrWhiteSpace(query.VillageCode))
        {
            targets = targets.Where(r => r.VillageCode == query.VillageCode);
        }
        var total = await targets.CountAsync(ct);
        var examined = await targets.CountAsync(r => exams.Any(e => e.HealthRecordId == r.Id && e.ExamDate >= from && e.ExamDate <= to), ct);
        var newcomers = await targets.CountAsync(r => r.BirthDate >= earliestNew, ct);

        var filtered = targets;
        if (query.NewcomersOnly == true)
        {
            filtered = filtered.Where(r => r.BirthDate >= earliestNew);
        }
        if (query.NotExaminedOnly == true)
        {
            filtered = filtered.Where(r => !exams.Any(e => e.HealthRecordId == r.Id && e.ExamDate >= from && e.ExamDate <= to));
        }
        var size = Math.Clamp(query.PageSize ?? 50, 1, 200);
        var page = Math.Max(1, query.Page ?? 1);
        var rows = await filtered
            .OrderBy(r => r.VillageCode).ThenBy(r => r.RecordNumber)
            .Skip((page - 1) * size).Take(size)
            .Select(r => new
            {
                r.Id, r.RecordNumber, r.Name, r.Sex, r.BirthDate,
                Village = db.Villages.Where(v => v.Code == r.VillageCode).Select(v => v.Name).FirstOrDefault(),
                Examined = exams.Where(e => e.HealthRecordId == r.Id && e.ExamDate >= from && e.ExamDate <= to)
                    .OrderByDescending(e => e.ExamDate).Select(e => (DateOnly?)e.ExamDate).FirstOrDefault(),
            })
            .ToListAsync(ct);
        await audit.WriteAsync(user, "list", null, $"elderly {year}{(query.NewcomersOnly == true ? " newcomers" : "")}", ct);
        return new ElderlyPage(year, total, examined, newcomers, page, size, rows
            .Select(r => new ElderlyRow(r.Id, r.RecordNumber, r.Name, r.Sex, r.BirthDate, year - r.BirthDate.Year, r.Village ?? "",
                r.Examined, ElderlyRules.TurnsSixtyFiveIn(r.BirthDate, year)))
            .ToList());
    }
}
