using HealthRecords.Domain.Elderly;

namespace HealthRecords.Domain.Examinations;

/// <summary>
/// Checks a 健康体检表 for what can be refused outright: codes that are not on the form, values out of a plausible
/// range for their unit, answers that contradict each other, dates in the future. Errors are keyed by the
/// camelCase JSON path of the field ("general.systolicLeft", "medications[2].name") with messages in Chinese; an
/// empty result means valid. Missing answers are not errors here: an incomplete form may be saved and is counted
/// by <see cref="ExaminationCompleteness"/>.
/// </summary>
public static class ExaminationValidator
{
    /// <summary>The plausible range of a measured value on the form: a value outside is a typing or unit error.</summary>
    public sealed record Range(string Key, string Name, PlausibleRange Limits)
    {
        public decimal Min => Limits.Min;
        public decimal Max => Limits.Max;
        public string Unit => Limits.Unit;
    }

    /// <summary>
    /// Ranges of vital signs and lab values, in the units the form prints (004 附件4): the shared table
    /// (<see cref="PlausibleRanges"/>) for every measurement another form records too; the form's own scores and ages here.
    /// </summary>
    public static readonly IReadOnlyList<Range> Ranges =
    [
        new("general.temperature", "体温", PlausibleRanges.Temperature),
        new("general.pulse", "脉率", PlausibleRanges.HeartRate),
        new("general.respiration", "呼吸频率", PlausibleRanges.Respiration),
        new("general.systolicLeft", "左侧收缩压", PlausibleRanges.Systolic),
        new("general.diastolicLeft", "左侧舒张压", PlausibleRanges.Diastolic),
        new("general.systolicRight", "右侧收缩压", PlausibleRanges.Systolic),
        new("general.diastolicRight", "右侧舒张压", PlausibleRanges.Diastolic),
        new("general.height", "身高", PlausibleRanges.Height),
        new("general.weight", "体重", PlausibleRanges.Weight),
        new("general.waist", "腰围", PlausibleRanges.Waist),
        new("general.mmseScore", "简易智力状态检查总分", new PlausibleRange("简易智力状态检查总分", 0m, 30m, "分")),
        new("general.gdsScore", "老年人抑郁评分", new PlausibleRange("老年人抑郁评分", 0m, 30m, "分")),
        new("lifestyle.exerciseMinutes", "每次锻炼时间", PlausibleRanges.ExerciseMinutes),
        new("lifestyle.exerciseYears", "坚持锻炼时间", new PlausibleRange("坚持锻炼时间", 0m, 100m, "年")),
        new("lifestyle.cigarettesPerDay", "日吸烟量", PlausibleRanges.CigarettesPerDay),
        new("lifestyle.smokingStartAge", "开始吸烟年龄", new PlausibleRange("开始吸烟年龄", 5m, 100m, "岁")),
        new("lifestyle.smokingQuitAge", "戒烟年龄", new PlausibleRange("戒烟年龄", 5m, 120m, "岁")),
        new("lifestyle.dailyAlcohol", "日饮酒量", PlausibleRanges.AlcoholLiangPerDay),
        new("lifestyle.drinkingStartAge", "开始饮酒年龄", new PlausibleRange("开始饮酒年龄", 5m, 100m, "岁")),
        new("lifestyle.drinkingQuitAge", "戒酒年龄", new PlausibleRange("戒酒年龄", 5m, 120m, "岁")),
        new("lifestyle.yearsInJob", "从业时间", new PlausibleRange("从业时间", 0m, 80m, "年")),
        new("organs.visionLeft", "左眼视力", new PlausibleRange("左眼视力", 0m, 5.3m, "（小数记录0~2.0或五分记录3.0~5.3）")),
        new("organs.visionRight", "右眼视力", new PlausibleRange("右眼视力", 0m, 5.3m, "（小数记录0~2.0或五分记录3.0~5.3）")),
        new("organs.correctedLeft", "左眼矫正视力", new PlausibleRange("左眼矫正视力", 0m, 5.3m, "（小数记录0~2.0或五分记录3.0~5.3）")),
        new("organs.correctedRight", "右眼矫正视力", new PlausibleRange("右眼矫正视力", 0m, 5.3m, "（小数记录0~2.0或五分记录3.0~5.3）")),
        new("physical.heartRate", "心率", PlausibleRanges.HeartRate),
        new("auxiliary.hemoglobin", "血红蛋白", PlausibleRanges.Hemoglobin),
        new("auxiliary.whiteCells", "白细胞", PlausibleRanges.WhiteCells),
        new("auxiliary.platelets", "血小板", PlausibleRanges.Platelets),
        new("auxiliary.fastingGlucoseMmol", "空腹血糖", PlausibleRanges.FastingGlucoseMmol),
        new("auxiliary.fastingGlucoseMgdl", "空腹血糖", PlausibleRanges.FastingGlucoseMgdl),
        new("auxiliary.urineMicroalbumin", "尿微量白蛋白", PlausibleRanges.UrineMicroalbumin),
        new("auxiliary.hbA1c", "糖化血红蛋白", PlausibleRanges.HbA1c),
        new("auxiliary.alt", "血清谷丙转氨酶", PlausibleRanges.Alt),
        new("auxiliary.ast", "血清谷草转氨酶", PlausibleRanges.Ast),
        new("auxiliary.albumin", "白蛋白", PlausibleRanges.Albumin),
        new("auxiliary.totalBilirubin", "总胆红素", PlausibleRanges.TotalBilirubin),
        new("auxiliary.directBilirubin", "结合胆红素", PlausibleRanges.DirectBilirubin),
        new("auxiliary.creatinine", "血清肌酐", PlausibleRanges.Creatinine),
        new("auxiliary.urea", "血尿素氮", PlausibleRanges.Urea),
        new("auxiliary.potassium", "血钾浓度", PlausibleRanges.Potassium),
        new("auxiliary.sodium", "血钠浓度", PlausibleRanges.Sodium),
        new("auxiliary.totalCholesterol", "总胆固醇", PlausibleRanges.TotalCholesterol),
        new("auxiliary.triglycerides", "甘油三酯", PlausibleRanges.Triglycerides),
        new("auxiliary.ldl", "血清低密度脂蛋白胆固醇", PlausibleRanges.Ldl),
        new("auxiliary.hdl", "血清高密度脂蛋白胆固醇", PlausibleRanges.Hdl),
    ];

    /// <summary>The form with its computed fields set: BMI from height and weight, the self-care band from the table.</summary>
    public static HealthExamination WithComputed(HealthExamination f) => f with
    {
        General = f.General with
        {
            Bmi = Bmi.Compute(f.General.Height, f.General.Weight),
            SelfCareLevel = SelfCareAssessment.Level(f.General.SelfCare),
        },
    };

    public static IReadOnlyDictionary<string, string[]> Validate(HealthExamination f, ExamSubject subject, DateOnly today)
    {
        var e = new FieldErrors();
        CheckDate(f, subject, today, e);
        if ((f.Doctor?.Trim().Length ?? 0) > 50)
        {
            e.Add("doctor", "责任医生不能超过50个字");
        }
        e.Multi("symptoms", f.Symptoms, "症状", Symptom.None, Symptom.Other, f.SymptomOther, "symptomOther");
        CheckGeneral(f, e);
        CheckLifestyle(f.Lifestyle, subject, f.ExamDate, e);
        CheckOrgans(f.Organs, e);
        CheckPhysical(f.Physical, subject, e);
        CheckAuxiliary(f.Auxiliary, subject, e);
        foreach (var (constitution, answer) in f.Tcm.All())
        {
            e.Coded($"tcm.{char.ToLowerInvariant(constitution.ToString()[0])}{constitution.ToString()[1..]}", answer, constitution.Label());
        }
        CheckProblems(f.Problems, e);
        CheckStays("hospitalisations", f.Hospitalisations, "住院", "入院", "出院", f.ExamDate, subject.BirthDate, e);
        CheckStays("homeBeds", f.HomeBeds, "家庭病床", "建床", "撤床", f.ExamDate, subject.BirthDate, e);
        CheckMedications(f.Medications, e);
        CheckVaccinations(f.Vaccinations, f.ExamDate, subject.BirthDate, e);
        CheckEvaluation(f, e);
        e.Multi("guidance", f.Guidance, "健康指导", none: null, other: null, null, "");
        e.Multi("riskFactors", f.RiskFactors, "危险因素控制", none: null, RiskFactorControl.Other, f.RiskFactorOther, "riskFactorOther");
        if (f.RiskFactors.Contains(RiskFactorControl.LoseWeight) && string.IsNullOrWhiteSpace(f.TargetWeight))
        {
            e.Add("targetWeight", "选择“减体重”请填写目标");
        }
        if (f.RiskFactors.Contains(RiskFactorControl.Vaccination) && string.IsNullOrWhiteSpace(f.SuggestedVaccine))
        {
            e.Add("suggestedVaccine", "选择“建议接种疫苗”请写明疫苗名称");
        }
        foreach (var range in Ranges)
        {
            e.Range(range.Key, ValueAt(f, range.Key), range.Limits, range.Name);
        }
        return e;
    }

    private static void CheckDate(HealthExamination f, ExamSubject subject, DateOnly today, FieldErrors e)
    {
        if (f.ExamDate == default)
        {
            e.Add("examDate", "请填写体检日期");
        }
        else if (f.ExamDate > today)
        {
            e.Add("examDate", "体检日期不能晚于今天");
        }
        else if (f.ExamDate < subject.BirthDate)
        {
            e.Add("examDate", "体检日期不能早于出生日期");
        }
    }

    private static void CheckGeneral(HealthExamination f, FieldErrors e)
    {
        var g = f.General;
        foreach (var side in new[] { ("Left", g.SystolicLeft, g.DiastolicLeft, "左侧"), ("Right", g.SystolicRight, g.DiastolicRight, "右侧") })
        {
            var (name, sys, dia, label) = side;
            if (sys is int s && dia is int d && s <= d)
            {
                e.Add($"general.systolic{name}", $"{label}收缩压应高于舒张压，请核对");
            }
            if ((sys is null) != (dia is null))
            {
                e.Add(sys is null ? $"general.systolic{name}" : $"general.diastolic{name}", $"{label}血压请同时填写收缩压和舒张压");
            }
        }
        e.Coded("general.healthStatus", g.HealthStatus, "老年人健康状态自我评估");
        foreach (var (key, message) in SelfCareAssessment.Check(g.SelfCare))
        {
            e.Add($"general.selfCare.{key}", message);
        }
        e.Coded("general.cognition", g.Cognition, "老年人认知功能");
        e.Coded("general.affect", g.Affect, "老年人情感状态");
        // 004 附件4 填表说明 3: a positive rough screen leads to the MMSE / GDS; a negative one does not.
        if (g.Cognition == ScreenResult.Negative && g.MmseScore is not null)
        {
            e.Add("general.mmseScore", "认知功能粗筛阴性时不做简易智力状态检查，请勿填写总分");
        }
        if (g.Cognition == ScreenResult.Positive && g.MmseScore is null)
        {
            e.Add("general.mmseScore", "认知功能粗筛阳性，请填写简易智力状态检查总分");
        }
        if (g.Affect == ScreenResult.Negative && g.GdsScore is not null)
        {
            e.Add("general.gdsScore", "情感状态粗筛阴性时不做老年抑郁量表检查，请勿填写总分");
        }
        if (g.Affect == ScreenResult.Positive && g.GdsScore is null)
        {
            e.Add("general.gdsScore", "情感状态粗筛阳性，请填写老年人抑郁评分总分");
        }
    }

    private static void CheckLifestyle(Lifestyle l, ExamSubject subject, DateOnly examDate, FieldErrors e)
    {
        var age = examDate == default ? (int?)null : Records.Age.AgeOn(subject.BirthDate, examDate);
        e.Coded("lifestyle.exerciseFrequency", l.ExerciseFrequency, "锻炼频率");
        if (l.ExerciseFrequency == ExerciseFrequency.Never)
        {
            e.Empty("lifestyle.exerciseMinutes", l.ExerciseMinutes, "不锻炼者不填写每次锻炼时间");
            e.Empty("lifestyle.exerciseYears", l.ExerciseYears, "不锻炼者不填写坚持锻炼时间");
            e.Empty("lifestyle.exerciseKind", l.ExerciseKind, "不锻炼者不填写锻炼方式");
        }
        e.Multi("lifestyle.diet", l.Diet, "饮食习惯", none: null, other: null, null, "");
        if (l.Diet.Contains(DietHabit.MeatBased) && l.Diet.Contains(DietHabit.Vegetarian))
        {
            e.Add("lifestyle.diet", "“荤食为主”和“素食为主”不能同时选择");
        }
        e.Coded("lifestyle.smoking", l.Smoking, "吸烟状况");
        // 004 附件4 填表说明 4: “从不吸烟者”不必填写“日吸烟量”、“开始吸烟年龄”、“戒烟年龄”等.
        if (l.Smoking == SmokingStatus.Never)
        {
            e.Empty("lifestyle.cigarettesPerDay", l.CigarettesPerDay, "从不吸烟者不填写日吸烟量");
            e.Empty("lifestyle.smokingStartAge", l.SmokingStartAge, "从不吸烟者不填写开始吸烟年龄");
            e.Empty("lifestyle.smokingQuitAge", l.SmokingQuitAge, "从不吸烟者不填写戒烟年龄");
        }
        if (l.Smoking == SmokingStatus.Smoker)
        {
            e.Empty("lifestyle.smokingQuitAge", l.SmokingQuitAge, "仍在吸烟者不填写戒烟年龄");
        }
        if (l.SmokingStartAge is int ss && l.SmokingQuitAge is int sq && sq < ss)
        {
            e.Add("lifestyle.smokingQuitAge", "戒烟年龄不能小于开始吸烟年龄");
        }
        e.Coded("lifestyle.drinking", l.Drinking, "饮酒频率");
        e.Coded("lifestyle.quitDrinking", l.QuitDrinking, "是否戒酒");
        e.Coded("lifestyle.drunkLastYear", l.DrunkLastYear, "近一年内是否曾醉酒");
        // 004 附件4 填表说明 4: “从不饮酒者”不必填写其他有关饮酒情况项目.
        if (l.Drinking == DrinkingFrequency.Never)
        {
            e.Empty("lifestyle.dailyAlcohol", l.DailyAlcohol, "从不饮酒者不填写日饮酒量");
            e.Empty("lifestyle.quitDrinking", l.QuitDrinking, "从不饮酒者不填写是否戒酒");
            e.Empty("lifestyle.drinkingQuitAge", l.DrinkingQuitAge, "从不饮酒者不填写戒酒年龄");
            e.Empty("lifestyle.drinkingStartAge", l.DrinkingStartAge, "从不饮酒者不填写开始饮酒年龄");
            e.Empty("lifestyle.drunkLastYear", l.DrunkLastYear, "从不饮酒者不填写是否曾醉酒");
            if (l.AlcoholTypes.Count > 0)
            {
                e.Add("lifestyle.alcoholTypes", "从不饮酒者不填写饮酒种类");
            }
        }
        if (l.QuitDrinking == QuitDrinking.Yes && l.DrinkingQuitAge is null)
        {
            e.Add("lifestyle.drinkingQuitAge", "已戒酒请填写戒酒年龄");
        }
        if (l.QuitDrinking == QuitDrinking.No)
        {
            e.Empty("lifestyle.drinkingQuitAge", l.DrinkingQuitAge, "未戒酒者不填写戒酒年龄");
        }
        if (l.DrinkingStartAge is int ds && l.DrinkingQuitAge is int dq && dq < ds)
        {
            e.Add("lifestyle.drinkingQuitAge", "戒酒年龄不能小于开始饮酒年龄");
        }
        if (age is int a)
        {
            foreach (var (key, value, name) in new[]
            {
                ("lifestyle.smokingStartAge", l.SmokingStartAge, "开始吸烟年龄"), ("lifestyle.smokingQuitAge", l.SmokingQuitAge, "戒烟年龄"),
                ("lifestyle.drinkingStartAge", l.DrinkingStartAge, "开始饮酒年龄"), ("lifestyle.drinkingQuitAge", l.DrinkingQuitAge, "戒酒年龄"),
            })
            {
                if (value is int v && v > a)
                {
                    e.Add(key, $"{name}不能大于体检时的年龄（{a}岁）");
                }
            }
        }
        e.Multi("lifestyle.alcoholTypes", l.AlcoholTypes, "饮酒种类", none: null, AlcoholType.Other, l.AlcoholOther, "lifestyle.alcoholOther");
        e.Coded("lifestyle.occupationalExposure", l.OccupationalExposure, "职业病危害因素接触史");
        var hazards = new[] { ("dust", l.Dust, "粉尘"), ("radiation", l.Radiation, "放射物质"), ("physical", l.Physical, "物理因素"), ("chemical", l.Chemical, "化学物质"), ("other", l.Other, "其他") };
        if (l.OccupationalExposure == NoYes.No)
        {
            e.Empty("lifestyle.job", l.Job, "无职业病危害因素接触史时不填写工种");
            e.Empty("lifestyle.yearsInJob", l.YearsInJob, "无职业病危害因素接触史时不填写从业时间");
            foreach (var (key, hazard, name) in hazards)
            {
                if (!string.IsNullOrWhiteSpace(hazard.Name) || hazard.Protection is not null)
                {
                    e.Add($"lifestyle.{key}.name", $"无职业病危害因素接触史时不填写{name}");
                }
            }
        }
        if (l.OccupationalExposure == NoYes.Yes && hazards.All(h => string.IsNullOrWhiteSpace(h.Item2.Name)))
        {
            // 004 附件4 填表说明 4: 如有，需填写具体粉尘、放射物质、物理因素、化学物质的名称或填不详.
            e.Add("lifestyle.dust.name", "有职业病危害因素接触史，请填写毒物名称（不清楚可填“不详”）");
        }
        foreach (var (key, hazard, name) in hazards)
        {
            e.Coded($"lifestyle.{key}.protection", hazard.Protection, $"{name}防护措施");
            if (hazard.Protection == NoYes.Yes && string.IsNullOrWhiteSpace(hazard.ProtectionDetail))
            {
                e.Add($"lifestyle.{key}.protectionDetail", $"请写明{name}的防护措施");
            }
        }
    }

    private static void CheckOrgans(OrganFunction o, FieldErrors e)
    {
        e.Coded("organs.lips", o.Lips, "口唇");
        e.Coded("organs.dentition", o.Dentition, "齿列");
        e.Coded("organs.pharynx", o.Pharynx, "咽部");
        e.Coded("organs.hearing", o.Hearing, "听力");
        e.Coded("organs.motor", o.Motor, "运动功能");
    }

    private static void CheckPhysical(PhysicalExam p, ExamSubject subject, FieldErrors e)
    {
        e.Finding("physical.fundus", p.Fundus, "眼底");
        e.Finding("physical.skin", p.Skin, "皮肤");
        e.Finding("physical.sclera", p.Sclera, "巩膜");
        e.Finding("physical.lymphNodes", p.LymphNodes, "淋巴结");
        e.Coded("physical.barrelChest", p.BarrelChest, "桶状胸");
        e.Finding("physical.breathSounds", p.BreathSounds, "呼吸音");
        e.Finding("physical.rales", p.Rales, "罗音");
        e.Coded("physical.heartRhythm", p.HeartRhythm, "心律");
        e.Finding("physical.murmur", p.Murmur, "杂音");
        e.Finding("physical.tenderness", p.Tenderness, "压痛");
        e.Finding("physical.mass", p.Mass, "包块");
        e.Finding("physical.hepatomegaly", p.Hepatomegaly, "肝大");
        e.Finding("physical.splenomegaly", p.Splenomegaly, "脾大");
        e.Finding("physical.shiftingDullness", p.ShiftingDullness, "移动性浊音");
        e.Coded("physical.lowerLimbEdema", p.LowerLimbEdema, "下肢水肿");
        e.Coded("physical.dorsalisPedis", p.DorsalisPedis, "足背动脉搏动");
        e.Finding("physical.digitalRectal", p.DigitalRectal, "肛门指诊");
        if (p.DigitalRectal.Code == DigitalRectalExam.Prostate && subject.Sex == Sex.Female)
        {
            e.Add("physical.digitalRectal.code", "女性不能选择“前列腺异常”");
        }
        e.Multi("physical.breast", p.Breast, "乳腺", BreastFinding.Normal, BreastFinding.Other, p.BreastOther, "physical.breastOther");
        var gyn = p.Gynaecology;
        if (!ExaminationItems.ShowsGynaecology(subject.Sex))
        {
            if (!gyn.IsEmpty)
            {
                e.Add("physical.gynaecology", "妇科检查只适用于女性");
            }
            return;
        }
        e.Finding("physical.gynaecology.vulva", gyn.Vulva, "外阴");
        e.Finding("physical.gynaecology.vagina", gyn.Vagina, "阴道");
        e.Finding("physical.gynaecology.cervix", gyn.Cervix, "宫颈");
        e.Finding("physical.gynaecology.uterus", gyn.Uterus, "宫体");
        e.Finding("physical.gynaecology.adnexa", gyn.Adnexa, "附件");
    }

    private static void CheckAuxiliary(AuxiliaryTests a, ExamSubject subject, FieldErrors e)
    {
        e.Finding("auxiliary.ecg", a.Ecg, "心电图");
        e.Coded("auxiliary.fecalOccultBlood", a.FecalOccultBlood, "大便潜血");
        e.Coded("auxiliary.hbsAg", a.HbsAg, "乙型肝炎表面抗原");
        e.Finding("auxiliary.chestXray", a.ChestXray, "胸部X线");
        e.Finding("auxiliary.ultrasound", a.Ultrasound, "B超");
        if (!ExaminationItems.ShowsGynaecology(subject.Sex))
        {
            if (a.PapSmear.Code is not null || !string.IsNullOrWhiteSpace(a.PapSmear.Detail))
            {
                e.Add("auxiliary.papSmear.code", "宫颈涂片只适用于女性");
            }
        }
        else
        {
            e.Finding("auxiliary.papSmear", a.PapSmear, "宫颈涂片");
        }
        // 空腹血糖 mmol/L 或 mg/dL: when both are written they must be the same value (1 mmol/L = 18 mg/dL).
        if (a.FastingGlucoseMmol is decimal mmol && a.FastingGlucoseMgdl is decimal mgdl && Math.Abs(mmol * 18m - mgdl) > 0.5m + mmol * 18m * 0.02m)
        {
            e.Add("auxiliary.fastingGlucoseMgdl", $"两种单位的空腹血糖不一致：{Num(mmol)} mmol/L 约为 {Num(Math.Round(mmol * 18m, 0))} mg/dL");
        }
        if (a.TotalBilirubin is decimal tb && a.DirectBilirubin is decimal db && db > tb)
        {
            e.Add("auxiliary.directBilirubin", "结合胆红素不能高于总胆红素");
        }
        if (a.TotalCholesterol is decimal tc && ((a.Ldl is decimal ldl && ldl > tc) || (a.Hdl is decimal hdl && hdl > tc)))
        {
            e.Add("auxiliary.totalCholesterol", "低密度或高密度脂蛋白胆固醇不能高于总胆固醇");
        }
        foreach (var (key, value, name) in new[]
        {
            ("auxiliary.urineProtein", a.UrineProtein, "尿蛋白"), ("auxiliary.urineGlucose", a.UrineGlucose, "尿糖"),
            ("auxiliary.urineKetones", a.UrineKetones, "尿酮体"), ("auxiliary.urineOccultBlood", a.UrineOccultBlood, "尿潜血"),
        })
        {
            if (value is { } v && !UrineResult.IsValid(v))
            {
                e.Add(key, $"{name}请填写定性结果（- ± + ++ +++ ++++）或定量结果及单位");
            }
        }
    }

    private static void CheckProblems(HealthProblems h, FieldErrors e)
    {
        e.Multi("problems.cerebrovascular", h.Cerebrovascular, "脑血管疾病", CerebrovascularDisease.None, CerebrovascularDisease.Other, h.CerebrovascularOther, "problems.cerebrovascularOther");
        e.Multi("problems.kidney", h.Kidney, "肾脏疾病", KidneyDisease.None, KidneyDisease.Other, h.KidneyOther, "problems.kidneyOther");
        e.Multi("problems.heart", h.Heart, "心脏疾病", HeartDisease.None, HeartDisease.Other, h.HeartOther, "problems.heartOther");
        e.Multi("problems.vascular", h.Vascular, "血管疾病", VascularDisease.None, VascularDisease.Other, h.VascularOther, "problems.vascularOther");
        e.Multi("problems.eye", h.Eye, "眼部疾病", EyeDisease.None, EyeDisease.Other, h.EyeOther, "problems.eyeOther");
        e.Finding("problems.neurological", h.Neurological, "神经系统疾病");
        e.Finding("problems.otherSystem", h.OtherSystem, "其他系统疾病");
    }

    private static void CheckStays(string key, IReadOnlyList<HospitalStay> stays, string what, string fromName, string toName, DateOnly examDate, DateOnly birth, FieldErrors e)
    {
        var latest = examDate == default ? (YearMonth?)null : YearMonth.Of(examDate);
        for (var i = 0; i < stays.Count; i++)
        {
            var s = stays[i];
            var k = $"{key}[{i}]";
            if (s.From is null && s.To is null && string.IsNullOrWhiteSpace(s.Reason) && string.IsNullOrWhiteSpace(s.Institution) && string.IsNullOrWhiteSpace(s.CaseNumber))
            {
                continue; // a blank row, as on paper
            }
            if (s.From is null)
            {
                e.Add($"{k}.from", $"请填写{fromName}日期（年月）");
            }
            if (s.From is { } f && latest is { } l1 && f.FirstDay > l1.FirstDay)
            {
                e.Add($"{k}.from", $"{fromName}日期不能晚于体检日期");
            }
            if (s.From is { } f2 && f2.FirstDay < YearMonth.Of(birth).FirstDay)
            {
                e.Add($"{k}.from", $"{fromName}日期不能早于出生日期");
            }
            if (s.To is { } t && latest is { } l2 && t.FirstDay > l2.FirstDay)
            {
                e.Add($"{k}.to", $"{toName}日期不能晚于体检日期");
            }
            if (s.From is { } a && s.To is { } b && b.FirstDay < a.FirstDay)
            {
                e.Add($"{k}.to", $"{toName}日期不能早于{fromName}日期");
            }
            if (string.IsNullOrWhiteSpace(s.Reason))
            {
                e.Add($"{k}.reason", $"请填写{what}原因");
            }
            if (string.IsNullOrWhiteSpace(s.Institution))
            {
                e.Add($"{k}.institution", "请填写医疗机构名称（全称）");
            }
        }
    }

    private static void CheckMedications(IReadOnlyList<Medication> medications, FieldErrors e)
    {
        for (var i = 0; i < medications.Count; i++)
        {
            var m = medications[i];
            var blank = string.IsNullOrWhiteSpace(m.Name) && string.IsNullOrWhiteSpace(m.Usage) && string.IsNullOrWhiteSpace(m.Dose)
                        && string.IsNullOrWhiteSpace(m.Duration) && m.Adherence is null;
            if (blank)
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(m.Name))
            {
                e.Add($"medications[{i}].name", "请填写药物名称（通用名）");
            }
            e.Coded($"medications[{i}].adherence", m.Adherence, "服药依从性");
        }
    }

    private static void CheckVaccinations(IReadOnlyList<Vaccination> vaccinations, DateOnly examDate, DateOnly birth, FieldErrors e)
    {
        for (var i = 0; i < vaccinations.Count; i++)
        {
            var v = vaccinations[i];
            if (string.IsNullOrWhiteSpace(v.Name) && v.Date is null && string.IsNullOrWhiteSpace(v.Institution))
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(v.Name))
            {
                e.Add($"vaccinations[{i}].name", "请填写疫苗名称（完整准确）");
            }
            if (v.Date is null)
            {
                e.Add($"vaccinations[{i}].date", "请填写接种日期");
            }
            else if (examDate != default && v.Date > examDate)
            {
                e.Add($"vaccinations[{i}].date", "接种日期不能晚于体检日期");
            }
            else if (v.Date < birth)
            {
                e.Add($"vaccinations[{i}].date", "接种日期不能早于出生日期");
            }
        }
    }

    private static void CheckEvaluation(HealthExamination f, FieldErrors e)
    {
        e.Coded("evaluation", f.Evaluation, "健康评价");
        var written = f.Abnormalities.Count(a => !string.IsNullOrWhiteSpace(a));
        if (f.Abnormalities.Count > 4)
        {
            e.Add("abnormalities", "健康评价最多填写4项异常");
        }
        if (f.Evaluation == HealthEvaluation.Abnormal && written == 0)
        {
            e.Add("abnormalities[0]", "健康评价为“有异常”，请写明异常");
        }
        if (f.Evaluation == HealthEvaluation.Normal && written > 0)
        {
            e.Add("abnormalities[0]", "健康评价为“体检无异常”时不填写异常");
        }
    }

    /// <summary>The numeric value at a JSON path listed in <see cref="Ranges"/>.</summary>
    public static decimal? ValueAt(HealthExamination f, string key) => key switch
    {
        "general.temperature" => f.General.Temperature,
        "general.pulse" => f.General.Pulse,
        "general.respiration" => f.General.Respiration,
        "general.systolicLeft" => f.General.SystolicLeft,
        "general.diastolicLeft" => f.General.DiastolicLeft,
        "general.systolicRight" => f.General.SystolicRight,
        "general.diastolicRight" => f.General.DiastolicRight,
        "general.height" => f.General.Height,
        "general.weight" => f.General.Weight,
        "general.waist" => f.General.Waist,
        "general.mmseScore" => f.General.MmseScore,
        "general.gdsScore" => f.General.GdsScore,
        "lifestyle.exerciseMinutes" => f.Lifestyle.ExerciseMinutes,
        "lifestyle.exerciseYears" => f.Lifestyle.ExerciseYears,
        "lifestyle.cigarettesPerDay" => f.Lifestyle.CigarettesPerDay,
        "lifestyle.smokingStartAge" => f.Lifestyle.SmokingStartAge,
        "lifestyle.smokingQuitAge" => f.Lifestyle.SmokingQuitAge,
        "lifestyle.dailyAlcohol" => f.Lifestyle.DailyAlcohol,
        "lifestyle.drinkingStartAge" => f.Lifestyle.DrinkingStartAge,
        "lifestyle.drinkingQuitAge" => f.Lifestyle.DrinkingQuitAge,
        "lifestyle.yearsInJob" => f.Lifestyle.YearsInJob,
        "organs.visionLeft" => f.Organs.VisionLeft,
        "organs.visionRight" => f.Organs.VisionRight,
        "organs.correctedLeft" => f.Organs.CorrectedLeft,
        "organs.correctedRight" => f.Organs.CorrectedRight,
        "physical.heartRate" => f.Physical.HeartRate,
        "auxiliary.hemoglobin" => f.Auxiliary.Hemoglobin,
        "auxiliary.whiteCells" => f.Auxiliary.WhiteCells,
        "auxiliary.platelets" => f.Auxiliary.Platelets,
        "auxiliary.fastingGlucoseMmol" => f.Auxiliary.FastingGlucoseMmol,
        "auxiliary.fastingGlucoseMgdl" => f.Auxiliary.FastingGlucoseMgdl,
        "auxiliary.urineMicroalbumin" => f.Auxiliary.UrineMicroalbumin,
        "auxiliary.hbA1c" => f.Auxiliary.HbA1c,
        "auxiliary.alt" => f.Auxiliary.Alt,
        "auxiliary.ast" => f.Auxiliary.Ast,
        "auxiliary.albumin" => f.Auxiliary.Albumin,
        "auxiliary.totalBilirubin" => f.Auxiliary.TotalBilirubin,
        "auxiliary.directBilirubin" => f.Auxiliary.DirectBilirubin,
        "auxiliary.creatinine" => f.Auxiliary.Creatinine,
        "auxiliary.urea" => f.Auxiliary.Urea,
        "auxiliary.potassium" => f.Auxiliary.Potassium,
        "auxiliary.sodium" => f.Auxiliary.Sodium,
        "auxiliary.totalCholesterol" => f.Auxiliary.TotalCholesterol,
        "auxiliary.triglycerides" => f.Auxiliary.Triglycerides,
        "auxiliary.ldl" => f.Auxiliary.Ldl,
        "auxiliary.hdl" => f.Auxiliary.Hdl,
        _ => null,
    };

    private static string Num(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>尿常规 results (004 附件4 填表说明 7): 定性 "-", "±", "+" … "++++", or 定量 with its unit.</summary>
public static class UrineResult
{
    private static readonly string[] Qualitative = ["-", "±", "+-", "+", "++", "+++", "++++", "阴性", "阳性", "弱阳性"];

    public static bool IsValid(string value)
    {
        var v = value.Trim();
        if (v.Length == 0)
        {
            return true;
        }
        if (Qualitative.Contains(v))
        {
            return true;
        }
        // 定量: a number followed by a unit, e.g. "0.3 g/L", "5.6mmol/L"
        var i = 0;
        while (i < v.Length && (char.IsAsciiDigit(v[i]) || v[i] == '.'))
        {
            i++;
        }
        return i > 0 && decimal.TryParse(v[..i], NumberStyles.Number, CultureInfo.InvariantCulture, out _) && v[i..].Trim().Length is > 0 and <= 12;
    }
}
