using MudBlazor;

namespace HealthRecords.Web.Features.AuditLog;

/// <summary>The append-only audit log and its search.</summary>
public sealed class AuditLogModule : ServiceModule
{
    public override string Name => "audit";
    public override int Order => 61;

    public override void Register(ModuleBuilder module) => module
        .UseCases(typeof(AuditQueries))
        .Menu("/audit", "审计日志", Icons.Material.Filled.History, Policies.ReadAuditLog, 100);

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapAuditApi();
}
