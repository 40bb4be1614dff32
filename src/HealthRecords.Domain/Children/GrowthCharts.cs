namespace HealthRecords.Domain.Children;

/// <summary>One point of a growth chart's reference curves: the x value (age in days, or length/height in cm) and the
/// measurement at each requested SD line, in the order asked.</summary>
public sealed record ChartPoint(double X, IReadOnlyList<double> Values);

/// <summary>The reference curves of a growth chart and the child's own points.</summary>
/// <param name="Indicator">What is plotted.</param>
/// <param name="Sex">The child's sex: the curves are the boys' or the girls'.</param>
/// <param name="StandardDeviations">The SD lines, e.g. −2, 0, +2.</param>
/// <param name="Curves">One point per step of x.</param>
public sealed record GrowthChart(GrowthIndicator Indicator, Sex Sex, IReadOnlyList<double> StandardDeviations, IReadOnlyList<ChartPoint> Curves);

/// <summary>
/// The data for a child's growth chart (issue #18: the child's weight and length/height against the −2, 0 and +2 SD
/// curves for their sex). The curves come from the same WHO tables the z-scores use, so a point on the −2 SD curve has a
/// z-score of −2.
/// </summary>
public static class GrowthCharts
{
    /// <summary>The lines drawn by default.</summary>
    public static IReadOnlyList<double> DefaultLines { get; } = [-2, 0, 2];

    /// <summary>
    /// Weight-for-age or length/height-for-age curves from <paramref name="fromDay"/> to <paramref name="toDay"/> of age,
    /// one point every <paramref name="stepDays"/> days (and at the last day); across 5 years they continue on the 2007
    /// reference. Length curves are lying length under 24 months and standing height after, as WHO draws them.
    /// </summary>
    public static GrowthChart ByAge(GrowthIndicator indicator, Sex sex, int fromDay, int toDay, int stepDays = 7, IReadOnlyList<double>? lines = null)
    {
        if (indicator is GrowthIndicator.WeightForLengthHeight)
        {
            throw new ArgumentException("weight-for-length/height is plotted against length, not age", nameof(indicator));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(stepDays, 1);
        var sds = lines ?? DefaultLines;
        var points = new List<ChartPoint>();
        for (var day = Math.Max(0, fromDay); day <= toDay; day = day == toDay ? toDay + 1 : Math.Min(day + stepDays, toDay))
        {
            var values = sds.Select(z => WhoGrowth.ValueAt(indicator, sex, day, z)).ToArray();
            if (values.All(v => v is not null))
            {
                points.Add(new ChartPoint(day, values.Select(v => Math.Round(v!.Value, 3)).ToArray()));
            }
        }
        return new GrowthChart(indicator, sex, sds, points);
    }

    /// <summary>
    /// Weight-for-length curves (lying, 45–110 cm, under 24 months) or weight-for-height curves (standing, 65–120 cm,
    /// 24 months to 5 years), one point every <paramref name="stepCm"/> cm.
    /// </summary>
    public static GrowthChart ByLength(Sex sex, bool standing, decimal fromCm, decimal toCm, decimal stepCm = 1m, IReadOnlyList<double>? lines = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(stepCm, 0m);
        var sds = lines ?? DefaultLines;
        var age = standing ? WhoGrowth.HeightFromDay : 0;
        var points = new List<ChartPoint>();
        for (var cm = fromCm; cm <= toCm; cm += stepCm)
        {
            var values = sds.Select(z => WhoGrowth.ValueAt(GrowthIndicator.WeightForLengthHeight, sex, age, z, cm)).ToArray();
            if (values.All(v => v is not null))
            {
                points.Add(new ChartPoint((double)cm, values.Select(v => Math.Round(v!.Value, 3)).ToArray()));
            }
        }
        return new GrowthChart(GrowthIndicator.WeightForLengthHeight, sex, sds, points);
    }
}
