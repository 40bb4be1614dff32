using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Tcm;

namespace HealthRecords.Domain.Tests.Tcm;

public sealed class TcmFormsTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    public static TheoryData<Type, string> Tables => new()
    {
        { typeof(TcmFrequency), "1 没有（根本不/从来没有）|2 很少（有一点/偶尔）|3 有时（有些/少数时间）|4 经常（相当/多数时间）|5 总是（非常/每天）" },
        { typeof(TcmGuidance), "1 情志调摄|2 饮食调养|3 起居调摄|4 运动保健|5 穴位保健|6 其他" },
        { typeof(ChildTcmGuidanceItem), "1 中医饮食调养指导|2 中医起居调摄指导|3 传授中医穴位按揉方法|4 其他" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void NumbersAndLabelsMatchTheForms(Type table, string expected) =>
        Assert.Equal(expected, string.Join("|", CodeLabels.Options(table).Select(o => $"{o.Code} {o.Label}")));

    [Fact]
    public void ThereAreThirtyThreeQuestionsInOrder()
    {
        Assert.Equal(Enumerable.Range(1, 33), TcmQuestions.All.Select(q => q.Number));
        Assert.Equal("您精力充沛吗？", TcmQuestions.All[0].Text);
        Assert.Equal("您舌下静脉瘀紫或增粗吗？", TcmQuestions.All[32].Text);
    }

    [Theory]
    [InlineData(1, 3, "有时（有些/少数时间）")]
    [InlineData(9, 1, "BMI<24")]
    [InlineData(9, 5, "BMI≥28")]
    [InlineData(14, 4, "一年8次以上")]
    [InlineData(17, 5, "每次遇到上述原因都过敏")]
    [InlineData(28, 1, "腹围<80cm")]
    public void FourQuestionsPrintTheirOwnAnchors(int question, int answer, string label) =>
        Assert.Equal(label, TcmQuestions.AnswerLabel(question, answer));

    [Fact]
    public void ThirtyThreeKeystrokesAreTheAnswersInOrder()
    {
        Assert.Equal(ConstitutionScoringTests.Answers().Select(a => (int?)a), TcmQuestions.ParseKeys(new string('1', 33)));
        Assert.Equal([1, 2, null, 7], TcmQuestions.ParseKeys("12 -7"));
    }

    private static ElderlyTcmRecord Record(string keys) => new()
    {
        FilledOn = Today, Answers = TcmQuestions.ParseKeys(keys), Doctor = "中医师",
        Guidance = [new ConstitutionGuidance(TcmConstitution.Balanced, [TcmGuidance.Diet, TcmGuidance.Exercise])],
    };

    private static readonly string AllOnes = new('1', 33);

    [Fact]
    public void AValidQuestionnaireHasNoErrors() => Assert.Empty(TcmValidator.Validate(Record(AllOnes), Today));

    [Fact]
    public void AnUnansweredQuestionIsRefusedBesideIt()
    {
        var keys = "1111-" + new string('1', 28);
        Assert.Equal("第5题未作答", TcmValidator.Validate(Record(keys), Today)["answers[4]"].Single());
    }

    [Theory]
    [InlineData('6')]
    [InlineData('0')]
    [InlineData('9')]
    public void AnAnswerOutsideOneToFiveIsRefusedBesideIt(char key)
    {
        var keys = new string('1', 32) + key;
        Assert.Equal($"第33题只能填1–5，不能填{key}", TcmValidator.Validate(Record(keys), Today)["answers[32]"].Single());
    }

    [Fact]
    public void AShortQuestionnaireIsRefused() =>
        Assert.Equal("问卷共33题，现有32题的答案", TcmValidator.Validate(Record(new string('1', 32)), Today)["answers"].Single());

    [Fact]
    public void EveryConstitutionFoundNeedsItsGuidanceAndNoOtherHasAny()
    {
        var dampHeat = string.Concat(ConstitutionScoringTests.Answers("23=3 25=2 27=2 30=2")); // 湿热质 倾向是, 平和质 基本是
        var errors = TcmValidator.Validate(Record(dampHeat), Today);
        Assert.Equal("请为湿热质勾选中医药保健指导", errors["guidance"].Single());
        var wrong = Record(AllOnes) with { Guidance = [.. Record(AllOnes).Guidance, new ConstitutionGuidance(TcmConstitution.QiDeficiency, [TcmGuidance.Diet])] };
        Assert.Equal("气虚质未判定为“是”或“倾向是”，不需保健指导", TcmValidator.Validate(wrong, Today)["guidance[1].constitution"].Single());
    }

    [Fact]
    public void OtherGuidanceNeedsItsText()
    {
        var r = Record(AllOnes) with { Guidance = [new ConstitutionGuidance(TcmConstitution.Balanced, [TcmGuidance.Other])] };
        Assert.Equal("选了“其他”，请写明中医药保健指导", TcmValidator.Validate(r, Today)["guidance[0].other"].Single());
    }

    [Fact]
    public void TheRecordJudgesItsOwnAnswers()
    {
        Assert.Equal(TcmConstitution.Balanced, Record(AllOnes).Result!.Main);
        Assert.Null(Record(new string('1', 32)).Result);
    }
}
