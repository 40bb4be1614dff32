using HealthRecords.Web.Features.Portal;

namespace HealthRecords.Web.Features.WorkList;

/// <summary>
/// The portal's 近期应做的服务: the resident's own items of the work list (every <see cref="IDueItemSource"/>, the
/// same rules the staff see) due within a year, overdue ones included, told in plain words. Staff-only text (links,
/// contact attempts, urgency flags) is not shown.
/// </summary>
public sealed class DueServicesPortalSection(HealthRecordsDbContext db, WorkListQueries workList, TimeProvider time) : IPortalSection
{
    public string Key => PortalSectionKeys.DueServices;
    public string Title => "近期应做的服务";
    public int Order => 10;

    public async Task<IReadOnlyList<PortalItem>> LoadAsync(long recordId, CancellationToken ct)
    {
        var today = time.Today();
        var records = db.HealthRecords.AsNoTracking().Where(r => r.Id == recordId && r.Status == RecordStatus.Active);
        var items = await workList.DueForAsync(records, today, today.AddYears(1), ct);
        return items
            .OrderBy(i => i.DueDate)
            .Select(i => new PortalItem(i.DueDate, PlainTitle(i), Advice(i, today)))
            .ToList();
    }

    /// <summary>What is due, as a resident would say it.</summary>
    public static string PlainTitle(DueItem item) => item.Kind switch
    {
        DueKinds.AnnualExamination => "年度健康体检（65岁及以上老年人每年一次，免费）",
        DueKinds.ScreeningRecheck => "复测血压（上次血压偏高）",
        DueKinds.Reminder => "测量血压（高危人群每半年一次）",
        DueKinds.ReferralFollowUp when item.Service == DueServices.Screening => "到医院确诊血压情况（多次测得血压偏高）",
        DueKinds.ReferralFollowUp => "转诊后的随访（医生将了解您的转诊结果）",
        _ when item.Service == DueServices.Hypertension => "高血压随访",
        _ when item.Service == DueServices.Diabetes => "糖尿病随访",
        _ => WorkListLabels.Service(item.Service) + WorkListLabels.Kind(item.Kind),
    };

    private static string Advice(DueItem item, DateOnly today)
    {
        var late = item.DaysOverdue(today);
        return late > 0
            ? $"已过应做日期 {late} 天，请尽快联系您的责任医生或到卫生院、村卫生室"
            : "请在此日期前后到卫生院或村卫生室，或等候医生联系您";
    }
}
