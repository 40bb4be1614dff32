using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace HealthRecords.Domain.Immunisation;

/// <summary>
/// An age or interval in the schedule's own units ("0d", "28d", "3m", "18m", "4y", "1y6m"), added to a date the way
/// the schedule reads: years, then months (calendar months: 1月龄 of 31 January is 28/29 February), then days.
/// </summary>
[JsonConverter(typeof(AgeSpanJsonConverter))]
public readonly partial record struct AgeSpan(int Years, int Months, int Days)
{
    public static AgeSpan Zero => default;

    public DateOnly From(DateOnly date) => date.AddYears(Years).AddMonths(Months).AddDays(Days);

    /// <summary>The date <paramref name="date"/> less this span (for "at least … before").</summary>
    public DateOnly Before(DateOnly date) => date.AddDays(-Days).AddMonths(-Months).AddYears(-Years);

    public static AgeSpan Parse(string text) =>
        TryParse(text, out var span) ? span : throw new FormatException($"“{text}” is not an age such as 0d, 28d, 18m, 4y or 1y6m");

    public static bool TryParse(string? text, out AgeSpan span)
    {
        span = default;
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success || m.Length == 0)
        {
            return false;
        }
        static int Part(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        span = new AgeSpan(Part(m.Groups["y"]), Part(m.Groups["m"]), Part(m.Groups["d"]));
        return true;
    }

    /// <summary>The schedule's notation: "18m", "4y", "28d", "1y6m", "0d".</summary>
    public override string ToString()
    {
        var s = (Years > 0 ? $"{Years}y" : "") + (Months > 0 ? $"{Months}m" : "") + (Days > 0 ? $"{Days}d" : "");
        return s.Length == 0 ? "0d" : s;
    }

    /// <summary>The Chinese the schedule prints: "出生时", "18月龄", "4周岁", "28天", "1岁6月龄".</summary>
    public string ToChineseAge() => (Years, Months, Days) switch
    {
        (0, 0, 0) => "出生时",
        (0, 0, var d) => $"{d}天",
        (0, var m, 0) => $"{m}月龄",
        (var y, 0, 0) => $"{y}周岁",
        _ => $"{(Years > 0 ? Years + "岁" : "")}{(Months > 0 ? Months + "月" : "")}{(Days > 0 ? Days + "天" : "")}",
    };

    /// <summary>The Chinese of an interval: "28天", "3个月", "3年".</summary>
    public string ToChineseInterval() =>
        (Years > 0 ? $"{Years}年" : "") + (Months > 0 ? $"{Months}个月" : "") + (Days > 0 || (Years == 0 && Months == 0) ? $"{Days}天" : "");

    [GeneratedRegex(@"^(?:(?<y>\d{1,3})y)?(?:(?<m>\d{1,4})m)?(?:(?<d>\d{1,5})d)?$")]
    private static partial Regex Pattern();
}

internal sealed class AgeSpanJsonConverter : JsonConverter<AgeSpan>
{
    public override AgeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        AgeSpan.TryParse(reader.GetString(), out var span) ? span : throw new JsonException($"“{reader.GetString()}” is not an age such as 0d, 28d, 18m or 4y");

    public override void Write(Utf8JsonWriter writer, AgeSpan value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

/// <summary>One vaccine of the catalogue: the 疫苗 column of 附件1 and a row group of the card (附件2).</summary>
/// <param name="Code">Stable code stored with each dose ("HepB", "JE-I" …).</param>
/// <param name="Name">The card's name, e.g. "乙脑灭活疫苗".</param>
/// <param name="Route">接种途径.</param>
/// <param name="Site">接种部位 as the schedule describes it.</param>
/// <param name="Dosage">接种剂量/剂次.</param>
/// <param name="Injected">An injection: 接种部位 1 左 / 2 右 is recorded (附件2 填表说明 7: 只填写注射用疫苗的接种部位).</param>
/// <param name="Live">A live attenuated vaccine (for the spacing of live injected vaccines).</param>
/// <param name="Other">The card's 其他疫苗 row: the dose names the vaccine in words.</param>
public sealed record VaccineInfo(
    string Code, string Name, string Route, string Site, string Dosage, bool Injected, bool Live, bool Other = false, string? Note = null);

/// <summary>A dose of one series that must follow a dose of another (流脑A+C 第1剂次 ≥ 12 months after 流脑A 第2剂次).</summary>
public sealed record DoseDependency(string Series, int Dose, AgeSpan MinInterval);

/// <summary>One dose of a course: when it is due and what it must respect.</summary>
/// <param name="Number">剂次 within the course.</param>
/// <param name="Vaccines">The vaccines that may give it (麻风 or 麻疹 at 8 months).</param>
/// <param name="Age">The age from which it is due (接种对象月(年)龄).</param>
/// <param name="Until">The end of an age range ("18~24月龄" → 24m): still on time up to it (plus the grace).</param>
/// <param name="OnTimeBefore">The age from which it is late, when the schedule says so exactly (乙肝 第1剂次: 24小时内 → "2d").</param>
/// <param name="MinInterval">At least this long after the previous dose (or <paramref name="IntervalFromDose"/>); the version's default when null.</param>
/// <param name="MaxInterval">At most this long after it (乙脑灭活 第2剂次: 7~10天).</param>
/// <param name="IntervalFromDose">The dose the interval is counted from, when not the previous one (出血热 第3剂次: 第1剂次后6个月).</param>
/// <param name="After">A dose of another series it must follow.</param>
/// <param name="LastAge">From this age the dose is no longer given.</param>
/// <param name="Rule">The 备注 text this dose carries, quoted in messages.</param>
public sealed record DoseRule(
    int Number,
    IReadOnlyList<string> Vaccines,
    AgeSpan Age,
    AgeSpan? Until = null,
    AgeSpan? OnTimeBefore = null,
    AgeSpan? MinInterval = null,
    AgeSpan? MaxInterval = null,
    int? IntervalFromDose = null,
    DoseDependency? After = null,
    AgeSpan? LastAge = null,
    string? Rule = null);

/// <summary>One way of completing a series (乙脑: 减毒活疫苗 2 剂 or 灭活疫苗 4 剂).</summary>
public sealed record Course(string Code, string? Name, IReadOnlyList<DoseRule> Doses);

/// <summary>A line of the schedule: the doses protecting against one disease, possibly by alternative courses.</summary>
/// <param name="Routine">Part of the children's routine programme (its doses are due by age); false for the targeted
/// and emergency vaccines (出血热, 炭疽, 钩体), whose doses are recorded and checked but never listed as due.</param>
public sealed record Series(string Code, string Name, bool Routine, IReadOnlyList<Course> Courses, string? Note = null);

/// <summary>A row group of the printed card: a vaccine and how many dose rows it has (0: as many as needed).</summary>
public sealed record CardRow(string Vaccine, int Rows);

/// <summary>
/// One version of the immunisation schedule (疫苗免疫程序), as data: 004 附件1 is version 1
/// (<c>Data/Immunisation/schedule-nip-2011.json</c>). A county switches to a later national schedule by adding a
/// version (the host stores its JSON; <see cref="ImmunizationSchedules.Parse"/> reads and checks it) without code
/// changes; every dose records the <see cref="Code"/> of the version it was given under.
/// </summary>
public sealed record ImmunizationSchedule
{
    public required string Code { get; init; }
    public int Version { get; init; }
    public required string Name { get; init; }
    public string? Source { get; init; }
    /// <summary>The day the version applies from (a county sets its adoption date).</summary>
    public DateOnly EffectiveFrom { get; init; }
    /// <summary>The pattern a batch number (疫苗批号) must match.</summary>
    public required string BatchPattern { get; init; }
    public string? BatchPatternNote { get; init; }
    /// <summary>The minimum interval between doses of a course where the schedule names none.</summary>
    public AgeSpan DefaultMinInterval { get; init; }
    public string? DefaultMinIntervalNote { get; init; }
    /// <summary>How long after its age (or the end of its age range) a dose is still on time.</summary>
    public AgeSpan OnTimeGrace { get; init; }
    public string? OnTimeGraceNote { get; init; }
    /// <summary>The spacing of two live injected vaccines not given on the same day; null when the version has no such rule.</summary>
    public AgeSpan? LiveSpacing { get; init; }
    public string? LiveSpacingNote { get; init; }
    public required IReadOnlyList<VaccineInfo> Vaccines { get; init; }
    public IReadOnlyList<CardRow> Card { get; init; } = [];
    public required IReadOnlyList<Series> Series { get; init; }

    public VaccineInfo? Vaccine(string? code) => Vaccines.FirstOrDefault(v => string.Equals(v.Code, code, StringComparison.Ordinal));

    public Series? SeriesOf(string seriesCode) => Series.FirstOrDefault(s => s.Code == seriesCode);

    /// <summary>The series whose courses give this vaccine, or null (其他疫苗).</summary>
    public Series? SeriesFor(string vaccineCode) =>
        Series.FirstOrDefault(s => s.Courses.Any(c => c.Doses.Any(d => d.Vaccines.Contains(vaccineCode))));

    /// <summary>The most dose numbers a vaccine can have: its rows on the card, or its doses in the schedule, whichever is more; null for no limit (其他疫苗).</summary>
    public int? MaxDoseNumber(string vaccineCode)
    {
        var rows = Card.FirstOrDefault(r => r.Vaccine == vaccineCode)?.Rows ?? 0;
        var inSchedule = Series.SelectMany(s => s.Courses).SelectMany(c => c.Doses).Count(d => d.Vaccines.Contains(vaccineCode));
        var max = Math.Max(rows, inSchedule);
        return max == 0 ? null : max;
    }

    /// <summary>True when the batch number has the version's format.</summary>
    public bool IsBatchNumber(string? batch) => batch is not null && Regex.IsMatch(batch.Trim(), BatchPattern, RegexOptions.None, TimeSpan.FromSeconds(1));
}

/// <summary>The schedule versions: the built-in ones from <c>Data/Immunisation/</c>, and parsing a county's added version.</summary>
public static class ImmunizationSchedules
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private static readonly Lazy<IReadOnlyList<ImmunizationSchedule>> BuiltInVersions = new(() =>
        Children.DataFile.List("Immunisation")
            .Where(n => n.StartsWith("schedule-", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(Children.DataFile.Open("Immunisation", n));
                var (schedule, problems) = Parse(reader.ReadToEnd());
                return schedule ?? throw new InvalidOperationException($"{n}: {string.Join("; ", problems)}");
            })
            .OrderBy(s => s.EffectiveFrom)
            .ToArray());

    /// <summary>The versions shipped with the product, oldest first.</summary>
    public static IReadOnlyList<ImmunizationSchedule> BuiltIn => BuiltInVersions.Value;

    /// <summary>004 附件1: version 1.</summary>
    public static ImmunizationSchedule Nip2011 => BuiltIn.First(s => s.Code == "nip-2011");

    /// <summary>The version in force on a day: the latest whose <see cref="ImmunizationSchedule.EffectiveFrom"/> is not after it.</summary>
    public static ImmunizationSchedule ApplicableOn(IEnumerable<ImmunizationSchedule> versions, DateOnly day) =>
        versions.Where(v => v.EffectiveFrom <= day).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version).FirstOrDefault()
        ?? versions.OrderBy(v => v.EffectiveFrom).First();

    /// <summary>
    /// Reads a schedule version from JSON and checks it: every vaccine a dose names is in the catalogue, doses numbered
    /// 1, 2, … in each course, a dependency names an existing earlier series and dose, a valid batch pattern. Returns
    /// the schedule, or null with the problems (English: for the administrator adding a version).
    /// </summary>
    public static (ImmunizationSchedule? Schedule, IReadOnlyList<string> Problems) Parse(string json)
    {
        ImmunizationSchedule? s;
        try
        {
            s = JsonSerializer.Deserialize<ImmunizationSchedule>(json, Json);
        }
        catch (JsonException ex)
        {
            return (null, [$"not a schedule: {ex.Message}"]);
        }
        if (s is null)
        {
            return (null, ["empty document"]);
        }
        var problems = Check(s);
        return problems.Count == 0 ? (s, problems) : (null, problems);
    }

    private static List<string> Check(ImmunizationSchedule s)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(s.Code))
        {
            problems.Add("code is required");
        }
        try
        {
            _ = Regex.IsMatch("", s.BatchPattern ?? "", RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            problems.Add($"batchPattern “{s.BatchPattern}” is not a regular expression");
        }
        foreach (var dup in s.Vaccines.GroupBy(v => v.Code).Where(g => g.Count() > 1))
        {
            problems.Add($"vaccine {dup.Key} is listed twice");
        }
        foreach (var row in s.Card.Where(r => s.Vaccine(r.Vaccine) is null))
        {
            problems.Add($"card row names unknown vaccine {row.Vaccine}");
        }
        var seen = new List<Series>();
        foreach (var series in s.Series)
        {
            if (seen.Any(x => x.Code == series.Code))
            {
                problems.Add($"series {series.Code} is listed twice");
            }
            if (series.Courses.Count == 0)
            {
                problems.Add($"series {series.Code} has no course");
            }
            foreach (var course in series.Courses)
            {
                for (var i = 0; i < course.Doses.Count; i++)
                {
                    var d = course.Doses[i];
                    var where = $"series {series.Code} course {course.Code} dose {d.Number}";
                    if (d.Number != i + 1)
                    {
                        problems.Add($"{where}: doses must be numbered 1, 2, … in order");
                    }
                    if (d.Vaccines.Count == 0)
                    {
                        problems.Add($"{where}: names no vaccine");
                    }
                    problems.AddRange(d.Vaccines.Where(v => s.Vaccine(v) is null).Select(v => $"{where}: unknown vaccine {v}"));
                    if (d.IntervalFromDose is int from && (from < 1 || from >= d.Number))
                    {
                        problems.Add($"{where}: intervalFromDose must name an earlier dose");
                    }
                    if (d.After is DoseDependency after && !seen.Any(x => x.Code == after.Series && x.Courses.Any(c => c.Doses.Count >= after.Dose)))
                    {
                        problems.Add($"{where}: after names {after.Series} dose {after.Dose}, which is not an earlier series' dose");
                    }
                }
            }
            seen.Add(series);
        }
        foreach (var v in s.Vaccines.Where(v => !v.Other && s.SeriesFor(v.Code) is null))
        {
            problems.Add($"vaccine {v.Code} is in no series");
        }
        return problems;
    }
}
