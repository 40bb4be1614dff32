using HealthRecords.Domain.Codes;
using HealthRecords.Domain.HealthEducation;
using HealthRecords.Domain.InfectiousDisease;

namespace HealthRecords.Domain.Tests.HealthEducation;

/// <summary>The code tables print the forms' options in the forms' (or the specification's) order with Chinese labels.</summary>
public sealed class EducationCodesTests
{
    public static TheoryData<Type, string> Tables => new()
    {
        { typeof(ActivityForm), "1 发放印刷资料|2 播放音像资料|3 更换宣传栏内容|4 公众健康咨询活动|5 健康知识讲座|6 个体化健康教育" },
        { typeof(ArchivedMaterial), "1 书面材料|2 图片材料|3 印刷材料|4 影音材料|5 签到表|6 其他材料" },
        { typeof(EducationContent), "1 健康素养基本知识与技能|2 重点人群健康教育|3 健康生活方式和可干预危险因素|4 重点疾病健康教育|5 公共卫生问题健康教育|6 突发公共卫生事件应急处置、防灾减灾、家庭急救|7 医疗卫生法律法规及相关政策" },
        { typeof(CardKind), "1 初次报告|2 订正报告" },
        { typeof(CaseClassification), "1 疑似病例|2 临床诊断病例|3 实验室确诊病例|4 病原携带者" },
        { typeof(PatientBelongsTo), "1 本县区|2 本市其他县区|3 本省其它地市|4 外省|5 港澳台|6 外籍" },
        { typeof(EventReportStage), "1 初步报告|2 进程报告|3 结案报告" },
        { typeof(DiseaseClass), "1 甲类传染病|2 乙类传染病|3 丙类传染病|4 其他法定管理以及重点监测传染病" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void NumbersAndLabelsMatchTheForm(Type table, string expected) =>
        Assert.Equal(expected, string.Join("|", CodeLabels.Options(table).Select(o => $"{o.Code} {o.Label}")));

    [Fact]
    public void PopulationGroupsAreTheCardsEighteenBoxes()
    {
        var options = CodeLabels.Options<PopulationGroup>();
        Assert.Equal(Enumerable.Range(1, 18), options.Select(o => o.Code));
        Assert.Equal(("幼托儿童", "不详"), (options[0].Label, options[^1].Label));
    }
}
