using HealthRecords.Domain.Children;

namespace HealthRecords.Web.Features.Children;

/// <summary>
/// Reads child check-ups through the kernel's reader (in scope or lent, each read audited): one check-up with the
/// system's assessment beside the doctor's form, a child's check-ups with their schedule (<see cref="CheckupSchedule"/>)
/// and the points of the growth chart, and the chart's WHO curves (<see cref="GrowthCharts"/>).
/// </summary>
public sealed class ChildReader(HealthRecordsDbContext db, FormReader forms, ChildrenSettings settings, TimeProvider time)
{
    /// <summary>One check-up, audited as "child-checkup"; null when out of reach.</summary>
    public async Task<ChildCheckupView?> CheckupAsync(DataScope user, long id, CancellationToken ct)
    {
        if (await forms.OneAsync<ChildCheckupVisit>(user, id, "child-checkup", ct) is not { } row)
        {
            return null;
        }
        var child = await db.HealthRecords.AsNoTracking().Where(r => r.Id == row.HealthRecordId).Select(r => new { r.BirthDate, r.Sex }).FirstAsync(ct);
        return View(row, child.BirthDate, child.Sex, settings);
    }

    /// <summary>A check-up just saved by the user, as <see cref="CheckupAsync"/> shows it (the save was audited).</summary>
    public async Task<ChildCheckupView> SavedAsync(ChildCheckupVisit row, CancellationToken ct)
    {
        var child = await db.HealthRecords.AsNoTracking().Where(r => r.Id == row.HealthRecordId).Select(r => new { r.BirthDate, r.Sex }).FirstAsync(ct);
        return View(row, child.BirthDate, child.Sex, settings);
    }

    /// <summary>A child's check-ups, schedule and growth points, audited as "child-health" (unless a panel of an audited page).</summary>
    public async Task<ChildHealthView?> HealthAsync(DataScope user, long recordId, CancellationToken ct, bool audited = true)
    {
        return await forms.ReadAsync(user, recordId, "child-health", ct, audited) == Residents.RecordAccess.None ? null : await LoadAsync(recordId, ct);
    }

    private async Task<ChildHealthView> LoadAsync(long recordId, CancellationToken ct)
    {
        var birth = await db.HealthRecords.AsNoTracking().Where(r => r.Id == recordId).Select(r => r.BirthDate).FirstAsync(ct);
        var rows = await db.Set<ChildCheckupVisit>().AsNoTracking().Where(c => c.HealthRecordId == recordId).OrderBy(c => c.VisitDate)
            .Select(c => new ChildCheckupSummary(c.Id, c.Age, "", c.VisitDate, c.WeightKg, c.HeightCm, c.WeightRating, c.HeightRating, c.Development,
                c.Problems, c.Referral, c.Referral && c.ReferralResultOn == null, c.CreatedByName))
            .ToListAsync(ct);
        var summaries = rows.Select(r => r with { AgeLabel = r.Age.Label(), Development = DevelopmentText(r.Development) }).ToArray();
        var today = time.Today();
        var done = summaries.ToDictionary(s => s.Age);
        var schedule = CheckupItems.Ages.Select(a =>
        {
            var d = CheckupSchedule.Dates(birth, a, settings.Windows);
            var c = done.GetValueOrDefault(a);
            return new ChildScheduleLine(a, a.Label(), d.Target, d.OnTimeEnd, d.AcceptFrom, d.AcceptUntil, c?.Id, c?.VisitDate, c is null && d.OnTimeEnd < today);
        }).ToArray();
        var points = summaries.Select(s => new GrowthPoint(s.VisitDate, WhoGrowth.AgeInDays(birth, s.VisitDate), s.WeightKg, s.HeightCm)).ToArray();
        return new ChildHealthView(recordId, birth, summaries, schedule, points);
    }

    /// <summary>The growth chart of a child, audited as "growth-chart" (unless part of an audited page).</summary>
    public async Task<ChildGrowthChartView?> ChartAsync(DataScope user, long recordId, CancellationToken ct, bool audited = true)
    {
        if (await forms.ReadAsync(user, recordId, "growth-chart", ct, audited) == Residents.RecordAccess.None)
        {
            return null;
        }
        var health = await LoadAsync(recordId, ct);
        var sex = await db.HealthRecords.AsNoTracking().Where(r => r.Id == recordId).Select(r => r.Sex).FirstAsync(ct);
        return Chart(sex, health.BirthDate, health.Points, time.Today());
    }

    /// <summary>
    /// The chart's curves for the child's sex from birth to the end of the year of age the child (or its last point) is
    /// in (at least 1 year, at most 7), a point every 7 days; null curves for a child of unknown sex.
    /// </summary>
    public static ChildGrowthChartView Chart(Sex sex, DateOnly birthDate, IReadOnlyList<GrowthPoint> points, DateOnly today)
    {
        var lastDay = Math.Max(WhoGrowth.AgeInDays(birthDate, today), points.Count == 0 ? 0 : points.Max(p => p.AgeInDays));
        var years = Math.Clamp((int)Math.Ceiling((lastDay + 1) / 365.25), 1, 7);
        var toDay = (int)Math.Round(years * 365.25);
        var step = years <= 1 ? 7 : 14;
        return new ChildGrowthChartView(sex, GrowthCharts.DefaultLines,
            GrowthCharts.ByAge(GrowthIndicator.WeightForAge, sex, 0, Math.Min(toDay, 3652), step),
            GrowthCharts.ByAge(GrowthIndicator.LengthHeightForAge, sex, 0, toDay, step),
            points);
    }

    /// <summary>A stored check-up with the system's assessment of it.</summary>
    public static ChildCheckupView View(ChildCheckupVisit row, DateOnly birthDate, Sex sex, ChildrenSettings settings)
    {
        var form = row.Form;
        var a = CheckupAssessment.Of(form, birthDate, sex, settings.CutOffs, settings.Screening);
        return new ChildCheckupView(row.Id, row.HealthRecordId, row.Age, row.Age.Label(), row.VisitDate, form, Assessment(a),
            row.Referral, row.Referral && row.ReferralResultOn is null ? Domain.Encounters.ReferralRules.FollowUpDue(row.VisitDate) : null,
            row.ReferralResultOn, row.ReferralResult, row.CreatedByName, row.UpdatedAtUtc, row.Version);
    }

    /// <summary>The system's reading of a form, as the API and the page show it.</summary>
    public static ChildAssessmentView Assessment(CheckupAssessment a)
    {
        var z = a.Judgement.ZScores;
        return new ChildAssessmentView(a.AgeInDays, z.WeightForAge, z.LengthHeightForAge, z.WeightForStature,
            z.WeightForStature is null ? null : z.Reference == GrowthReference.Standards2006 ? "身长/身高别体重" : "年龄别BMI",
            a.Judgement.Weight, a.Judgement.Height, a.Judgement.Development,
            a.Problems.Select(p => new ChildProblemView(p.Problem, p.Problem.Label(), p.Action, p.Action.Label(), p.Reason, p.Severe)).ToArray(),
            a.SuggestedGuidance, a.ReferralSuggested, a.SuggestedNextVisit);
    }

    /// <summary>体格发育评价 codes ("2,4") as their labels ("低体重、发育迟缓").</summary>
    public static string DevelopmentText(string codes) =>
        string.Join("、", codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => ((PhysicalDevelopment)int.Parse(c, CultureInfo.InvariantCulture)).Label()));
}
