using MudBlazor;

namespace HealthRecords.Web.Features.Residents;

/// <summary>居民健康档案: creating, finding, reading, changing, closing, moving and merging records; the cover and card.</summary>
public sealed class ResidentsModule : ServiceModule
{
    public override string Name => "residents";
    public override int Order => 10;

    public override void Register(ModuleBuilder module) => module
        .UseCases(typeof(RecordNumberAllocator), typeof(DuplicateFinder), typeof(RecordChecks), typeof(ResidentReader), typeof(PrintRecord),
            typeof(CreateResident), typeof(UpdateResident), typeof(ResponsibleDoctors), typeof(DuplicateSweep), typeof(SearchResidents), typeof(ExportResidents), typeof(CloseRecord),
            typeof(TransferRecord), typeof(MergeRecords), typeof(RevealNumbers))
        .Menu("/residents", "查找居民", Icons.Material.Filled.Search, null, 10)
        .Menu("/residents/new", "新建档案", Icons.Material.Filled.PersonAdd, Policies.Edit, 40)
        .Menu("/records/merge", "合并重复档案", Icons.Material.Filled.MergeType, Policies.Keep, 50)
        .Menu("/records/transfers", "档案迁移交接", Icons.Material.Filled.SwapHoriz, Policies.Staff, 70)
        .PrintPage("/residents/{id}/print/cover", "print-cover")
        .PrintPage("/residents/{id}/print/card", "print-card");

    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapResidentsApi();
        app.MapRevealApi();
    }
}
