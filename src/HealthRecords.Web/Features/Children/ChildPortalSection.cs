using HealthRecords.Domain.Children;
using HealthRecords.Web.Features.Portal;

namespace HealthRecords.Web.Features.Children;

/// <summary>
/// The portal's 儿童健康检查 section for a parent: each check-up's date, weight and length/height with the rating in
/// plain words, the health problems found, a referral, and the next check-up. Nothing staff-only (no z-scores, no
/// override reasons, no doctor's notes).
/// </summary>
public sealed class ChildPortalSection(HealthRecordsDbContext db) : IPortalSection
{
    public string Key => "child-checkups";
    public string Title => "儿童健康检查";
    public int Order => 35;

    public async Task<IReadOnlyList<PortalItem>> LoadAsync(long recordId, CancellationToken ct)
    {
        var rows = await db.Set<ChildCheckupVisit>().AsNoTracking().Where(c => c.HealthRecordId == recordId)
            .OrderByDescending(c => c.VisitDate)
            .Select(c => new { c.Age, c.VisitDate, c.WeightKg, c.HeightCm, c.WeightRating, c.HeightRating, c.Development, c.Problems, c.Referral, c.NextVisitDate })
            .ToListAsync(ct);
        return rows.Select(c =>
        {
            var parts = new List<string>();
            if (c.WeightKg is decimal w)
            {
                parts.Add($"体重 {w:0.0}千克{Rating(c.WeightRating)}");
            }
            if (c.HeightCm is decimal h)
            {
                parts.Add($"身长/身高 {h:0.0}厘米{Rating(c.HeightRating)}");
            }
            if (c.Development.Length > 0)
            {
                parts.Add($"体格发育：{ChildReader.DevelopmentText(c.Development)}");
            }
            if (c.Problems.Length > 0)
            {
                parts.Add($"需要注意：{c.Problems}");
            }
            if (c.Referral)
            {
                parts.Add("医生建议到上级医院进一步检查");
            }
            if (c.NextVisitDate is DateOnly next)
            {
                parts.Add($"下次检查：{next:yyyy-MM-dd}");
            }
            return new PortalItem(c.VisitDate, $"{c.Age.Label()}健康检查", string.Join("，", parts));
        }).ToList();
    }

    /// <summary>上/中/下 in the words a parent reads.</summary>
    private static string Rating(GrowthRating? r) => r switch
    {
        GrowthRating.Upper => "（高于大多数同龄儿童）",
        GrowthRating.Lower => "（低于大多数同龄儿童）",
        GrowthRating.Middle => "（正常范围）",
        _ => "",
    };
}
