namespace HealthRecords.Domain.Measures;

/// <summary>How a measure's denominator is counted.</summary>
public enum DenominatorKind
{
    /// <summary>Records counted by the measure's own query (e.g. patients under management).</summary>
    Records,

    /// <summary>
    /// Estimated: the resident population of the area × a prevalence (1 for measures over the whole population,
    /// e.g. 建档率). Population and prevalence are configured per county (004 考核指标: 辖区内…患者总人数估算).
    /// </summary>
    EstimatedFromPopulation,
}

/// <summary>
/// One 考核指标 of the specification: what it counts and where it is defined. Written once, here in the domain;
/// the host computes it by region, institution, doctor and period from this definition.
/// </summary>
/// <param name="Code">Stable identifier, e.g. "hypertension-management-rate".</param>
/// <param name="Name">Chinese name as in the specification, e.g. "高血压患者健康管理率".</param>
/// <param name="Service">The service it belongs to (same values as the work list's services, or "records").</param>
/// <param name="Numerator">Chinese description of the numerator.</param>
/// <param name="Denominator">Chinese description of the denominator.</param>
/// <param name="Source">Where the specification defines it, e.g. "004 高血压患者健康管理服务规范 五(一)".</param>
/// <param name="DenominatorKind">Counted records, or population × prevalence.</param>
/// <param name="PrevalenceKey">For an estimated denominator: the configuration key of the prevalence
/// ("hypertension", "diabetes"), or null for the whole population.</param>
/// <param name="YearToDate">A yearly measure (its requirement is "per year", e.g. 4 face-to-face visits): a period
/// shorter than a year is counted from 1 January of its year to its end (<see cref="CountedOver"/>).</param>
/// <param name="Unit">What the figures count: 人 (residents) or 份 (forms).</param>
public sealed record MeasureDefinition(
    string Code,
    string Name,
    string Service,
    string Numerator,
    string Denominator,
    string Source,
    DenominatorKind DenominatorKind = DenominatorKind.Records,
    string? PrevalenceKey = null,
    bool YearToDate = false,
    string Unit = "人")
{
    /// <summary>
    /// The dates a period is counted over: the period itself, or for a <see cref="YearToDate"/> measure the year to
    /// the period's end (1 January of the end's year to the end), so a month or quarter never asks for a year's visits.
    /// </summary>
    public (DateOnly From, DateOnly To) CountedOver(DateOnly from, DateOnly to) =>
        YearToDate ? (new DateOnly(to.Year, 1, 1), to) : (from, to);
}
