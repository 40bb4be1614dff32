using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Maternal;

namespace HealthRecords.Domain.Tests.Maternal;

/// <summary>The code tables print the paper forms' numbers and labels exactly (004 孕产妇 附件1–4, 0~6岁 附件1).</summary>
public sealed class MaternalCodeTablesTests
{
    public static TheoryData<Type, string> Tables => new()
    {
        { typeof(CheckResult), "1 未见异常|2 异常" },
        { typeof(PastIllness), "1 无|2 心脏病|3 肾脏疾病|4 肝脏疾病|5 高血压|6 贫血|7 糖尿病|8 其他" },
        { typeof(FamilyHistoryItem), "1 遗传性疾病史|2 精神疾病史|3 其他" },
        { typeof(PersonalHistoryItem), "1 吸烟|2 饮酒|3 服用药物|4 接触有毒有害物质|5 接触放射线|6 其他" },
        { typeof(VaginalDischarge), "1 未见异常|2 滴虫|3 假丝酵母菌|4 其他" },
        { typeof(VaginalCleanliness), "1 I度|2 II度|3 III度|4 IV度" },
        { typeof(FirstVisitGuidance), "1 个人卫生|2 心理|3 营养|4 避免致畸因素和疾病对胚胎的不良影响|5 产前筛查宣传告知|6 其他" },
        { typeof(PostpartumGuidance), "1 个人卫生|2 心理|3 营养|4 母乳喂养|5 新生儿护理与喂养|6 其他" },
        { typeof(RecoveryClass), "1 已恢复|2 未恢复" },
        { typeof(Check42Guidance), "1 性保健|2 避孕|3 婴儿喂养及营养|4 其他" },
        { typeof(Check42Disposition), "1 结案|2 转诊" },
        { typeof(MaternalIllness), "1 糖尿病|2 妊娠期高血压|3 其他" },
        { typeof(BirthCircumstance), "1 顺产|2 胎头吸引|3 产钳|4 剖宫|5 双多胎|6 臀位|7 其他" },
        { typeof(HearingScreening), "1 通过|2 未通过|3 未筛查|4 不详" },
        { typeof(MetabolicScreening), "1 甲低|2 苯丙酮尿症|3 其他遗传代谢病" },
        { typeof(FeedingMode), "1 纯母乳|2 混合|3 人工" },
        { typeof(StoolConsistency), "1 糊状|2 稀" },
        { typeof(Complexion), "1 红润|2 黄染|3 其他" },
        { typeof(JaundiceSite), "1 面部|2 躯干|3 四肢|4 手足" },
        { typeof(Fontanelle), "1 正常|2 膨隆|3 凹陷|4 其他" },
        { typeof(NewbornSkin), "1 未见异常|2 湿疹|3 糜烂|4 其他" },
        { typeof(Umbilicus), "1 未脱|2 脱落|3 脐部有渗出|4 其他" },
        { typeof(NewbornGuidance), "1 喂养指导|2 发育指导|3 防病指导|4 预防伤害指导|5 口腔保健指导" },
        { typeof(PostpartumProblem), "1 产褥感染|2 产后出血|3 子宫复旧不佳|4 妊娠合并症未恢复|5 产后抑郁" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void NumbersAndLabelsMatchTheForm(Type table, string expected) =>
        Assert.Equal(expected, string.Join("|", CodeLabels.Options(table).Select(o => $"{o.Code} {o.Label}")));

    // an option printed with a line to write on ("其他_____", "异常_____", "未恢复_____") asks for its text
    [Fact]
    public void OptionsWithABlankAskForTheirText()
    {
        Assert.True(Blanks.HasBlank(CheckResult.Abnormal));
        Assert.False(Blanks.HasBlank(CheckResult.Normal));
        Assert.True(Blanks.HasBlank(RecoveryClass.NotRecovered));
        Assert.True(Blanks.HasBlank(PastIllness.Other));
        Assert.True(Blanks.HasBlank(BirthCircumstance.Other));
        Assert.True(Blanks.HasBlank(MetabolicScreening.OtherMetabolic));
        Assert.True(Blanks.HasBlank(Umbilicus.Other));
        Assert.False(Blanks.HasBlank(Umbilicus.Discharge));
    }
}
