using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Hypertension;

namespace HealthRecords.Domain.Maternal;

/// <summary>The decision rules of the postpartum visit and the 42-day check (004 孕产妇 二(四), 二(五), 附件3, 附件4).</summary>
public static class PostpartumRules
{
    /// <summary>Days after discharge within which the postpartum home visit is made (附件3 填表说明 1: 出院后3~7天).</summary>
    public const int VisitFromDay = 3;
    public const int VisitByDay = 7;

    /// <summary>The 42-day check's day after delivery (二(五)).</summary>
    public const int CheckDay = 42;

    /// <summary>A temperature from this (℃) after childbirth suggests 产褥感染 (the obstetric threshold of 产褥病率, ≥ 38 ℃).</summary>
    public const decimal FeverFrom = 38.0m;

    /// <summary>The 42-day check is due on this day (delivery + 42 days).</summary>
    public static DateOnly CheckDue(DateOnly deliveredOn) => deliveredOn.AddDays(CheckDay);

    /// <summary>下次随访日期 to suggest after the postpartum visit: the 42-day check.</summary>
    // 004 孕产妇 二(五): 产后42天健康检查
    public static DateOnly SuggestNextVisit(DateOnly deliveredOn) => CheckDue(deliveredOn);

    /// <summary>The danger signs after childbirth, in Chinese: an immediate referral.</summary>
    // 004 高血压 二(二)(1): 处于妊娠期或哺乳期同时血压高于正常 → 紧急转诊. Applied to every woman after childbirth: the
    // postpartum visit and the 42-day check fall in the first weeks of breastfeeding, and raised pressure then is the danger
    // the clause names whether or not she breastfeeds.
    public static IReadOnlyList<string> DangerSigns(int? systolic, int? diastolic) =>
        systolic is int s && diastolic is int d && HypertensionRules.IsRaised(s, d)
            ? [string.Create(CultureInfo.InvariantCulture, $"产后血压高于正常（{s}/{d}mmHg，≥140/90）")]
            : [];

    /// <summary>
    /// The problems of 004 二(四)3 present: those the doctor ticked, and 产褥感染 when the temperature is 38 ℃ or more.
    /// </summary>
    public static IReadOnlyList<PostpartumProblem> Problems(IReadOnlyList<PostpartumProblem> ticked, decimal? temperatureC)
    {
        var problems = ticked.Where(Enum.IsDefined).ToHashSet();
        if (temperatureC >= FeverFrom)
        {
            problems.Add(PostpartumProblem.PuerperalInfection);
        }
        return [.. problems.Order()];
    }

    /// <summary>The suggested 分类 of the postpartum visit (facts only): 异常 with any abnormal item, a problem or a danger sign.</summary>
    // 004 孕产妇 附件3 填表说明 5: 根据此次随访情况，对产妇进行分类
    public static CheckResult SuggestClassification(PostpartumVisit v) =>
        AnyAbnormal(v.Exam) || Problems(v.Problems, v.TemperatureC).Count > 0 || DangerSigns(v.Systolic, v.Diastolic).Count > 0
            ? CheckResult.Abnormal
            : CheckResult.Normal;

    /// <summary>
    /// The whole suggestion for the postpartum visit. Only the problems of 二(四)3 ask for a referral: breastfeeding
    /// difficulty, constipation, haemorrhoids and perineal or abdominal wounds are dealt with at the visit (二(四)2), so an
    /// abnormal breast or wound alone makes the visit 异常 but does not refer.
    /// </summary>
    // 004 孕产妇 二(四)3: 产褥感染、产后出血、子宫复旧不佳、妊娠合并症未恢复者以及产后抑郁等问题 → 及时转至上级医疗卫生机构
    public static VisitAdvice<CheckResult> Advise(PostpartumVisit v)
    {
        var danger = DangerSigns(v.Systolic, v.Diastolic);
        var reasons = Problems(v.Problems, v.TemperatureC).Select(p => p.Label()).ToList();
        return new(SuggestClassification(v), VisitAdvice<CheckResult>.AdviceFor(danger, reasons), reasons, danger);
    }

    /// <summary>The suggested 分类 of the 42-day check (facts only): 未恢复 with any abnormal item, a problem still present or
    /// raised blood pressure.</summary>
    // 004 孕产妇 二(五)2: 对产妇恢复情况进行评估; 附件4 填表说明 4
    public static RecoveryClass SuggestRecovery(Postpartum42DayCheck c) =>
        AnyAbnormal(c.Exam) || Problems(c.Problems, null).Count > 0 || DangerSigns(c.Systolic, c.Diastolic).Count > 0
            ? RecoveryClass.NotRecovered
            : RecoveryClass.Recovered;

    /// <summary>The suggested 处理: 结案 when recovered, otherwise 转诊.</summary>
    // 004 孕产妇 附件4 填表说明 6: 若产妇已恢复正常，则结案。若有需转诊的情况，具体填写
    public static Check42Disposition SuggestDisposition(RecoveryClass recovery) =>
        recovery == RecoveryClass.Recovered ? Check42Disposition.Close : Check42Disposition.Refer;

    /// <summary>The whole suggestion for the 42-day check: its 分类, and a referral (处理 2 转诊) when not recovered. An
    /// abnormal check at a primary institution is a referral: 二(五)1 sends abnormal women to the delivering hospital.</summary>
    // 004 孕产妇 二(五)1: 乡镇卫生院、社区卫生服务中心为正常产妇做产后健康检查，异常产妇到原分娩医疗卫生机构检查
    public static VisitAdvice<RecoveryClass> Advise(Postpartum42DayCheck c)
    {
        var danger = DangerSigns(c.Systolic, c.Diastolic);
        var reasons = Problems(c.Problems, null).Select(p => p.Label()).ToList();
        foreach (var (name, finding) in c.Exam.Items().Where(i => i.Finding.Code == CheckResult.Abnormal))
        {
            reasons.Add(string.IsNullOrWhiteSpace(finding.Detail) ? $"{name}异常" : $"{name}异常：{finding.Detail.Trim()}");
        }
        if (c.Classification.Code == RecoveryClass.NotRecovered)
        {
            reasons.Add(string.IsNullOrWhiteSpace(c.Classification.Detail) ? "未恢复" : $"未恢复：{c.Classification.Detail.Trim()}");
        }
        return new(SuggestRecovery(c), VisitAdvice<RecoveryClass>.AdviceFor(danger, reasons), reasons, danger);
    }

    private static bool AnyAbnormal(PuerperalExam exam) => exam.Items().Any(i => i.Finding.Code == CheckResult.Abnormal);
}
