using MudBlazor;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>
/// 健康体检表 (004 附件4) and 老年人健康管理: the form, its history on the overview, the 65+ list, the annual examination
/// on the work list, two measures, the portal's 健康体检. The module to copy for a new service.
/// </summary>
public sealed class ExaminationsModule : ServiceModule
{
    public override string Name => "examinations";
    public override int Order => 40;

    public override void Register(ModuleBuilder module) => module
        .UseCases(typeof(ExaminationChecks), typeof(DraftExamination), typeof(CreateExamination), typeof(UpdateExamination),
            typeof(ReadExaminations), typeof(ElderlyList))
        .WorkList<ElderlyDueItems>()
        .Measure<ElderlyManagementRateMeasure>()
        .Measure<ExaminationCompletenessMeasure>()
        .ServiceEvents<ExaminationServiceEvents>()
        .PortalSection<ExaminationPortalSection>()
        .Menu("/elderly", "老年人健康管理", Icons.Material.Filled.Elderly, Policies.Staff, 130)
        .OverviewPanel<Pages.ExaminationHistory>(40)
        .PrintPage<Examination>("/examinations/{formId}/print", "print-examination");

    public override Task AddDemoDataAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct) => DemoExaminations.AddAsync(db, time, ct);

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapExaminationsApi();
}
