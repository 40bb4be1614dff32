namespace HealthRecords.Domain.Validation;

/// <summary>The values a measurement can take in a living person, in the unit the forms print; outside is a typing or unit error.</summary>
public sealed record PlausibleRange(string Name, decimal Min, decimal Max, string Unit)
{
    public bool Contains(decimal value) => value >= Min && value <= Max;

    /// <summary>The message for a value outside the range, in Chinese.</summary>
    public string Refusal(decimal value, string? name = null) =>
        $"{name ?? Name}{Num(value)}{Unit}不可能，应在{Num(Min)}～{Num(Max)}{Unit}之间，请核对数值和单位";

    private static string Num(decimal d) => d.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>
/// The one table of plausible ranges of vital signs and measurements, shared by every form that records them (the health
/// examination 004 附件4, the hypertension and diabetes follow-ups, hypertension screening, and the services to come):
/// a value one form accepts is accepted by every other. 004 高血压 三 and 糖尿病 三 (健康体检) say the yearly examination
/// "可与随访相结合", so the examination's values are carried into the follow-up (Chronic.ExaminationAsFollowUp): where the
/// forms' ranges disagreed, the wider one won, because a range only guards against typing and unit errors and must not
/// refuse a real measurement the other form accepted (see docs/architecture.md, "Rules stated once").
/// </summary>
public static class PlausibleRanges
{
    public static readonly PlausibleRange Temperature = new("体温", 34m, 43m, "℃");
    /// <summary>Pulse and heart rate.</summary>
    public static readonly PlausibleRange HeartRate = new("心率", 20m, 250m, "次/分钟");
    public static readonly PlausibleRange Respiration = new("呼吸频率", 5m, 60m, "次/分钟");
    /// <summary>Examination 50–300, follow-up 60–300: 50 won.</summary>
    public static readonly PlausibleRange Systolic = new("收缩压", 50m, 300m, "mmHg");
    /// <summary>Examination 20–200, follow-up 30–200: 20 won.</summary>
    public static readonly PlausibleRange Diastolic = new("舒张压", 20m, 200m, "mmHg");
    public static readonly PlausibleRange Height = new("身高", 50m, 250m, "cm");
    /// <summary>Examination 10–300, follow-up 20–300: 10 won.</summary>
    public static readonly PlausibleRange Weight = new("体重", 10m, 300m, "kg");
    public static readonly PlausibleRange Waist = new("腰围", 30m, 200m, "cm");
    public static readonly PlausibleRange Bmi = new("体质指数", 10m, 80m, "kg/m²");
    /// <summary>Examination 1–40, follow-up 1–50: 50 won (hyperosmolar states reach it).</summary>
    public static readonly PlausibleRange FastingGlucoseMmol = new("空腹血糖", 1m, 50m, "mmol/L");
    /// <summary>The same in mg/dL (× 18).</summary>
    public static readonly PlausibleRange FastingGlucoseMgdl = new("空腹血糖", 18m, 900m, "mg/dL");
    public static readonly PlausibleRange HbA1c = new("糖化血红蛋白", 3m, 20m, "%");
    /// <summary>Examination 0–200, follow-up 0–100: 200 won.</summary>
    public static readonly PlausibleRange CigarettesPerDay = new("日吸烟量", 0m, 200m, "支");
    public static readonly PlausibleRange AlcoholLiangPerDay = new("日饮酒量", 0m, 50m, "两");
    /// <summary>Examination 1–600, follow-up 0–600: 0 won (the follow-up's target may be none).</summary>
    public static readonly PlausibleRange ExerciseMinutes = new("运动", 0m, 600m, "分钟/次");
    public static readonly PlausibleRange Hemoglobin = new("血红蛋白", 20m, 250m, "g/L");
    public static readonly PlausibleRange WhiteCells = new("白细胞", 0.1m, 100m, "×10⁹/L");
    public static readonly PlausibleRange Platelets = new("血小板", 1m, 1500m, "×10⁹/L");
    public static readonly PlausibleRange UrineMicroalbumin = new("尿微量白蛋白", 0m, 1000m, "mg/dL");
    public static readonly PlausibleRange Alt = new("血清谷丙转氨酶", 0m, 5000m, "U/L");
    public static readonly PlausibleRange Ast = new("血清谷草转氨酶", 0m, 5000m, "U/L");
    public static readonly PlausibleRange Albumin = new("白蛋白", 5m, 70m, "g/L");
    public static readonly PlausibleRange TotalBilirubin = new("总胆红素", 0m, 800m, "μmol/L");
    public static readonly PlausibleRange DirectBilirubin = new("结合胆红素", 0m, 600m, "μmol/L");
    public static readonly PlausibleRange Creatinine = new("血清肌酐", 10m, 3000m, "μmol/L");
    public static readonly PlausibleRange Urea = new("血尿素氮", 0.5m, 80m, "mmol/L");
    public static readonly PlausibleRange Potassium = new("血钾浓度", 1.5m, 9m, "mmol/L");
    public static readonly PlausibleRange Sodium = new("血钠浓度", 100m, 200m, "mmol/L");
    public static readonly PlausibleRange TotalCholesterol = new("总胆固醇", 0.5m, 25m, "mmol/L");
    public static readonly PlausibleRange Triglycerides = new("甘油三酯", 0.1m, 60m, "mmol/L");
    public static readonly PlausibleRange Ldl = new("血清低密度脂蛋白胆固醇", 0.1m, 20m, "mmol/L");
    public static readonly PlausibleRange Hdl = new("血清高密度脂蛋白胆固醇", 0.1m, 6m, "mmol/L");

    // 0~6 岁儿童健康检查记录表 (004 儿童 附件2–4): a child's measurements, checked further against WHO's flags for
    // implausible z-scores (Children.WhoGrowth.IsImplausible). The adult minimum weight (10 kg) and height (50 cm) do
    // not apply to a newborn, so the child forms have their own rows; haemoglobin is the shared row (the child form had
    // 30–220 g/L, the examination 20–250: the wider won, as above).
    public static readonly PlausibleRange ChildWeight = new("体重", 1m, 50m, "kg");
    public static readonly PlausibleRange ChildLength = new("身长/身高", 40m, 140m, "cm");
    public static readonly PlausibleRange HeadCircumference = new("头围", 28m, 58m, "cm");
    /// <summary>The child form had 0.1–6 cm, the newborn visit 0–6: the wider won.</summary>
    public static readonly PlausibleRange Fontanelle = new("前囟", 0m, 6m, "cm");
    /// <summary>国际标准视力表 (decimal).</summary>
    public static readonly PlausibleRange VisionDecimal = new("视力", 0.1m, 2.0m, "");
    /// <summary>标准对数视力表 (five-point).</summary>
    public static readonly PlausibleRange VisionFivePoint = new("视力", 4.0m, 5.3m, "");

    // Pregnancy and the newborn (issue #17, Domain/Maternal): measurements no other form takes, and a newborn's vital signs,
    // whose ranges differ from an adult's (a newborn breathes 40–60 a minute and may be colder than 34 ℃).
    public static readonly PlausibleRange FundalHeight = new("宫底高度", 5m, 50m, "cm");
    public static readonly PlausibleRange AbdominalGirth = new("腹围", 50m, 160m, "cm");
    public static readonly PlausibleRange FetalHeartRate = new("胎心率", 50m, 240m, "次/分钟");
    public static readonly PlausibleRange BirthGestationWeeks = new("孕周", 20m, 45m, "周");
    public static readonly PlausibleRange BirthWeight = new("出生体重", 0.3m, 7m, "kg");
    public static readonly PlausibleRange NewbornWeight = new("目前体重", 0.3m, 10m, "kg");
    public static readonly PlausibleRange BirthLength = new("出生身长", 20m, 65m, "cm");
    public static readonly PlausibleRange NewbornTemperature = new("体温", 30m, 43m, "℃");
    public static readonly PlausibleRange NewbornPulse = new("脉率", 40m, 250m, "次/分钟");
    public static readonly PlausibleRange NewbornRespiration = new("呼吸频率", 10m, 120m, "次/分钟");

    // 严重精神障碍 (issue #19, Domain/MentalHealth): counts and doses of 附件1/附件2.
    /// <summary>严重精神障碍 附件1/附件2: 患病对家庭社会的影响, each kind's count of events.</summary>
    public static readonly PlausibleRange EventCount = new("次数", 0m, 999m, "次");
    /// <summary>严重精神障碍 附件1: 曾住精神专科医院/综合医院精神专科的次数.</summary>
    public static readonly PlausibleRange PsychiatricAdmissions = new("住院", 0m, 200m, "次");
    /// <summary>A drug's 用法: times per day (or per month for a long-acting injection).</summary>
    public static readonly PlausibleRange DoseTimes = new("用法", 1m, 31m, "次");
    /// <summary>A drug's 每次剂量 in milligrams.</summary>
    public static readonly PlausibleRange DoseMg = new("每次剂量", 0.001m, 5000m, "mg");
}
