namespace HealthRecords.Web.Features.WorkList;

/// <summary>
/// Chinese labels of the work list's services and kinds: the shared ones (<see cref="DueServices"/>, <see cref="DueKinds"/>)
/// and those each module declares (<see cref="ServiceModule.WorkListLabels"/>).
/// </summary>
public static class WorkListLabels
{
    public static readonly IReadOnlyDictionary<string, string> Services = new Dictionary<string, string>
    {
        [DueServices.Hypertension] = "高血压",
        [DueServices.Diabetes] = "2型糖尿病",
        [DueServices.Referral] = "转诊",
        [DueServices.Elderly] = "老年人",
        [DueServices.Examination] = "健康体检",
        [DueServices.Screening] = "筛查",
    }.WithModules(m => m.Services);

    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        [DueKinds.FollowUp] = "随访",
        [DueKinds.ReferralFollowUp] = "转诊后随访",
        [DueKinds.ScreeningRecheck] = "筛查复测",
        [DueKinds.NeverFollowedUp] = "本年未随访",
        [DueKinds.AnnualExamination] = "年度体检",
        [DueKinds.Reminder] = "提醒",
    }.WithModules(m => m.Kinds);

    private static Dictionary<string, string> WithModules(this Dictionary<string, string> shared, Func<DueLabels, IReadOnlyDictionary<string, string>> part)
    {
        foreach (var (key, label) in ModuleCatalog.HostModules.SelectMany(m => part(m.WorkListLabels)))
        {
            shared.Add(key, label); // a key declared twice is a start-up error, not a silent relabel
        }
        return shared;
    }

    public static string Service(string service) => Services.TryGetValue(service, out var l) ? l : service;
    /// <summary>Labels of kinds made per item, by prefix (declared by the modules).</summary>
    private static readonly IReadOnlyList<KeyValuePair<string, string>> KindPrefixes =
        ModuleCatalog.HostModules.SelectMany(m => m.WorkListLabels.KindPrefixes).ToList();

    public static string Kind(string kind) => Kinds.TryGetValue(kind, out var l) ? l
        : KindPrefixes.FirstOrDefault(p => kind.StartsWith(p.Key, StringComparison.Ordinal)).Value ?? kind;
}
