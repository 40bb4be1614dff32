using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Maternal;

/// <summary>What a prenatal visit is checked against besides itself.</summary>
/// <param name="Today">Today in China.</param>
/// <param name="RegisteredOn">The episode's 建册日期.</param>
/// <param name="Dating">The pregnancy's dates (for the first visit: as the form itself now gives them).</param>
/// <param name="DeliveredOn">The delivery date, if already recorded.</param>
/// <param name="SameDayExists">Another visit of the same form is already recorded on this date.</param>
/// <param name="OverrideReason">The doctor's reason for departing from the rules' suggestion.</param>
public sealed record PrenatalContext(
    DateOnly Today,
    DateOnly RegisteredOn,
    PregnancyDating Dating,
    DateOnly? DeliveredOn = null,
    bool SameDayExists = false,
    string? OverrideReason = null);

/// <summary>
/// Checks the 第1次 and 第2~5次产前随访服务记录表 (004 孕产妇 附件1, 附件2): codes on the form, plausible values with units,
/// dates in order (never before registration, never after the delivery), 孕周 fitting the visit (4 weeks to 42 weeks + 6
/// days for the first, the round's window for the 2nd–5th), the 填表说明 rules, and the rules' advice (a referral or an
/// 异常 the doctor does not follow needs a reason). Pass the form through <c>PrenatalRules.WithComputed</c> first.
/// </summary>
public static class PrenatalVisitValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(FirstPrenatalVisit f, PrenatalContext c)
    {
        var e = new FormErrors();
        VisitDate(e, f.VisitDate, c, "填表日期", "该孕妇当天已有第1次产前随访记录");
        if (f.VisitDate != default && f.VisitDate <= c.Today && f.VisitDate >= c.RegisteredOn)
        {
            PregnancyValidator.Facts(e.Under("pregnancy"), f.Pregnancy, f.VisitDate, "填表", pregnant: true);
        }
        e.Range("husbandAge", f.HusbandAge, MaternalRanges.HusbandAge);
        e.Phone("husbandPhone", f.HusbandPhone, "丈夫电话");
        e.Multi("pastIllnesses", f.PastIllnesses, "既往史", PastIllness.None, PastIllness.Other, f.PastIllnessOther, "pastIllnessOther");
        e.Multi("familyHistory", f.FamilyHistory, "家族史", max: 3);
        // 附件1 填表说明 8: 若有，请具体说明 (what, and which relative)
        if (f.FamilyHistory.Count > 0)
        {
            e.Required("familyHistoryDetail", f.FamilyHistoryDetail, "有家族史，请具体说明疾病及患病亲属");
        }
        e.Multi("personalHistory", f.PersonalHistory, "个人史", other: PersonalHistoryItem.Other, otherText: f.PersonalHistoryOther, otherKey: "personalHistoryOther", max: 5);
        e.Finding("gynaecologicalSurgery", f.GynaecologicalSurgery, "妇科手术史");
        var h = f.ObstetricHistory;
        foreach (var (key, value, name) in new[]
        {
            ("abortions", h.Abortions, "流产"), ("fetalDeaths", h.FetalDeaths, "死胎"), ("stillbirths", h.Stillbirths, "死产"),
            ("neonatalDeaths", h.NeonatalDeaths, "新生儿死亡"), ("birthDefects", h.BirthDefects, "出生缺陷儿"),
        })
        {
            e.Range($"obstetricHistory.{key}", value, MaternalRanges.PriorCount with { Name = name });
        }
        // 附件1 填表说明 3, 4: earlier pregnancies (孕次 − 1) ended as abortions or deliveries
        if (f.Pregnancy.Gravidity is int g && (h.Abortions ?? 0) + (f.Pregnancy.Parity ?? 0) > g - 1)
        {
            e.Add("obstetricHistory.abortions", $"流产次数与产次之和不能超过孕次−1（孕次{g}包括本次妊娠）");
        }
        e.Range("heightCm", f.HeightCm, MaternalRanges.Height);
        e.Range("weightKg", f.WeightKg, MaternalRanges.Weight);
        e.BloodPressure("systolic", "diastolic", f.Systolic, f.Diastolic);
        e.Finding("heart", f.Heart, "听诊心脏");
        e.Finding("lungs", f.Lungs, "听诊肺部");
        e.Finding("gynaecology.vulva", f.Gynaecology.Vulva, "外阴");
        e.Finding("gynaecology.vagina", f.Gynaecology.Vagina, "阴道");
        e.Finding("gynaecology.cervix", f.Gynaecology.Cervix, "宫颈");
        e.Finding("gynaecology.uterus", f.Gynaecology.Uterus, "子宫");
        e.Finding("gynaecology.adnexa", f.Gynaecology.Adnexa, "附件");
        Labs(e.Under("labs"), f.Labs);
        e.Finding("assessment", f.Assessment, "总体评估");
        e.Multi("guidance", f.Guidance, "保健指导", other: FirstVisitGuidance.Other, otherText: f.GuidanceOther, otherKey: "guidanceOther");
        e.Multi("dangerSigns", f.DangerSigns, "危急征象");
        Advice(e, PrenatalRules.Advise(f), f.Assessment, "assessment.code", "总体评估", f.Referral, c.OverrideReason);
        NextVisit(e, f.VisitDate, f.NextVisitDate);
        e.Required("doctor", f.Doctor, "请填写随访医生");
        return e.Result;
    }

    public static IReadOnlyDictionary<string, string[]> Validate(PrenatalVisit v, PrenatalContext c)
    {
        var e = new FormErrors();
        if (v.Round is < 2 or > PrenatalRounds.Last)
        {
            e.Add("round", "第2~5次产前随访服务记录表只有第2、3、4、5次");
            return e.Result;
        }
        var window = PrenatalRounds.Window(v.Round);
        VisitDate(e, v.VisitDate, c, "随访日期", "该孕妇当天已有产前随访记录");
        // 004 孕产妇 二(二), 二(三)1: each round in its 孕周 window
        if (v.VisitDate != default && c.Dating.On(v.VisitDate) is GestationalAge age && !window.Contains(age))
        {
            var fits = PrenatalRounds.RoundFor(age);
            e.Add("visitDate", fits is int r
                ? $"{age}不在第{v.Round}次产前随访的时间（孕{window.From.Weeks}~{window.To.Weeks}周）内；此时应为第{r}次产前随访（孕{PrenatalRounds.Window(r).From.Weeks}~{PrenatalRounds.Window(r).To.Weeks}周）"
                : $"{age}不在第{v.Round}次产前随访的时间（孕{window.From.Weeks}~{window.To.Weeks}周）内，也不在第2~5次产前随访的任何时间（孕16~20、21~24、28~36、37~40周）内，请核对随访日期和末次月经");
        }
        e.Range("weightKg", v.WeightKg, MaternalRanges.Weight);
        e.Range("fundalHeightCm", v.FundalHeightCm, MaternalRanges.FundalHeight);
        e.Range("abdominalGirthCm", v.AbdominalGirthCm, MaternalRanges.AbdominalGirth);
        e.Range("fetalHeartRate", v.FetalHeartRate, MaternalRanges.FetalHeartRate);
        e.BloodPressure("systolic", "diastolic", v.Systolic, v.Diastolic);
        e.Range("haemoglobin", v.Haemoglobin, MaternalRanges.Haemoglobin);
        Urine(e, "urineProtein", v.UrineProtein, "尿蛋白");
        e.Finding("classification", v.Classification, "分类");
        e.MultiCodes("guidance", v.Guidance, PrenatalRounds.GuidanceTable(v.Round), "指导", PrenatalRounds.GuidanceOtherCode(v.Round), v.GuidanceOther, "guidanceOther");
        e.Multi("dangerSigns", v.DangerSigns, "危急征象");
        Advice(e, PrenatalRules.Advise(v), v.Classification, "classification.code", "分类", v.Referral, c.OverrideReason);
        NextVisit(e, v.VisitDate, v.NextVisitDate);
        e.Required("doctor", v.Doctor, "请填写随访医生");
        return e.Result;
    }

    private static void VisitDate(FormErrors e, DateOnly date, PrenatalContext c, string label, string sameDay)
    {
        e.Date("visitDate", date, label, c.Today, c.RegisteredOn, "建册日期");
        if (date == default)
        {
            return;
        }
        if (c.DeliveredOn is DateOnly d && date > d)
        {
            e.Add("visitDate", $"{label}不能晚于分娩日期（{d:yyyy-MM-dd}）：分娩后请填写产后访视记录表");
        }
        if (c.SameDayExists)
        {
            e.Add("visitDate", sameDay);
        }
    }

    private static void Labs(FormErrors e, FirstVisitLabs l)
    {
        e.Range("haemoglobin", l.Haemoglobin, MaternalRanges.Haemoglobin);
        e.Range("whiteCells", l.WhiteCells, MaternalRanges.WhiteCells);
        e.Range("platelets", l.Platelets, MaternalRanges.Platelets);
        Urine(e, "urineProtein", l.UrineProtein, "尿蛋白");
        Urine(e, "urineGlucose", l.UrineGlucose, "尿糖");
        Urine(e, "urineKetones", l.UrineKetones, "尿酮体");
        Urine(e, "urineOccultBlood", l.UrineOccultBlood, "尿潜血");
        e.Coded("aboGroup", l.AboGroup, "血型ABO");
        e.Coded("rh", l.Rh, "血型Rh");
        e.Range("glucose", l.Glucose, MaternalRanges.Glucose);
        e.Range("alt", l.Alt, MaternalRanges.Alt);
        e.Range("ast", l.Ast, MaternalRanges.Ast);
        e.Range("albumin", l.Albumin, MaternalRanges.Albumin);
        e.Range("totalBilirubin", l.TotalBilirubin, MaternalRanges.TotalBilirubin);
        e.Range("directBilirubin", l.DirectBilirubin, MaternalRanges.DirectBilirubin);
        if (l.TotalBilirubin is decimal tb && l.DirectBilirubin is decimal db && db > tb)
        {
            e.Add("directBilirubin", "结合胆红素不能高于总胆红素");
        }
        e.Range("creatinine", l.Creatinine, MaternalRanges.Creatinine);
        e.Range("urea", l.Urea, MaternalRanges.Urea);
        e.Multi("vaginalDischarge", l.VaginalDischarge, "阴道分泌物", VaginalDischarge.Normal, VaginalDischarge.Other, l.VaginalDischargeOther, "vaginalDischargeOther", max: 3);
        e.Coded("vaginalCleanliness", l.VaginalCleanliness, "阴道清洁度");
        e.Coded("hbsAg", l.HbsAg, "乙型肝炎表面抗原");
        e.Coded("antiHbs", l.AntiHbs, "乙型肝炎表面抗体");
        e.Coded("hbeAg", l.HbeAg, "乙型肝炎e抗原");
        e.Coded("antiHbe", l.AntiHbe, "乙型肝炎e抗体");
        e.Coded("antiHbc", l.AntiHbc, "乙型肝炎核心抗体");
        e.Coded("syphilis", l.Syphilis, "梅毒血清学试验");
        e.Coded("hiv", l.Hiv, "HIV抗体检测");
    }

    private static void Urine(FormErrors e, string key, string? value, string name)
    {
        if (value is { } v && !UrineResult.IsValid(v))
        {
            e.Add(key, $"{name}请填写定性结果（- ± + ++ +++ ++++）或定量结果及单位");
        }
    }

    /// <summary>The rules' advice against what the doctor wrote: an 异常 the doctor marks 未见异常, or a referral not made,
    /// needs the override reason.</summary>
    internal static void Advice(
        FormErrors e, VisitAdvice<CheckResult> advice, Finding<CheckResult> classification, string classificationKey, string label,
        VisitReferral referral, string? overrideReason)
    {
        if (advice.Classification == CheckResult.Abnormal && classification.Code == CheckResult.Normal && string.IsNullOrWhiteSpace(overrideReason))
        {
            var why = string.Join("；", advice.DangerSigns.Concat(advice.Reasons));
            e.Add(classificationKey, $"系统评估为异常（{why}），{label}选择了“未见异常”：请核对，或填写理由");
        }
        e.Referral("referral", referral, advice.Referral, [.. advice.DangerSigns, .. advice.Reasons], overrideReason);
    }

    internal static void NextVisit(FormErrors e, DateOnly visitDate, DateOnly? next)
    {
        if (next is DateOnly n && visitDate != default && n <= visitDate)
        {
            e.Add("nextVisitDate", "下次随访日期应晚于本次随访日期");
        }
    }
}
