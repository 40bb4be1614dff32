using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Tcm;

namespace HealthRecords.Domain.Tests.Tcm;

public sealed class ConstitutionScoringTests
{
    /// <summary>33 answers: every question 1 (or <paramref name="all"/>), then "question=answer" overrides.</summary>
    internal static int[] Answers(string overrides = "", int all = 1)
    {
        var a = Enumerable.Repeat(all, 33).ToArray();
        foreach (var pair in overrides.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (q, v) = (int.Parse(pair.Split('=')[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(pair.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture));
            a[q - 1] = v;
        }
        return a;
    }

    [Fact]
    public void TheTableSumsTheQuestionsOfTheStandard()
    {
        Assert.Equal(
            "气虚质:2,3,4,14|阳虚质:11,12,13,29|阴虚质:10,21,26,31|痰湿质:9,16,28,32|湿热质:23,25,27,30|血瘀质:19,22,24,33|气郁质:5,6,7,8|特禀质:15,17,18,20|平和质:1,2,4,5,13 reversed 2,4,5,13",
            string.Join("|", ConstitutionScoring.Table.Select(t => $"{t.Constitution.Label()}:{string.Join(",", t.Questions)}"
                + (t.Reversed.Count > 0 ? $" reversed {string.Join(",", t.Reversed)}" : ""))));
        Assert.Equal(Enumerable.Range(1, 33), ConstitutionScoring.Table.SelectMany(t => t.Questions).Distinct().Order());
    }

    // answers (all 1 unless overridden), constitution -> score and result as printed
    [Theory]
    // 平和质's reverse-scored items: 2, 4, 5 and 13 count 6 − answer
    [InlineData("", TcmConstitution.Balanced, 21, "是")]
    [InlineData("2=5 4=5 5=5 13=5", TcmConstitution.Balanced, 5, "否")]
    [InlineData("1=5", TcmConstitution.Balanced, 25, "是")]
    [InlineData("2=3 4=3", TcmConstitution.Balanced, 17, "是")] // 17 with every other ≤ 8 (气虚质 3+1+3+1 = 8)
    [InlineData("2=3 4=4", TcmConstitution.Balanced, 16, "否")] // below 17
    [InlineData("23=3 25=2 27=2 30=2", TcmConstitution.Balanced, 21, "基本是")] // an other constitution at 9: 基本是, not 是
    [InlineData("23=3 25=3 27=2 30=2", TcmConstitution.Balanced, 21, "基本是")] // at 10
    [InlineData("23=3 25=3 27=3 30=2", TcmConstitution.Balanced, 21, "否")] // at 11
    // the eight biased constitutions: ≥ 11 是, 9–10 倾向是, ≤ 8 否
    [InlineData("23=2 25=2 27=2 30=2", TcmConstitution.DampHeat, 8, "否")]
    [InlineData("23=3 25=2 27=2 30=2", TcmConstitution.DampHeat, 9, "倾向是")]
    [InlineData("23=3 25=3 27=2 30=2", TcmConstitution.DampHeat, 10, "倾向是")]
    [InlineData("23=3 25=3 27=3 30=2", TcmConstitution.DampHeat, 11, "是")]
    [InlineData("23=5 25=5 27=5 30=5", TcmConstitution.DampHeat, 20, "是")]
    [InlineData("2=5 3=5 4=5 14=5", TcmConstitution.QiDeficiency, 20, "是")]
    [InlineData("11=3 12=3 13=3 29=2", TcmConstitution.YangDeficiency, 11, "是")]
    [InlineData("10=4 21=3 26=1 31=1", TcmConstitution.YinDeficiency, 9, "倾向是")]
    [InlineData("9=5 16=5 28=1 32=1", TcmConstitution.PhlegmDampness, 12, "是")]
    [InlineData("19=2 22=2 24=3 33=3", TcmConstitution.BloodStasis, 10, "倾向是")]
    [InlineData("5=4 6=4 7=2 8=1", TcmConstitution.QiStagnation, 11, "是")]
    [InlineData("15=2 17=2 18=2 20=2", TcmConstitution.Inherited, 8, "否")]
    public void ScoresEachConstitutionByTheStandard(string overrides, TcmConstitution constitution, int score, string result)
    {
        var s = ConstitutionScoring.Judge(Answers(overrides))[constitution];
        Assert.Equal((score, result), (s.Score, s.ResultLabel));
    }

    [Fact]
    public void AllOnesIsBalancedAlone()
    {
        var r = ConstitutionScoring.Judge(Answers());
        Assert.Equal([TcmConstitution.Balanced], r.Found);
        Assert.Equal(TcmConstitution.Balanced, r.Main);
        Assert.Empty(r.Notes);
    }

    [Fact]
    public void SeveralConstitutionsMayBeFoundAndTheHighestGuidesTheAdvice()
    {
        var r = ConstitutionScoring.Judge(Answers("23=3 25=3 27=3 30=3 9=5 16=5 28=4 32=4 1=3"));
        Assert.Equal([TcmConstitution.PhlegmDampness, TcmConstitution.DampHeat], r.Found);
        Assert.Equal(TcmConstitution.PhlegmDampness, r.Main); // 18 against 12
        Assert.Empty(r.Notes);
    }

    [Fact]
    public void ATieForTheMainConstitutionIsLeftToTheDoctor()
    {
        var r = ConstitutionScoring.Judge(Answers("23=3 25=3 27=3 30=3 9=3 16=3 28=3 32=3"));
        Assert.Null(r.Main);
        Assert.Equal([TcmResultNote.TiedForMain], r.Notes);
    }

    [Fact]
    public void YinAndYangDeficiencyTogetherAreFlaggedAsContradictory()
    {
        var r = ConstitutionScoring.Judge(Answers("10=3 21=3 26=3 31=3 11=3 12=3 29=3 13=1"));
        Assert.Contains(TcmConstitution.YinDeficiency, r.Found);
        Assert.Contains(TcmConstitution.YangDeficiency, r.Found);
        Assert.Contains(TcmResultNote.Contradictory, r.Notes);
        Assert.True(r.NeedsRecheck);
    }

    [Fact]
    public void NoConstitutionAtAllIsFlagged()
    {
        // 平和质 1 + 3 + 3 + 4 + 5 = 16 (below 17); 气虚质 3 + 1 + 3 + 1 = 8 and every other biased one lower
        var r = ConstitutionScoring.Judge(Answers("2=3 4=3 5=2"));
        Assert.Empty(r.Found);
        Assert.Equal([TcmResultNote.NoneFound], r.Notes);
        Assert.Null(r.Main);
        Assert.True(r.NeedsRecheck);
    }

    [Fact]
    public void TheResultFillsTheExaminationsTcmItem()
    {
        var exam = ConstitutionScoring.Judge(Answers("23=3 25=2 27=2 30=2")).ForExamination();
        Assert.Equal(TcmAnswer.Leaning, exam.Balanced);
        Assert.Equal(TcmAnswer.Leaning, exam.DampHeat);
        Assert.Null(exam.QiDeficiency);
        Assert.Equal("基本是", TcmRules.AnswerLabel(TcmConstitution.Balanced, exam.Balanced!.Value));
    }

    [Fact]
    public void JudgingRefusesAnIncompleteOrOutOfRangeQuestionnaire()
    {
        Assert.Throws<ArgumentException>(() => ConstitutionScoring.Judge(Answers().Take(32).ToArray()));
        Assert.Throws<ArgumentException>(() => ConstitutionScoring.Judge(Answers("7=6")));
    }
}
