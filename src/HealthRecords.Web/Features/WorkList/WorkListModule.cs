using MudBlazor;

namespace HealthRecords.Web.Features.WorkList;

/// <summary>工作清单: the union of every module's schedule (<see cref="IDueItemSource"/>) over the user's scope.</summary>
public sealed class WorkListModule : ServiceModule
{
    public override string Name => "worklist";
    public override int Order => 20;

    public override void Register(ModuleBuilder module) => module
        .UseCases(typeof(WorkListQueries), typeof(RecordContact))
        .PortalSection<DueServicesPortalSection>()
        .Menu("/worklist", "工作清单", Icons.Material.Filled.Checklist, Policies.Staff, 20);

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapWorkListApi();
}
