namespace HealthRecords.Web.Features.Portal;

/// <summary>One line a resident reads in a section: a date, what happened, and a plain-language result.</summary>
public sealed record PortalItem(DateOnly On, string Title, string? Detail);

/// <summary>A section of the resident's own record in the portal, filled from the services' records.</summary>
public sealed record PortalSectionView(string Key, string Title, IReadOnlyList<PortalItem> Items);

/// <summary>
/// A section of the portal page. A service (examinations, follow-ups, vaccinations, due services) adds its section
/// through its module (<c>module.PortalSection&lt;T&gt;()</c>) with the same <see cref="Key"/> as the empty one, which it replaces;
/// it must return only what a resident may read (no staff-only notes).
/// </summary>
public interface IPortalSection
{
    string Key { get; }
    string Title { get; }
    int Order { get; }
    Task<IReadOnlyList<PortalItem>> LoadAsync(long recordId, CancellationToken ct);
}

/// <summary>A section whose service is not built yet: the portal says 暂无记录.</summary>
public sealed class EmptyPortalSection(string key, string title, int order) : IPortalSection
{
    public string Key => key;
    public string Title => title;
    public int Order => order;
    public Task<IReadOnlyList<PortalItem>> LoadAsync(long recordId, CancellationToken ct) => Task.FromResult<IReadOnlyList<PortalItem>>([]);
}

public static class PortalSectionKeys
{
    public const string Examinations = "examinations";
    public const string FollowUps = "follow-ups";
    public const string Vaccinations = "vaccinations";
    public const string DueServices = "due-services";

    /// <summary>The placeholders; a real section registered for the same key wins.</summary>
    public static readonly IReadOnlyList<IPortalSection> Placeholders =
    [
        new EmptyPortalSection(DueServices, "近期应做的服务", 10),
        new EmptyPortalSection(Examinations, "健康体检", 20),
        new EmptyPortalSection(FollowUps, "随访记录", 30),
        new EmptyPortalSection(Vaccinations, "预防接种", 40),
    ];
}
