namespace HealthRecords.Domain.Maternal;

/// <summary>
/// The plausible ranges the maternal and newborn validators use. Measurements are the shared table's
/// (<see cref="PlausibleRanges"/>: what one form accepts every form accepts); only counts and scores no other form
/// records are kept here. Wide on purpose: they refuse impossible values, the rules judge abnormal ones.
/// </summary>
public static class MaternalRanges
{
    // the mother: the shared measurements
    public static readonly PlausibleRange Temperature = PlausibleRanges.Temperature;
    public static readonly PlausibleRange Systolic = PlausibleRanges.Systolic;
    public static readonly PlausibleRange Diastolic = PlausibleRanges.Diastolic;
    public static readonly PlausibleRange Height = PlausibleRanges.Height;
    public static readonly PlausibleRange Weight = PlausibleRanges.Weight;
    public static readonly PlausibleRange Haemoglobin = PlausibleRanges.Hemoglobin;
    public static readonly PlausibleRange WhiteCells = PlausibleRanges.WhiteCells with { Name = "白细胞计数值" };
    public static readonly PlausibleRange Platelets = PlausibleRanges.Platelets with { Name = "血小板计数值" };
    /// <summary>血糖 (not necessarily fasting): the shared glucose range under the form's own name.</summary>
    public static readonly PlausibleRange Glucose = PlausibleRanges.FastingGlucoseMmol with { Name = "血糖" };
    public static readonly PlausibleRange Alt = PlausibleRanges.Alt;
    public static readonly PlausibleRange Ast = PlausibleRanges.Ast;
    public static readonly PlausibleRange Albumin = PlausibleRanges.Albumin;
    public static readonly PlausibleRange TotalBilirubin = PlausibleRanges.TotalBilirubin;
    public static readonly PlausibleRange DirectBilirubin = PlausibleRanges.DirectBilirubin;
    public static readonly PlausibleRange Creatinine = PlausibleRanges.Creatinine;
    public static readonly PlausibleRange Urea = PlausibleRanges.Urea;
    public static readonly PlausibleRange FundalHeight = PlausibleRanges.FundalHeight;
    public static readonly PlausibleRange AbdominalGirth = PlausibleRanges.AbdominalGirth;
    public static readonly PlausibleRange FetalHeartRate = PlausibleRanges.FetalHeartRate;

    // the delivery and the baby
    public static readonly PlausibleRange GestationWeeks = PlausibleRanges.BirthGestationWeeks;
    public static readonly PlausibleRange BirthWeight = PlausibleRanges.BirthWeight;
    public static readonly PlausibleRange NewbornWeight = PlausibleRanges.NewbornWeight;
    public static readonly PlausibleRange BirthLength = PlausibleRanges.BirthLength;
    public static readonly PlausibleRange NewbornTemperature = PlausibleRanges.NewbornTemperature;
    public static readonly PlausibleRange NewbornPulse = PlausibleRanges.NewbornPulse;
    public static readonly PlausibleRange NewbornRespiration = PlausibleRanges.NewbornRespiration;
    public static readonly PlausibleRange FontanelleSize = PlausibleRanges.Fontanelle;

    // counts and scores of these forms only
    public static readonly PlausibleRange HusbandAge = new("丈夫年龄", 14m, 100m, "岁");
    public static readonly PlausibleRange Gravidity = new("孕次", 1m, 30m, "次");
    public static readonly PlausibleRange PriorCount = new("次数", 0m, 30m, "次");
    public static readonly PlausibleRange FeedMl = new("吃奶量", 0m, 300m, "ml/次");
    public static readonly PlausibleRange FeedsPerDay = new("吃奶次数", 1m, 24m, "次/日");
    public static readonly PlausibleRange StoolsPerDay = new("大便次数", 0m, 20m, "次/日");
    public static readonly PlausibleRange Apgar = new("Apgar评分", 0m, 10m, "分");
}
