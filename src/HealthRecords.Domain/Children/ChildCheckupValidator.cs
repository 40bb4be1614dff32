using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Children;

/// <summary>
/// The child check-up forms' limits on counts (teeth, illnesses, hours, doses): beyond them a number is a typing error.
/// The measurements (weight, length, head, fontanelle, haemoglobin, vision) are rows of the shared
/// <see cref="PlausibleRanges"/>.
/// </summary>
public static class ChildRanges
{
    public const decimal OutdoorMaxHours = 16m;
    public const int VitaminDMaxIu = 10000;
    /// <summary>Teeth erupted under 3 years: at most the 20 primary teeth.</summary>
    public const int TeethEruptedMax = 20;
    /// <summary>Teeth 3–6 years: 20 primary teeth plus the first permanent ones coming through at 6.</summary>
    public const int TeethMax = 28;
    public const int IllnessTimesMax = 50;
}

/// <summary>What a check-up is checked against besides itself.</summary>
/// <param name="Today">Today in China.</param>
/// <param name="BirthDate">The child's date of birth.</param>
/// <param name="Sex">The child's sex (the WHO tables are by sex).</param>
/// <param name="SameAgeExists">A check-up of the same age is already recorded for the child.</param>
/// <param name="HaemoglobinDoneAtSixMonths">The 6-month check-up recorded a haemoglobin value (then none is required at 8 months).</param>
/// <param name="CutOffs">The county's growth cut-offs; <see cref="GrowthCutOffs.Default"/> when null.</param>
/// <param name="Windows">The county's check-up windows; <see cref="CheckupWindows.Default"/> when null.</param>
/// <param name="Screening">The county's haemoglobin and vision cut-offs; <see cref="ScreeningCutOffs.Default"/> when null.</param>
public sealed record CheckupContext(
    DateOnly Today,
    DateOnly BirthDate,
    Sex Sex,
    bool SameAgeExists = false,
    bool HaemoglobinDoneAtSixMonths = false,
    GrowthCutOffs? CutOffs = null,
    CheckupWindows? Windows = null,
    ScreeningCutOffs? Screening = null);

/// <summary>
/// Checks a child check-up form (004 儿童 附件2–4) for impossible values, rows filled where the form has "———",
/// screenings the specification requires at that age, and departures from the system's growth judgement or referral
/// advice without a reason. Errors are keyed by camelCase JSON path with Chinese messages; empty means valid.
/// </summary>
public static class ChildCheckupValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(ChildCheckup f, CheckupContext c)
    {
        var e = new FieldErrors();
        if (!Enum.IsDefined(f.Age))
        {
            e.Add("age", "随访月龄只能是 满月、3、6、8、12、18、24、30月龄 或 3、4、5、6岁");
            return e;
        }
        if (CheckupItems.FormFor(f.Age) != f.Form)
        {
            e.Add("age", $"{f.Age.Label()}健康检查应填写《{CheckupItems.FormFor(f.Age).Label()}》，不是《{f.Form.Label()}》");
            return e;
        }
        VisitDate(f, c, e);
        var ageInDays = WhoGrowth.AgeInDays(c.BirthDate, f.VisitDate);
        Growth(f, c, ageInDays, e);
        NotExamined(f, e);
        Rows(f, e);
        Screenings(f, c, e);
        Referral(f, c, ageInDays, e);
        if (f.NextVisitDate is DateOnly next && f.VisitDate != default && next <= f.VisitDate)
        {
            e.Add("nextVisitDate", "下次随访日期应晚于本次随访日期");
        }
        if (string.IsNullOrWhiteSpace(f.Doctor))
        {
            e.Add("doctor", "请填写随访医生");
        }
        return e;
    }

    /// <summary>The form with the system's judgement filled where the doctor left it empty: ratings and 体格发育评价.</summary>
    public static ChildCheckup WithJudgement(ChildCheckup f, GrowthJudgement j)
    {
        var judged = f with { WeightRating = f.WeightRating ?? j.Weight, HeightRating = f.HeightRating ?? j.Height };
        return judged is PreschoolCheckup p && p.PhysicalDevelopment.Count == 0 ? p with { PhysicalDevelopment = j.Development } : judged;
    }

    /// <summary>The system's judgement of the form's own measurement.</summary>
    public static GrowthJudgement Judge(ChildCheckup f, DateOnly birthDate, Sex sex, GrowthCutOffs? cutOffs = null) =>
        GrowthJudging.Judge(
            new GrowthMeasurement(sex, WhoGrowth.AgeInDays(birthDate, f.VisitDate), f.WeightKg, f.HeightCm, f.Position),
            cutOffs ?? GrowthCutOffs.Default,
            f.Form == CheckupForm.ThreeToSix);

    private static void VisitDate(ChildCheckup f, CheckupContext c, FieldErrors e)
    {
        if (f.VisitDate == default)
        {
            e.Add("visitDate", "请填写随访日期");
            return;
        }
        if (f.VisitDate > c.Today)
        {
            e.Add("visitDate", "随访日期不能晚于今天");
        }
        if (f.VisitDate < c.BirthDate)
        {
            e.Add("visitDate", "随访日期不能早于出生日期");
            return;
        }
        var d = CheckupSchedule.Dates(c.BirthDate, f.Age, c.Windows);
        if (f.VisitDate < d.AcceptFrom || f.VisitDate > d.AcceptUntil)
        {
            var actual = CheckupSchedule.AgeFor(c.BirthDate, f.VisitDate, c.Windows);
            e.Add("visitDate", $"{f.Age.Label()}健康检查应在 {d.AcceptFrom:yyyy-MM-dd} 至 {d.AcceptUntil:yyyy-MM-dd} 之间进行；"
                + (actual is CheckupAge a ? $"该日期应为{a.Label()}健康检查" : "该日期不在任何一次健康检查的时间范围内"));
        }
        if (c.SameAgeExists)
        {
            e.Add("age", $"该儿童已有{f.Age.Label()}健康检查记录，不能重复录入");
        }
    }

    private static void Growth(ChildCheckup f, CheckupContext c, int ageInDays, FieldErrors e)
    {
        if (f.WeightKg is null)
        {
            e.Add("weightKg", "请填写体重");
        }
        if (f.HeightCm is null)
        {
            e.Add("heightCm", f.Form == CheckupForm.ThreeToSix ? "请填写身高" : "请填写身长/身高");
        }
        e.Range("weightKg", f.WeightKg, PlausibleRanges.ChildWeight);
        e.Range("heightCm", f.HeightCm, PlausibleRanges.ChildLength);
        e.Coded("position", f.Position, "测量方式");
        if (f.VisitDate == default || ageInDays < 0)
        {
            return;
        }
        if (WhoGrowth.IsStandingUnderNineMonths(ageInDays, f.Position))
        {
            e.Add("position", "9月龄以下应卧位测量身长，请核对测量方式");
        }
        var j = Judge(f, c.BirthDate, c.Sex, c.CutOffs);
        var age = AgeText(ageInDays);
        // WHO anthro/anthroplus flags: beyond them the value is almost certainly mistyped or mismeasured
        if (!e.ContainsKey("weightKg") && j.ZScores.WeightForAge is double wfa && WhoGrowth.IsImplausible(GrowthIndicator.WeightForAge, wfa))
        {
            e.Add("weightKg", $"体重{FieldChecks.Num(f.WeightKg!.Value)}kg与{age}不符（WHO年龄别体重Z评分{wfa:0.00}），请核对");
        }
        if (!e.ContainsKey("heightCm") && j.ZScores.LengthHeightForAge is double hfa && WhoGrowth.IsImplausible(GrowthIndicator.LengthHeightForAge, hfa))
        {
            e.Add("heightCm", $"身长/身高{FieldChecks.Num(f.HeightCm!.Value)}cm与{age}不符（WHO年龄别身长/身高Z评分{hfa:0.00}），请核对");
        }
        if (!e.ContainsKey("weightKg") && !e.ContainsKey("heightCm") && j.ZScores.WeightForStature is double wfh
            && WhoGrowth.IsImplausible(GrowthIndicator.WeightForLengthHeight, wfh))
        {
            e.Add("weightKg", $"体重{FieldChecks.Num(f.WeightKg!.Value)}kg与身长/身高{FieldChecks.Num(f.HeightCm!.Value)}cm不相称（Z评分{wfh:0.00}），请核对");
        }

        e.Coded("weightRating", f.WeightRating, "体重评价");
        e.Coded("heightRating", f.HeightRating, "身长/身高评价");
        var overridden = new List<string>();
        if (f.WeightRating is GrowthRating wr && j.Weight is GrowthRating sw && wr != sw)
        {
            overridden.Add($"体重系统评价为“{sw.Label()}”");
        }
        if (f.HeightRating is GrowthRating hr && j.Height is GrowthRating sh && hr != sh)
        {
            overridden.Add($"身长/身高系统评价为“{sh.Label()}”");
        }
        if (f is PreschoolCheckup p)
        {
            e.Multi("physicalDevelopment", p.PhysicalDevelopment, "体格发育评价", PhysicalDevelopment.Normal);
            if (p.PhysicalDevelopment.Count > 0 && j.Development.Count > 0 && !p.PhysicalDevelopment.Order().SequenceEqual(j.Development.Order()))
            {
                overridden.Add($"体格发育评价系统判定为“{string.Join("、", j.Development.Select(d => d.Label()))}”");
            }
        }
        if (overridden.Count > 0 && string.IsNullOrWhiteSpace(f.OverrideReason))
        {
            e.Add("overrideReason", string.Join("，", overridden) + "，与所填不同，请填写理由");
        }
    }

    /// <summary>Rows filled where the form prints "———" at this age.</summary>
    private static void NotExamined(ChildCheckup f, FieldErrors e)
    {
        foreach (var (item, path) in Filled(f))
        {
            if (!CheckupItems.Exists(item, f.Age))
            {
                e.Add(path, $"{f.Age.Label()}健康检查不检查“{item.Label()}”（表中为“———”），不能填写");
            }
        }
    }

    /// <summary>Every row of the form that has something written in it, with its JSON path.</summary>
    internal static IEnumerable<(CheckupItem Item, string Path)> Filled(ChildCheckup f)
    {
        static bool Has<T>(Finding<T> x) where T : struct, Enum => x.Code is not null || !string.IsNullOrWhiteSpace(x.Detail);
        static bool Text(string? s) => !string.IsNullOrWhiteSpace(s);
        if (Has(f.HeartLungs)) yield return (CheckupItem.HeartLungs, "heartLungs");
        if (Has(f.Abdomen)) yield return (CheckupItem.Abdomen, "abdomen");
        if (f.HaemoglobinGPerL is not null) yield return (CheckupItem.Haemoglobin, "haemoglobinGPerL");
        if (Text(f.Other)) yield return (CheckupItem.Other, "other");
        if (f.InfantGuidance.Count > 0) yield return (CheckupItem.InfantGuidance, "infantGuidance");
        if (f.ChildGuidance.Count > 0) yield return (CheckupItem.ChildGuidance, "childGuidance");
        switch (f)
        {
            case InfantCheckup i:
                if (i.HeadCircumferenceCm is not null) yield return (CheckupItem.HeadCircumference, "headCircumferenceCm");
                if (Has(i.ComplexionEarly)) yield return (CheckupItem.ComplexionEarly, "complexionEarly");
                if (Has(i.Complexion)) yield return (CheckupItem.Complexion, "complexion");
                if (Has(i.Skin)) yield return (CheckupItem.Skin, "skin");
                if (i.Fontanelle != new FontanelleFinding()) yield return (CheckupItem.Fontanelle, "fontanelle");
                if (i.NeckMass is not null) yield return (CheckupItem.NeckMass, "neckMass");
                if (Has(i.Eyes)) yield return (CheckupItem.Eyes, "eyes");
                if (Has(i.Ears)) yield return (CheckupItem.Ears, "ears");
                if (i.Hearing is not null) yield return (CheckupItem.Hearing, "hearing");
                if (Has(i.Mouth)) yield return (CheckupItem.Mouth, "mouth");
                if (i.TeethErupted is not null) yield return (CheckupItem.TeethErupted, "teethErupted");
                if (Has(i.UmbilicusNewborn)) yield return (CheckupItem.UmbilicusNewborn, "umbilicusNewborn");
                if (Has(i.Umbilicus)) yield return (CheckupItem.Umbilicus, "umbilicus");
                if (Has(i.Limbs)) yield return (CheckupItem.Limbs, "limbs");
                if (i.RicketsSymptoms.Count > 0) yield return (CheckupItem.RicketsSymptoms, "ricketsSymptoms");
                if (i.RicketsSignsEarly.Count > 0) yield return (CheckupItem.RicketsSignsEarly, "ricketsSignsEarly");
                if (i.RicketsSigns.Count > 0) yield return (CheckupItem.RicketsSignsInfant, "ricketsSigns");
                if (Has(i.AnusGenitalia)) yield return (CheckupItem.AnusGenitalia, "anusGenitalia");
                if (i.OutdoorHoursPerDay is not null) yield return (CheckupItem.OutdoorActivity, "outdoorHoursPerDay");
                if (i.VitaminD != new VitaminD()) yield return (CheckupItem.VitaminD, "vitaminD");
                if (i.Development is not null) yield return (CheckupItem.Development, "development");
                if (Has(i.Illness)) yield return (CheckupItem.Illness, "illness");
                break;
            case ToddlerCheckup t:
                if (Has(t.Complexion)) yield return (CheckupItem.Complexion, "complexion");
                if (Has(t.Skin)) yield return (CheckupItem.Skin, "skin");
                if (t.Fontanelle != new FontanelleFinding()) yield return (CheckupItem.Fontanelle, "fontanelle");
                if (Has(t.Eyes)) yield return (CheckupItem.Eyes, "eyes");
                if (Has(t.Ears)) yield return (CheckupItem.Ears, "ears");
                if (t.Hearing is not null) yield return (CheckupItem.Hearing, "hearing");
                if (t.TeethErupted is not null) yield return (CheckupItem.TeethErupted, "teethErupted");
                if (t.Caries is not null) yield return (CheckupItem.Caries, "caries");
                if (Has(t.Limbs)) yield return (CheckupItem.Limbs, "limbs");
                if (Has(t.Gait)) yield return (CheckupItem.Gait, "gait");
                if (t.RicketsSigns.Count > 0) yield return (CheckupItem.RicketsSignsToddler, "ricketsSigns");
                if (t.OutdoorHoursPerDay is not null) yield return (CheckupItem.OutdoorActivity, "outdoorHoursPerDay");
                if (t.VitaminD != new VitaminD()) yield return (CheckupItem.VitaminD, "vitaminD");
                if (t.Development is not null) yield return (CheckupItem.Development, "development");
                if (Has(t.Illness)) yield return (CheckupItem.Illness, "illness");
                break;
            case PreschoolCheckup p:
                if (p.PhysicalDevelopment.Count > 0) yield return (CheckupItem.PhysicalDevelopment, "physicalDevelopment");
                if (p.Vision != new Vision()) yield return (CheckupItem.Vision, "vision");
                if (p.Hearing is not null) yield return (CheckupItem.Hearing, "hearing");
                if (p.Teeth is not null) yield return (CheckupItem.Teeth, "teeth");
                if (p.Caries is not null) yield return (CheckupItem.Caries, "caries");
                if (Text(p.PhysicalOther)) yield return (CheckupItem.PhysicalOther, "physicalOther");
                if (p.Illnesses.Count > 0) yield return (CheckupItem.PreschoolIllness, "illnesses");
                break;
        }
    }

    /// <summary>Codes, blanks and ranges of every row.</summary>
    private static void Rows(ChildCheckup f, FieldErrors e)
    {
        e.Finding("heartLungs", f.HeartLungs, "心肺");
        e.Finding("abdomen", f.Abdomen, "腹部");
        e.Range("haemoglobinGPerL", f.HaemoglobinGPerL, PlausibleRanges.Hemoglobin, "血红蛋白值");
        e.Multi("infantGuidance", f.InfantGuidance, "指导");
        e.Multi("childGuidance", f.ChildGuidance, "指导");
        switch (f)
        {
            case InfantCheckup i:
                e.Range("headCircumferenceCm", i.HeadCircumferenceCm, PlausibleRanges.HeadCircumference);
                e.Finding("complexionEarly", i.ComplexionEarly, "面色");
                e.Finding("complexion", i.Complexion, "面色");
                e.Finding("skin", i.Skin, "皮肤");
                Fontanelle(e, i.Fontanelle);
                e.Coded("neckMass", i.NeckMass, "颈部包块");
                e.Finding("eyes", i.Eyes, "眼外观");
                e.Finding("ears", i.Ears, "耳外观");
                e.Coded("hearing", i.Hearing, "听力");
                e.Finding("mouth", i.Mouth, "口腔");
                e.Range("teethErupted", i.TeethErupted, 0, ChildRanges.TeethEruptedMax, "出牙数", "颗");
                e.Finding("umbilicusNewborn", i.UmbilicusNewborn, "脐部");
                e.Finding("umbilicus", i.Umbilicus, "脐部");
                e.Finding("limbs", i.Limbs, "四肢");
                e.Multi("ricketsSymptoms", i.RicketsSymptoms, "可疑佝偻病症状", RicketsSymptom.None);
                e.Multi("ricketsSignsEarly", i.RicketsSignsEarly, "可疑佝偻病体征", RicketsSignEarly.None);
                e.Multi("ricketsSigns", i.RicketsSigns, "可疑佝偻病体征");
                e.Finding("anusGenitalia", i.AnusGenitalia, "肛门/外生殖器");
                Habits(e, i.OutdoorHoursPerDay, i.VitaminD);
                e.Coded("development", i.Development, "发育评估");
                e.Finding("illness", i.Illness, "两次随访间患病情况");
                break;
            case ToddlerCheckup t:
                e.Finding("complexion", t.Complexion, "面色");
                e.Finding("skin", t.Skin, "皮肤");
                Fontanelle(e, t.Fontanelle);
                e.Finding("eyes", t.Eyes, "眼外观");
                e.Finding("ears", t.Ears, "耳外观");
                e.Coded("hearing", t.Hearing, "听力");
                e.Range("teethErupted", t.TeethErupted, 0, ChildRanges.TeethEruptedMax, "出牙数", "颗");
                e.Range("caries", t.Caries, 0, ChildRanges.TeethEruptedMax, "龋齿数", "颗");
                if (t.Caries > t.TeethErupted)
                {
                    e.Add("caries", "龋齿数不能多于出牙数");
                }
                e.Finding("limbs", t.Limbs, "四肢");
                e.Finding("gait", t.Gait, "步态");
                e.Multi("ricketsSigns", t.RicketsSigns, "可疑佝偻病体征");
                Habits(e, t.OutdoorHoursPerDay, t.VitaminD);
                e.Coded("development", t.Development, "发育评估");
                e.Finding("illness", t.Illness, "两次随访间患病情况");
                break;
            case PreschoolCheckup p:
                VisionRow(e, p.Vision);
                e.Coded("hearing", p.Hearing, "听力");
                e.Range("teeth", p.Teeth, 0, ChildRanges.TeethMax, "牙数", "颗");
                e.Range("caries", p.Caries, 0, ChildRanges.TeethMax, "龋齿数", "颗");
                if (p.Caries > p.Teeth)
                {
                    e.Add("caries", "龋齿数不能多于牙数");
                }
                PreschoolIllnesses(e, p.Illnesses);
                break;
        }
    }

    private static void Fontanelle(FieldErrors e, FontanelleFinding x)
    {
        e.Coded("fontanelle.state", x.State, "前囟");
        e.Range("fontanelle.lengthCm", x.LengthCm, PlausibleRanges.Fontanelle);
        e.Range("fontanelle.widthCm", x.WidthCm, PlausibleRanges.Fontanelle);
        if (x.State == Children.Fontanelle.Open && (x.LengthCm is null || x.WidthCm is null))
        {
            e.Add("fontanelle.lengthCm", "前囟未闭，请填写大小（__cm × __cm）");
        }
        if (x.State != Children.Fontanelle.Open && (x.LengthCm is not null || x.WidthCm is not null))
        {
            e.Add("fontanelle.state", "填写了前囟大小，前囟应为“2 未闭”");
        }
    }

    private static void Habits(FieldErrors e, decimal? outdoor, VitaminD vitaminD)
    {
        e.Range("outdoorHoursPerDay", outdoor, 0m, ChildRanges.OutdoorMaxHours, "户外活动", "小时/日");
        e.Range("vitaminD.iuPerDay", vitaminD.IuPerDay, 0, ChildRanges.VitaminDMaxIu, "维生素D", "IU/日");
        // 附件2/3 填表说明 5: 填写具体的维生素D名称、每日剂量 … 未补充，填写“0”
        if (vitaminD.IuPerDay > 0 && string.IsNullOrWhiteSpace(vitaminD.Name))
        {
            e.Add("vitaminD.name", "请填写维生素D的名称");
        }
        if (vitaminD.IuPerDay is null && !string.IsNullOrWhiteSpace(vitaminD.Name))
        {
            e.Add("vitaminD.iuPerDay", "请填写维生素D每日剂量（未补充填0）");
        }
    }

    private static void VisionRow(FieldErrors e, Vision v)
    {
        e.Coded("vision.chart", v.Chart, "视力表");
        if ((v.Left is not null || v.Right is not null) && v.Chart is null)
        {
            e.Add("vision.chart", "请选择所用视力表（国际标准视力表或标准对数视力表）");
        }
        var range = v.Chart == VisionChart.FivePoint ? PlausibleRanges.VisionFivePoint : PlausibleRanges.VisionDecimal;
        e.Range("vision.left", v.Left, range, "左眼视力");
        e.Range("vision.right", v.Right, range, "右眼视力");
    }

    private static void PreschoolIllnesses(FieldErrors e, IReadOnlyList<IllnessCount> illnesses)
    {
        e.Multi("illnesses", illnesses.Select(i => i.Illness).ToArray(), "两次随访间患病情况", PreschoolIllness.None);
        for (var k = 0; k < illnesses.Count; k++)
        {
            var x = illnesses[k];
            e.Range($"illnesses[{k}].times", x.Times, 0, ChildRanges.IllnessTimesMax, x.Illness.Label(), "次");
            if (x.Illness == PreschoolIllness.Other && string.IsNullOrWhiteSpace(x.Detail))
            {
                e.Add($"illnesses[{k}].detail", "选择“其他”，请写明疾病名称");
            }
            if (x.Illness == PreschoolIllness.None && x.Times is not null)
            {
                e.Add($"illnesses[{k}].times", "选择“无”时不填写次数");
            }
        }
    }

    /// <summary>The screenings the specification makes part of a check-up at this age.</summary>
    private static void Screenings(ChildCheckup f, CheckupContext c, FieldErrors e)
    {
        HearingScreen? hearing = f switch { InfantCheckup i => i.Hearing, ToddlerCheckup t => t.Hearing, PreschoolCheckup p => p.Hearing, _ => null };
        // 004 儿童 二(三): 在6、12、24、36月龄时 … 分别进行1次听力筛查
        if (CheckupItems.HearingScreened(f.Age) && hearing is null)
        {
            e.Add("hearing", $"{f.Age.Label()}须进行听力筛查，请填写结果");
        }
        // 004 儿童 二(三): 6~8、18、30月龄 血常规检测; 二(四) 4~6岁 血常规检测
        if (CheckupItems.HaemoglobinExpected(f.Age, c.HaemoglobinDoneAtSixMonths) && f.HaemoglobinGPerL is null)
        {
            e.Add("haemoglobinGPerL", f.Age == CheckupAge.Months8
                ? "6~8月龄须检测1次血红蛋白，6月龄未检测，请填写血红蛋白值"
                : $"{f.Age.Label()}须检测血红蛋白，请填写血红蛋白值");
        }
        // 004 儿童 二(四): 4~6岁 视力筛查
        if (f is PreschoolCheckup pre && CheckupItems.VisionScreened(pre.Age) && (pre.Vision.Left is null || pre.Vision.Right is null))
        {
            e.Add("vision.left", $"{pre.Age.Label()}须进行视力筛查，请填写左右眼视力");
        }
    }

    private static void Referral(ChildCheckup f, CheckupContext c, int ageInDays, FieldErrors e)
    {
        var r = f.Referral;
        e.Coded("referral.advice", r.Advice, "转诊建议");
        if (r.Advice == ReferralAdvice.Yes && string.IsNullOrWhiteSpace(r.Reason))
        {
            e.Add("referral.reason", "转诊建议为“有”，请填写转诊原因");
        }
        if (r.Advice == ReferralAdvice.Yes && string.IsNullOrWhiteSpace(r.InstitutionAndDepartment))
        {
            e.Add("referral.institutionAndDepartment", "请填写转诊的机构及科室");
        }
        if (r.Advice != ReferralAdvice.Yes && (!string.IsNullOrWhiteSpace(r.Reason) || !string.IsNullOrWhiteSpace(r.InstitutionAndDepartment)))
        {
            e.Add("referral.advice", "填写了转诊原因或机构，转诊建议应为“2 有”");
        }
        if (f.VisitDate == default || ageInDays < 0 || e.ContainsKey("weightKg") || e.ContainsKey("heightCm"))
        {
            return;
        }
        // 004 儿童 二(五): 口腔发育异常、龋齿、视力低常或听力异常儿童应及时转诊
        var problems = ChildHealthProblems.Find(f, ageInDays, Judge(f, c.BirthDate, c.Sex, c.CutOffs), c.CutOffs ?? GrowthCutOffs.Default, c.Screening ?? ScreeningCutOffs.Default);
        if (ChildHealthProblems.NeedsReferral(problems) && r.Advice != ReferralAdvice.Yes && string.IsNullOrWhiteSpace(f.OverrideReason))
        {
            var reasons = string.Join("；", problems.Where(p => p.Action == ProblemAction.Referral).Select(p => p.Reason));
            e.Add("referral.advice", $"{reasons}：规范要求及时转诊，请填写转诊建议，或填写不转诊的理由");
        }
    }

    private static string AgeText(int ageInDays)
    {
        var months = (int)Math.Floor(WhoGrowth.AgeInMonths(ageInDays));
        return months < 1 ? $"{ageInDays}天龄" : months < 36 ? $"{months}月龄" : $"{months / 12}岁{(months % 12 == 0 ? "" : months % 12 + "个月")}";
    }
}
