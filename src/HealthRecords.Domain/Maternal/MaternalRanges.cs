namespace HealthRecords.Domain.Maternal;

/// <summary>A plausible range of a measured value: outside it the value is a typing or unit error, not a finding.</summary>
public sealed record PlausibleRange(string Name, decimal Min, decimal Max, string Unit);

/// <summary>
/// Every plausible range the maternal and newborn validators use, in the units the forms print — in one place, to be
/// folded into the shared table of vital-sign ranges when the kernel has it. Wide on purpose: they refuse impossible
/// values, the rules judge abnormal ones.
/// </summary>
public static class MaternalRanges
{
    // the mother
    public static readonly PlausibleRange Temperature = new("体温", 34m, 43m, "℃");
    public static readonly PlausibleRange Systolic = new("收缩压", 60m, 300m, "mmHg");
    public static readonly PlausibleRange Diastolic = new("舒张压", 30m, 200m, "mmHg");
    public static readonly PlausibleRange Height = new("身高", 100m, 220m, "cm");
    public static readonly PlausibleRange Weight = new("体重", 25m, 250m, "kg");
    public static readonly PlausibleRange HusbandAge = new("丈夫年龄", 14m, 100m, "岁");
    public static readonly PlausibleRange Gravidity = new("孕次", 1m, 30m, "次");
    public static readonly PlausibleRange PriorCount = new("次数", 0m, 30m, "次");
    public static readonly PlausibleRange Haemoglobin = new("血红蛋白", 20m, 250m, "g/L");
    public static readonly PlausibleRange WhiteCells = new("白细胞计数值", 0.1m, 100m, "×10⁹/L");
    public static readonly PlausibleRange Platelets = new("血小板计数值", 1m, 1500m, "×10⁹/L");
    public static readonly PlausibleRange Glucose = new("血糖", 1m, 40m, "mmol/L");
    public static readonly PlausibleRange Alt = new("血清谷丙转氨酶", 0m, 5000m, "U/L");
    public static readonly PlausibleRange Ast = new("血清谷草转氨酶", 0m, 5000m, "U/L");
    public static readonly PlausibleRange Albumin = new("白蛋白", 5m, 70m, "g/L");
    public static readonly PlausibleRange TotalBilirubin = new("总胆红素", 0m, 800m, "μmol/L");
    public static readonly PlausibleRange DirectBilirubin = new("结合胆红素", 0m, 600m, "μmol/L");
    public static readonly PlausibleRange Creatinine = new("血清肌酐", 10m, 3000m, "μmol/L");
    public static readonly PlausibleRange Urea = new("血尿素氮", 0.5m, 80m, "mmol/L");
    public static readonly PlausibleRange FundalHeight = new("宫底高度", 5m, 50m, "cm");
    public static readonly PlausibleRange AbdominalGirth = new("腹围", 50m, 160m, "cm");
    public static readonly PlausibleRange FetalHeartRate = new("胎心率", 50m, 240m, "次/分钟");

    // the delivery and the baby
    public static readonly PlausibleRange GestationWeeks = new("孕周", 20m, 45m, "周");
    public static readonly PlausibleRange BirthWeight = new("出生体重", 0.3m, 7m, "kg");
    public static readonly PlausibleRange NewbornWeight = new("目前体重", 0.3m, 10m, "kg");
    public static readonly PlausibleRange BirthLength = new("出生身长", 20m, 65m, "cm");
    public static readonly PlausibleRange NewbornTemperature = new("体温", 30m, 43m, "℃");
    public static readonly PlausibleRange NewbornPulse = new("脉率", 40m, 250m, "次/分钟");
    public static readonly PlausibleRange NewbornRespiration = new("呼吸频率", 10m, 120m, "次/分钟");
    public static readonly PlausibleRange FeedMl = new("吃奶量", 0m, 300m, "ml/次");
    public static readonly PlausibleRange FeedsPerDay = new("吃奶次数", 1m, 24m, "次/日");
    public static readonly PlausibleRange StoolsPerDay = new("大便次数", 0m, 20m, "次/日");
    public static readonly PlausibleRange FontanelleSize = new("前囟", 0m, 6m, "cm");
    public static readonly PlausibleRange Apgar = new("Apgar评分", 0m, 10m, "分");
}
