namespace HealthRecords.Web.Features.Regions;

/// <summary>The county's townships, villages and institutions (reference data).</summary>
public sealed class RegionsModule : ServiceModule
{
    public override string Name => "regions";
    public override int Order => 5;

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapRegionsApi();
}
