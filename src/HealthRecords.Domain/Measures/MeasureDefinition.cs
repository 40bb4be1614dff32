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
public sealed record MeasureDefinition(
    string Code,
    string Name,
    string Service,
    string Numerator,
    string Denominator,
    string Source,
    DenominatorKind DenominatorKind = DenominatorKind.Records,
    string? PrevalenceKey = null);
