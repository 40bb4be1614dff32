namespace HealthRecords.Web.Features.Regions;

public sealed record CountyChoice(string Code, string FullName);

public sealed record TownshipSummary(string Code, string Name, string Kind, int Villages, IReadOnlyList<string> Institutions);

public sealed record CountyView(string Code, string Name, string ProvinceName, string CityName, string Source, DateTime LoadedAtUtc,
    IReadOnlyList<TownshipSummary> Townships);

public sealed record LoadCountyInput(string Code);

/// <summary>An institution as the administrator sees it: what it is, whom it belongs to, the villages it serves.</summary>
public sealed record InstitutionDetail(int Id, string Code, string Name, InstitutionKind Kind, string KindLabel, int? ParentId, string? ParentName,
    string? Address, string? Phone, IReadOnlyList<string> Villages, int Users, int Version);

/// <summary>
/// A new or changed institution. <see cref="Villages"/>: for a township hospital or community health centre, the villages
/// whose area it is (moved to it from their former institution); for a village clinic or station, the villages of its
/// parent's area it serves.
/// </summary>
public sealed record InstitutionInput(string Code, string Name, InstitutionKind Kind, int? ParentId = null, string? Address = null, string? Phone = null,
    IReadOnlyList<string>? Villages = null, int Version = 0);

public sealed record ReferenceChangeView(DateTime AtUtc, string UserName, string Subject, string Field, string? OldValue, string? NewValue);

/// <summary>The county's figures for estimated denominators, with where each comes from (this page, or configuration).</summary>
public sealed record FigureView(string Key, string Label, decimal? Value, string Source, int Version);

public sealed record FiguresView(IReadOnlyList<FigureView> Populations, IReadOnlyList<FigureView> Prevalences);

/// <summary>A figure to set (<c>population:{code}</c> or <c>prevalence:{key}</c>); null clears it (configuration applies again).</summary>
public sealed record FigureInput(string Key, decimal? Value, int Version = 0);

public static class InstitutionKinds
{
    public static string Label(InstitutionKind kind) => kind switch
    {
        InstitutionKind.TownshipHospital => "乡镇卫生院",
        InstitutionKind.CommunityHealthCenter => "社区卫生服务中心",
        InstitutionKind.VillageClinic => "村卫生室",
        InstitutionKind.CommunityHealthStation => "社区卫生服务站",
        InstitutionKind.HealthAuthority => "卫生健康行政部门",
        _ => kind.ToString(),
    };

    /// <summary>Institutions whose area is a set of villages (every village has exactly one).</summary>
    public static bool HasArea(InstitutionKind kind) => kind is InstitutionKind.TownshipHospital or InstitutionKind.CommunityHealthCenter;

    /// <summary>Institutions that belong to a township hospital or centre and serve some of its villages.</summary>
    public static bool IsOutpost(InstitutionKind kind) => kind is InstitutionKind.VillageClinic or InstitutionKind.CommunityHealthStation;
}
