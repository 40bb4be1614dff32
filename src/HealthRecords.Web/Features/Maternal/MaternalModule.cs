namespace HealthRecords.Web.Features.Maternal;

/// <summary>
/// 孕产妇健康管理 and the newborn's home visit (004 孕产妇 附件1–4, 0~6岁 附件1): the pregnancy episode and its forms, the
/// baby's visit, their API and demo data.
/// </summary>
public sealed class MaternalModule : ServiceModule
{
    public override string Name => "maternal";
    public override int Order => 55;

    public override void Register(ModuleBuilder module) => module
        .UseCases(typeof(SaveMaternal), typeof(ReadMaternal))
        .WorkList<MaternalDueItems>()
        .WorkList<NewbornDueItems>()
        .OverviewPanel<Pages.MaternalPanel>(45);

    public override Task AddDemoDataAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct) => DemoMaternal.AddAsync(db, time, ct);

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapMaternalApi();
}
