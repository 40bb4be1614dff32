using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Tcm;

/// <summary>
/// Checks the TCM forms. Errors are keyed by the camelCase JSON path inside the form ("answers[4]",
/// "guidance[1].items") with Chinese messages; an empty result means valid.
/// </summary>
public static class TcmValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(ElderlyTcmRecord r, DateOnly today)
    {
        var e = new FieldErrors();
        if (r.FilledOn == default)
        {
            e.Add("filledOn", "请填写填表日期");
        }
        e.NotFuture("filledOn", r.FilledOn == default ? null : r.FilledOn, today, "填表日期");
        if (r.Answers.Count != TcmQuestions.Count)
        {
            e.Add("answers", $"问卷共{TcmQuestions.Count}题，现有{r.Answers.Count}题的答案");
        }
        for (var i = 0; i < Math.Min(r.Answers.Count, TcmQuestions.Count); i++)
        {
            // third-edition.md §1 (the form's notes): every question must be answered, 1–5
            if (r.Answers[i] is not int a)
            {
                e.Add($"answers[{i}]", $"第{i + 1}题未作答");
            }
            else if (a is < 1 or > 5)
            {
                e.Add($"answers[{i}]", $"第{i + 1}题只能填1–5，不能填{a}");
            }
        }
        Guidance(e, r);
        e.RequiredText("doctor", r.Doctor, "请填写医生签名");
        return e;
    }

    public static IReadOnlyDictionary<string, string[]> Validate(ChildTcmGuidance g, DateOnly birthDate, DateOnly today)
    {
        var e = new FieldErrors();
        if (!ChildTcmRules.IsGuidanceAge(g.AgeMonths))
        {
            e.Add("ageMonths", "儿童中医药健康管理在6、12、18、24、30、36月龄时提供");
        }
        if (g.Date == default)
        {
            e.Add("date", "请填写日期");
        }
        else if (g.Date > today)
        {
            e.Add("date", "日期不能晚于今天");
        }
        else if (ChildTcmRules.IsGuidanceAge(g.AgeMonths) && g.Date < birthDate.AddMonths(g.AgeMonths))
        {
            e.Add("date", $"儿童未满{g.AgeMonths}月龄（{birthDate.AddMonths(g.AgeMonths):yyyy-MM-dd}满），不能记录{g.AgeMonths}月龄的服务");
        }
        if (g.Items.Count == 0)
        {
            e.Add("items", "请勾选提供的中医药健康管理服务");
        }
        e.Ticks("items", g.Items, "中医药健康管理服务", g.Other, "other");
        e.RequiredText("doctor", g.Doctor, "请填写医生签名");
        return e;
    }

    private static void Guidance(FieldErrors e, ElderlyTcmRecord r)
    {
        var found = r.Result?.Found;
        for (var i = 0; i < r.Guidance.Count; i++)
        {
            var g = r.Guidance[i];
            e.Coded($"guidance[{i}].constitution", (TcmConstitution?)g.Constitution, "体质类型");
            if (r.Guidance.Take(i).Any(x => x.Constitution == g.Constitution))
            {
                e.Add($"guidance[{i}].constitution", $"{g.Constitution.Label()}的保健指导重复");
            }
            else if (found is not null && Enum.IsDefined(g.Constitution) && !found.Contains(g.Constitution))
            {
                e.Add($"guidance[{i}].constitution", $"{g.Constitution.Label()}未判定为“是”或“{(g.Constitution == TcmConstitution.Balanced ? "基本是" : "倾向是")}”，不需保健指导");
            }
            if (g.Items.Count == 0)
            {
                e.Add($"guidance[{i}].items", "请勾选中医药保健指导");
            }
            e.Ticks($"guidance[{i}].items", g.Items, "中医药保健指导", g.Other, $"guidance[{i}].other");
        }
        // third-edition.md §1: 中医药保健指导 for each constitution found
        foreach (var c in found ?? [])
        {
            if (!r.Guidance.Any(g => g.Constitution == c))
            {
                e.Add("guidance", $"请为{c.Label()}勾选中医药保健指导");
            }
        }
    }
}
