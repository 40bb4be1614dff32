namespace HealthRecords.Domain.HealthEducation;

/// <summary>
/// 健康教育年度工作计划 (004 健康教育 四(三): 制定健康教育年度工作计划，保证其可操作性和可实施性): one per institution and
/// year — the goals, the staff and their training, the partners, and the activities planned month by month.
/// </summary>
public sealed record EducationPlan
{
    public int Year { get; init; }
    /// <summary>工作目标.</summary>
    public string? Goals { get; init; }
    /// <summary>专(兼)职人员 (004 健康教育 四(一)).</summary>
    public string? Staff { get; init; }
    /// <summary>Planned training hours of the staff in the year (四(一): 每年接受 … 培训不少于8学时).</summary>
    public decimal? StaffTrainingHours { get; init; }
    /// <summary>协作单位: 乡镇政府、街道办事处、村(居)委会、社会团体 … (四(五)).</summary>
    public string? Partners { get; init; }
    /// <summary>The activities planned.</summary>
    public IReadOnlyList<PlannedActivity> Activities { get; init; } = [];
    /// <summary>Anything else (budget, materials to order, evaluation).</summary>
    public string? Notes { get; init; }
}

/// <summary>One planned activity: the month, the form, the topic, its content item and whether it has TCM content.</summary>
public sealed record PlannedActivity(int Month, ActivityForm Form, string Topic, EducationContent? Content = null, bool TcmContent = false);

/// <summary>The plan against the specification's minimums, and its checks.</summary>
public static class EducationPlans
{
    /// <summary>每年接受健康教育专业知识和技能培训不少于8学时 (staff of township hospitals and community centres).</summary>
    public const decimal MinimumTrainingHours = 8m;

    /// <summary>
    /// Where a plan falls short of 004's minimums, as Chinese sentences keyed by the plan's JSON path: lectures in every
    /// period, 9 consultation events (centre), 12 printed and 6 audio-video topics, a board change in every two-month
    /// block (January–February …), 8 training hours (centre). A plan may still be saved; the page shows these beside it.
    /// </summary>
    // 004 健康教育 四(三): 年度工作计划 … 保证其可操作性和可实施性 — checked against 二(二) and 四(一)
    public static IReadOnlyDictionary<string, string[]> Shortfalls(EducationPlan plan, InstitutionTier tier)
    {
        var e = new FieldErrors();
        var gaps = Gaps(plan, ActivityForm.Lecture, EducationMinimums.LectureMonths(tier));
        if (gaps.Length > 0)
        {
            e.Add("activities", $"以下时段未安排健康知识讲座：{string.Join("、", gaps)}");
        }
        var consultations = plan.Activities.Count(a => a.Form == ActivityForm.ConsultationEvent);
        if (EducationMinimums.HasConsultationMinimum(tier) && consultations < EducationMinimums.ConsultationEvents)
        {
            e.Add("activities", $"公众健康咨询活动安排了{consultations}次，全年至少{EducationMinimums.ConsultationEvents}次");
        }
        Topics(e, plan, ActivityForm.PrintedMaterial, EducationMinimums.PrintedMaterialKinds, "印刷资料");
        Topics(e, plan, ActivityForm.AudioVideo, EducationMinimums.AudioVideoKinds, "音像资料");
        var boardGaps = Gaps(plan, ActivityForm.BulletinBoard, BulletinBoards.UpdateEveryMonths);
        if (boardGaps.Length > 0)
        {
            e.Add("activities", $"宣传栏内容应每2个月至少更换1次，以下时段未安排：{string.Join("、", boardGaps)}");
        }
        if (tier == InstitutionTier.Centre && (plan.StaffTrainingHours ?? 0) < MinimumTrainingHours)
        {
            e.Add("staffTrainingHours", $"专（兼）职人员每年接受健康教育培训不少于{MinimumTrainingHours}学时");
        }
        return e;
    }

    /// <summary>The periods of <paramref name="months"/> months (January first) with no planned activity of the form.</summary>
    private static string[] Gaps(EducationPlan plan, ActivityForm form, int months)
    {
        var planned = plan.Activities.Where(a => a.Form == form).Select(a => (a.Month - 1) / months).ToHashSet();
        return Enumerable.Range(0, 12 / months).Where(p => !planned.Contains(p))
            .Select(p => EducationMinimums.PeriodName(p * months + 1, months)).ToArray();
    }

    private static void Topics(FieldErrors e, EducationPlan plan, ActivityForm form, int minimum, string label)
    {
        var topics = plan.Activities.Where(a => a.Form == form).Select(a => a.Topic.Trim()).Distinct().Count();
        if (topics < minimum)
        {
            e.Add("activities", $"{label}安排了{topics}种，全年不少于{minimum}种");
        }
    }

    /// <summary>Checks the plan's own fields: year, months, forms and topics.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(EducationPlan plan, DateOnly today)
    {
        var e = new FieldErrors();
        e.PlanYear("year", plan.Year, today);
        e.OptionalText("goals", plan.Goals, "工作目标", 2000);
        e.OptionalText("staff", plan.Staff, "专（兼）职人员", 200);
        e.Range("staffTrainingHours", plan.StaffTrainingHours, 0m, 500m, "培训", "学时");
        e.OptionalText("partners", plan.Partners, "协作单位", 500);
        e.OptionalText("notes", plan.Notes, "其他", 2000);
        for (var i = 0; i < plan.Activities.Count; i++)
        {
            var a = plan.Activities[i];
            e.Range($"activities[{i}].month", (int?)a.Month, 1, 12, "月份", "月");
            e.Coded($"activities[{i}].form", (ActivityForm?)a.Form, "活动形式");
            e.RequiredText($"activities[{i}].topic", a.Topic, "活动主题", 100);
            e.Coded($"activities[{i}].content", a.Content, "健康教育内容");
        }
        return e;
    }
}
