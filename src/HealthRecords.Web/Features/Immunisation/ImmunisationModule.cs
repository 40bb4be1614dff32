using HealthRecords.Domain.Immunisation;
using MudBlazor;

namespace HealthRecords.Web.Features.Immunisation;

/// <summary>
/// 预防接种 (004 预防接种服务规范, issue #18's immunisation part): the vaccination card, doses recorded against the
/// versioned schedule (Domain <c>Immunisation/</c>), pre-vaccination checks and contraindications, doses due and
/// overdue on the work list, the card on the resident overview.
/// </summary>
public sealed class ImmunisationModule : ServiceModule
{
    public override string Name => "immunisation";
    public override int Order => 57;

    public override DueLabels WorkListLabels { get; } = new(
        new Dictionary<string, string> { [ImmunisationDueItems.Service] = "预防接种" },
        new Dictionary<string, string>())
    {
        KindPrefixes = new Dictionary<string, string> { [ImmunizationPlanner.DoseKind + ":"] = "应种疫苗" },
    };

    public override void Register(ModuleBuilder module) => module
        .UseCases(typeof(ScheduleVersions), typeof(ImmunisationReader), typeof(SaveVaccinationCard), typeof(SaveDose),
            typeof(SavePreVaccination))
        .WorkList<ImmunisationDueItems>()
        .Measure<CertificateRateMeasure>()
        .OverviewPanel<Pages.ImmunisationPanel>(35);

    public override Task AddDemoDataAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct) => DemoImmunisation.AddAsync(db, time, ct);

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapImmunisationApi();
}
