namespace HealthRecords.Domain.Children;

/// <summary>上 / 中 / 下 beside 体重 and 身长/身高 on the three check-up forms (printed without numbers; numbered here in print order).</summary>
public enum GrowthRating
{
    [Label("上")] Upper = 1,
    [Label("中")] Middle = 2,
    [Label("下")] Lower = 3,
}

/// <summary>体格发育评价 of 3~6岁儿童健康检查记录表 (004 儿童 附件4): 1 正常 … 5 超重. Several may apply (a child may be both underweight and stunted); 1 正常 excludes the others.</summary>
public enum PhysicalDevelopment
{
    [Label("正常")] Normal = 1,
    [Label("低体重")] Underweight = 2,
    [Label("消瘦")] Wasted = 3,
    [Label("发育迟缓")] Stunted = 4,
    [Label("超重")] Overweight = 5,
}

/// <summary>The system's judgement of one measurement: the two ratings and, from 3 years, 体格发育评价.</summary>
/// <param name="ZScores">The WHO z-scores it was judged from.</param>
/// <param name="Weight">上/中/下 of 体重 (weight-for-age); null when it cannot be judged.</param>
/// <param name="Height">上/中/下 of 身长/身高 (length/height-for-age); null when it cannot be judged.</param>
/// <param name="Development">体格发育评价; empty when an indicator it needs is missing.</param>
public sealed record GrowthJudgement(GrowthZScores ZScores, GrowthRating? Weight, GrowthRating? Height, IReadOnlyList<PhysicalDevelopment> Development);

/// <summary>
/// Growth is judged, not typed: the forms' 上/中/下 and 体格发育评价 come from WHO z-scores and the configured
/// <see cref="GrowthCutOffs"/> (004 儿童 附件2–4 填表说明 2: 根据卫生部选用的儿童生长发育参照标准，判断儿童体格发育情况).
/// The doctor may override a rating with a reason (<see cref="ChildCheckupValidator"/> asks for it).
/// </summary>
public static class GrowthJudging
{
    /// <summary>上 above the upper cut-off, 下 below the lower, else 中.</summary>
    // 004 儿童 附件2–4 填表说明 2; cut-offs GrowthCutOffs.RatingUpperAbove / RatingLowerBelow (issue #18: 上 > +2 SD, 下 < −2 SD)
    public static GrowthRating? Rate(double? z, GrowthCutOffs cutOffs) => z switch
    {
        null => null,
        double v when v > cutOffs.RatingUpperAbove => GrowthRating.Upper,
        double v when v < cutOffs.RatingLowerBelow => GrowthRating.Lower,
        _ => GrowthRating.Middle,
    };

    /// <summary>
    /// 体格发育评价 from weight-for-age (低体重), length/height-for-age (发育迟缓) and weight-for-length/height or, from
    /// 5 years, BMI-for-age (消瘦, 超重); 正常 when none applies. Empty when any of the three z-scores is missing.
    /// </summary>
    // 004 儿童 附件4 填表说明 2 (作出体格发育评价); cut-offs and their sources in GrowthCutOffs
    public static IReadOnlyList<PhysicalDevelopment> Development(GrowthZScores z, GrowthCutOffs cutOffs)
    {
        if (z.WeightForAge is not double wfa || z.LengthHeightForAge is not double hfa || z.WeightForStature is not double wfh)
        {
            // beyond 10 years the 2007 reference has no weight-for-age; the forms end at 6 years
            return [];
        }
        var found = new List<PhysicalDevelopment>();
        if (wfa < cutOffs.UnderweightBelow)
        {
            found.Add(PhysicalDevelopment.Underweight);
        }
        if (wfh < cutOffs.WastedBelow)
        {
            found.Add(PhysicalDevelopment.Wasted);
        }
        if (hfa < cutOffs.StuntedBelow)
        {
            found.Add(PhysicalDevelopment.Stunted);
        }
        if (wfh > cutOffs.OverweightAbove)
        {
            found.Add(PhysicalDevelopment.Overweight);
        }
        return found.Count == 0 ? [PhysicalDevelopment.Normal] : found;
    }

    /// <summary>The whole judgement of one measurement; 体格发育评价 only when <paramref name="withDevelopment"/> (the 3~6岁 form).</summary>
    public static GrowthJudgement Judge(GrowthMeasurement measurement, GrowthCutOffs cutOffs, bool withDevelopment)
    {
        var z = WhoGrowth.Compute(measurement);
        return new GrowthJudgement(
            z,
            Rate(z.WeightForAge, cutOffs),
            Rate(z.LengthHeightForAge, cutOffs),
            withDevelopment ? Development(z, cutOffs) : []);
    }
}
