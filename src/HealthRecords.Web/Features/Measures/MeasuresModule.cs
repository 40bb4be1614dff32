using Microsoft.EntityFrameworkCore.Diagnostics;
using MudBlazor;

namespace HealthRecords.Web.Features.Measures;

/// <summary>考核指标: the engine that counts every module's measures, the record-level measures, kept tables.</summary>
public sealed class MeasuresModule : ServiceModule
{
    public override string Name => "measures";
    public override int Order => 21;

    public override void Register(ModuleBuilder module)
    {
        var services = module.Services;
        services.AddSingleton<MeasureDataChanges>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<MeasureDataChanges>());
        services.AddSingleton<MeasurePopulation>();
        services.AddSingleton<KeptMeasureTables>();
        if (CountyTableKeeper.IsOn(module.Configuration))
        {
            services.AddHostedService<CountyTableKeeper>();
        }
        module.UseCases(typeof(GroupPopulations), typeof(MeasureEngine), typeof(MeasureExport))
            .Measure<RecordsRateMeasure>()
            .Measure<ElectronicRecordsRateMeasure>()
            .Measure<RecordsUseRateMeasure>()
            .Menu("/measures", "考核指标", Icons.Material.Filled.BarChart, Policies.Staff, 30);
    }

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapMeasuresApi();
}
