using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.WorkList;

/// <summary>Filters of the work list (query string of <c>GET /api/worklist</c>).</summary>
public sealed record WorkListQuery
{
    public string? Service { get; init; }
    public string? Kind { get; init; }
    public string? Village { get; init; }
    /// <summary>Only residents whose responsible doctor is the signed-in user.</summary>
    public bool? Mine { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>The latest contact attempt about an item, and how many there were.</summary>
public sealed record ContactView(long Id, ContactOutcome Outcome, string OutcomeLabel, DateOnly ContactedOn, string UserName, string? Note, int Attempts);

/// <summary>One line of the work list: the item, who it is for (phone masked), and the last contact about it.</summary>
public sealed record WorkListRow(
    long HealthRecordId,
    string RecordNumber,
    string Name,
    Sex Sex,
    int Age,
    string VillageCode,
    string VillageName,
    string Phone,
    string Service,
    string ServiceLabel,
    string Kind,
    string KindLabel,
    string Title,
    DateOnly DueDate,
    int DaysOverdue,
    bool Urgent,
    string? Link,
    long? SourceId,
    ContactView? LastContact);

public sealed record Choice(string Value, string Label);

public sealed record WorkListResult(
    IReadOnlyList<WorkListRow> Items,
    int Total,
    int Overdue,
    int Urgent,
    int Page,
    int PageSize,
    DateOnly Today,
    IReadOnlyList<Choice> Services,
    IReadOnlyList<Choice> Kinds,
    IReadOnlyList<Choice> Villages);

/// <summary>The 14-day planner: items due per village per day, overdue ones in their own column.</summary>
public sealed record PlannerVillage(string VillageCode, string VillageName, int Overdue, IReadOnlyList<int> PerDay, int Total);
public sealed record PlannerResult(DateOnly From, IReadOnlyList<DateOnly> Days, IReadOnlyList<PlannerVillage> Villages);

/// <summary>
/// 工作清单: the union of every registered <see cref="IDueItemSource"/> over the user's scope, active records only,
/// computed at query time. Sorted by urgency: urgent first, then most days overdue, then due date.
/// </summary>
public sealed class WorkListQueries(HealthRecordsDbContext db, IEnumerable<IDueItemSource> sources, TimeProvider time, Audit audit, ConcurrentQueries concurrent)
{
    /// <summary>Days shown by the planner, today included.</summary>
    public const int PlannerDays = 14;

    /// <summary>Contacts made more than this many days before an item fell due are about an earlier round.</summary>
    private const int ContactWindowDays = 31;

    public async Task<WorkListResult> GetAsync(DataScope user, WorkListQuery query, CancellationToken ct)
    {
        var today = time.Today();
        var items = await DueAsync(user, query.Village, query.Mine == true, today, today, ct);
        var services = items.Select(i => i.Service).Distinct().Order().Select(s => new Choice(s, WorkListLabels.Service(s))).ToList();
        var kinds = items.Select(i => i.Kind).Distinct().Order().Select(k => new Choice(k, WorkListLabels.Kind(k))).ToList();
        var filtered = items
            .Where(i => string.IsNullOrEmpty(query.Service) || i.Service == query.Service)
            .Where(i => string.IsNullOrEmpty(query.Kind) || i.Kind == query.Kind)
            .OrderByDescending(i => i.Urgent)
            .ThenByDescending(i => i.DaysOverdue(today))
            .ThenBy(i => i.DueDate)
            .ThenBy(i => i.HealthRecordId)
            .ToList();

        var pageSize = Math.Clamp(query.PageSize ?? 50, 1, 200);
        var page = Math.Max(1, query.Page ?? 1);
        var pageItems = filtered.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var rows = await RowsAsync(pageItems, today, ct);
        var villages = await VillagesInScopeAsync(user, ct);
        await audit.WriteAsync(user, "search", null, $"worklist p{page} n{rows.Count}", ct); // a list of residents, like a search
        return new WorkListResult(
            rows,
            filtered.Count,
            filtered.Count(i => i.IsOverdue(today)),
            filtered.Count(i => i.Urgent),
            page,
            pageSize,
            today,
            services,
            kinds,
            villages.Select(v => new Choice(v.Code, v.Name)).ToList());
    }

    /// <summary>How many items are due today or overdue in the user's scope (the home page's 今日待办).</summary>
    public async Task<int> CountTodayAsync(DataScope user, CancellationToken ct)
    {
        var today = time.Today();
        return (await DueAsync(user, null, false, today, today, ct)).Count;
    }

    /// <summary>Items due in the next <see cref="PlannerDays"/> days per village of the user's scope.</summary>
    public async Task<PlannerResult> PlannerAsync(DataScope user, string? service, CancellationToken ct)
    {
        var today = time.Today();
        var until = today.AddDays(PlannerDays - 1);
        var items = (await DueAsync(user, null, false, today, until, ct))
            .Where(i => string.IsNullOrEmpty(service) || i.Service == service)
            .ToList();
        var ids = items.Select(i => i.HealthRecordId).Distinct().ToList();
        var villageOf = await db.HealthRecords.AsNoTracking()
            .Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.VillageCode })
            .ToDictionaryAsync(r => r.Id, r => r.VillageCode, ct);
        var days = Enumerable.Range(0, PlannerDays).Select(today.AddDays).ToList();
        var villages = await VillagesInScopeAsync(user, ct);
        var byVillage = items.Where(i => villageOf.ContainsKey(i.HealthRecordId)).ToLookup(i => villageOf[i.HealthRecordId]);
        var rows = villages
            .Select(v =>
            {
                var its = byVillage[v.Code].ToList();
                // an item still in its window counts on today if its due date has passed
                var perDay = days.Select(d => its.Count(i => !i.IsOverdue(today) && (i.DueDate < today ? today : i.DueDate) == d)).ToList();
                var overdue = its.Count(i => i.IsOverdue(today));
                return new PlannerVillage(v.Code, v.Name, overdue, perDay, overdue + perDay.Sum());
            })
            .Where(v => v.Total > 0 || villages.Count <= 30) // a county-wide planner lists only villages with work
            .ToList();
        return new PlannerResult(today, days, rows);
    }

    /// <summary>Every source's items for active records in scope, due on or before <paramref name="until"/>.</summary>
    /// <remarks>
    /// The sources run through <see cref="ConcurrentQueries"/> (concurrently on PostgreSQL, like the dashboard's
    /// counts), so a list costs about its slowest source; they are stateless and read only through the context given.
    /// </remarks>
    public async Task<List<DueItem>> DueAsync(DataScope user, string? village, bool mine, DateOnly today, DateOnly until, CancellationToken ct)
    {
        IQueryable<HealthRecord> Records(HealthRecordsDbContext context)
        {
            var records = user.Apply(context.HealthRecords.AsNoTracking()).Where(r => r.Status == RecordStatus.Active);
            if (!string.IsNullOrEmpty(village))
            {
                records = records.Where(r => r.VillageCode == village);
            }
            if (mine)
            {
                var me = user.UserId;
                records = records.Where(r => r.ResponsibleDoctorId == me);
            }
            return records;
        }
        var lists = await concurrent.RunAsync(sources
            .Select(source => (Func<HealthRecordsDbContext, Task<IReadOnlyList<DueItem>>>)(context =>
                source.DueAsync(context, Records(context), today, until, ct)))
            .ToList(), ct);
        return lists.SelectMany(l => l).Where(i => i.DueDate <= until).ToList();
    }

    /// <summary>
    /// Every source's items for <paramref name="records"/> (already scoped by the caller and restricted to active
    /// records), due on or before <paramref name="until"/>: the one place the sources are combined.
    /// </summary>
    public async Task<List<DueItem>> DueForAsync(IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var items = new List<DueItem>();
        foreach (var source in sources) // one context: sources run one after another
        {
            items.AddRange((await source.DueAsync(db, records, today, until, ct)).Where(i => i.DueDate <= until));
        }
        return items;
    }

    /// <summary>
    /// One resident's items due within a year (overdue ones included), urgent first then by date: the same rules as the
    /// work list, for the resident's pages. Null when the record is not in the user's scope. Audited as a read.
    /// </summary>
    public async Task<List<DueItem>?> DueOfResidentAsync(DataScope user, long id, CancellationToken ct)
    {
        var inScope = user.Apply(db.HealthRecords).Where(r => r.Id == id);
        if (!await inScope.AnyAsync(ct))
        {
            return null; // like every other read of a resident: out of scope looks like no such record
        }
        var today = time.Today();
        var items = await DueForAsync(inScope.Where(r => r.Status == RecordStatus.Active), today, today.AddYears(1), ct);
        await audit.ReadAsync(user, id, "due-items", ct);
        return items.OrderByDescending(i => i.Urgent).ThenBy(i => i.DueDate).ToList();
    }

    private async Task<List<WorkListRow>> RowsAsync(List<DueItem> items, DateOnly today, CancellationToken ct)
    {
        var ids = items.Select(i => i.HealthRecordId).Distinct().ToList();
        var people = await (from r in db.HealthRecords.AsNoTracking()
                            where ids.Contains(r.Id)
                            join v in db.Villages on r.VillageCode equals v.Code
                            select new { r.Id, r.RecordNumber, r.Name, r.Sex, r.BirthDate, r.VillageCode, VillageName = v.Name, r.Phone })
            .ToDictionaryAsync(p => p.Id, ct);
        var contacts = await db.ContactAttempts.AsNoTracking()
            .Where(c => ids.Contains(c.HealthRecordId))
            .OrderByDescending(c => c.ContactedOn).ThenByDescending(c => c.Id)
            .ToListAsync(ct);
        var rows = new List<WorkListRow>(items.Count);
        foreach (var i in items)
        {
            if (!people.TryGetValue(i.HealthRecordId, out var p))
            {
                continue;
            }
            var mine = contacts.Where(c => About(c, i)).ToList();
            var last = mine.FirstOrDefault();
            rows.Add(new WorkListRow(
                p.Id, p.RecordNumber, p.Name, p.Sex, Age.AgeOn(p.BirthDate, today), p.VillageCode, p.VillageName,
                Masking.Show(p.Phone, isId: false),
                i.Service, WorkListLabels.Service(i.Service), i.Kind, WorkListLabels.Kind(i.Kind), i.Title,
                i.DueDate, i.DaysOverdue(today), i.Urgent, i.Link, i.SourceId,
                last is null ? null : new ContactView(last.Id, last.Outcome, last.Outcome.Label(), last.ContactedOn, last.UserName, last.Note, mine.Count)));
        }
        return rows;
    }

    /// <summary>A contact attempt is about an item when it names the same service, kind and source row, and is of this round.</summary>
    private static bool About(ContactAttempt c, DueItem i) =>
        c.Service == i.Service && c.Kind == i.Kind && c.SourceId == i.SourceId
        && c.ContactedOn >= i.DueDate.AddDays(-ContactWindowDays);

    private async Task<List<(string Code, string Name)>> VillagesInScopeAsync(DataScope user, CancellationToken ct)
    {
        var villages = user.Apply(db.Villages.AsNoTracking());
        var list = await villages.OrderBy(v => v.Code).Select(v => new { v.Code, v.Name }).ToListAsync(ct);
        return list.Select(v => (v.Code, v.Name)).ToList();
    }
}
