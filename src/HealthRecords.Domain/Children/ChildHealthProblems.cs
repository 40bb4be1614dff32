namespace HealthRecords.Domain.Children;

/// <summary>
/// The haemoglobin and vision cut-offs the system flags problems by, with their sources; a county may configure its own
/// (e.g. for altitude, where WHO raises the haemoglobin cut-offs).
/// </summary>
public sealed record ScreeningCutOffs
{
    /// <summary>Anaemia under 4 months: Hb below this (g/L). Source: 《儿科学》(人民卫生出版社) 小儿贫血: 1~4个月 &lt; 90 g/L.</summary>
    public int AnaemiaBelowUnder4Months { get; init; } = 90;
    /// <summary>Anaemia from 4 to 6 months: Hb below this. Source: as above, 4~6个月 &lt; 100 g/L.</summary>
    public int AnaemiaBelow4To6Months { get; init; } = 100;
    /// <summary>
    /// Anaemia from 6 months to 6 years: Hb below this. Source: 卫生部《儿童营养性疾病管理技术规范》(2012) 营养性缺铁性贫血
    /// (6月~6岁 Hb &lt; 110 g/L); WHO (2011) Haemoglobin concentrations for the diagnosis of anaemia (6–59 months &lt; 110 g/L).
    /// </summary>
    public int AnaemiaBelowFrom6Months { get; init; } = 110;
    /// <summary>Moderate anaemia below this (轻度 90–109, 中度 60–89 g/L). Source: 《儿童营养性疾病管理技术规范》.</summary>
    public int ModerateAnaemiaBelow { get; init; } = 90;
    /// <summary>Severe anaemia below this (重度 &lt; 60 g/L). Source: as above.</summary>
    public int SevereAnaemiaBelow { get; init; } = 60;

    /// <summary>
    /// Low vision (视力低常) at 4 years: either eye below this decimal value (4.8 on the five-point chart). Source:
    /// 《儿童眼及视力保健技术规范》(2013): 4岁儿童裸眼视力一般可达4.8（0.6）以上.
    /// </summary>
    public decimal LowVisionBelowAt4 { get; init; } = 0.6m;
    /// <summary>Low vision from 5 years: either eye below this (4.9 on the five-point chart). Source: as above, 5岁及以上 4.9（0.8）以上.</summary>
    public decimal LowVisionBelowFrom5 { get; init; } = 0.8m;
    /// <summary>Low vision also when the eyes differ by this many lines of the five-point chart (0.1 each) or more. Source: as above (两眼视力相差两行及以上).</summary>
    public int LowVisionLineDifference { get; init; } = 2;

    public static ScreeningCutOffs Default { get; } = new();
}

/// <summary>A health problem the check-up found (004 儿童 二(五)).</summary>
public enum ChildProblem
{
    [Label("低体重")] Underweight = 1,
    [Label("生长迟缓")] Stunted = 2,
    [Label("消瘦")] Wasted = 3,
    [Label("超重")] Overweight = 4,
    [Label("肥胖")] Obese = 5,
    [Label("贫血")] Anaemia = 6,
    [Label("口腔发育异常")] OralDevelopment = 7,
    [Label("龋齿")] Caries = 8,
    [Label("听力异常")] Hearing = 9,
    [Label("视力低常")] LowVision = 10,
    [Label("发育评估未过")] Development = 11,
    [Label("可疑佝偻病")] SuspectedRickets = 12,
}

/// <summary>What the specification asks for a problem.</summary>
public enum ProblemAction
{
    /// <summary>给出指导或转诊的建议: analyse the cause and guide; refer when guidance is not enough.</summary>
    [Label("指导或转诊")] GuidanceOrReferral = 1,
    /// <summary>应及时转诊.</summary>
    [Label("及时转诊")] Referral = 2,
    /// <summary>Guidance at the visit.</summary>
    [Label("指导")] Guidance = 3,
}

/// <summary>One problem found, what to do, the guidance to tick on the form, and why.</summary>
/// <param name="Severe">Severe undernutrition (&lt; −3 SD) or severe anaemia: refer rather than only guide.</param>
public sealed record ProblemFinding(ChildProblem Problem, ProblemAction Action, IReadOnlyList<ChildGuidance> Guidance, string Reason, bool Severe = false);

/// <summary>
/// Health problems a check-up flags and what the specification asks for each (004 儿童 二(五) 健康问题处理): 营养不良、
/// 贫血、单纯性肥胖 → 分析原因，给出指导或转诊的建议; 口腔发育异常（唇腭裂、高腭弓、诞生牙）、龋齿、视力低常或听力异常 →
/// 及时转诊. Guidance uses <see cref="ChildGuidance"/>'s numbers (2–5 are the same on every form; 1 is 科学喂养 up to
/// 18 months and 合理膳食 after).
/// </summary>
public static class ChildHealthProblems
{
    /// <summary>The anaemia cut-off for an age, in g/L.</summary>
    // ScreeningCutOffs: 《儿科学》 under 6 months; 《儿童营养性疾病管理技术规范》 and WHO 2011 from 6 months
    public static int AnaemiaCutOff(int ageInDays, ScreeningCutOffs c)
    {
        var months = WhoGrowth.AgeInMonths(ageInDays);
        return months < 4 ? c.AnaemiaBelowUnder4Months : months < 6 ? c.AnaemiaBelow4To6Months : c.AnaemiaBelowFrom6Months;
    }

    /// <summary>True when the haemoglobin is below the cut-off for the age.</summary>
    public static bool IsAnaemic(int haemoglobinGPerL, int ageInDays, ScreeningCutOffs c) => haemoglobinGPerL < AnaemiaCutOff(ageInDays, c);

    /// <summary>True when vision is low for the age (4 years, or 5 and 6), or the eyes differ by 2 lines or more.</summary>
    // ScreeningCutOffs: 《儿童眼及视力保健技术规范》(2013)
    public static bool IsLowVision(Vision v, CheckupAge age, ScreeningCutOffs c)
    {
        if (v.Chart is not VisionChart chart || v.Left is not decimal left || v.Right is not decimal right)
        {
            return false;
        }
        // compared on the five-point scale, where each line is 0.1 (4.8 = 0.6, 4.9 = 0.8)
        var cutOff = FivePoint(VisionChart.Decimal, age == CheckupAge.Years4 ? c.LowVisionBelowAt4 : c.LowVisionBelowFrom5);
        var l = FivePoint(chart, left);
        var r = FivePoint(chart, right);
        return l < cutOff || r < cutOff || Math.Abs(l - r) * 10 >= c.LowVisionLineDifference;
    }

    private static decimal FivePoint(VisionChart chart, decimal value) =>
        chart == VisionChart.FivePoint ? value : value <= 0 ? 0 : Math.Round(5 + (decimal)Math.Log10((double)value), 1);

    /// <summary>Every problem the check-up shows, with what to do. <paramref name="growth"/> is the system's judgement of the same check-up.</summary>
    public static IReadOnlyList<ProblemFinding> Find(
        ChildCheckup checkup, int ageInDays, GrowthJudgement growth, GrowthCutOffs growthCutOffs, ScreeningCutOffs screening)
    {
        var found = new List<ProblemFinding>();
        var z = growth.ZScores;
        var diet = new[] { ChildGuidance.Diet, ChildGuidance.Growth };

        // 004 儿童 二(五): 营养不良 (低体重、生长迟缓、消瘦) → 分析原因，给出指导或转诊的建议
        void Undernutrition(ChildProblem problem, double? value, double below, string indicator)
        {
            if (value is double v && v < below)
            {
                var severe = v < growthCutOffs.SevereBelow;
                found.Add(new ProblemFinding(problem, severe ? ProblemAction.Referral : ProblemAction.GuidanceOrReferral, diet,
                    $"{indicator} Z评分 {v:0.00}，低于 {below:0.##}SD{(severe ? "（重度，低于" + growthCutOffs.SevereBelow.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "SD）" : "")}", severe));
            }
        }
        Undernutrition(ChildProblem.Underweight, z.WeightForAge, growthCutOffs.UnderweightBelow, "年龄别体重");
        Undernutrition(ChildProblem.Stunted, z.LengthHeightForAge, growthCutOffs.StuntedBelow, "年龄别身长/身高");
        Undernutrition(ChildProblem.Wasted, z.WeightForStature, growthCutOffs.WastedBelow,
            z.Reference == GrowthReference.Standards2006 ? "身长/身高别体重" : "年龄别体质指数");

        // 004 儿童 二(五): 单纯性肥胖 → 给出指导或转诊的建议 (超重 guided; 肥胖 guided or referred)
        if (z.WeightForStature is double wfh && wfh > growthCutOffs.OverweightAbove)
        {
            var obese = wfh > growthCutOffs.ObeseAbove;
            var indicator = z.Reference == GrowthReference.Standards2006 ? "身长/身高别体重" : "年龄别体质指数";
            found.Add(new ProblemFinding(obese ? ChildProblem.Obese : ChildProblem.Overweight,
                obese ? ProblemAction.GuidanceOrReferral : ProblemAction.Guidance, diet,
                $"{indicator} Z评分 {wfh:0.00}，高于 +{(obese ? growthCutOffs.ObeseAbove : growthCutOffs.OverweightAbove):0.##}SD"));
        }

        // 004 儿童 二(五): 贫血 → 分析原因，给出指导或转诊的建议
        if (checkup.HaemoglobinGPerL is int hb && IsAnaemic(hb, ageInDays, screening))
        {
            var severe = hb < screening.SevereAnaemiaBelow;
            var degree = severe ? "重度" : hb < screening.ModerateAnaemiaBelow ? "中度" : "轻度";
            found.Add(new ProblemFinding(ChildProblem.Anaemia, severe ? ProblemAction.Referral : ProblemAction.GuidanceOrReferral,
                [ChildGuidance.Diet, ChildGuidance.DiseasePrevention],
                $"血红蛋白 {hb}g/L，低于 {AnaemiaCutOff(ageInDays, screening)}g/L（{degree}贫血）", severe));
        }

        var oral = new[] { ChildGuidance.OralHealth };
        switch (checkup)
        {
            case InfantCheckup i:
                // 004 儿童 二(五): 口腔发育异常（唇腭裂、高腭弓、诞生牙）→ 及时转诊 (满月/3月龄 口腔 异常)
                if (i.Mouth.Code == ExamFinding.Abnormal)
                {
                    found.Add(new ProblemFinding(ChildProblem.OralDevelopment, ProblemAction.Referral, oral, "口腔检查异常" + Detail(i.Mouth.Detail)));
                }
                Hearing(found, i.Hearing);
                Development(found, i.Development);
                if (i.RicketsSymptoms.Any(s => s != RicketsSymptom.None) || i.RicketsSignsEarly.Any(s => s != RicketsSignEarly.None) || i.RicketsSigns.Count > 0)
                {
                    Rickets(found);
                }
                break;
            case ToddlerCheckup t:
                Caries(found, t.Caries);
                Hearing(found, t.Hearing);
                Development(found, t.Development);
                if (t.RicketsSigns.Count > 0)
                {
                    Rickets(found);
                }
                break;
            case PreschoolCheckup p:
                Caries(found, p.Caries);
                Hearing(found, p.Hearing);
                // 004 儿童 二(五): 视力低常 → 及时转诊
                if (CheckupItems.VisionScreened(p.Age) && IsLowVision(p.Vision, p.Age, screening))
                {
                    found.Add(new ProblemFinding(ChildProblem.LowVision, ProblemAction.Referral, [],
                        $"视力 左{p.Vision.Left} 右{p.Vision.Right}，{(p.Age == CheckupAge.Years4 ? "4岁" : "5岁及以上")}视力低常"));
                }
                break;
        }
        return found;
    }

    /// <summary>True when any problem asks for a referral (及时转诊, or a severe case).</summary>
    public static bool NeedsReferral(IReadOnlyList<ProblemFinding> problems) => problems.Any(p => p.Action == ProblemAction.Referral);

    /// <summary>The guidance to suggest ticking: the union of the problems' guidance, in the form's order.</summary>
    public static IReadOnlyList<ChildGuidance> SuggestedGuidance(IReadOnlyList<ProblemFinding> problems) =>
        problems.SelectMany(p => p.Guidance).Distinct().Order().ToArray();

    // 004 儿童 二(五): 龋齿 → 及时转诊
    private static void Caries(List<ProblemFinding> found, int? caries)
    {
        if (caries is > 0)
        {
            found.Add(new ProblemFinding(ChildProblem.Caries, ProblemAction.Referral, [ChildGuidance.OralHealth], $"龋齿 {caries} 颗"));
        }
    }

    // 004 儿童 二(五): 听力异常 → 及时转诊
    private static void Hearing(List<ProblemFinding> found, HearingScreen? hearing)
    {
        if (hearing == HearingScreen.Fail)
        {
            found.Add(new ProblemFinding(ChildProblem.Hearing, ProblemAction.Referral, [], "听力筛查未通过"));
        }
    }

    // Not named in 二(五); the form's 发育评估 未过 asks for developmental guidance and a further assessment
    private static void Development(List<ProblemFinding> found, DevelopmentAssessment? development)
    {
        if (development == DevelopmentAssessment.Fail)
        {
            found.Add(new ProblemFinding(ChildProblem.Development, ProblemAction.GuidanceOrReferral, [ChildGuidance.Growth], "发育评估未通过"));
        }
    }

    // Not named in 二(五); 可疑佝偻病症状/体征 ask for guidance on vitamin D and outdoor activity (疾病预防)
    private static void Rickets(List<ProblemFinding> found) =>
        found.Add(new ProblemFinding(ChildProblem.SuspectedRickets, ProblemAction.Guidance, [ChildGuidance.DiseasePrevention], "有可疑佝偻病症状或体征"));

    private static string Detail(string? detail) => string.IsNullOrWhiteSpace(detail) ? "" : "：" + detail.Trim();
}
