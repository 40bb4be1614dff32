using HealthRecords.Domain.Children;

namespace HealthRecords.Web.Features.Children;

/// <summary>
/// 0~6岁儿童健康管理 (004 儿童 附件2–4, issue #18's child health part): check-ups from 满月 to 6 years with growth judged
/// against WHO's standards (Domain <c>Children/</c>), their API, work-list items in each check-up's window and referral
/// follow-ups, the overview panel, the entry page with the growth chart.
/// </summary>
public sealed class ChildrenModule : ServiceModule
{
    public override string Name => "children";
    public override int Order => 56;

    public override DueLabels WorkListLabels { get; } = new(
        new Dictionary<string, string> { [ChildDueItems.Service] = "儿童健康管理" },
        new Dictionary<string, string> { [CheckupSchedule.ReferralKind] = "转诊后随访" })
    {
        KindPrefixes = new Dictionary<string, string> { [CheckupSchedule.CheckupKind + ":"] = "儿童健康检查" },
    };

    public override void Register(ModuleBuilder module) => module
        .Also(s => s.AddSingleton(ChildrenSettings.From(module.Configuration)))
        .UseCases(typeof(SaveCheckup), typeof(ChildReader))
        .WorkList<ChildDueItems>()
        .Measure<ChildManagementRateMeasure>()
        .Measure<ChildSystematicManagementRateMeasure>()
        .ServiceEvents<ChildServiceEvents>()
        .PortalSection<ChildPortalSection>()
        .OverviewPanel<Pages.ChildPanel>(34)
        .PrintPage<ChildCheckupVisit>("/residents/{id}/print/child-checkup/{formId}", "print-child-checkup");

    public override Task AddDemoDataAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct) => DemoChildren.AddAsync(db, time, ct);

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapChildrenApi();
}
