using HealthRecords.Domain.Chronic;
using HealthRecords.Web.Features.Portal;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>The portal's 随访记录: a resident reads their own hypertension and diabetes follow-ups in plain words.</summary>
public sealed class FollowUpPortalSection(HealthRecordsDbContext db) : IPortalSection
{
    public string Key => PortalSectionKeys.FollowUps;
    public string Title => "随访记录";
    public int Order => 30;

    public async Task<IReadOnlyList<PortalItem>> LoadAsync(long recordId, CancellationToken ct)
    {
        var rows = await db.Set<ChronicFollowUp>().AsNoTracking().Where(f => f.HealthRecordId == recordId)
            .OrderByDescending(f => f.VisitDate).Take(40)
            .Select(f => new { f.VisitDate, f.Disease, f.Systolic, f.Diastolic, f.FastingGlucose, f.Classification, f.NextVisitDate, f.Referral })
            .ToListAsync(ct);
        return rows.Select(f =>
        {
            var parts = new List<string>();
            if (f.Systolic is int s && f.Diastolic is int d)
            {
                parts.Add($"血压 {s}/{d} mmHg");
            }
            if (f.FastingGlucose is decimal g)
            {
                parts.Add($"空腹血糖 {g} mmol/L");
            }
            parts.Add(f.Classification.Label());
            if (f.Referral)
            {
                parts.Add("已建议转诊");
            }
            parts.Add($"下次随访 {f.NextVisitDate:yyyy-MM-dd}");
            return new PortalItem(f.VisitDate, $"{f.Disease.Label()}随访", string.Join("；", parts));
        }).ToList();
    }
}
