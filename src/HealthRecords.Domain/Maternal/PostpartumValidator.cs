using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Maternal;

/// <summary>What the delivery information is checked against: the episode it belongs to.</summary>
public sealed record DeliveryContext(DateOnly Today, DateOnly RegisteredOn, EpisodeOpening Opening, PregnancyDating Dating);

/// <summary>What a postpartum visit or 42-day check is checked against besides itself.</summary>
/// <param name="Today">Today in China.</param>
/// <param name="DeliveredOn">The delivery date.</param>
/// <param name="DischargedOn">The mother's discharge date, if known.</param>
/// <param name="SameDayExists">Another visit of the same form is already recorded on this date.</param>
/// <param name="OverrideReason">The doctor's reason for departing from the rules' suggestion.</param>
public sealed record PostpartumContext(
    DateOnly Today,
    DateOnly DeliveredOn,
    DateOnly? DischargedOn = null,
    bool SameDayExists = false,
    string? OverrideReason = null);

/// <summary>
/// Checks the delivery information, the 产后访视记录表 and the 产后42天健康检查记录表 (004 孕产妇 二(四), 二(五), 附件3, 附件4).
/// Errors are keyed by camelCase JSON path with Chinese messages; an empty result means valid.
/// </summary>
public static class PostpartumValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(DeliveryInfo d, DeliveryContext c)
    {
        var e = new FormErrors();
        var notBefore = c.Opening == EpisodeOpening.Registration ? c.RegisteredOn : (DateOnly?)null;
        e.Date("deliveredOn", d.DeliveredOn, "分娩日期", c.Today, notBefore, "建册日期");
        if (d.DeliveredOn != default && c.Dating.LastMenstrualPeriod is DateOnly lmp && d.DeliveredOn <= lmp)
        {
            e.Add("deliveredOn", $"分娩日期不能早于末次月经（{lmp:yyyy-MM-dd}）");
        }
        var liveBirths = Births.LiveBirths(d);
        if (d.DeliveredOn != default && c.Dating.On(d.DeliveredOn) is GestationalAge age)
        {
            if (age.Weeks < (int)MaternalRanges.GestationWeeks.Min || age.Weeks > (int)MaternalRanges.GestationWeeks.Max)
            {
                e.Add("deliveredOn", $"分娩时{age}不可能（应在孕20~45周之间），请核对分娩日期和末次月经");
            }
            else if (PregnancyRules.IsMiscarriageAge(age) && d.Babies.Count > 0 && liveBirths == 0)
            {
                e.Add("deliveredOn", $"{age}不足28周且无活产，应登记为流产（结束孕产期），不是分娩");
            }
        }
        if (d.DischargedOn is DateOnly out1)
        {
            e.Date("dischargedOn", out1, "出院日期", c.Today, d.DeliveredOn == default ? null : d.DeliveredOn, "分娩日期");
        }
        if (d.ReceivedOn is DateOnly received)
        {
            e.Date("receivedOn", received, "收到分娩信息日期", c.Today, d.DeliveredOn == default ? null : d.DeliveredOn, "分娩日期");
        }
        e.Coded("place", d.Place, "分娩地点");
        e.Coded("mode", d.Mode, "分娩方式");
        if (d.Mode == BirthCircumstance.Multiple)
        {
            e.Add("mode", "双多胎不是分娩方式：请选择顺产、胎头吸引、产钳、剖宫、臀位或其他，双多胎由婴儿数得出");
        }
        if (d.Mode == BirthCircumstance.Other && string.IsNullOrWhiteSpace(d.ModeOther))
        {
            e.Add("modeOther", "分娩方式选择“其他”，请写明");
        }
        e.Range("gestationWeeks", d.GestationWeeks, MaternalRanges.GestationWeeks);
        if (d.Babies.Count == 0)
        {
            e.Add("babies", "请填写婴儿情况（每个婴儿一行）");
        }
        if (d.Babies.Count > 6)
        {
            e.Add("babies", "婴儿数不可能超过6个，请核对");
        }
        for (var i = 0; i < d.Babies.Count; i++)
        {
            var b = d.Babies[i];
            var k = $"babies[{i}]";
            if (b.Outcome is null)
            {
                e.Add($"{k}.outcome", "请选择妊娠结局：1 活产 2 死胎 3 死产");
            }
            e.Coded($"{k}.outcome", b.Outcome, "妊娠结局");
            e.Coded($"{k}.sex", b.Sex, "性别");
            if (Births.IsLiveBirth(b.Outcome) && b.Sex is null)
            {
                e.Add($"{k}.sex", "活产婴儿请填写性别");
            }
            e.Range($"{k}.birthWeightKg", b.BirthWeightKg, MaternalRanges.BirthWeight);
            e.Range($"{k}.birthLengthCm", b.BirthLengthCm, MaternalRanges.BirthLength);
            if (b.DischargedOn is DateOnly bo)
            {
                e.Date($"{k}.dischargedOn", bo, "出院日期", c.Today, d.DeliveredOn == default ? null : d.DeliveredOn, "分娩日期");
                if (!Births.IsLiveBirth(b.Outcome))
                {
                    e.Add($"{k}.dischargedOn", "非活产不填写婴儿出院日期");
                }
            }
        }
        return e.Result;
    }

    public static IReadOnlyDictionary<string, string[]> Validate(PostpartumVisit v, PostpartumContext c)
    {
        var e = new FormErrors();
        CheckDate(e, v.VisitDate, c, "随访日期", "该产妇当天已有产后访视记录");
        // 附件3 填表说明 1: 产妇出院后3~7天内…到产妇家中 — a home visit, so not while she is still in hospital
        if (v.VisitDate != default && c.DischargedOn is DateOnly home && v.VisitDate < home)
        {
            e.Add("visitDate", $"产后访视在产妇出院后到家中进行，随访日期不能早于出院日期（{home:yyyy-MM-dd}）");
        }
        e.Range("temperatureC", v.TemperatureC, MaternalRanges.Temperature);
        e.BloodPressure("systolic", "diastolic", v.Systolic, v.Diastolic);
        Exam(e.Under("exam"), v.Exam);
        e.Finding("classification", v.Classification, "分类");
        e.Multi("guidance", v.Guidance, "指导", other: PostpartumGuidance.Other, otherText: v.GuidanceOther, otherKey: "guidanceOther");
        e.Multi("problems", v.Problems, "产后问题");
        PrenatalVisitValidator.Advice(e, PostpartumRules.Advise(v), v.Classification, "classification.code", "分类", v.Referral, c.OverrideReason);
        PrenatalVisitValidator.NextVisit(e, v.VisitDate, v.NextVisitDate);
        e.Required("doctor", v.Doctor, "请填写随访医生");
        return e.Result;
    }

    public static IReadOnlyDictionary<string, string[]> Validate(Postpartum42DayCheck check, PostpartumContext c)
    {
        var e = new FormErrors();
        CheckDate(e, check.VisitDate, c, "检查日期", "该产妇当天已有产后42天健康检查记录");
        e.BloodPressure("systolic", "diastolic", check.Systolic, check.Diastolic);
        Exam(e.Under("exam"), check.Exam);
        e.Finding("classification", check.Classification, "分类");
        e.Multi("guidance", check.Guidance, "指导", other: Check42Guidance.Other, otherText: check.GuidanceOther, otherKey: "guidanceOther");
        e.Multi("problems", check.Problems, "产后问题");
        e.Coded("disposition", check.Disposition, "处理");
        if (check.Disposition is null)
        {
            e.Add("disposition", "请选择处理：1 结案 2 转诊");
        }
        // 附件4 填表说明 6: 若有需转诊的情况，具体填写
        if (check.Disposition == Check42Disposition.Refer)
        {
            e.Required("referralReason", check.ReferralReason, "转诊请填写原因");
        }
        if (check.Disposition == Check42Disposition.Close
            && (!string.IsNullOrWhiteSpace(check.ReferralReason) || !string.IsNullOrWhiteSpace(check.ReferralInstitution)))
        {
            e.Add("disposition", "填写了转诊原因或机构，处理请选择“2 转诊”");
        }
        var advice = PostpartumRules.Advise(check);
        if (string.IsNullOrWhiteSpace(c.OverrideReason))
        {
            var why = string.Join("；", advice.DangerSigns.Concat(advice.Reasons));
            if (advice.Classification == RecoveryClass.NotRecovered && check.Classification.Code == RecoveryClass.Recovered)
            {
                e.Add("classification.code", $"系统评估为未恢复（{why}），分类选择了“已恢复”：请核对，或填写理由");
            }
            if (advice.Referral != ReferralAdvice.None && check.Disposition == Check42Disposition.Close)
            {
                e.Add("disposition", advice.Urgent
                    ? $"存在危急情况（{why}），须立即转诊：处理请选择“2 转诊”，或填写不转诊的理由"
                    : $"产妇未恢复（{why}），建议转诊到原分娩医疗卫生机构：处理请选择“2 转诊”，或填写不转诊的理由");
            }
        }
        e.Required("doctor", check.Doctor, "请填写检查医生");
        return e.Result;
    }

    private static void CheckDate(FormErrors e, DateOnly date, PostpartumContext c, string label, string sameDay)
    {
        e.Date("visitDate", date, label, c.Today, c.DeliveredOn, "分娩日期");
        if (date != default && c.SameDayExists)
        {
            e.Add("visitDate", sameDay);
        }
    }

    private static void Exam(FormErrors e, PuerperalExam exam)
    {
        e.Finding("breasts", exam.Breasts, "乳房");
        e.Finding("lochia", exam.Lochia, "恶露");
        e.Finding("uterus", exam.Uterus, "子宫");
        e.Finding("wound", exam.Wound, "伤口");
    }
}
