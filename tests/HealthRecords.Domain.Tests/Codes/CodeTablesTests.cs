using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Codes;

/// <summary>The code tables print the paper form's numbers and labels exactly (004 附件3).</summary>
public sealed class CodeTablesTests
{
    public static TheoryData<Type, string> Tables => new()
    {
        { typeof(Sex), "0 未知的性别|1 男|2 女|9 未说明的性别" },
        { typeof(ResidenceType), "1 户籍|2 非户籍" },
        { typeof(BloodType), "1 A型|2 B型|3 O型|4 AB型|5 不详" },
        { typeof(RhNegative), "1 否|2 是|3 不详" },
        { typeof(Education), "1 文盲及半文盲|2 小学|3 初中|4 高中/技校/中专|5 大学专科及以上|6 不详" },
        { typeof(MaritalStatus), "1 未婚|2 已婚|3 丧偶|4 离婚|5 未说明的婚姻状况" },
        { typeof(DrugAllergy), "1 无|2 青霉素|3 磺胺|4 链霉素|5 其他" },
        { typeof(Exposure), "1 无|2 化学品|3 毒物|4 射线" },
        { typeof(PastDiseaseCode), "1 无|2 高血压|3 糖尿病|4 冠心病|5 慢性阻塞性肺疾病|6 恶性肿瘤|7 脑卒中|8 重性精神疾病|9 结核病|10 肝炎|11 其他法定传染病|12 职业病|13 其他" },
        { typeof(FamilyDisease), "1 无|2 高血压|3 糖尿病|4 冠心病|5 慢性阻塞性肺疾病|6 恶性肿瘤|7 脑卒中|8 重性精神疾病|9 结核病|10 肝炎|11 先天畸形|12 其他" },
        { typeof(Disability), "1 无残疾|2 视力残疾|3 听力残疾|4 言语残疾|5 肢体残疾|6 智力残疾|7 精神残疾|8 其他残疾" },
        { typeof(KitchenExhaust), "1 无|2 油烟机|3 换气扇|4 烟囱" },
        { typeof(FuelType), "1 液化气|2 煤|3 天然气|4 沼气|5 柴火|6 其他" },
        { typeof(DrinkingWater), "1 自来水|2 经净化过滤的水|3 井水|4 河湖水|5 塘水|6 其他" },
        { typeof(Toilet), "1 卫生厕所|2 一格或二格粪池式|3 马桶|4 露天粪坑|5 简易棚厕" },
        { typeof(LivestockPen), "1 单设|2 室内|3 室外" },
        { typeof(ClosureReason), "1 死亡|2 迁出|3 失访" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void NumbersAndLabelsMatchTheForm(Type table, string expected) =>
        Assert.Equal(expected, string.Join("|", CodeLabels.Options(table).Select(o => $"{o.Code} {o.Label}")));

    [Fact]
    public void OccupationHasTheEightGroupsOfTheForm()
    {
        var options = CodeLabels.Options<Occupation>();
        Assert.Equal(Enumerable.Range(1, 8), options.Select(o => o.Code));
        Assert.Equal("农、林、牧、渔、水利业生产人员", Occupation.Agriculture.Label());
    }

    [Fact]
    public void UndefinedValueLabelsAsItsNumber() => Assert.Equal("7", ((Sex)7).Label());
}
