using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.MentalHealth;

/// <summary>What a follow-up is checked against besides itself.</summary>
/// <param name="Today">Today in China.</param>
/// <param name="EnrolledOn">The day the patient was registered (the 个人信息补充表's date).</param>
/// <param name="Managed">The patient consented to management (<see cref="MentalHealthRules.IsManaged"/>).</param>
/// <param name="SameDayExists">Another follow-up of this patient is already recorded on the visit date.</param>
/// <param name="Previous">The latest earlier follow-up at which the patient was reached, if any.</param>
public sealed record MentalFollowUpContext(DateOnly Today, DateOnly EnrolledOn, bool Managed, bool SameDayExists, PreviousVisit? Previous);

/// <summary>
/// Checks 个人信息补充表 and 随访服务记录表 (004 重性精神疾病 附件1, 2). Errors are keyed by the camelCase JSON path inside
/// the form with Chinese messages; an empty result means valid.
/// </summary>
public static class MentalHealthValidator
{
    /// <summary>用药情况 prints three drugs (药物1–3). The counted fields' ranges are in <see cref="PlausibleRanges"/>.</summary>
    public const int MaxMedications = 3;

    public static IReadOnlyDictionary<string, string[]> Validate(MentalIllnessProfile p, DateOnly today)
    {
        var e = new FieldErrors();
        e.Required("consent", p.Consent, "知情同意");
        if (p.Consent is not null)
        {
            e.RequiredText("consentSignedBy", p.ConsentSignedBy, "请填写知情同意的签字人");
            if (p.ConsentSignedOn is null)
            {
                e.Add("consentSignedOn", "请填写签字时间");
            }
        }
        e.NotFuture("consentSignedOn", p.ConsentSignedOn, today, "签字时间");
        Approximate(e, "firstOnset", p.FirstOnset, today, "初次发病时间");
        Approximate(e, "firstAntipsychoticTreatment", p.FirstAntipsychoticTreatment, today, "首次抗精神病药治疗时间");
        if (p.FirstOnset is { IsValid: true } onset)
        {
            if (p.FirstAntipsychoticTreatment is { IsValid: true } treated && treated.Latest < onset.Earliest)
            {
                e.Add("firstAntipsychoticTreatment", "首次抗精神病药治疗时间不能早于初次发病时间");
            }
            if (p.DiagnosedOn is DateOnly diagnosed && diagnosed < onset.Earliest)
            {
                e.Add("diagnosedOn", "确诊日期不能早于初次发病时间");
            }
        }
        e.Ticks("pastSymptoms", p.PastSymptoms, "既往主要症状", p.PastSymptomOther, "pastSymptomOther");
        e.Coded("outpatient", p.Outpatient, "门诊治疗情况");
        if (p.PsychiatricAdmissions is null)
        {
            e.Add("psychiatricAdmissions", "请填写住精神专科医院或综合医院精神科的次数，未住过院填0");
        }
        e.Range("psychiatricAdmissions", p.PsychiatricAdmissions, PlausibleRanges.PsychiatricAdmissions);
        e.RequiredText("diagnosis", p.Diagnosis, "请填写目前诊断");
        e.NotFuture("diagnosedOn", p.DiagnosedOn, today, "确诊日期");
        e.Coded("lastTreatmentEffect", p.LastTreatmentEffect, "最近一次治疗效果");
        Impact(e, "socialImpact", p.SocialImpact);
        e.Coded("confinement", p.Confinement, "关锁情况");
        e.Coded("economicStatus", p.EconomicStatus, "经济状况");
        if (p.FilledOn == default)
        {
            e.Add("filledOn", "请填写填表日期");
        }
        e.NotFuture("filledOn", p.FilledOn == default ? null : p.FilledOn, today, "填表日期");
        e.RequiredText("doctor", p.Doctor, "请填写医生签字");
        return e;
    }

    public static IReadOnlyDictionary<string, string[]> Validate(MentalIllnessFollowUp f, MentalFollowUpContext c)
    {
        var e = new FieldErrors();
        if (f.VisitDate == default)
        {
            e.Add("visitDate", "请填写随访日期");
        }
        else if (!c.Managed)
        {
            e.Add("visitDate", "患者未同意参加管理（知情同意 0 不同意参加管理），只登记不管理，不能录入随访");
        }
        else if (f.VisitDate > c.Today)
        {
            e.Add("visitDate", "随访日期不能晚于今天");
        }
        else if (f.VisitDate < c.EnrolledOn)
        {
            e.Add("visitDate", $"随访日期不能早于纳入管理日期（{c.EnrolledOn:yyyy-MM-dd}）");
        }
        else if (c.SameDayExists)
        {
            e.Add("visitDate", "该患者当天已有一次随访记录，不能重复录入");
        }
        if (f.Condition is null)
        {
            e.Add("condition", "请选择本次随访分类：1 不稳定 2 基本稳定 3 稳定 0 未访到");
        }
        e.Coded("condition", f.Condition, "本次随访分类");
        if (f.Reached)
        {
            Reached(e, f, c);
        }
        else
        {
            if (f.RiskLevel is not null)
            {
                e.Add("riskLevel", "未访到患者，不能填写危险性");
            }
            if (f.Insight is not null)
            {
                e.Add("insight", "未访到患者，不能填写自知力");
            }
        }
        if (f.NextVisitDate is null)
        {
            e.Add("nextVisitDate", "请填写下次随访日期");
        }
        else if (f.VisitDate != default && f.NextVisitDate <= f.VisitDate)
        {
            e.Add("nextVisitDate", "下次随访日期应晚于本次随访日期");
        }
        if (f.PoliceContact is { } police)
        {
            e.NotFuture("policeContact.on", police.On, c.Today, "报告公安部门日期");
        }
        e.RequiredText("doctor", f.Doctor, "请填写随访医生");
        return e;
    }

    private static void Reached(FieldErrors e, MentalIllnessFollowUp f, MentalFollowUpContext c)
    {
        if (f.RiskLevel is null)
        {
            e.Add("riskLevel", "请选择危险性（0–5级）");
        }
        else if (!Enum.IsDefined(f.RiskLevel.Value))
        {
            e.Add("riskLevel", $"危险性只有0–5级，不能填{(int)f.RiskLevel.Value}");
        }
        e.Ticks("symptoms", f.Symptoms, "目前症状", f.SymptomOther, "symptomOther");
        e.Required("insight", f.Insight, "自知力");
        e.Required("sleep", f.Sleep, "睡眠情况");
        e.Required("diet", f.Diet, "饮食情况");
        e.Required("socialFunction.personalCare", f.SocialFunction.PersonalCare, "个人生活料理");
        e.Required("socialFunction.housework", f.SocialFunction.Housework, "家务劳动");
        e.Required("socialFunction.work", f.SocialFunction.Work, "生产劳动及工作");
        e.Required("socialFunction.learning", f.SocialFunction.Learning, "学习能力");
        e.Required("socialFunction.socialInteraction", f.SocialFunction.SocialInteraction, "社会人际交往");
        Impact(e, "socialImpact", f.SocialImpact);
        e.Required("confinement", f.Confinement, "关锁情况");
        e.Required("hospitalisation", f.Hospitalisation, "住院情况");
        if (f.Hospitalisation == Hospitalisation.Never && f.LastDischargeDate is not null)
        {
            e.Add("lastDischargeDate", "从未住院，不应填写末次出院时间");
        }
        if (f.Hospitalisation == Hospitalisation.Previously && f.LastDischargeDate is null)
        {
            e.Add("lastDischargeDate", "既往住院，请填写末次出院时间");
        }
        if (f.LastDischargeDate is DateOnly discharged && f.VisitDate != default && discharged > f.VisitDate)
        {
            e.Add("lastDischargeDate", "末次出院时间不能晚于随访日期");
        }
        e.Required("labTests", f.LabTests, "实验室检查");
        if (f.LabTests == NoYes.Yes)
        {
            e.RequiredText("labTestDetail", f.LabTestDetail, "请记录实验室检查结果");
        }
        e.Required("adherence", f.Adherence, "服药依从性");
        e.Required("adverseReaction", f.AdverseReaction, "药物不良反应");
        if (f.AdverseReaction == NoYes.Yes)
        {
            e.RequiredText("adverseReactionDetail", f.AdverseReactionDetail, "请写明哪种药物、何种不良反应");
            if (f.Assessment.AdverseReaction is null)
            {
                e.Add("assessment.adverseReaction", "请判断药物不良反应的程度：1 轻微 2 严重 3 急性药物不良反应");
            }
        }
        else if (f.Assessment.AdverseReaction is not null)
        {
            e.Add("assessment.adverseReaction", "药物不良反应选了“无”，不应判断其程度");
        }
        e.Coded("assessment.adverseReaction", f.Assessment.AdverseReaction, "药物不良反应程度");
        e.Required("effect", f.Effect, "治疗效果");
        e.Required("referral", f.Referral, "是否转诊");
        if (f.Referral == ReferralChoice.Yes)
        {
            e.RequiredText("referralReason", f.ReferralReason, "请填写转诊原因");
            e.RequiredText("referralTo", f.ReferralTo, "请填写转诊至机构及科室");
        }
        Medications(e, f.Medications);
        e.Ticks("rehabilitation", f.Rehabilitation, "康复措施", f.RehabilitationOther, "rehabilitationOther");
        if (f.Symptoms.Count > 0 && f.Assessment.Symptoms is null)
        {
            e.Add("assessment.symptoms", "已勾选目前症状，请判断：1 基本消失 2 存在，不明显 3 精神病症状明显");
        }
        if (f.Symptoms.Count == 0 && f.Assessment.Symptoms is SymptomSeverity.Present or SymptomSeverity.Marked)
        {
            e.Add("symptoms", "判断精神症状存在，请勾选目前症状");
        }
        e.Coded("assessment.symptoms", f.Assessment.Symptoms, "精神症状");
        e.Coded("assessment.physicalIllness", f.Assessment.PhysicalIllness, "躯体疾病");
        if (f.Assessment.OtherAbnormality)
        {
            e.RequiredText("assessment.otherAbnormalityDetail", f.Assessment.OtherAbnormalityDetail, "请写明其他异常");
        }
        if (e.ContainsKey("riskLevel") || e.ContainsKey("insight") || e.Keys.Any(k => k.StartsWith("assessment.", StringComparison.Ordinal))
            || MentalHealthRules.Decide(f, c.Previous) is not MentalHealthDecision suggested)
        {
            return;
        }
        Overrides(e, f, suggested);
    }

    // issue #19: the system suggests the class and next date; the doctor may override with a reason.
    private static void Overrides(FieldErrors e, MentalIllnessFollowUp f, MentalHealthDecision s)
    {
        if (!string.IsNullOrWhiteSpace(f.OverrideReason))
        {
            return;
        }
        var why = s.Reasons.Count > 0 ? $"（{string.Join("、", s.Reasons)}）" : "";
        if (f.Condition is Condition chosen && Enum.IsDefined(chosen) && chosen != s.Condition)
        {
            e.Add("condition", $"按规范应分类为“{s.Condition.Label()}”{why}，与所选“{chosen.Label()}”不同：请填写理由");
        }
        if (f.NextVisitDate is DateOnly next && next != s.NextVisitDate)
        {
            e.Add("nextVisitDate", string.Create(CultureInfo.InvariantCulture,
                $"按规范下次随访应在{s.NextVisitDate:yyyy-MM-dd}，日期不同：请填写理由"));
        }
        if (s.Referral && f.Referral == ReferralChoice.No)
        {
            e.Add("referral", s.Condition == Condition.Unstable
                ? $"病情不稳定{why}，应立即转诊到上级医院：请选择转诊，或填写不转诊的理由"
                : "初步处理无效，建议转诊到上级医院：请选择转诊，或填写不转诊的理由");
        }
    }

    private static void Medications(FieldErrors e, IReadOnlyList<PsychiatricMedication> meds)
    {
        if (meds.Count > MaxMedications)
        {
            e.Add("medications", "用药情况最多填写药物1–3");
        }
        for (var i = 0; i < meds.Count; i++)
        {
            var m = meds[i];
            e.RequiredText($"medications[{i}].name", m.Name, "请填写药物名称");
            e.Coded($"medications[{i}].per", m.Per, "用法");
            e.Range($"medications[{i}].times", m.Times, PlausibleRanges.DoseTimes);
            e.Range($"medications[{i}].mgPerDose", m.MgPerDose, PlausibleRanges.DoseMg);
        }
    }

    private static void Impact(FieldErrors e, string path, SocialImpactCounts counts)
    {
        foreach (var (kind, count) in counts.All())
        {
            var key = $"{path}.{char.ToLowerInvariant(kind.ToString()[0])}{kind.ToString()[1..]}";
            if (count is null)
            {
                e.Add(key, $"请填写{kind.Label()}次数，未发生过填0");
            }
            e.Range(key, count, PlausibleRanges.EventCount, kind.Label());
        }
    }

    private static void Approximate(FieldErrors e, string path, ApproximateDate? date, DateOnly today, string label)
    {
        if (date is null)
        {
            return;
        }
        if (!date.IsValid)
        {
            e.Add(path, $"{label}不是有效的日期（可只填年份，或年月，或年月日）");
        }
        else if (date.Earliest > today)
        {
            e.Add(path, $"{label}不能晚于今天");
        }
    }
}
