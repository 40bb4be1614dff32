using HealthRecords.Domain.Immunisation;

namespace HealthRecords.Web.Features.Immunisation;

/// <summary>A schedule version as the administrator sees it.</summary>
public sealed record ScheduleVersionView(string Code, string Name, DateOnly EffectiveFrom, bool BuiltIn, string? Source, int Vaccines, int Series);

/// <summary>A later national schedule the county adds: its JSON (the shape of <c>Data/Immunisation/schedule-nip-2011.json</c>) and the day the county adopts it.</summary>
public sealed record ScheduleVersionInput(string? Json, DateOnly? EffectiveFrom);

/// <summary>
/// The immunisation schedule versions in force in the county: the ones shipped with the product (Domain
/// <see cref="ImmunizationSchedules.BuiltIn"/>, 004 附件1 is version 1) and those the county added as data
/// (<see cref="ImmunizationScheduleVersion"/> rows, each checked by Domain <see cref="ImmunizationSchedules.Parse"/>
/// when added). No code changes: a county CDC adds a version through <c>POST /api/immunisation/schedules</c>; every
/// dose records the code of the version in force on its date (<see cref="ImmunizationSchedules.ApplicableOn"/>).
/// </summary>
public sealed class ScheduleVersions(HealthRecordsDbContext db, Audit audit, TimeProvider time)
{
    private IReadOnlyList<ImmunizationSchedule>? loaded;

    /// <summary>Every version, built-in and added, oldest first (read once per scope).</summary>
    public async Task<IReadOnlyList<ImmunizationSchedule>> AllAsync(CancellationToken ct)
    {
        if (loaded is not null)
        {
            return loaded;
        }
        var rows = await db.Set<ImmunizationScheduleVersion>().AsNoTracking().OrderBy(v => v.Id).ToListAsync(ct);
        var added = rows.Select(r => ImmunizationSchedules.Parse(r.Json).Schedule is { } s ? s with { EffectiveFrom = r.EffectiveFrom } : null)
            .OfType<ImmunizationSchedule>();
        loaded = ImmunizationSchedules.BuiltIn.Where(b => rows.All(r => r.Code != b.Code)).Concat(added)
            .OrderBy(s => s.EffectiveFrom).ToArray();
        return loaded;
    }

    /// <summary>The version in force on a day.</summary>
    public async Task<ImmunizationSchedule> OnAsync(DateOnly day, CancellationToken ct) =>
        ImmunizationSchedules.ApplicableOn(await AllAsync(ct), day);

    /// <summary>The version in force today.</summary>
    public Task<ImmunizationSchedule> CurrentAsync(CancellationToken ct) => OnAsync(time.Today(), ct);

    public async Task<IReadOnlyList<ScheduleVersionView>> ListAsync(CancellationToken ct) =>
        (await AllAsync(ct)).Select(s => new ScheduleVersionView(s.Code, s.Name, s.EffectiveFrom,
            ImmunizationSchedules.BuiltIn.Any(b => b.Code == s.Code), s.Source, s.Vaccines.Count, s.Series.Count)).ToArray();

    /// <summary>
    /// Adds a county's schedule version (system administrator). Refused with the parser's problems under "json", a
    /// code already used, or an adoption day in the past (doses already recorded keep the version they were given under,
    /// so a version may only apply from today on).
    /// </summary>
    public async Task<CommandResult<ScheduleVersionView>> AddAsync(DataScope user, ScheduleVersionInput input, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageCounty))
        {
            return CommandResult<ScheduleVersionView>.Forbidden("只有系统管理员可以增加免疫程序版本");
        }
        var (schedule, problems) = ImmunizationSchedules.Parse(input.Json ?? "");
        if (schedule is null)
        {
            return CommandResult<ScheduleVersionView>.Invalid(new Dictionary<string, string[]>
            {
                ["json"] = problems.Select(p => $"免疫程序数据有误：{p}").ToArray(),
            });
        }
        var from = input.EffectiveFrom ?? schedule.EffectiveFrom;
        if (from < time.Today())
        {
            return CommandResult<ScheduleVersionView>.Invalid("effectiveFrom", "启用日期不能早于今天：已录入的接种记录按当时的免疫程序保存");
        }
        if ((await AllAsync(ct)).Any(s => s.Code == schedule.Code))
        {
            return CommandResult<ScheduleVersionView>.Invalid("json", $"免疫程序版本“{schedule.Code}”已存在");
        }
        db.Add(new ImmunizationScheduleVersion
        {
            Code = schedule.Code, Name = schedule.Name, EffectiveFrom = from, Json = input.Json!,
            AddedById = user.UserId, AddedByName = user.DisplayName, AddedAtUtc = time.UtcNow(),
        });
        audit.Add(user, "immunisation-schedule-add", null, schedule.Code);
        await db.SaveChangesAsync(ct);
        loaded = null;
        return CommandResult<ScheduleVersionView>.Ok(new ScheduleVersionView(schedule.Code, schedule.Name, from, false, schedule.Source,
            schedule.Vaccines.Count, schedule.Series.Count));
    }
}
