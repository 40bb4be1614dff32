using HealthRecords.Web.Features.Measures;

namespace HealthRecords.Web.Features.Regions;

/// <summary>
/// The county's figures as the measures read them: a copy of <see cref="CountyFigure"/> kept for a minute (refreshed
/// at once after a change on this server), so estimated denominators need no query of their own.
/// </summary>
public sealed class CountyFigureStore(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private IReadOnlyDictionary<string, decimal>? figures;
    private DateTimeOffset loadedAt;

    public decimal? Get(string key) => Current().TryGetValue(key, out var v) ? v : null;

    public void Invalidate()
    {
        lock (gate) { figures = null; }
    }

    private IReadOnlyDictionary<string, decimal> Current()
    {
        lock (gate)
        {
            if (figures is not null && time.GetUtcNow() - loadedAt < MaxAge)
            {
                return figures;
            }
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        var loaded = db.Set<CountyFigure>().AsNoTracking().ToDictionary(f => f.Key, f => f.Value);
        lock (gate)
        {
            figures = loaded;
            loadedAt = time.GetUtcNow();
            return loaded;
        }
    }
}

/// <summary>
/// The administrator's page of the county's resident population (常住人口, per township and optionally per village) and
/// prevalences (患病率) for estimated denominators. A figure set here takes precedence over configuration
/// (<c>Measures:Population:*</c>, <c>Measures:Prevalence:*</c>), which remains the fallback; every change is kept as history.
/// </summary>
public sealed class CountyFiguresAdmin(HealthRecordsDbContext db, CountyFigureStore store, IConfiguration config, IEnumerable<IMeasure> measures, TimeProvider time)
{
    public const string PopulationPrefix = "population:";
    public const string PrevalencePrefix = "prevalence:";

    public async Task<FiguresView> ViewAsync(CancellationToken ct)
    {
        var stored = await db.Set<CountyFigure>().AsNoTracking().ToDictionaryAsync(f => f.Key, ct);
        FigureView View(string key, string label, string configKey)
        {
            if (stored.TryGetValue(key, out var f))
            {
                return new FigureView(key, label, f.Value, "本页", f.Version);
            }
            return decimal.TryParse(config[configKey], NumberStyles.Float, CultureInfo.InvariantCulture, out var c)
                ? new FigureView(key, label, c, "配置文件", 0)
                : new FigureView(key, label, null, "未设置", 0);
        }
        var townships = await db.Townships.AsNoTracking().OrderBy(t => t.Code).Select(t => new { t.Code, t.Name }).ToListAsync(ct);
        var villageKeys = stored.Keys.Where(k => k.StartsWith(PopulationPrefix, StringComparison.Ordinal) && k.Length == PopulationPrefix.Length + 12).Select(k => k[PopulationPrefix.Length..]).ToList();
        var villages = await db.Villages.AsNoTracking().Where(v => villageKeys.Contains(v.Code)).OrderBy(v => v.Code).Select(v => new { v.Code, v.Name }).ToListAsync(ct);
        var populations = townships.Select(t => View(PopulationPrefix + t.Code, t.Name, $"Measures:Population:{t.Code}"))
            .Concat(villages.Select(v => View(PopulationPrefix + v.Code, v.Name, $"Measures:Population:{v.Code}"))).ToList();
        var prevalences = PrevalenceKeys().Select(p => View(PrevalencePrefix + p.Key, p.Label, $"Measures:Prevalence:{p.Key}")).ToList();
        return new FiguresView(populations, prevalences);
    }

    /// <summary>The prevalence keys the registered measures estimate with (and any configured), labelled by their measures.</summary>
    private IReadOnlyList<(string Key, string Label)> PrevalenceKeys()
    {
        var keys = measures.Where(m => m.Definition.PrevalenceKey is not null)
            .GroupBy(m => m.Definition.PrevalenceKey!)
            .Select(g => (g.Key, Label: string.Join("、", g.Select(m => m.Definition.Name).Distinct())))
            .ToList();
        foreach (var configured in config.GetSection("Measures:Prevalence").GetChildren().Where(c => keys.All(k => k.Key != c.Key)))
        {
            keys.Add((configured.Key, configured.Key));
        }
        return keys.OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<CommandResult<FigureView>> SetAsync(DataScope admin, FigureInput input, CancellationToken ct)
    {
        if (!admin.Can(Permission.ManageCounty))
        {
            return CommandResult<FigureView>.Forbidden("只有系统管理员可以修改常住人口与患病率");
        }
        var key = input.Key?.Trim() ?? "";
        string label;
        if (key.StartsWith(PopulationPrefix, StringComparison.Ordinal))
        {
            var code = key[PopulationPrefix.Length..];
            var name = code.Length == 9
                ? await db.Townships.Where(t => t.Code == code).Select(t => t.Name).FirstOrDefaultAsync(ct)
                : await db.Villages.Where(v => v.Code == code).Select(v => v.Name).FirstOrDefaultAsync(ct);
            if (name is null)
            {
                return CommandResult<FigureView>.Invalid("key", "没有这个乡镇(街道)或村(居)委会");
            }
            if (input.Value is { } n && (n < 0 || n > 100_000_000 || n != decimal.Truncate(n)))
            {
                return CommandResult<FigureView>.Invalid("value", "常住人口须为0到1亿之间的整数");
            }
            label = name;
        }
        else if (key.StartsWith(PrevalencePrefix, StringComparison.Ordinal) && PrevalenceKeys().FirstOrDefault(p => p.Key == key[PrevalencePrefix.Length..]) is { Key: not null } known)
        {
            if (input.Value is { } p && (p < 0 || p > 1))
            {
                return CommandResult<FigureView>.Invalid("value", "患病率须为0到1之间的小数（例如 0.18 表示 18%）");
            }
            label = known.Label;
        }
        else
        {
            return CommandResult<FigureView>.Invalid("key", "没有这一项");
        }

        var figure = await db.Set<CountyFigure>().FirstOrDefaultAsync(f => f.Key == key, ct);
        if ((figure?.Version ?? 0) != input.Version)
        {
            return CommandResult<FigureView>.Conflict("该数字已被他人修改，请刷新后重试");
        }
        var old = figure?.Value.ToString(CultureInfo.InvariantCulture);
        var now = time.GetUtcNow().UtcDateTime;
        if (input.Value is not { } value)
        {
            if (figure is not null)
            {
                db.Set<CountyFigure>().Remove(figure);
            }
        }
        else if (figure is null)
        {
            figure = new CountyFigure { Key = key, Value = value, Version = 1, ChangedAtUtc = now, ChangedBy = admin.DisplayName };
            db.Set<CountyFigure>().Add(figure);
        }
        else
        {
            figure.Value = value;
            figure.Version++;
            figure.ChangedAtUtc = now;
            figure.ChangedBy = admin.DisplayName;
        }
        db.Set<ReferenceChange>().Add(new ReferenceChange
        {
            AtUtc = now, UserName = admin.DisplayName, Subject = key, Field = label, OldValue = old,
            NewValue = input.Value?.ToString(CultureInfo.InvariantCulture),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return CommandResult<FigureView>.Conflict("该数字已被他人修改，请刷新后重试");
        }
        store.Invalidate();
        var view = await ViewAsync(ct);
        return CommandResult<FigureView>.Ok(view.Populations.Concat(view.Prevalences).FirstOrDefault(f => f.Key == key)
            ?? new FigureView(key, label, input.Value, input.Value is null ? "未设置" : "本页", figure?.Version ?? 0));
    }
}
