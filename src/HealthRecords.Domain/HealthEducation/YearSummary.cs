using System.Text;

namespace HealthRecords.Domain.HealthEducation;

/// <summary>
/// The draft of an institution's year-end health education summary: the figures of the year, the minimums as met or
/// not at the year's end, the contents covered, the plan's completion, and a Chinese text the staff edit.
/// </summary>
/// <param name="PlannedActivities">Activities in the year's plan; null without a plan.</param>
/// <param name="PlannedDone">Planned activities that took place: an activity of the planned form in the planned month.</param>
public sealed record EducationYearSummary(
    int Year,
    int Activities,
    IReadOnlyList<EducationFigure> Figures,
    IReadOnlyList<MinimumProgress> Minimums,
    IReadOnlyList<EducationContent> ContentsCovered,
    IReadOnlyList<EducationContent> ContentsNotCovered,
    int? PlannedActivities,
    int? PlannedDone,
    string Text)
{
    /// <summary>A figure's value by its code.</summary>
    public int this[string code] => Figures.Single(f => f.Code == code).Value;
}

/// <summary>Drafts the year-end summary from the year's records.</summary>
public static class YearSummaries
{
    /// <summary>
    /// The summary's figures and text, drafted from the year's activities, boards, individual education given during
    /// other services, and the plan if there is one. A pure function: the same records give the same draft.
    /// </summary>
    // 004 健康教育 四(四): 每年做好年度健康教育工作的总结评价
    public static EducationYearSummary Draft(
        string institution, InstitutionTier tier, int year, IReadOnlyCollection<ActivityRow> activities,
        IReadOnlyCollection<BulletinBoard> boards, IReadOnlyCollection<IndividualEducation> individual, EducationPlan? plan)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var inYear = activities.Where(a => a.Activity.Date >= from && a.Activity.Date <= to).ToArray();
        var figures = EducationCounting.Figures(inYear, boards, individual, from, to);
        var minimums = EducationMinimums.Progress(tier, year, inYear, boards, to);
        var covered = inYear.SelectMany(a => a.Activity.Contents).Distinct().Order().ToArray();
        var notCovered = Enum.GetValues<EducationContent>().Except(covered).ToArray();
        int? planned = plan?.Activities.Count;
        int? done = plan is null ? null : PlanDone(plan, inYear);
        var summary = new EducationYearSummary(year, inYear.Length, figures, minimums, covered, notCovered, planned, done, "");
        return summary with { Text = Text(institution, summary) };
    }

    /// <summary>Planned (month, form) pairs matched by activities of that form in that month, each activity used once.</summary>
    private static int PlanDone(EducationPlan plan, IReadOnlyCollection<ActivityRow> activities)
    {
        var held = activities.Where(a => a.Activity.Form is not null)
            .GroupBy(a => (a.Activity.Date!.Value.Month, a.Activity.Form!.Value)).ToDictionary(g => g.Key, g => g.Count());
        return plan.Activities.GroupBy(p => (p.Month, p.Form))
            .Sum(g => Math.Min(g.Count(), held.GetValueOrDefault(g.Key)));
    }

    private static string Text(string institution, EducationYearSummary s)
    {
        var t = new StringBuilder();
        t.AppendLine($"{institution}{s.Year}年健康教育工作总结（初稿）");
        t.AppendLine();
        t.AppendLine("一、工作开展情况");
        t.AppendLine($"全年共开展健康教育活动{s.Activities}次。发放健康教育印刷资料{s["printed-kinds"]}种{s["printed-copies"]}份；"
            + $"播放音像资料{s["audio-video-kinds"]}种{s["audio-video-plays"]}次，累计{s["audio-video-minutes"]}分钟；"
            + $"现有面积不少于2平方米的宣传栏{s["boards"]}个，全年更换内容{s["board-updates"]}次；"
            + $"举办健康知识讲座{s["lectures"]}次，参加{s["lecture-participants"]}人次；"
            + $"开展公众健康咨询活动{s["consultations"]}次，参加{s["consultation-participants"]}人次；"
            + $"开展个体化健康教育{s["individual-education"]}人次。");
        if (s.ContentsCovered.Count > 0)
        {
            t.AppendLine($"健康教育内容涉及：{string.Join("；", s.ContentsCovered.Select(c => c.Label()))}。");
        }
        if (s.ContentsNotCovered.Count > 0)
        {
            t.AppendLine($"尚未涉及：{string.Join("；", s.ContentsNotCovered.Select(c => c.Label()))}。");
        }
        if (s.Activities > 0)
        {
            t.AppendLine($"含中医药内容的活动{s["tcm-activities"]}次，占全部活动的{s["tcm-activities"] * 100 / s.Activities}%。");
        }
        if (s.PlannedActivities is int planned)
        {
            t.AppendLine($"年度计划安排活动{planned}项，按计划月份完成{s.PlannedDone}项。");
        }
        t.AppendLine();
        t.AppendLine("二、对照服务规范要求");
        foreach (var m in s.Minimums)
        {
            t.AppendLine(m.Met && !m.Behind ? $"{m.Name}：达到要求。{m.Note}。" : $"{m.Name}：未达到要求。{m.Note}。");
        }
        t.AppendLine();
        t.AppendLine("三、存在的问题和下一步打算");
        t.AppendLine("（请填写）");
        return t.ToString();
    }
}
