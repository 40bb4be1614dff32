using MudBlazor;

namespace HealthRecords.Web.Features.Access;

/// <summary>档案借阅: requests to read a record outside one's scope, and their approval.</summary>
public sealed class AccessModule : ServiceModule
{
    public override string Name => "access";
    public override int Order => 60;

    public override void Register(ModuleBuilder module) => module
        .UseCases(typeof(AccessRequests))
        .Menu("/access", "档案借阅", Icons.Material.Filled.LockOpen, Policies.Staff, 80)
        .Menu("/access/approve", "借阅审批", Icons.Material.Filled.FactCheck, Policies.ApproveAccessRequests, 90);

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapAccessApi();
}
