namespace HealthRecords.Domain.Children;

/// <summary>
/// Every z-score cut-off the system judges growth by, in one place, with its source. A county may configure its own
/// (the host binds a section of configuration onto this record); <see cref="Default"/> holds the values below.
/// Comparisons are on z-scores rounded to 2 decimals, as WHO reports them. "Below" and "above" are strict: a z-score
/// of exactly −2.00 is not below −2.
/// </summary>
public sealed record GrowthCutOffs
{
    /// <summary>
    /// 上: weight-for-age or length/height-for-age above this (default +2 SD); 下: below <see cref="RatingLowerBelow"/>
    /// (default −2 SD); 中 between. Source: issue #18 (上 above +2 SD, 下 below −2 SD), the ±2 SD band of the WHO
    /// standards that the forms' 填表说明 2 refers to.
    /// </summary>
    public double RatingUpperAbove { get; init; } = 2;

    /// <inheritdoc cref="RatingUpperAbove"/>
    public double RatingLowerBelow { get; init; } = -2;

    /// <summary>低体重: weight-for-age below −2 SD. Source: 卫生部《儿童营养性疾病管理技术规范》(2012) 营养不良; WHO.</summary>
    public double UnderweightBelow { get; init; } = -2;

    /// <summary>发育迟缓 (生长迟缓): length/height-for-age below −2 SD. Source: as <see cref="UnderweightBelow"/>.</summary>
    public double StuntedBelow { get; init; } = -2;

    /// <summary>
    /// 消瘦: weight-for-length/height below −2 SD under 5 years; BMI-for-age below −2 SD from 5 years (the WHO 2007
    /// reference has no weight-for-height). Source: as <see cref="UnderweightBelow"/>; 国家卫生健康委《体重管理指导原则（2024年版）》.
    /// </summary>
    public double WastedBelow { get; init; } = -2;

    /// <summary>
    /// Severe (重度) undernutrition: any of the three below −3 SD. Source: 《儿童营养性疾病管理技术规范》 (中度 −3 to −2 SD, 重度 &lt; −3 SD).
    /// </summary>
    public double SevereBelow { get; init; } = -3;

    /// <summary>
    /// 超重: weight-for-length/height (under 5) or BMI-for-age (from 5) above +1 SD. Source: 《儿童营养性疾病管理技术规范》
    /// 单纯性肥胖 (超重 ≥ M+1SD), 《体重管理指导原则（2024年版）》 (高于中位数的1倍标准差但不高于2倍标准差为超重). WHO's own
    /// cut-off for overweight under 5 is +2 SD: a county following WHO sets 2 here.
    /// </summary>
    public double OverweightAbove { get; init; } = 1;

    /// <summary>肥胖: the same indicator above +2 SD. Source: as <see cref="OverweightAbove"/>.</summary>
    public double ObeseAbove { get; init; } = 2;

    /// <summary>The defaults above.</summary>
    public static GrowthCutOffs Default { get; } = new();

    /// <summary>Chinese problems with the cut-offs, for a configuration page; empty when consistent.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (RatingLowerBelow >= RatingUpperAbove)
        {
            problems.Add("“下”的界值应低于“上”的界值");
        }
        if (SevereBelow >= Math.Min(Math.Min(UnderweightBelow, StuntedBelow), WastedBelow))
        {
            problems.Add("重度营养不良的界值应低于低体重、生长迟缓和消瘦的界值");
        }
        if (ObeseAbove < OverweightAbove)
        {
            problems.Add("肥胖的界值不应低于超重的界值");
        }
        foreach (var v in new[] { RatingUpperAbove, RatingLowerBelow, UnderweightBelow, StuntedBelow, WastedBelow, SevereBelow, OverweightAbove, ObeseAbove })
        {
            if (!double.IsFinite(v) || Math.Abs(v) > 5)
            {
                problems.Add("界值应在 −5 与 +5 个标准差之间");
                break;
            }
        }
        return problems;
    }
}
