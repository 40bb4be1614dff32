using HealthRecords.Domain.HealthEducation;

namespace HealthRecords.Domain.HealthSupervision;

/// <summary>The checks of the two registers and the rule that a problem found on patrol is reported.</summary>
public static class SupervisionRules
{
    /// <summary>A patrol that found a problem calls for an information report (the page prompts one, pre-filled).</summary>
    // 004 卫生监督协管 二(三)–(五): 发现异常情况 / 问题隐患 / 相关信息 及时报告
    public static bool NeedsReport(SupervisionPatrol patrol) => patrol.ProblemFound;

    /// <summary>The information category a patrol's problem is reported under; null for other patrols (chosen by hand).</summary>
    public static InformationCategory? CategoryOf(PatrolKind? kind) => kind switch
    {
        PatrolKind.DrinkingWater => InformationCategory.DrinkingWater,
        PatrolKind.School => InformationCategory.SchoolHealth,
        PatrolKind.IllegalPractice => InformationCategory.IllegalPractice,
        _ => null,
    };

    /// <summary>An information report pre-filled from a patrol that found a problem: found that day, at that place.</summary>
    public static SupervisionReport ReportFromPatrol(long patrolId, SupervisionPatrol patrol) => new()
    {
        DiscoveredOn = patrol.PatrolDate,
        Category = CategoryOf(patrol.Kind),
        Place = patrol.Place,
        Content = patrol.ProblemsFound,
        Reporter = patrol.Inspectors,
        PatrolId = patrolId,
    };

    /// <summary>Checks a line of the information register: required lines, the category, dates in order and not in the future.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(SupervisionReport r, DateOnly today)
    {
        var e = new FieldErrors();
        if (r.DiscoveredOn is null)
        {
            e.Add("discoveredOn", "请填写发现时间");
        }
        e.NotFuture("discoveredOn", r.DiscoveredOn, today, "发现时间");
        e.Required("category", r.Category, "信息类别");
        // 附件1 注2: 信息内容 — 注明发现问题（隐患）的地点、内容等有关情况简单描述
        e.RequiredText("place", r.Place, "发现问题（隐患）的地点", 100);
        e.RequiredText("content", r.Content, "信息内容", 1000);
        e.NotFuture("reportedOn", r.ReportedOn, today, "报告时间");
        if (r.ReportedOn is DateOnly reported && r.DiscoveredOn is DateOnly found && reported < found)
        {
            e.Add("reportedOn", "报告时间不能早于发现时间");
        }
        if (r.ReportedOn is not null)
        {
            e.RequiredText("reporter", r.Reporter, "报告人", 30);
        }
        else
        {
            e.OptionalText("reporter", r.Reporter, "报告人", 30);
        }
        e.OptionalText("reportedTo", r.ReportedTo, "报告对象", 60);
        return e;
    }

    /// <summary>Checks a line of the patrol register.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(SupervisionPatrol p, DateOnly today)
    {
        var e = new FieldErrors();
        if (p.PatrolDate is null)
        {
            e.Add("patrolDate", "请填写巡查日期");
        }
        e.NotFuture("patrolDate", p.PatrolDate, today, "巡查日期");
        e.Required("kind", p.Kind, "巡查类别");
        e.OtherText("kindOther", p.Kind == PatrolKind.Other, p.KindOther, "巡查类别");
        e.Coded("waterSupplyType", p.WaterSupplyType, "供水类型");
        if (p.WaterSupplyType is not null && p.Kind != PatrolKind.DrinkingWater)
        {
            e.Add("waterSupplyType", "只有饮用水卫生安全巡查填写供水类型");
        }
        e.RequiredText("place", p.Place, "巡查地点", 100);
        e.RequiredText("content", p.Content, "巡查内容", 500);
        if (p.ProblemFound)
        {
            e.RequiredText("problemsFound", p.ProblemsFound, "发现的主要问题", 1000);
        }
        else if (!string.IsNullOrWhiteSpace(p.ProblemsFound))
        {
            e.Add("problemFound", "填写了发现的问题，请勾选“发现问题”");
        }
        e.RequiredText("inspectors", p.Inspectors, "巡查人", 60);
        e.OptionalText("remarks", p.Remarks, "备注", 200);
        return e;
    }
}
