using System.Text.RegularExpressions;

namespace HealthRecords.Domain.Tuberculosis;

/// <summary>The phases a 化疗方案 prescribes: months of the intensive (or injection) phase, months after it, and whether intermittent.</summary>
public sealed record RegimenPhases(int IntensiveMonths, int ContinuationMonths, bool Intermittent);

/// <summary>
/// Reads a 化疗方案 written the usual way: phases separated by "/", each opening with its months, drugs by their letters,
/// and an intermittent drug followed by its doses a week ("2HRZE/4HR" daily, 6 months; "2H3R3Z3E3/4H3R3" intermittent;
/// "2HRZES/6HRE" retreatment, 8 months; "6Am-Lfx-PAS-Z/18Lfx-PAS-Z" multidrug-resistant, 24 months). The first phase is
/// the intensive (or injection) one; the rest is the continuation.
/// </summary>
public static partial class Regimens
{
    [GeneratedRegex(@"^(\d{1,2})(\D.*)$")]
    private static partial Regex Phase();

    [GeneratedRegex(@"[A-Za-z]\d")]
    private static partial Regex IntermittentDrug();

    /// <summary>The phases, or null when the text is not a regimen in this notation.</summary>
    public static RegimenPhases? Parse(string? regimen)
    {
        if (string.IsNullOrWhiteSpace(regimen))
        {
            return null;
        }
        var text = Normalise(regimen);
        var parts = text.Split('/');
        var months = new List<int>();
        var intermittent = false;
        foreach (var part in parts)
        {
            var m = Phase().Match(part);
            if (!m.Success || !int.TryParse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 1 or > 36)
            {
                return null;
            }
            months.Add(n);
            intermittent |= IntermittentDrug().IsMatch(m.Groups[2].Value);
        }
        return months.Count < 2 ? null : new RegimenPhases(months[0], months.Skip(1).Sum(), intermittent);
    }

    // Subscript digits (H₃R₃) as digits, full-width slashes and spaces removed.
    private static string Normalise(string s) =>
        new(s.Trim().Replace('／', '/').Where(c => !char.IsWhiteSpace(c))
            .Select(c => c is >= '₀' and <= '₉' ? (char)('0' + (c - '₀')) : c).ToArray());
}

/// <summary>
/// One patient's course of treatment as the medication card, the follow-up intervals and the closing assessment read
/// it: the first day, the phases' months and whether doses are daily or intermittent.
/// </summary>
public sealed record TreatmentCourse(DateOnly Start, int IntensiveMonths, int ContinuationMonths, DosingSchedule Usage)
{
    /// <summary>A course from the card's 治疗开始时间, 化疗方案 and 用法; null when the regimen cannot be read.</summary>
    public static TreatmentCourse? From(DateOnly start, string? regimen, DosingSchedule? usage) =>
        Regimens.Parse(regimen) is RegimenPhases p
            ? new TreatmentCourse(start, p.IntensiveMonths, p.ContinuationMonths, usage ?? (p.Intermittent ? DosingSchedule.Intermittent : DosingSchedule.Daily))
            : null;

    /// <summary>The last day of the intensive (or injection) phase.</summary>
    public DateOnly IntensiveEnd => Start.AddMonths(IntensiveMonths).AddDays(-1);

    /// <summary>The last day of the course as prescribed.</summary>
    public DateOnly PlannedEnd => Start.AddMonths(IntensiveMonths + ContinuationMonths).AddDays(-1);

    /// <summary>The phase on a day of treatment.</summary>
    public TreatmentPhase PhaseOn(DateOnly day) => day <= IntensiveEnd ? TreatmentPhase.Intensive : TreatmentPhase.Continuation;

    /// <summary>治疗月序: the month of treatment a day falls in, 1 from the first day.</summary>
    public int TreatmentMonth(DateOnly day)
    {
        var months = ((day.Year - Start.Year) * 12) + day.Month - Start.Month;
        if (Start.AddMonths(months) > day)
        {
            months--;
        }
        return Math.Max(0, months) + 1;
    }

    /// <summary>
    /// A day a dose is due, from the first day on: every day (每日), or every other day counted from the first (间歇:
    /// 隔日用药). The course's end is not applied here, so a prolonged course keeps its rhythm.
    /// </summary>
    public bool IsDoseDay(DateOnly day) =>
        day >= Start && (Usage == DosingSchedule.Daily || (day.DayNumber - Start.DayNumber) % 2 == 0);

    /// <summary>The days doses are due from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public IEnumerable<DateOnly> DoseDays(DateOnly from, DateOnly to)
    {
        for (var d = from < Start ? Start : from; d <= to; d = d.AddDays(1))
        {
            if (IsDoseDay(d))
            {
                yield return d;
            }
        }
    }

    /// <summary>How many doses a week of this course holds (7 daily, 4 intermittent): "漏服药超过1周" counts this many.</summary>
    public int DosesInAWeek => DoseDays(Start, Start.AddDays(6)).Count();
}
