namespace HealthRecords.Web.Features.WorkList;

/// <summary>Chinese labels of the work list's services and kinds (<see cref="DueServices"/>, <see cref="DueKinds"/>).</summary>
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
        ["immunisation"] = "预防接种",
        ["maternal"] = "孕产妇", // Features/Maternal (issue #17)
        ["newborn"] = "新生儿",
    };

    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        [DueKinds.FollowUp] = "随访",
        [DueKinds.ReferralFollowUp] = "转诊后随访",
        [DueKinds.ScreeningRecheck] = "筛查复测",
        [DueKinds.NeverFollowedUp] = "本年未随访",
        [DueKinds.AnnualExamination] = "年度体检",
        [DueKinds.Reminder] = "提醒",
        ["prenatal-1"] = "第1次产前随访", ["prenatal-2"] = "第2次产前随访", ["prenatal-3"] = "第3次产前随访", // Features/Maternal (issue #17)
        ["prenatal-4"] = "第4次产前随访", ["prenatal-5"] = "第5次产前随访", ["postpartum-visit"] = "产后访视",
        ["postpartum-42"] = "产后42天健康检查", ["newborn-visit"] = "新生儿家庭访视",
    };

    public static string Service(string service) => Services.TryGetValue(service, out var l) ? l : service;
    public static string Kind(string kind) => Kinds.TryGetValue(kind, out var l) ? l
        : kind.StartsWith("vaccine:", StringComparison.Ordinal) ? "应种疫苗" // Domain ImmunizationPlanner's "vaccine:<series>:<dose>"
        : kind;
}
