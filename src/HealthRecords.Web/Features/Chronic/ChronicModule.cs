using HealthRecords.Domain.Chronic;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>
/// 高血压 and 2型糖尿病患者健康管理: enrolment, follow-ups (one or combined), hypertension and diabetes high-risk screening, their schedules on
/// the work list, six measures, the overview panel, the printed follow-up sheets and the portal's 随访记录.
/// </summary>
public sealed class ChronicModule : ServiceModule
{
    public override string Name => "chronic";
    public override int Order => 50;

    public override void Register(ModuleBuilder module) => module
        .UseCases(typeof(Enrolments), typeof(SaveFollowUp), typeof(Screening), typeof(GlucoseScreening), typeof(ChronicReader))
        .Also(s => s.AddScoped<Examinations.IExaminationProgrammes, ChronicProgrammes>())
        .WorkList<ChronicDueItems>()
        .WorkList<ScreeningDueItems>()
        .WorkList<GlucoseScreeningDueItems>()
        .WorkList<ChronicExaminationDueItems>()
        .Measure(() => new ManagementRate(ChronicMeasures.HypertensionManagementRate, ChronicDisease.Hypertension))
        .Measure(() => new StandardManagementRate(ChronicMeasures.HypertensionStandardManagementRate, ChronicDisease.Hypertension))
        .Measure(() => new ControlRate(ChronicMeasures.HypertensionControlRate, ChronicDisease.Hypertension))
        .Measure(() => new ManagementRate(ChronicMeasures.DiabetesManagementRate, ChronicDisease.Diabetes))
        .Measure(() => new StandardManagementRate(ChronicMeasures.DiabetesStandardManagementRate, ChronicDisease.Diabetes))
        .Measure(() => new ControlRate(ChronicMeasures.DiabetesControlRate, ChronicDisease.Diabetes))
        .ServiceEvents<ChronicServiceEvents>()
        .PortalSection<FollowUpPortalSection>()
        .OverviewPanel<Pages.ChronicPanel>(10)
        .PrintPage<ChronicFollowUp>("/residents/{id}/chronic/print/hypertension", "print-follow-ups", f => f.Disease == ChronicDisease.Hypertension);

    public override Task AddDemoDataAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct) => DemoChronicPatients.EnsureAsync(db, time, ct);

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapChronicApi();
}
