using HealthRecords.Domain.Measures;
using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.Measures;

/// <summary>
/// Computes every registered <see cref="IMeasure"/> over the user's scope for a period, grouped by township, village,
/// institution or responsible doctor, and lists the residents behind any figure. Counting is done by the database:
/// one grouped count per measure and side. Sides whose SQL is the same (建档率's and 电子建档率's numerators and 使用率's
/// denominator; a disease's managed patients, the denominator of three measures) are counted once; on PostgreSQL the
/// distinct counts of one table run concurrently, each on its own context, up to the processor count.
/// </summary>
public sealed class MeasureEngine(HealthRecordsDbContext db, IEnumerable<IMeasure> measures, MeasurePopulation population, GroupPopulations populations, TimeProvider time, Audit audit,
    ConcurrentQueries concurrent, KeptMeasureTables kept)
{
    /// <summary>The key of the group of records without a responsible doctor.</summary>
    public const string NoDoctor = "-";

    public const string NoDenominatorList = "该指标的分母按辖区常住人口估算，没有对应的居民名单";

    public IReadOnlyList<IMeasure> Measures { get; } = measures.ToList();

    /// <summary>
    /// The measure table for the period, one row per group and a total row for the whole scope. A table that was slow to
    /// count is kept for a few minutes and served again (<see cref="KeptMeasureTables"/>) unless <paramref name="recount"/>.
    /// </summary>
    public async Task<CommandResult<MeasureTable>> TableAsync(DataScope user, MeasureQuery query, CancellationToken ct, bool recount = false)
    {
        if (Parse(query) is { } invalid)
        {
            return invalid.As<MeasureTable>();
        }
        var period = PeriodOf(query);
        var grouping = GroupingOf(query.GroupBy);
        var key = KeyOf(user, query.Township, period, grouping);
        if (!recount && kept.Find(key) is { } keptTable)
        {
            return CommandResult<MeasureTable>.Ok(keptTable);
        }
        var version = kept.Version;
        var started = time.GetTimestamp();
        var counts = await CountAllAsync(user, query.Township, period, grouping, ct);
        var groups = await GroupsAsync(user, grouping, query.Township, counts.SelectMany(c => c.Num.Keys.Concat(c.Den is null ? Enumerable.Empty<string>() : c.Den.Keys)), ct);
        var groupPopulation = await populations.PopulationsAsync(user, grouping, groups.Select(g => g.Key), ct);
        var scopePopulation = await populations.ScopePopulationAsync(user, query.Township, ct);
        var rows = groups.Select(g => new MeasureRow(g.Key, g.Name, counts.Select(c => Figure(c.Measure, c.Num.GetValueOrDefault(g.Key), c.Den?.GetValueOrDefault(g.Key), groupPopulation.GetValueOrDefault(g.Key))).ToList())).ToList();
        var total = new MeasureRow("", "合计", counts.Select(c => Figure(c.Measure, c.Num.Values.Sum(), c.Den?.Values.Sum(), scopePopulation)).ToList());
        var table = new MeasureTable(period.From, period.To, grouping.ToString().ToLowerInvariant(), query.Township,
            Measures.Select(m => MeasureInfo.From(m.Definition)).ToList(), total, rows, time.GetUtcNow());
        kept.Keep(key, table, version, time.GetElapsedTime(started), user, query);
        return CommandResult<MeasureTable>.Ok(table);
    }

    /// <summary>True when a kept table would be served for this query; like a view, this starts its recount when it is stale.</summary>
    public bool IsKept(DataScope user, MeasureQuery query) => Parse(query) is null && kept.Find(KeyOf(user, query)) is not null;

    /// <summary>
    /// The table once the recount under way (<see cref="MeasureTable.Recounting"/>) is done: the page shows a kept table
    /// at once and this one when it is ready.
    /// </summary>
    public async Task<CommandResult<MeasureTable>> AfterRecountAsync(DataScope user, MeasureQuery query, CancellationToken ct)
    {
        if (Parse(query) is { } invalid)
        {
            return invalid.As<MeasureTable>();
        }
        if (kept.RecountOf(KeyOf(user, query)) is { } running && await running.WaitAsync(ct) is { } recounted)
        {
            return CommandResult<MeasureTable>.Ok(recounted);
        }
        return await TableAsync(user, query, ct);
    }

    /// <summary>The residents in the numerator or denominator of one figure, a page at a time, masked. Audited as a search.</summary>
    public async Task<CommandResult<MeasureResidents>> ResidentsAsync(DataScope user, string code, DrillQuery query, CancellationToken ct)
    {
        var drill = await DrillAsync(user, code, query, ct);
        if (!drill.Succeeded)
        {
            return drill.As<MeasureResidents>();
        }
        var (measure, side, groupName, period, records) = drill.Value!;
        var pageSize = Math.Clamp(query.PageSize ?? 50, 1, 200);
        var page = Math.Max(1, query.Page ?? 1);
        var total = await records.CountAsync(ct);
        var items = await ListAsync(records.OrderBy(r => r.VillageCode).ThenBy(r => r.RecordNumber).Skip((page - 1) * pageSize).Take(pageSize), byId: false, ct);
        await audit.WriteAsync(user, "search", null, $"measure:{code}:{side}", ct);
        return CommandResult<MeasureResidents>.Ok(new MeasureResidents(MeasureInfo.From(measure.Definition), side, groupName, period.From, period.To, total, page, pageSize, items));
    }

    /// <summary>Every resident of one figure, in id order, in batches (for the Excel export); reports the share done.</summary>
    public async Task<CommandResult<(MeasureResidents Head, List<MeasureResident> All)>> AllResidentsAsync(
        DataScope user, string code, DrillQuery query, IProgress<double>? progress, CancellationToken ct)
    {
        var drill = await DrillAsync(user, code, query, ct);
        if (!drill.Succeeded)
        {
            return drill.As<(MeasureResidents, List<MeasureResident>)>();
        }
        var (measure, side, groupName, period, records) = drill.Value!;
        var total = await records.CountAsync(ct);
        var all = new List<MeasureResident>(total);
        long last = 0;
        const int batch = 2000;
        while (true)
        {
            var after = last;
            var chunk = await ListAsync(records.Where(r => r.Id > after).OrderBy(r => r.Id).Take(batch), byId: true, ct);
            all.AddRange(chunk);
            progress?.Report(total == 0 ? 1 : Math.Min(1, (double)all.Count / total));
            if (chunk.Count < batch)
            {
                break;
            }
            last = chunk[^1].Id;
        }
        var head = new MeasureResidents(MeasureInfo.From(measure.Definition), side, groupName, period.From, period.To, all.Count, 1, all.Count, []);
        return CommandResult<(MeasureResidents, List<MeasureResident>)>.Ok((head, all));
    }

    /// <summary>A measure over the whole scope, month by month or quarter by quarter of a year, up to today.</summary>
    public async Task<CommandResult<MeasureTrend>> TrendAsync(DataScope user, string code, int? year, string? by, string? township, CancellationToken ct)
    {
        var measure = Measures.FirstOrDefault(m => m.Definition.Code == code);
        if (measure is null)
        {
            return CommandResult<MeasureTrend>.NotFound("没有这个考核指标");
        }
        var today = time.Today();
        var y = year ?? today.Year;
        if (y < 2000 || y > today.Year)
        {
            return CommandResult<MeasureTrend>.Invalid("year", "年份不在可查询范围内");
        }
        var quarterly = by == "quarter";
        if (by is not (null or "month" or "quarter"))
        {
            return CommandResult<MeasureTrend>.Invalid("by", "请选择按月或按季度");
        }
        var scopePopulation = await populations.ScopePopulationAsync(user, township, ct);
        var step = quarterly ? 3 : 1;
        var periods = Enumerable.Range(0, 12 / step).Select(i => new DateOnly(y, 1 + i * step, 1)).Where(from => from <= today)
            .Select(from => new MeasurePeriod(from, from.AddMonths(step).AddDays(-1))).ToList();
        var estimated = DenominatorRecords(db, measure, Scoped(user, township), periods[0]) is null;
        // Every point's numerator and (counted) denominator, side by side on PostgreSQL like the table's counts.
        var counts = await concurrent.RunAsync(periods.SelectMany(period => new[] { true, false }.Where(numerator => numerator || !estimated)
            .Select(numerator => (Func<HealthRecordsDbContext, Task<long>>)(context =>
                SideRecords(context, measure, numerator, Scoped(context, user, township), period).LongCountAsync(ct))))
            .ToList(), ct);
        var perPoint = estimated ? 1 : 2;
        var points = periods.Select((period, i) =>
        {
            var figure = Figure(measure, counts[i * perPoint], estimated ? null : counts[i * perPoint + 1], scopePopulation);
            var label = quarterly ? $"第{(period.From.Month + 2) / 3}季度" : $"{period.From.Month}月";
            return new TrendPoint(label, period.From, period.To, figure.Numerator, figure.Denominator, figure.Rate);
        }).ToList();
        return CommandResult<MeasureTrend>.Ok(new MeasureTrend(MeasureInfo.From(measure.Definition), quarterly ? "quarter" : "month", points));
    }

    // ---- counting the table ----

    /// <summary>
    /// Each measure's grouped numerator and denominator counts. The sides are told apart by their SQL: one that another
    /// side already has is not run again. The distinct counts run through <see cref="ConcurrentQueries"/> (concurrently
    /// on PostgreSQL).
    /// </summary>
    private async Task<List<(IMeasure Measure, Dictionary<string, long> Num, Dictionary<string, long>? Den)>> CountAllAsync(
        DataScope user, string? township, MeasurePeriod period, MeasureGrouping grouping, CancellationToken ct)
    {
        var scoped = Scoped(db, user, township);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<(IMeasure Measure, bool Numerator)>();
        var sides = new List<(IMeasure Measure, int Num, int? Den)>();
        int Key(IMeasure m, bool numerator, IQueryable<HealthRecord> q)
        {
            var sql = q.ToQueryString();
            if (!keys.TryGetValue(sql, out var i))
            {
                i = distinct.Count;
                keys[sql] = i;
                distinct.Add((m, numerator));
            }
            return i;
        }
        foreach (var m in Measures)
        {
            var num = Key(m, true, NumeratorRecords(db, m, scoped, period));
            int? den = DenominatorRecords(db, m, scoped, period) is { } d ? Key(m, false, d) : null;
            sides.Add((m, num, den));
        }

        var results = await concurrent.RunAsync(distinct
            .Select(side => (Func<HealthRecordsDbContext, Task<Dictionary<string, long>>>)(context =>
                CountByAsync(SideRecords(context, side.Measure, side.Numerator, Scoped(context, user, township), period), grouping, ct)))
            .ToList(), ct);
        return sides.Select(s => (s.Measure, results[s.Num], s.Den is int d ? results[d] : null)).ToList();
    }

    private static IQueryable<HealthRecord> SideRecords(HealthRecordsDbContext context, IMeasure m, bool numerator, IQueryable<HealthRecord> scoped, MeasurePeriod period) =>
        numerator ? NumeratorRecords(context, m, scoped, period) : DenominatorRecords(context, m, scoped, period)!;

    // ---- period, grouping, scope ----

    private CommandResult<bool>? Parse(MeasureQuery q)
    {
        var errors = new Dictionary<string, string[]>();
        var thisYear = time.Today().Year;
        if (q.Year is { } y && (y < 2000 || y > thisYear))
        {
            errors["year"] = ["年份不在可查询范围内"];
        }
        if (q.Quarter is { } quarter && quarter is < 1 or > 4)
        {
            errors["quarter"] = ["季度应为1至4"];
        }
        if (q.Month is { } month && month is < 1 or > 12)
        {
            errors["month"] = ["月份应为1至12"];
        }
        if (q.Quarter is not null && q.Month is not null)
        {
            errors["month"] = ["请只选季度或月份之一"];
        }
        if (q.GroupBy is not null && !Enum.TryParse<MeasureGrouping>(q.GroupBy, ignoreCase: true, out _))
        {
            errors["groupBy"] = ["分组应为 township、village、institution 或 doctor"];
        }
        return errors.Count > 0 ? CommandResult<bool>.Invalid(errors) : null;
    }

    private MeasurePeriod PeriodOf(MeasureQuery q)
    {
        var year = q.Year ?? time.Today().Year;
        if (q.Quarter is { } quarter)
        {
            var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
            return new MeasurePeriod(from, from.AddMonths(3).AddDays(-1));
        }
        if (q.Month is { } month)
        {
            var from = new DateOnly(year, month, 1);
            return new MeasurePeriod(from, from.AddMonths(1).AddDays(-1));
        }
        return MeasurePeriod.Year(year);
    }

    /// <summary>The numerator's records: given directly by an <see cref="IRecordSetMeasure"/>, else the scoped records whose id is in it.</summary>
    private static IQueryable<HealthRecord> NumeratorRecords(HealthRecordsDbContext db, IMeasure m, IQueryable<HealthRecord> scoped, MeasurePeriod period)
    {
        period = CountedOver(m, period);
        if (m is IRecordSetMeasure set)
        {
            return set.NumeratorRecords(db, scoped, period);
        }
        var ids = m.Numerator(db, scoped, period);
        return scoped.Where(r => ids.Contains(r.Id));
    }

    /// <summary>The denominator's records, or null when it is estimated from population.</summary>
    private static IQueryable<HealthRecord>? DenominatorRecords(HealthRecordsDbContext db, IMeasure m, IQueryable<HealthRecord> scoped, MeasurePeriod period)
    {
        period = CountedOver(m, period);
        if (m is IRecordSetMeasure set)
        {
            return set.DenominatorRecords(db, scoped, period);
        }
        var ids = m.Denominator(db, scoped, period);
        return ids is null ? null : scoped.Where(r => ids.Contains(r.Id));
    }

    /// <summary>The dates a measure counts for a period: the period, or the year to its end for a yearly measure (Domain <c>MeasureDefinition.CountedOver</c>).</summary>
    private static MeasurePeriod CountedOver(IMeasure m, MeasurePeriod period)
    {
        var (from, to) = m.Definition.CountedOver(period.From, period.To);
        return from == period.From && to == period.To ? period : new MeasurePeriod(from, to);
    }

    /// <summary>What tells one table from another: the user's scope, the township, the period and the grouping.</summary>
    private string KeyOf(DataScope user, MeasureQuery query) => KeyOf(user, query.Township, PeriodOf(query), GroupingOf(query.GroupBy));

    private static string KeyOf(DataScope user, string? township, MeasurePeriod period, MeasureGrouping grouping) =>
        string.Join('|', user.Key, township ?? "", period.From.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            period.To.ToString("yyyyMMdd", CultureInfo.InvariantCulture), grouping);

    private static MeasureGrouping GroupingOf(string? groupBy) =>
        Enum.TryParse<MeasureGrouping>(groupBy, ignoreCase: true, out var g) && Enum.IsDefined(g) ? g : MeasureGrouping.Township;

    private IQueryable<HealthRecord> Scoped(DataScope user, string? township) => Scoped(db, user, township);

    private static IQueryable<HealthRecord> Scoped(HealthRecordsDbContext db, DataScope user, string? township)
    {
        var records = user.Apply(db.HealthRecords.AsNoTracking());
        return string.IsNullOrEmpty(township) ? records : records.Where(r => r.TownshipCode == township);
    }

    private static async Task<Dictionary<string, long>> CountByAsync(IQueryable<HealthRecord> q, MeasureGrouping g, CancellationToken ct)
    {
        switch (g)
        {
            case MeasureGrouping.Village:
                return await q.GroupBy(r => r.VillageCode).Select(x => new { x.Key, N = x.LongCount() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
            case MeasureGrouping.Institution:
                return (await q.GroupBy(r => r.ManagingInstitutionId).Select(x => new { x.Key, N = x.LongCount() }).ToListAsync(ct))
                    .ToDictionary(x => x.Key.ToString(CultureInfo.InvariantCulture), x => x.N);
            case MeasureGrouping.Doctor:
                return (await q.GroupBy(r => r.ResponsibleDoctorId).Select(x => new { x.Key, N = x.LongCount() }).ToListAsync(ct))
                    .ToDictionary(x => x.Key ?? NoDoctor, x => x.N);
            default:
                return await q.GroupBy(r => r.TownshipCode).Select(x => new { x.Key, N = x.LongCount() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        }
    }

    /// <summary>The rows of the table: every group of the scope (with zeros), plus any group the counts found.</summary>
    private async Task<List<(string Key, string Name)>> GroupsAsync(DataScope user, MeasureGrouping g, string? township, IEnumerable<string> counted, CancellationToken ct)
    {
        var villages = populations.VillagesInScope(user);
        if (!string.IsNullOrEmpty(township))
        {
            villages = villages.Where(v => v.TownshipCode == township);
        }
        var keys = counted.ToHashSet();
        switch (g)
        {
            case MeasureGrouping.Village:
            {
                var list = await villages.Select(v => v.Code).ToListAsync(ct);
                keys.UnionWith(list);
                var names = await db.Villages.AsNoTracking().Where(v => keys.Contains(v.Code)).ToDictionaryAsync(v => v.Code, v => v.Name, ct);
                return keys.Order().Select(k => (k, names.GetValueOrDefault(k) ?? k)).ToList();
            }
            case MeasureGrouping.Institution:
            {
                var list = await villages.Select(v => v.InstitutionId).Distinct().ToListAsync(ct);
                keys.UnionWith(list.Select(i => i.ToString(CultureInfo.InvariantCulture)));
                var ids = keys.Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToList();
                var names = await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
                return ids.Order().Select(i => (i.ToString(CultureInfo.InvariantCulture), names.GetValueOrDefault(i) ?? "")).ToList();
            }
            case MeasureGrouping.Doctor:
            {
                var ids = keys.Where(k => k != NoDoctor).ToList();
                var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
                return keys.OrderBy(k => k == NoDoctor ? 1 : 0).ThenBy(k => names.GetValueOrDefault(k), StringComparer.Ordinal)
                    .Select(k => (k, k == NoDoctor ? "未指定责任医生" : names.GetValueOrDefault(k) ?? k)).ToList();
            }
            default:
            {
                var list = await villages.Select(v => v.TownshipCode).Distinct().ToListAsync(ct);
                keys.UnionWith(list);
                var names = await db.Townships.AsNoTracking().Where(t => keys.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Name, ct);
                return keys.Order().Select(k => (k, names.GetValueOrDefault(k) ?? k)).ToList();
            }
        }
    }

    private MeasureFigure Figure(IMeasure m, long numerator, long? counted, long? groupPopulation)
    {
        var estimated = m.Definition.DenominatorKind == DenominatorKind.EstimatedFromPopulation;
        var denominator = estimated ? MeasurePopulation.Estimate(groupPopulation, population.Prevalence(m.Definition.PrevalenceKey)) : counted ?? 0;
        return MeasureFigure.Of(m.Definition.Code, numerator, denominator, estimated);
    }

    // ---- drill-down ----

    private async Task<CommandResult<(IMeasure Measure, string Side, string GroupName, MeasurePeriod Period, IQueryable<HealthRecord> Records)>> DrillAsync(
        DataScope user, string code, DrillQuery query, CancellationToken ct)
    {
        var measure = Measures.FirstOrDefault(m => m.Definition.Code == code);
        if (measure is null)
        {
            return CommandResult<(IMeasure, string, string, MeasurePeriod, IQueryable<HealthRecord>)>.NotFound("没有这个考核指标");
        }
        if (Parse(query) is { } invalid)
        {
            return invalid.As<(IMeasure, string, string, MeasurePeriod, IQueryable<HealthRecord>)>();
        }
        var side = query.Side ?? "numerator";
        if (side is not ("numerator" or "denominator"))
        {
            return CommandResult<(IMeasure, string, string, MeasurePeriod, IQueryable<HealthRecord>)>.Invalid("side", "请选择分子（numerator）或分母（denominator）");
        }
        var period = PeriodOf(query);
        var grouping = GroupingOf(query.GroupBy);
        var scoped = Scoped(user, query.Township);
        var groupName = "合计";
        if (!string.IsNullOrEmpty(query.Key))
        {
            var key = query.Key;
            switch (grouping)
            {
                case MeasureGrouping.Village:
                    scoped = scoped.Where(r => r.VillageCode == key);
                    break;
                case MeasureGrouping.Institution:
                    if (!int.TryParse(key, CultureInfo.InvariantCulture, out var inst))
                    {
                        return CommandResult<(IMeasure, string, string, MeasurePeriod, IQueryable<HealthRecord>)>.Invalid("key", "机构编号有误");
                    }
                    scoped = scoped.Where(r => r.ManagingInstitutionId == inst);
                    break;
                case MeasureGrouping.Doctor when key == NoDoctor:
                    scoped = scoped.Where(r => r.ResponsibleDoctorId == null);
                    break;
                case MeasureGrouping.Doctor:
                    scoped = scoped.Where(r => r.ResponsibleDoctorId == key);
                    break;
                default:
                    scoped = scoped.Where(r => r.TownshipCode == key);
                    break;
            }
            groupName = (await GroupsAsync(user, grouping, query.Township, [key], ct)).FirstOrDefault(g => g.Key == key).Name ?? key;
        }
        var records = side == "numerator" ? NumeratorRecords(db, measure, scoped, period) : DenominatorRecords(db, measure, scoped, period);
        if (records is null)
        {
            return CommandResult<(IMeasure, string, string, MeasurePeriod, IQueryable<HealthRecord>)>.Invalid("side", NoDenominatorList);
        }
        return CommandResult<(IMeasure, string, string, MeasurePeriod, IQueryable<HealthRecord>)>.Ok((measure, side, groupName, CountedOver(measure, period), records));
    }

    /// <summary>One page of residents; the page was cut in the database, the join may reorder it, so it is sorted again here.</summary>
    private async Task<List<MeasureResident>> ListAsync(IQueryable<HealthRecord> records, bool byId, CancellationToken ct)
    {
        var today = time.Today();
        var rows = await (from r in records
                          join v in db.Villages on r.VillageCode equals v.Code
                          select new { r.Id, r.RecordNumber, r.VillageCode, r.Name, r.Sex, r.BirthDate, Village = v.Name, r.IdNumber, r.Phone })
            .ToListAsync(ct);
        rows = byId ? [.. rows.OrderBy(r => r.Id)] : [.. rows.OrderBy(r => r.VillageCode, StringComparer.Ordinal).ThenBy(r => r.RecordNumber, StringComparer.Ordinal)];
        return rows.Select(r => new MeasureResident(r.Id, r.RecordNumber, r.Name, r.Sex.Label(), Age.AgeOn(r.BirthDate, today), r.Village,
            Masking.Show(r.IdNumber, isId: true), Masking.Show(r.Phone, isId: false))).ToList();
    }
}
