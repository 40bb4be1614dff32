namespace HealthRecords.Web.Features.Households;

/// <summary>家庭: a record's household, its members and living environment (registered once per household).</summary>
public sealed class HouseholdsModule : ServiceModule
{
    public override string Name => "households";
    public override int Order => 15;

    public override void Register(ModuleBuilder module) => module
        .UseCases(typeof(HouseholdService))
        .OverviewPanel<Pages.HouseholdMembersPanel>(20);

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapHouseholdsApi();
}
