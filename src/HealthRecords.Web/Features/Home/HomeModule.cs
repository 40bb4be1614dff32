namespace HealthRecords.Web.Features.Home;

/// <summary>The home page's figures.</summary>
public sealed class HomeModule : ServiceModule
{
    public override string Name => "home";
    public override int Order => 63;

    public override void Register(ModuleBuilder module) => module.UseCases(typeof(HomeSummary));
}
