using HealthRecords.Domain.MentalHealth;

namespace HealthRecords.Web.Features.MentalHealth;

/// <summary>
/// 严重精神障碍患者管理 (004 重性精神疾病患者管理服务规范, issue #19 part 1): the register with its 个人信息补充表 and their
/// versions, the follow-ups with the rules' class and next date, the stricter privacy of the diagnosis, the social
/// impact and the police contacts (<see cref="MentalHealthViewers"/>), the work list and demo data. No portal section:
/// nothing of this service is shown to the resident (issue #19).
/// </summary>
public sealed class MentalHealthModule : ServiceModule
{
    public override string Name => "mental-health";
    public override int Order => 58;

    // The service's label is neutral: a work-list line must not disclose the diagnosis to a reader who may not see it.
    // Its kinds (follow-up, annual-examination) are the shared ones, already labelled 随访 / 年度体检.
    public override DueLabels WorkListLabels { get; } = new(
        new Dictionary<string, string> { [MentalHealthSchedule.Service] = "重点人群" },
        new Dictionary<string, string>());

    public override void Register(ModuleBuilder module)
    {
        module
            .UseCases(typeof(SaveMentalHealth), typeof(ReadMentalHealth), typeof(MentalHealthViewers), typeof(MentalHealthStaff))
            .WorkList<MentalHealthDueItems>()
            .ServiceEvents<MentalHealthServiceEvents>()
            .OverviewPanel<Pages.MentalHealthPanel>(47);
        foreach (var measure in MentalHealthMeasure.All)
        {
            module.Measure(measure);
        }
    }

    public override Task AddDemoDataAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct) => DemoMentalHealth.AddAsync(db, time, ct);

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapMentalHealthApi();
}
