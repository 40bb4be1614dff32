using HealthRecords.Domain.Codes;
using HealthRecords.Domain.InfectiousDisease;

namespace HealthRecords.Domain.Tests.InfectiousDisease;

public sealed class CardExportTests
{
    [Fact]
    public void ColumnsFollowTheNationalCardThenTheRegister()
    {
        var headers = CardExport.Headers;
        Assert.Equal(["卡片编号", "报卡类别", "患者姓名", "患儿家长姓名", "身份证号", "性别", "出生日期", "实足年龄", "年龄单位"], headers.Take(9));
        Assert.True(headers.ToList().IndexOf("发病日期") < headers.ToList().IndexOf("诊断时间"));
        Assert.True(headers.ToList().IndexOf("诊断时间") < headers.ToList().IndexOf("疾病名称"));
        Assert.Equal("备注", headers[CardExport.CardColumns.Count - 1]);
        Assert.Equal(["病种目录版本", "报告时间", "报告时限", "是否及时", "订正原因", "补报", "退卡"], headers.Skip(CardExport.CardColumns.Count));
    }

    [Fact]
    public void ARowHoldsTheCardsValuesInColumnOrder()
    {
        var card = Cards.Measles() with { IdNumber = "500104201903020017", Phone = "13800001234" };
        var row = CardExport.Row(Cards.Filed(1, card, Cards.Diagnosed.AddHours(30)), Cards.List, maskIdentity: false);
        var cell = CardExport.Headers.Zip(row).ToDictionary(p => p.First, p => p.Second);

        Assert.Equal(CardExport.Headers.Count, row.Count);
        Assert.Equal("初次报告", cell["报卡类别"]);
        Assert.Equal("500104201903020017", cell["身份证号"]);
        Assert.Equal("重庆市大渡口区跳磴镇石林村3组12号", cell["现住址"]);
        Assert.Equal("2026-06-15 09:00", cell["诊断时间"]);
        Assert.Equal("乙类传染病", cell["传染病类别"]);
        Assert.Equal("麻疹", cell["疾病名称"]);
        Assert.Equal("24小时内", cell["报告时限"]);
        Assert.Equal("迟报", cell["是否及时"]);
        Assert.Equal("2011", cell["病种目录版本"]);
    }

    [Fact]
    public void AMaskedRowHidesTheIdNumberAndPhone()
    {
        var card = Cards.Measles() with { IdNumber = "500104201903020017", Phone = "13800001234", PopulationGroup = PopulationGroup.Other, PopulationGroupOther = "自由职业" };
        var cell = CardExport.Headers.Zip(CardExport.Row(Cards.Filed(1, card), Cards.List, maskIdentity: true)).ToDictionary(p => p.First, p => p.Second);
        Assert.DoesNotContain("201903020017", cell["身份证号"]);
        Assert.DoesNotContain("00001234", cell["联系电话"]);
        Assert.Equal("其他（自由职业）", cell["人群分类"]);
    }
}
