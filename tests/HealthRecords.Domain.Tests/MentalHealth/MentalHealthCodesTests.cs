using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.MentalHealth;

namespace HealthRecords.Domain.Tests.MentalHealth;

/// <summary>The code tables print the numbers and labels of 004 重性精神疾病 附件1 and 附件2 exactly.</summary>
public sealed class MentalHealthCodesTests
{
    public static TheoryData<Type, string> Tables => new()
    {
        { typeof(InformedConsent), "0 不同意参加管理|1 同意参加管理" },
        { typeof(MentalSymptom), "1 幻觉|2 交流困难|3 猜疑|4 喜怒无常|5 行为怪异|6 兴奋话多|7 伤人毁物|8 悲观厌世|9 无故外走|10 自语自笑|11 孤僻懒散|12 其他" },
        { typeof(OutpatientTreatment), "1 未治|2 间断门诊治疗|3 连续门诊治疗" },
        { typeof(TreatmentEffect), "1 痊愈|2 好转|3 无变化|4 加重" },
        { typeof(SocialImpactKind), "1 轻度滋事|2 肇事|3 肇祸|4 自伤|5 自杀未遂|6 无" },
        { typeof(Confinement), "1 无关锁|2 关锁|3 关锁已解除" },
        { typeof(EconomicStatus), "1 贫困，在当地贫困线标准以下|2 非贫困|3 不详" },
        { typeof(RiskLevel), "0 0级|1 1级|2 2级|3 3级|4 4级|5 5级" },
        { typeof(Insight), "1 自知力完全|2 自知力不全|3 自知力缺失" },
        { typeof(GoodFairPoor), "1 良好|2 一般|3 较差" },
        { typeof(WorkFunction), "1 良好|2 一般|3 较差|9 此项不适用" },
        { typeof(Hospitalisation), "0 从未住院|1 目前正在住院|2 既往住院，现未住院" },
        { typeof(ReferralChoice), "1 否|2 是" },
        { typeof(RehabilitationMeasure), "1 生活劳动能力|2 职业训练|3 学习能力|4 社会交往|5 其他" },
        { typeof(Condition), "0 未访到|1 不稳定|2 基本稳定|3 稳定" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void NumbersAndLabelsMatchTheForm(Type table, string expected) =>
        Assert.Equal(expected, string.Join("|", CodeLabels.Options(table).Select(o => $"{o.Code} {o.Label}")));

    [Fact]
    public void OtherSymptomAndOtherRehabilitationHaveABlankToWriteOn()
    {
        Assert.True(Blanks.HasBlank(MentalSymptom.Other));
        Assert.True(Blanks.HasBlank(RehabilitationMeasure.Other));
        Assert.False(Blanks.HasBlank(MentalSymptom.Hallucination));
    }

    [Theory]
    [InlineData(RiskLevel.Level0, "无符合以下1~5级中的任何行为")]
    [InlineData(RiskLevel.Level1, "口头威胁，喊叫，但没有打砸行为")]
    [InlineData(RiskLevel.Level2, "打砸行为，局限在家里，针对财物。能被劝说制止")]
    [InlineData(RiskLevel.Level3, "明显打砸行为，不分场合，针对财物；不能接受劝说而停止")]
    [InlineData(RiskLevel.Level4, "持续的打砸行为，不分场合，针对财物或人，不能接受劝说而停止。包括自伤、自杀")]
    [InlineData(RiskLevel.Level5, "持管制性危险武器的针对人的任何暴力行为，或者纵火、爆炸等行为，无论在家里还是公共场合")]
    public void EachRiskLevelCarriesTheSpecificationsDefinition(RiskLevel level, string definition) =>
        Assert.Equal(definition, RiskLevels.Definition(level));

    [Fact]
    public void ARiskLevelOutsideZeroToFiveHasNoDefinition() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskLevels.Definition((RiskLevel)6));

    [Fact]
    public void InsightOptionsCarryTheFormsDefinitions()
    {
        Assert.Equal("患者否认自己有病", RiskLevels.InsightDefinition(Insight.Absent));
        Assert.StartsWith("患者承认有病", RiskLevels.InsightDefinition(Insight.Partial), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2019, null, null, true, "2019年", "2019-01-01", "2019-12-31")]
    [InlineData(2019, 2, null, true, "2019年2月", "2019-02-01", "2019-02-28")]
    [InlineData(2020, 2, 29, true, "2020年2月29日", "2020-02-29", "2020-02-29")]
    [InlineData(2019, 2, 29, false, null, null, null)]
    [InlineData(2019, 13, null, false, null, null, null)]
    [InlineData(2019, null, 5, false, null, null, null)]
    [InlineData(1800, null, null, false, null, null, null)]
    public void AnApproximateDateMayStopAtTheYearOrTheMonth(
        int year, int? month, int? day, bool valid, string? text, string? earliest, string? latest)
    {
        var d = new ApproximateDate(year, month, day);
        Assert.Equal(valid, d.IsValid);
        if (valid)
        {
            Assert.Equal(text, d.ToString());
            Assert.Equal(DateOnly.Parse(earliest!, System.Globalization.CultureInfo.InvariantCulture), d.Earliest);
            Assert.Equal(DateOnly.Parse(latest!, System.Globalization.CultureInfo.InvariantCulture), d.Latest);
        }
    }

    [Fact]
    public void SocialImpactTicksSixNoneOnlyWhenEveryCountIsZero()
    {
        Assert.Equal([SocialImpactKind.None], SocialImpactCounts.None.Ticked());
        Assert.Equal([SocialImpactKind.Offence, SocialImpactKind.SelfInjury], new SocialImpactCounts(0, 2, 0, 1, 0).Ticked());
        Assert.Empty(SocialImpactCounts.Blank.Ticked());
        Assert.False(SocialImpactCounts.Blank.IsComplete);
    }

    [Fact]
    public void SocialImpactCountsAddUpAndABlankStaysBlank() =>
        Assert.Equal(new SocialImpactCounts(1, 2, 0, null, 3), new SocialImpactCounts(1, 0, 0, null, 1).Plus(new SocialImpactCounts(null, 2, 0, null, 2)));
}
