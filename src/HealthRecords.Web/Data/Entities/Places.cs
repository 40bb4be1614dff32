using HealthRecords.Domain.Regions;

namespace HealthRecords.Web.Data.Entities;

/// <summary>乡镇(街道). Keyed by the 9-digit national statistics code; the record number uses <see cref="SpecCode"/>.</summary>
public sealed class Township
{
    public required string Code { get; set; }
    public required string SpecCode { get; set; }
    public required string Name { get; set; }
    public TownshipKind Kind { get; set; }
}

/// <summary>村(居)委会. Keyed by the 12-digit statistics code; <see cref="SpecCode"/> is the frozen 3-digit segment of record numbers.</summary>
public sealed class Village
{
    public required string Code { get; set; }
    public required string SpecCode { get; set; }
    public required string TownshipCode { get; set; }
    public required string Name { get; set; }
    public VillageKind Kind { get; set; }
    /// <summary>The township hospital or community health centre whose area this village is.</summary>
    public int InstitutionId { get; set; }
}

/// <summary>The kind of a health institution (GLOSSARY: Places and organisations).</summary>
public enum InstitutionKind
{
    TownshipHospital = 1,
    CommunityHealthCenter = 2,
    VillageClinic = 3,
    CommunityHealthStation = 4,
    HealthAuthority = 9,
}

public sealed class Institution
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public InstitutionKind Kind { get; set; }
    /// <summary>The township hospital or centre that manages a village clinic or station.</summary>
    public int? ParentId { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    /// <summary>Optimistic concurrency: an edit from an older version is refused.</summary>
    public int Version { get; set; }
}
