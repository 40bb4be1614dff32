using HealthRecords.Domain.Maternal;
namespace HealthRecords.Web.Features.Maternal;

/// <summary>
/// 孕产妇健康管理 and the newborn's home visit (004 孕产妇 附件1–4, 0~6岁 附件1): the pregnancy episode and its forms, the
/// baby's visit, their API and demo data.
/// </summary>
public sealed class MaternalModule : ServiceModule
{
    public override string Name => "maternal";
    public override int Order => 55;

    public override DueLabels WorkListLabels { get; } = new(
        new Dictionary<string, string> { [MaternalServices.Maternal] = "孕产妇", [MaternalServices.Newborn] = "新生儿" },
        new Dictionary<string, string>
        {
            [MaternalSchedule.PrenatalKind(1)] = "第1次产前随访", [MaternalSchedule.PrenatalKind(2)] = "第2次产前随访",
            [MaternalSchedule.PrenatalKind(3)] = "第3次产前随访", [MaternalSchedule.PrenatalKind(4)] = "第4次产前随访",
            [MaternalSchedule.PrenatalKind(5)] = "第5次产前随访", [MaternalSchedule.PostpartumVisitKind] = "产后访视",
            [MaternalSchedule.Check42Kind] = "产后42天健康检查", [MaternalSchedule.NewbornVisitKind] = "新生儿家庭访视",
        });

    public override void Register(ModuleBuilder module) => module
        .UseCases(typeof(SaveMaternal), typeof(ReadMaternal), typeof(BabyRecords))
        .WorkList<MaternalDueItems>()
        .WorkList<NewbornDueItems>()
        .Measure<EarlyRegistrationMeasure>()
        .Measure<PrenatalCareMeasure>()
        .Measure<PostpartumVisitMeasure>()
        .Measure<NewbornVisitMeasure>()
        .OverviewPanel<Pages.MaternalPanel>(45);

    public override Task AddDemoDataAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct) => DemoMaternal.AddAsync(db, time, ct);

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapMaternalApi();
}
