namespace HealthRecords.Domain.Children;

/// <summary>The growth indicators the check-up forms judge.</summary>
public enum GrowthIndicator
{
    [Label("年龄别体重")] WeightForAge = 1,
    [Label("年龄别身长/身高")] LengthHeightForAge = 2,
    [Label("身长/身高别体重")] WeightForLengthHeight = 3,
    [Label("年龄别体质指数")] BmiForAge = 4,
}

/// <summary>Which WHO reference a z-score was computed against.</summary>
public enum GrowthReference
{
    /// <summary>WHO Child Growth Standards (2006), 0 to under 60 months.</summary>
    [Label("WHO儿童生长标准（2006）")] Standards2006 = 1,
    /// <summary>WHO Growth Reference (2007) for 5–19 years.</summary>
    [Label("WHO生长参考值（2007）")] Reference2007 = 2,
}

/// <summary>How length/height was measured: lying (身长) or standing (身高). Not printed on the forms; asked beside the value.</summary>
public enum MeasurementPosition
{
    [Label("卧位（身长）")] Lying = 1,
    [Label("立位（身高）")] Standing = 2,
}

/// <summary>One weighing and measuring of a child.</summary>
/// <param name="Sex">1 boy or 2 girl; other values get no z-scores.</param>
/// <param name="AgeInDays">Completed days since birth on the day of measurement (<see cref="WhoGrowth.AgeInDays"/>).</param>
/// <param name="WeightKg">体重 kg.</param>
/// <param name="LengthOrHeightCm">身长/身高 cm as measured.</param>
/// <param name="Position">How it was measured; when not given, lying under 24 months and standing from 24 months (WHO anthro's rule).</param>
public sealed record GrowthMeasurement(Sex Sex, int AgeInDays, decimal? WeightKg, decimal? LengthOrHeightCm, MeasurementPosition? Position = null);

/// <summary>
/// The z-scores of one measurement, rounded to 2 decimals as WHO reports them; null where the indicator does not apply
/// at that age or size (weight-for-length/height beyond 5 years, weight-for-age beyond 10 years, a length outside the table).
/// </summary>
/// <param name="Reference">The reference used: the 2006 standards under 60 months, the 2007 reference from 60 months.</param>
/// <param name="AdjustedLengthCm">Length/height after WHO's 0.7 cm lying/standing adjustment, as the z-scores use it.</param>
/// <param name="StandingUnderNineMonths">Standing height given under 9 months: WHO treats the position as implausible and does not adjust.</param>
public sealed record GrowthZScores(
    GrowthReference Reference,
    decimal? AdjustedLengthCm,
    double? WeightForAge,
    double? LengthHeightForAge,
    double? WeightForLengthHeight,
    double? BmiForAge,
    bool StandingUnderNineMonths = false)
{
    /// <summary>The z-score judging thinness and overweight: weight-for-length/height under 5 years, BMI-for-age from 5 years.</summary>
    public double? WeightForStature => Reference == GrowthReference.Standards2006 ? WeightForLengthHeight : BmiForAge;

    public double? Of(GrowthIndicator indicator) => indicator switch
    {
        GrowthIndicator.WeightForAge => WeightForAge,
        GrowthIndicator.LengthHeightForAge => LengthHeightForAge,
        GrowthIndicator.WeightForLengthHeight => WeightForLengthHeight,
        GrowthIndicator.BmiForAge => BmiForAge,
        _ => null,
    };
}

/// <summary>
/// WHO z-scores computed exactly as WHO's own programmes do: <c>anthro</c> (WHO Child Growth Standards, 0–5 years) and
/// <c>anthroplus</c> (WHO Reference 2007, 5–19 years), from the tables in <c>Data/Children/</c> (copied unchanged from
/// <c>../shared/data/who-growth/</c>, which names their source). The reference adopted for child health care in China
/// is the 2006 standards for 0–5 years with the 2007 reference beyond (004 儿童 附件2–4 填表说明 2: 根据卫生部选用的儿童生长发育参照标准).
/// </summary>
public static class WhoGrowth
{
    /// <summary>WHO's average month: age in months = age in days / 30.4375.</summary>
    public const double DaysPerMonth = 30.4375;

    /// <summary>The last day of the 2006 standards: WHO anthro computes z-scores for age in months &lt; 60, i.e. up to day 1826.</summary>
    public const int StandardsLastDay = 1826;

    /// <summary>WHO anthro's switch from length to height: under 731 days (24 months) lying length, from 731 days standing height.</summary>
    public const int HeightFromDay = 731;

    /// <summary>WHO's lying/standing difference: standing height + 0.7 cm = lying length.</summary>
    public const decimal LyingStandingDifferenceCm = 0.7m;

    private static readonly Lazy<LmsTable> WeightStandards = new(() => LmsTable.Load("weianthro.txt", 1));
    private static readonly Lazy<LmsTable> LengthStandards = new(() => LmsTable.Load("lenanthro.txt", 1));
    private static readonly Lazy<LmsTable> WeightForLength = new(() => LmsTable.Load("wflanthro.txt", 10));
    private static readonly Lazy<LmsTable> WeightForHeight = new(() => LmsTable.Load("wfhanthro.txt", 10));
    private static readonly Lazy<LmsTable> Weight2007 = new(() => LmsTable.Load("wfawho2007.txt", 1));
    private static readonly Lazy<LmsTable> Height2007 = new(() => LmsTable.Load("hfawho2007.txt", 1));
    private static readonly Lazy<LmsTable> Bmi2007 = new(() => LmsTable.Load("bfawho2007.txt", 1));

    /// <summary>Completed days from birth to the day of measurement.</summary>
    public static int AgeInDays(DateOnly birthDate, DateOnly measuredOn) => measuredOn.DayNumber - birthDate.DayNumber;

    /// <summary>WHO's age in months (unrounded): days / 30.4375.</summary>
    public static double AgeInMonths(int ageInDays) => ageInDays / DaysPerMonth;

    /// <summary>The reference for an age: the 2006 standards up to day 1826 (under 60 months), the 2007 reference after.</summary>
    // WHO anthro: "Z-scores are only computed for children younger than 60 months"; WHO anthroplus: "age >= 60 months is supported"
    public static GrowthReference ReferenceFor(int ageInDays) =>
        ageInDays <= StandardsLastDay ? GrowthReference.Standards2006 : GrowthReference.Reference2007;

    /// <summary>
    /// Length/height as the z-scores use it: standing height under 24 months + 0.7 cm, lying length from 24 months − 0.7
    /// cm. Standing under 9 months is implausible to WHO anthro, which then leaves the value as it is.
    /// </summary>
    // WHO anthro adjust_lenhei and anthro_zscores: measure "h" under 9 months is set to NA (c9mo_flag)
    public static decimal AdjustLength(int ageInDays, decimal lengthOrHeightCm, MeasurementPosition? position)
    {
        var effective = EffectivePosition(ageInDays, position);
        if (ageInDays < HeightFromDay && effective == MeasurementPosition.Standing)
        {
            return lengthOrHeightCm + LyingStandingDifferenceCm;
        }
        if (ageInDays >= HeightFromDay && effective == MeasurementPosition.Lying)
        {
            return lengthOrHeightCm - LyingStandingDifferenceCm;
        }
        return lengthOrHeightCm;
    }

    /// <summary>True when standing height is given for a child under 9 months (WHO's c9mo_flag).</summary>
    public static bool IsStandingUnderNineMonths(int ageInDays, MeasurementPosition? position) =>
        position == MeasurementPosition.Standing && AgeInMonths(ageInDays) < 9;

    private static MeasurementPosition? EffectivePosition(int ageInDays, MeasurementPosition? position) =>
        IsStandingUnderNineMonths(ageInDays, position) ? null : position ?? (ageInDays < HeightFromDay ? MeasurementPosition.Lying : MeasurementPosition.Standing);

    /// <summary>All z-scores of one measurement. A child under 0 days, or of unknown sex, gets none.</summary>
    public static GrowthZScores Compute(GrowthMeasurement m)
    {
        var reference = ReferenceFor(Math.Max(0, m.AgeInDays));
        var sex = (int)m.Sex;
        var standingUnderNine = IsStandingUnderNineMonths(m.AgeInDays, m.Position);
        decimal? length = m.LengthOrHeightCm is decimal l && l > 0 ? AdjustLength(m.AgeInDays, l, m.Position) : null;
        var weight = m.WeightKg is decimal w && w > 0 ? (double)w : (double?)null;
        if (m.AgeInDays < 0 || (sex != 1 && sex != 2))
        {
            return new GrowthZScores(reference, length, null, null, null, null, standingUnderNine);
        }

        if (reference == GrowthReference.Standards2006)
        {
            var wfa = weight is double y1 ? WeightStandards.Value.At(sex, m.AgeInDays)?.RestrictedZ(y1) : null;
            var lfa = length is decimal y2 ? LengthStandards.Value.At(sex, m.AgeInDays)?.Z((double)y2) : null;
            double? wfl = null;
            if (weight is double y3 && length is decimal len)
            {
                // WHO anthro: weight-for-length (lying, 45–110 cm) under 731 days, weight-for-height (standing, 65–120 cm) after
                var (table, min, max) = m.AgeInDays < HeightFromDay ? (WeightForLength.Value, 45m, 110m) : (WeightForHeight.Value, 65m, 120m);
                if (len >= min && len <= max)
                {
                    wfl = table.Interpolated(sex, len)?.RestrictedZ(y3);
                }
            }
            double? bmi = null; // BMI-for-age under 5 years is not used by the forms (weight-for-length/height judges thinness)
            return new GrowthZScores(reference, length, Round(wfa), Round(lfa), Round(wfl), bmi, standingUnderNine);
        }

        // WHO anthroplus: ages in months, L, M, S interpolated between whole months; weight-for-age to 120 months,
        // height-for-age and BMI-for-age to 228 months. No weight-for-height in the 2007 reference.
        var months = (decimal)m.AgeInDays / (decimal)DaysPerMonth;
        var wfa07 = weight is double w1 && months <= 120 ? Weight2007.Value.Interpolated(sex, months)?.RestrictedZ(w1) : null;
        var hfa07 = length is decimal h1 && months <= 228 ? Height2007.Value.Interpolated(sex, months)?.Z((double)h1) : null;
        double? bfa07 = null;
        if (weight is double w2 && length is decimal h2 && months <= 228)
        {
            var metres = (double)h2 / 100;
            bfa07 = Bmi2007.Value.Interpolated(sex, months)?.RestrictedZ(w2 / (metres * metres));
        }
        return new GrowthZScores(reference, length, Round(wfa07), Round(hfa07), null, Round(bfa07), standingUnderNine);
    }

    /// <summary>
    /// WHO's flags for biologically implausible z-scores: length/height-for-age beyond ±6, weight-for-age below −6 or
    /// above +5, weight-for-length/height and BMI-for-age beyond ±5 (WHO anthro and anthroplus). A value flagged is
    /// almost certainly mistyped or mismeasured.
    /// </summary>
    public static bool IsImplausible(GrowthIndicator indicator, double z) => indicator switch
    {
        GrowthIndicator.LengthHeightForAge => Math.Abs(z) > 6,
        GrowthIndicator.WeightForAge => z < -6 || z > 5,
        _ => Math.Abs(z) > 5,
    };

    /// <summary>
    /// The measurement at <paramref name="z"/> standard deviations for a sex and age (weight-for-age, length/height-for-age,
    /// BMI-for-age), or for a sex and length/height (weight-for-length/height); null outside the tables. For growth charts.
    /// Under 24 months the length curves are lying length, from 24 months standing height, as WHO draws them.
    /// </summary>
    public static double? ValueAt(GrowthIndicator indicator, Sex sex, int ageInDays, double z, decimal? lengthOrHeightCm = null)
    {
        var s = (int)sex;
        if (s != 1 && s != 2 || ageInDays < 0)
        {
            return null;
        }
        var months = (decimal)ageInDays / (decimal)DaysPerMonth;
        var standards = ageInDays <= StandardsLastDay;
        Lms? lms = indicator switch
        {
            GrowthIndicator.WeightForAge => standards ? WeightStandards.Value.At(s, ageInDays) : months <= 120 ? Weight2007.Value.Interpolated(s, months) : null,
            GrowthIndicator.LengthHeightForAge => standards ? LengthStandards.Value.At(s, ageInDays) : Height2007.Value.Interpolated(s, months),
            GrowthIndicator.BmiForAge => standards ? null : Bmi2007.Value.Interpolated(s, months),
            GrowthIndicator.WeightForLengthHeight when lengthOrHeightCm is decimal len =>
                (ageInDays < HeightFromDay ? WeightForLength.Value : WeightForHeight.Value).Interpolated(s, len),
            _ => null,
        };
        return lms?.ValueAt(z);
    }

    /// <summary>WHO reports z-scores to 2 decimals (anthro z_precision = 2).</summary>
    private static double? Round(double? z) => z is double v && double.IsFinite(v) ? Math.Round(v, 2, MidpointRounding.ToEven) : null;
}
