using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Features.WorkList;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>
/// An entry of 2型糖尿病高危人群 screening (004 糖尿病 二(一), issue #15 item 6): a fasting glucose measured for
/// screening, and/or the doctor's finding that the resident is (or no longer is) high-risk.
/// </summary>
public sealed class ScreeningGlucose
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    public DateOnly TakenOn { get; set; }
    /// <summary>空腹血糖 in mmol/L; null for an entry that only marks or clears the high-risk finding.</summary>
    public decimal? FastingGlucose { get; set; }
    /// <summary>True: found high-risk; false: no longer high-risk; null: a glucose measured only (<see cref="DiabetesScreening.MarkedOn"/>).</summary>
    public bool? HighRisk { get; set; }
    public string TakenById { get; set; } = "";
    public string TakenByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class ScreeningGlucoseConfiguration : IEntityConfiguration
{
    public void Configure(ModelBuilder b, ModelOptions o) => b.Entity<ScreeningGlucose>(e =>
    {
        e.ToTable("ScreeningGlucoses");
        e.Property(x => x.FastingGlucose).HasPrecision(5, 2);
        e.Property(x => x.TakenById).HasMaxLength(450);
        e.Property(x => x.TakenByName).HasMaxLength(100);
        e.HasOne<HealthRecord>().WithMany().HasForeignKey(x => x.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.HealthRecordId, x.TakenOn });
    });
}

public sealed record GlucoseScreeningInput(DateOnly? TakenOn, decimal? FastingGlucose, bool? HighRisk);

/// <param name="Applies">Not under diabetes management (a patient's glucose is followed up instead).</param>
/// <param name="MarkedOn">The day the resident was found high-risk; null when not marked.</param>
/// <param name="LastFastingGlucoseOn">The latest fasting glucose since the mark: a screening entry or a health examination.</param>
/// <param name="Due">The next yearly fasting glucose of a marked resident.</param>
public sealed record GlucoseScreeningView(
    bool Applies,
    DateOnly? MarkedOn,
    DateOnly? LastFastingGlucoseOn,
    DateOnly? Due,
    IReadOnlyList<GlucoseScreeningEntryView> Entries);

public sealed record GlucoseScreeningEntryView(long Id, DateOnly TakenOn, decimal? FastingGlucose, bool? HighRisk, string TakenByName);

/// <summary>2型糖尿病高危人群 screening of a resident: the entries, the mark and the yearly fasting glucose due.</summary>
public sealed class GlucoseScreening(HealthRecordsDbContext db, Audit audit, ResidentReader reader, TimeProvider time)
{
    public async Task<GlucoseScreeningView?> ReadAsync(DataScope user, long recordId, CancellationToken ct)
    {
        if (!await reader.MayReadAsync(user, recordId, ct))
        {
            return null;
        }
        await audit.ReadAsync(user, recordId, "diabetes-screening", ct);
        return await ViewAsync(recordId, ct);
    }

    public async Task<CommandResult<GlucoseScreeningView>> AddAsync(DataScope user, long recordId, GlucoseScreeningInput input, CancellationToken ct)
    {
        if (await Screening.RefusalAsync<GlucoseScreeningView>(db, user, recordId, "您的角色不能录入筛查结果", ct) is { } refused)
        {
            return refused;
        }
        var today = time.Today();
        var on = input.TakenOn ?? today;
        var errors = new FieldErrors();
        if (on > today)
        {
            errors.Add("takenOn", "日期不能晚于今天");
        }
        if (input.FastingGlucose is null && input.HighRisk is null)
        {
            errors.Add("fastingGlucose", "请填写空腹血糖，或勾选是否为糖尿病高危人群");
        }
        errors.Range("fastingGlucose", input.FastingGlucose, PlausibleRanges.FastingGlucoseMmol);
        if (errors.Count > 0)
        {
            return CommandResult<GlucoseScreeningView>.Invalid(errors);
        }
        db.Add(new ScreeningGlucose
        {
            HealthRecordId = recordId, TakenOn = on, FastingGlucose = input.FastingGlucose, HighRisk = input.HighRisk,
            TakenById = user.UserId, TakenByName = user.DisplayName, CreatedAtUtc = time.UtcNow(),
        });
        audit.Add(user, "diabetes-screening", recordId);
        await db.SaveChangesAsync(ct);
        return CommandResult<GlucoseScreeningView>.Ok(await ViewAsync(recordId, ct));
    }

    /// <summary>The screening state of one record (the caller has checked scope).</summary>
    public async Task<GlucoseScreeningView> ViewAsync(long recordId, CancellationToken ct)
    {
        var entries = await db.Set<ScreeningGlucose>().AsNoTracking().Where(s => s.HealthRecordId == recordId)
            .OrderByDescending(s => s.TakenOn).ThenByDescending(s => s.Id).ToListAsync(ct);
        var enrolled = await Enrolments.ActiveDiseases(db, recordId).AnyAsync(d => d == ChronicDisease.Diabetes, ct);
        var marked = DiabetesScreening.MarkedOn(entries.Select(e => (e.TakenOn, e.HighRisk)));
        var last = marked is DateOnly since ? (await GlucoseScreeningDueItems.LastFastingGlucoseAsync(db, [recordId], since, ct)).GetValueOrDefault(recordId) : null;
        var due = enrolled ? null : DiabetesScreening.FastingGlucoseDue(marked, last);
        return new GlucoseScreeningView(!enrolled, marked, last, due?.DueDate,
            entries.Select(e => new GlucoseScreeningEntryView(e.Id, e.TakenOn, e.FastingGlucose, e.HighRisk, e.TakenByName)).ToList());
    }
}

/// <summary>
/// Work-list items of 2型糖尿病高危人群 (004 糖尿病 二(一)): residents in scope marked high-risk and not under diabetes
/// management, each due a fasting glucose a year after the last one (<see cref="DiabetesScreening.FastingGlucoseDue"/>).
/// </summary>
public sealed class GlucoseScreeningDueItems : IDueItemSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(HealthRecordsDbContext db, IQueryable<HealthRecord> records, DateOnly today, DateOnly until, CancellationToken ct)
    {
        var enrolled = db.Set<ChronicEnrolment>().Where(e => e.Disease == ChronicDisease.Diabetes && !e.Withdrawn);
        var marks = await db.Set<ScreeningGlucose>().AsNoTracking()
            .Where(s => s.HighRisk != null && records.Any(r => r.Id == s.HealthRecordId) && !enrolled.Any(e => e.HealthRecordId == s.HealthRecordId))
            .Select(s => new { s.HealthRecordId, s.TakenOn, s.HighRisk })
            .ToListAsync(ct);
        var marked = marks.GroupBy(m => m.HealthRecordId)
            .Select(g => (Id: g.Key, On: DiabetesScreening.MarkedOn(g.Select(m => (m.TakenOn, m.HighRisk)))))
            .Where(m => m.On is not null)
            .ToList();
        if (marked.Count == 0)
        {
            return [];
        }
        var last = await LastFastingGlucoseAsync(db, marked.Select(m => m.Id).ToList(), marked.Min(m => m.On!.Value), ct);
        var items = new List<DueItem>();
        foreach (var (id, on) in marked)
        {
            var due = DiabetesScreening.FastingGlucoseDue(on, last.GetValueOrDefault(id));
            if (due is not null && due.DueDate <= until)
            {
                items.Add(DueItem.From(id, DueServices.Screening, due, $"/residents/{id}/chronic"));
            }
        }
        return items;
    }

    /// <summary>
    /// The day of each resident's latest fasting glucose on or after <paramref name="since"/> (an earlier one does not count
    /// against a mark, <see cref="DiabetesScreening.FastingGlucoseDue"/>): a screening entry or a health examination that measured one.
    /// </summary>
    public static async Task<Dictionary<long, DateOnly?>> LastFastingGlucoseAsync(HealthRecordsDbContext db, IReadOnlyList<long> ids, DateOnly since, CancellationToken ct)
    {
        var screened = await db.Set<ScreeningGlucose>().AsNoTracking()
            .Where(s => ids.Contains(s.HealthRecordId) && s.FastingGlucose != null && s.TakenOn >= since)
            .GroupBy(s => s.HealthRecordId).Select(g => new { Id = g.Key, On = g.Max(s => s.TakenOn) }).ToListAsync(ct);
        // The examination's glucose is inside its document: read the documents of these residents' examinations.
        var examined = (await db.Set<Examinations.Examination>().AsNoTracking()
                .Where(e => ids.Contains(e.HealthRecordId) && e.ExamDate >= since).Select(e => new { e.HealthRecordId, e.ExamDate, e.Form }).ToListAsync(ct))
            .Where(e => ExaminationAsFollowUp.FastingGlucose(e.Form) is not null)
            .GroupBy(e => e.HealthRecordId).Select(g => new { Id = g.Key, On = g.Max(e => e.ExamDate) });
        return screened.Concat(examined).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => (DateOnly?)g.Max(x => x.On));
    }
}
