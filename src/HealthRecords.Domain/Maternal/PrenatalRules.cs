using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Hypertension;

namespace HealthRecords.Domain.Maternal;

/// <summary>
/// What the rules suggest after a maternal visit: the classification the facts point to, the referral advice, and why
/// (Chinese, for the page). <see cref="DangerSigns"/> make the referral urgent; <see cref="Reasons"/> ask for a referral.
/// The doctor may depart from a suggestion with a reason (the validators ask for it).
/// </summary>
public sealed record VisitAdvice<TClass>(
    TClass Classification,
    ReferralAdvice Referral,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> DangerSigns) where TClass : struct, Enum
{
    public bool Urgent => Referral == ReferralAdvice.Urgent;

    internal static ReferralAdvice AdviceFor(IReadOnlyCollection<string> dangerSigns, IReadOnlyCollection<string> reasons) =>
        dangerSigns.Count > 0 ? ReferralAdvice.Urgent : reasons.Count > 0 ? ReferralAdvice.Referral : ReferralAdvice.None;
}

/// <summary>The decision rules of the prenatal visits (004 孕产妇 二(一)–(三), 附件1, 附件2), each one function.</summary>
public static class PrenatalRules
{
    /// <summary>Haemoglobin below this is anaemia in pregnancy (g/L; WHO, and 妊娠期贫血 in Chinese obstetrics).</summary>
    public const decimal AnaemiaBelow = 110m;

    /// <summary>The normal fetal heart rate, both ends included (次/分钟; obstetrics textbooks: 110~160).</summary>
    public const int FetalHeartRateMin = 110;
    public const int FetalHeartRateMax = 160;

    /// <summary>Glucose at or above this in pregnancy is "血糖高于正常" (mmol/L; 004's own line: 2型糖尿病 空腹血糖 ≥ 7.0).</summary>
    public const decimal RaisedGlucose = 7.0m;

    /// <summary>Age bands of a 高危 pregnancy: under 18, or 35 and over (高龄孕妇).</summary>
    public const int YoungMotherBelow = 18;
    public const int AdvancedMaternalAgeFrom = 35;

    /// <summary>Height below this (cm) is a risk factor (short stature, narrow pelvis).</summary>
    public const decimal ShortStatureBelow = 145m;

    /// <summary>Earlier abortions (流产) from this many on are a risk factor (repeated pregnancy loss).</summary>
    public const int RepeatedAbortionsFrom = 2;

    /// <summary>The first visit with its computed fields set: 填表孕周, 孕妇年龄, 体质指数.</summary>
    // 004 孕产妇 附件1 填表说明 2 (填表孕周), 11 (体质指数 = 体重/身高²)
    public static FirstPrenatalVisit WithComputed(FirstPrenatalVisit f, PregnancyDating dating, DateOnly birthDate) => f with
    {
        GestationalAge = f.VisitDate == default ? null : dating.On(f.VisitDate),
        Age = f.VisitDate == default || f.VisitDate < birthDate ? null : Records.Age.AgeOn(birthDate, f.VisitDate),
        Bmi = Examinations.Bmi.Compute(f.HeightCm, f.WeightKg),
    };

    /// <summary>A 2nd–5th visit with its 孕周 computed.</summary>
    // 004 孕产妇 附件2 填表说明 1: 孕周为此次随访时的妊娠周数
    public static PrenatalVisit WithComputed(PrenatalVisit v, PregnancyDating dating) => v with
    {
        GestationalAge = v.VisitDate == default ? null : dating.On(v.VisitDate),
    };

    /// <summary>The 危急征象 present at a prenatal visit, in Chinese; empty when none. Any one means an immediate referral.</summary>
    public static IReadOnlyList<string> DangerSigns(
        int? systolic, int? diastolic, IReadOnlyList<PrenatalDangerSign> ticked, int? fetalHeartRate = null, decimal? glucose = null)
    {
        var signs = new List<string>();
        // 004 高血压 二(二)(1): 处于妊娠期或哺乳期同时血压高于正常 (≥140 and/or ≥90 mmHg, 二(一)2) → 紧急转诊
        if (systolic is int s && diastolic is int d && HypertensionRules.IsRaised(s, d))
        {
            signs.Add(Invariant($"妊娠期血压高于正常（{s}/{d}mmHg，≥140/90）"));
        }
        // 004 2型糖尿病 二(二)(1): 妊娠期及哺乳期血糖高于正常 → 紧急转诊
        if (glucose >= RaisedGlucose)
        {
            signs.Add(Invariant($"妊娠期血糖高于正常（{glucose}mmol/L，≥{RaisedGlucose}）"));
        }
        // 004 孕产妇 二(二)3: 出现危急征象的孕妇，要立即转上级医疗卫生机构 — a fetal heart rate outside 110~160
        if (fetalHeartRate is int fhr && (fhr < FetalHeartRateMin || fhr > FetalHeartRateMax))
        {
            signs.Add(Invariant($"胎心率异常（{fhr}次/分钟，正常{FetalHeartRateMin}~{FetalHeartRateMax}）"));
        }
        // 004 孕产妇 二(二)3: the warning signs the doctor ticks (PrenatalDangerSign)
        signs.AddRange(ticked.Where(Enum.IsDefined).Distinct().Order().Select(t => t.Label()));
        return signs;
    }

    /// <summary>
    /// 妊娠危险因素 and possible 妊娠禁忌症 in the first visit's history, in Chinese; empty when none (004 孕产妇 二(一)4:
    /// 对具有妊娠危险因素和可能有妊娠禁忌症或严重并发症的孕妇，及时转诊). The history sections of 附件1 are the risk factors
    /// the form asks about; the age, height and repeated-loss bands are the usual 高危妊娠 criteria.
    /// </summary>
    public static IReadOnlyList<string> RiskFactors(FirstPrenatalVisit f)
    {
        var r = new List<string>();
        foreach (var p in f.PastIllnesses.Where(p => p != PastIllness.None && Enum.IsDefined(p)).Distinct().Order())
        {
            // severe heart, kidney and liver disease are the classic contraindications to pregnancy
            var label = p == PastIllness.Other && !string.IsNullOrWhiteSpace(f.PastIllnessOther) ? f.PastIllnessOther.Trim() : p.Label();
            r.Add(p is PastIllness.HeartDisease or PastIllness.KidneyDisease or PastIllness.LiverDisease
                ? $"既往史：{label}（可能有妊娠禁忌症）"
                : $"既往史：{label}");
        }
        r.AddRange(f.FamilyHistory.Where(Enum.IsDefined).Distinct().Order().Select(x => $"家族史：{x.Label()}"));
        r.AddRange(f.PersonalHistory.Where(Enum.IsDefined).Distinct().Order().Select(x => $"个人史：{x.Label()}"));
        if (f.GynaecologicalSurgery.Code == NoYes.Yes)
        {
            r.Add($"妇科手术史：{f.GynaecologicalSurgery.Detail?.Trim() ?? "有"}");
        }
        var h = f.ObstetricHistory;
        if (h.Abortions >= RepeatedAbortionsFrom)
        {
            r.Add(Invariant($"流产{h.Abortions}次"));
        }
        foreach (var (count, name) in new[] { (h.FetalDeaths, "死胎"), (h.Stillbirths, "死产"), (h.NeonatalDeaths, "新生儿死亡"), (h.BirthDefects, "出生缺陷儿") })
        {
            if (count > 0)
            {
                r.Add(Invariant($"不良孕产史：{name}{count}次"));
            }
        }
        if (f.Age < YoungMotherBelow)
        {
            r.Add(Invariant($"年龄小于{YoungMotherBelow}岁（{f.Age}岁）"));
        }
        if (f.Age >= AdvancedMaternalAgeFrom)
        {
            r.Add(Invariant($"高龄孕妇（{f.Age}岁，≥{AdvancedMaternalAgeFrom}岁）"));
        }
        if (f.HeightCm < ShortStatureBelow)
        {
            r.Add(Invariant($"身高{f.HeightCm}cm（<{ShortStatureBelow}cm）"));
        }
        return r;
    }

    /// <summary>
    /// Abnormal examination and laboratory results of the first visit, in Chinese: possible 严重并发症 or conditions a
    /// higher-level institution manages (004 孕产妇 二(一)4). Vaginal discharge findings are treated where they are found
    /// and are left to the doctor's assessment.
    /// </summary>
    public static IReadOnlyList<string> Abnormalities(FirstPrenatalVisit f)
    {
        var r = new List<string>();
        Abnormal(r, "听诊心脏", f.Heart);
        Abnormal(r, "听诊肺部", f.Lungs);
        var g = f.Gynaecology;
        Abnormal(r, "外阴", g.Vulva);
        Abnormal(r, "阴道", g.Vagina);
        Abnormal(r, "宫颈", g.Cervix);
        Abnormal(r, "子宫", g.Uterus);
        Abnormal(r, "附件", g.Adnexa);
        var l = f.Labs;
        Anaemia(r, l.Haemoglobin);
        UrineProtein(r, l.UrineProtein);
        if (l.Rh == NegativePositive.Negative)
        {
            r.Add("Rh阴性血型");
        }
        foreach (var (value, name) in new[] { (l.HbsAg, "乙型肝炎表面抗原阳性"), (l.Syphilis, "梅毒血清学试验阳性"), (l.Hiv, "HIV抗体阳性") })
        {
            if (value == NegativePositive.Positive)
            {
                r.Add(name);
            }
        }
        return r;
    }

    /// <summary>The suggested 总体评估 (facts only, never the doctor's own): 异常 when a risk factor, abnormality or danger sign is found.</summary>
    // 004 孕产妇 附件1 填表说明 13: 根据孕妇总体情况进行评估
    public static CheckResult SuggestAssessment(FirstPrenatalVisit f) =>
        RiskFactors(f).Count > 0 || Abnormalities(f).Count > 0 || FirstVisitDangerSigns(f).Count > 0 ? CheckResult.Abnormal : CheckResult.Normal;

    /// <summary>The whole suggestion for a first visit.</summary>
    // 004 孕产妇 二(一)4: 危险因素、可能的妊娠禁忌症或严重并发症 → 转诊，2周内随访转诊结果; 二(二)3: 危急征象 → 立即转诊
    public static VisitAdvice<CheckResult> Advise(FirstPrenatalVisit f)
    {
        var danger = FirstVisitDangerSigns(f);
        var reasons = RiskFactors(f).Concat(Abnormalities(f)).ToList();
        DoctorSaysAbnormal(reasons, "总体评估", f.Assessment);
        return new(SuggestAssessment(f), VisitAdvice<CheckResult>.AdviceFor(danger, reasons), reasons, danger);
    }

    /// <summary>Abnormal findings of a 2nd–5th visit, in Chinese.</summary>
    public static IReadOnlyList<string> Abnormalities(PrenatalVisit v)
    {
        var r = new List<string>();
        Anaemia(r, v.Haemoglobin);
        UrineProtein(r, v.UrineProtein);
        return r;
    }

    /// <summary>The suggested 分类 of a 2nd–5th visit (facts only): 异常 with an abnormal finding or a danger sign.</summary>
    // 004 孕产妇 附件2 填表说明 7: 根据此次随访的情况，对孕妇进行分类
    public static CheckResult SuggestClassification(PrenatalVisit v) =>
        Abnormalities(v).Count > 0 || VisitDangerSigns(v).Count > 0 ? CheckResult.Abnormal : CheckResult.Normal;

    /// <summary>The whole suggestion for a 2nd–5th visit.</summary>
    // 004 孕产妇 二(二)3: 对发现有异常的孕妇，要及时转至上级医疗卫生机构；出现危急征象的孕妇，要立即转上级医疗卫生机构;
    // 二(三)3: 随访中若发现有意外情况，建议其及时转诊
    public static VisitAdvice<CheckResult> Advise(PrenatalVisit v)
    {
        var danger = VisitDangerSigns(v);
        var reasons = Abnormalities(v).ToList();
        DoctorSaysAbnormal(reasons, "分类", v.Classification);
        return new(SuggestClassification(v), VisitAdvice<CheckResult>.AdviceFor(danger, reasons), reasons, danger);
    }

    private static IReadOnlyList<string> FirstVisitDangerSigns(FirstPrenatalVisit f) =>
        DangerSigns(f.Systolic, f.Diastolic, f.DangerSigns, glucose: f.Labs.Glucose);

    private static IReadOnlyList<string> VisitDangerSigns(PrenatalVisit v) =>
        DangerSigns(v.Systolic, v.Diastolic, v.DangerSigns, v.FetalHeartRate);

    private static void Abnormal(List<string> r, string name, Finding<CheckResult> finding)
    {
        if (finding.Code == CheckResult.Abnormal)
        {
            r.Add(string.IsNullOrWhiteSpace(finding.Detail) ? $"{name}异常" : $"{name}异常：{finding.Detail.Trim()}");
        }
    }

    private static void DoctorSaysAbnormal(List<string> reasons, string name, Finding<CheckResult> finding)
    {
        if (finding.Code == CheckResult.Abnormal)
        {
            reasons.Add(string.IsNullOrWhiteSpace(finding.Detail) ? $"{name}为异常" : $"{name}为异常：{finding.Detail.Trim()}");
        }
    }

    // 妊娠期贫血: 血红蛋白 < 110 g/L
    private static void Anaemia(List<string> r, decimal? haemoglobin)
    {
        if (haemoglobin < AnaemiaBelow)
        {
            r.Add(Invariant($"贫血（血红蛋白{haemoglobin}g/L，<{AnaemiaBelow}）"));
        }
    }

    // 尿蛋白 positive (+ or more)
    private static void UrineProtein(List<string> r, string? value)
    {
        if (UrineProteinPositive(value))
        {
            r.Add($"尿蛋白阳性（{value!.Trim()}）");
        }
    }

    /// <summary>A qualitative urine protein result that is positive: "+" to "++++", 阳性 or 弱阳性. A trace (±) is not; a
    /// quantity with its unit is left to the doctor (its normal limit depends on the method).</summary>
    public static bool UrineProteinPositive(string? value)
    {
        var v = value?.Trim();
        return !string.IsNullOrEmpty(v) && ((v.StartsWith('+') && v != "+-") || v is "阳性" or "弱阳性");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
