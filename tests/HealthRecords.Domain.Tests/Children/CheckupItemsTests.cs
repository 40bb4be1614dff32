using HealthRecords.Domain.Children;
using HealthRecords.Domain.Codes;

namespace HealthRecords.Domain.Tests.Children;

/// <summary>The forms' "———" rule, transcribed row by row from 004 儿童 附件2–4.</summary>
public sealed class CheckupItemsTests
{
    // One row per form row: the columns where it exists, as the paper shows them (附件2: 满月 3 6 8; 附件3: 12 18 24 30;
    // 附件4: 3 4 5 6岁).
    public static TheoryData<CheckupItem, string> Table => new()
    {
        { CheckupItem.HeadCircumference, "满月 3月龄 6月龄 8月龄" },
        { CheckupItem.ComplexionEarly, "满月 3月龄" },
        { CheckupItem.Complexion, "6月龄 8月龄 12月龄 18月龄 24月龄 30月龄" },
        { CheckupItem.Fontanelle, "满月 3月龄 6月龄 8月龄 12月龄 18月龄 24月龄" },
        { CheckupItem.NeckMass, "满月 3月龄 6月龄" },
        { CheckupItem.Hearing, "6月龄 12月龄 24月龄 3岁" },
        { CheckupItem.Mouth, "满月 3月龄" },
        { CheckupItem.TeethErupted, "6月龄 8月龄 12月龄 18月龄 24月龄 30月龄" },
        { CheckupItem.Caries, "12月龄 18月龄 24月龄 30月龄 3岁 4岁 5岁 6岁" },
        { CheckupItem.UmbilicusNewborn, "满月" },
        { CheckupItem.Umbilicus, "3月龄" },
        { CheckupItem.Gait, "18月龄 24月龄 30月龄" },
        { CheckupItem.RicketsSymptoms, "3月龄 6月龄 8月龄" },
        { CheckupItem.RicketsSignsEarly, "满月 3月龄" },
        { CheckupItem.RicketsSignsInfant, "6月龄 8月龄" },
        { CheckupItem.RicketsSignsToddler, "12月龄 18月龄 24月龄" },
        { CheckupItem.AnusGenitalia, "满月 3月龄 6月龄 8月龄" },
        { CheckupItem.Haemoglobin, "满月 3月龄 6月龄 8月龄 18月龄 30月龄 3岁 4岁 5岁 6岁" },
        { CheckupItem.VitaminD, "满月 3月龄 6月龄 8月龄 12月龄 18月龄 24月龄" },
        { CheckupItem.Development, "满月 3月龄 6月龄 8月龄 12月龄 18月龄 24月龄" },
        { CheckupItem.Vision, "4岁 5岁 6岁" },
        { CheckupItem.PhysicalDevelopment, "3岁 4岁 5岁 6岁" },
        { CheckupItem.InfantGuidance, "满月 3月龄 6月龄 8月龄 12月龄 18月龄" },
        { CheckupItem.ChildGuidance, "24月龄 30月龄 3岁 4岁 5岁 6岁" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void EachRowExistsExactlyWhereTheFormHasNoDash(CheckupItem item, string ages) =>
        Assert.Equal(ages, string.Join(" ", CheckupItems.Ages.Where(a => CheckupItems.Exists(item, a)).Select(a => a.Label())));

    [Fact]
    public void HearingAtSixMonthsButNotAtThree()
    {
        Assert.True(CheckupItems.HearingScreened(CheckupAge.Months6));
        Assert.DoesNotContain(CheckupItem.Hearing, CheckupItems.Shown(CheckupAge.Months3));
    }

    [Theory]
    [InlineData(CheckupAge.Months6, false, true)]
    [InlineData(CheckupAge.Months8, false, true)]
    [InlineData(CheckupAge.Months8, true, false)]
    [InlineData(CheckupAge.Months12, false, false)]
    [InlineData(CheckupAge.Months18, false, true)]
    [InlineData(CheckupAge.Months24, false, false)]
    [InlineData(CheckupAge.Months30, false, true)]
    [InlineData(CheckupAge.Years3, false, false)]
    [InlineData(CheckupAge.Years4, false, true)]
    [InlineData(CheckupAge.Years6, false, true)]
    public void HaemoglobinAtSixToEightEighteenAndThirtyMonthsAndYearlyFromFour(CheckupAge age, bool doneAtSix, bool expected) =>
        Assert.Equal(expected, CheckupItems.HaemoglobinExpected(age, doneAtSix));

    [Theory]
    [InlineData(CheckupAge.OneMonth, CheckupForm.UnderOne)]
    [InlineData(CheckupAge.Months8, CheckupForm.UnderOne)]
    [InlineData(CheckupAge.Months12, CheckupForm.OneToTwo)]
    [InlineData(CheckupAge.Months30, CheckupForm.OneToTwo)]
    [InlineData(CheckupAge.Years3, CheckupForm.ThreeToSix)]
    [InlineData(CheckupAge.Years6, CheckupForm.ThreeToSix)]
    public void EachAgeIsWrittenOnItsForm(CheckupAge age, CheckupForm form) => Assert.Equal(form, CheckupItems.FormFor(age));

    public static TheoryData<Type, string> CodeTables => new()
    {
        { typeof(ComplexionEarly), "1 红润|2 黄染|3 其他" },
        { typeof(Complexion), "1 红润|2 其他" },
        { typeof(Fontanelle), "1 闭合|2 未闭" },
        { typeof(NeckMass), "1 有|2 无" },
        { typeof(UmbilicusNewborn), "1 未脱|2 脱落|3 脐部有渗出|4 其他" },
        { typeof(RicketsSymptom), "1 无|2 夜惊|3 多汗|4 烦躁" },
        { typeof(RicketsSignEarly), "1 无|2 颅骨软化|3 方颅|4 枕秃" },
        { typeof(RicketsSignInfant), "1 肋串珠|2 肋外翻|3 肋软骨沟|4 鸡胸|5 手镯征" },
        { typeof(RicketsSignToddler), "1 “O”型腿|2 “X”型腿" },
        { typeof(DevelopmentAssessment), "1 通过|2 未过" },
        { typeof(HearingScreen), "1 通过|2 未通过" },
        { typeof(IllnessSinceLastVisit), "1 未患病|2 患病" },
        { typeof(PreschoolIllness), "1 无|2 肺炎|3 腹泻|4 外伤|5 其他" },
        { typeof(ReferralAdvice), "1 无|2 有" },
        { typeof(InfantGuidance), "1 科学喂养|2 生长发育|3 疾病预防|4 预防意外伤害|5 口腔保健" },
        { typeof(ChildGuidance), "1 合理膳食|2 生长发育|3 疾病预防|4 预防意外伤害|5 口腔保健" },
        { typeof(PhysicalDevelopment), "1 正常|2 低体重|3 消瘦|4 发育迟缓|5 超重" },
        { typeof(ExamFinding), "1 未见异常|2 异常" },
    };

    [Theory]
    [MemberData(nameof(CodeTables))]
    public void CodeTablesPrintTheFormsNumbersAndLabels(Type table, string expected) =>
        Assert.Equal(expected, string.Join("|", CodeLabels.Options(table).Select(o => $"{o.Code} {o.Label}")));
}

public sealed class ChildCheckupJsonTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public void ACheckupRoundTripsAsJsonWithItsFormNamed()
    {
        ChildCheckup checkup = new PreschoolCheckup
        {
            Age = CheckupAge.Years4,
            VisitDate = new DateOnly(2028, 1, 20),
            WeightKg = 16.3m,
            Vision = new(VisionChart.FivePoint, 4.9m, 5.0m),
            Illnesses = [new(PreschoolIllness.Pneumonia, 1)],
            PhysicalDevelopment = [PhysicalDevelopment.Normal],
        };
        var json = System.Text.Json.JsonSerializer.Serialize(checkup, Web);
        Assert.StartsWith("{\"form\":\"three-to-six\"", json, StringComparison.Ordinal);
        var back = System.Text.Json.JsonSerializer.Deserialize<ChildCheckup>(json, Web);
        var p = Assert.IsType<PreschoolCheckup>(back);
        Assert.Equal(4.9m, p.Vision.Left);
        Assert.Equal(PreschoolIllness.Pneumonia, p.Illnesses.Single().Illness);
        Assert.Equal(CheckupForm.ThreeToSix, p.Form);
    }
}
