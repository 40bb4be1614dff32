using HealthRecords.Domain.Children;

namespace HealthRecords.Web.Features.Children;

/// <summary>
/// The county's cut-offs and windows of child health management, bound from configuration (<c>Children:GrowthCutOffs</c>,
/// <c>Children:ScreeningCutOffs</c>, <c>Children:CheckupWindows</c>; docs/measures.md); each setting not given keeps the
/// domain's default (<see cref="GrowthCutOffs.Default"/> and the others, where each value's source is stated).
/// </summary>
public sealed record ChildrenSettings(GrowthCutOffs CutOffs, ScreeningCutOffs Screening, CheckupWindows Windows)
{
    public static ChildrenSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Children");
        var settings = new ChildrenSettings(
            section.GetSection("GrowthCutOffs").Get<GrowthCutOffs>() ?? GrowthCutOffs.Default,
            section.GetSection("ScreeningCutOffs").Get<ScreeningCutOffs>() ?? ScreeningCutOffs.Default,
            section.GetSection("CheckupWindows").Get<CheckupWindows>() ?? CheckupWindows.Default);
        if (settings.CutOffs.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("Children:GrowthCutOffs: " + string.Join("; ", problems));
        }
        return settings;
    }
}
