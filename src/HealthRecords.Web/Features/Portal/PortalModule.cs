using MudBlazor;

namespace HealthRecords.Web.Features.Portal;

/// <summary>居民自助查询: activation, the resident's own record with the services' sections, reported corrections.</summary>
public sealed class PortalModule : ServiceModule
{
    public override string Name => "portal";
    public override int Order => 25;

    public override void Register(ModuleBuilder module)
    {
        module.Services.AddAuthorizationBuilder().AddPolicy(PortalApi.ResidentPolicy, p => p.RequireRole(Roles.Resident).RequireClaim(PortalClaims.Record));
        module.UseCases(typeof(ActivationCodes), typeof(PortalAccounts), typeof(PortalReader), typeof(RecordCorrections))
            .Menu("/records/corrections", "居民报告的更正", Icons.Material.Filled.FactCheck, Policies.Keep, 60);
        // The sections whose services are not built yet; a service's module registers the real one for the same key.
        foreach (var section in PortalSectionKeys.Placeholders)
        {
            module.Services.AddSingleton(section);
        }
    }

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapPortal();
}
