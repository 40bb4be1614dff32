using HealthRecords.Domain.Measures;

namespace HealthRecords.Web.Features.Measures;

/// <summary>How a measure table is broken down.</summary>
public enum MeasureGrouping
{
    Township = 1,
    Village = 2,
    Institution = 3,
    Doctor = 4,
}

/// <summary>The period and breakdown of a measure table (query string of <c>GET /api/measures</c>).</summary>
public record MeasureQuery
{
    /// <summary>The year; this year when omitted.</summary>
    public int? Year { get; init; }
    /// <summary>1–4 for one quarter of the year.</summary>
    public int? Quarter { get; init; }
    /// <summary>1–12 for one month of the year.</summary>
    public int? Month { get; init; }
    /// <summary>township (default), village, institution or doctor.</summary>
    public string? GroupBy { get; init; }
    /// <summary>Only this township (9-digit code): with groupBy=village, its villages.</summary>
    public string? Township { get; init; }
}

/// <summary>One figure of a drill-down: which measure, which side, which group (query of <c>…/residents</c>).</summary>
public sealed record DrillQuery : MeasureQuery
{
    /// <summary>numerator or denominator.</summary>
    public string? Side { get; init; }
    /// <summary>The group's key (township or village code, institution id, doctor's user id or "-" for none); the whole scope when omitted.</summary>
    public string? Key { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <param name="YearToDate">A yearly measure: a period shorter than a year is counted from 1 January to the period's end.</param>
/// <param name="Unit">What its figures count: 人 or 份 (forms).</param>
public sealed record MeasureInfo(string Code, string Name, string Service, string Numerator, string Denominator, string Source, bool Estimated,
    bool YearToDate = false, string Unit = "人")
{
    public static MeasureInfo From(MeasureDefinition d) =>
        new(d.Code, d.Name, d.Service, d.Numerator, d.Denominator, d.Source, d.DenominatorKind == DenominatorKind.EstimatedFromPopulation,
            d.YearToDate, d.Unit);
}

/// <summary>One figure: numerator, denominator (estimated ones are population × prevalence), rate 0–1.</summary>
public sealed record MeasureFigure(string Code, long Numerator, long? Denominator, double? Rate, bool Estimated)
{
    public static MeasureFigure Of(string code, long numerator, long? denominator, bool estimated) =>
        new(code, numerator, denominator, denominator is > 0 ? (double)numerator / denominator.Value : null, estimated);
}

public sealed record MeasureRow(string Key, string Name, IReadOnlyList<MeasureFigure> Figures);

/// <summary>
/// A measure table: when it was counted, whether it is a kept one (<see cref="KeptMeasureTables"/>: a slow count served
/// again) rather than counted for this request, and whether a recount of it is under way.
/// </summary>
public sealed record MeasureTable(
    DateOnly From,
    DateOnly To,
    string GroupBy,
    string? Township,
    IReadOnlyList<MeasureInfo> Measures,
    MeasureRow Total,
    IReadOnlyList<MeasureRow> Rows,
    DateTimeOffset CountedAtUtc,
    bool Kept = false,
    bool Recounting = false);

/// <summary>A resident behind a figure, ID number and phone masked.</summary>
public sealed record MeasureResident(long Id, string RecordNumber, string Name, string Sex, int Age, string Village, string IdNumber, string Phone);

public sealed record MeasureResidents(MeasureInfo Measure, string Side, string GroupName, DateOnly From, DateOnly To, int Total, int Page, int PageSize, IReadOnlyList<MeasureResident> Items);

public sealed record TrendPoint(string Label, DateOnly From, DateOnly To, long Numerator, long? Denominator, double? Rate);

public sealed record MeasureTrend(MeasureInfo Measure, string By, IReadOnlyList<TrendPoint> Points);
