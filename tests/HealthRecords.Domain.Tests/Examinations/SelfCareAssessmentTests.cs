using HealthRecords.Domain.Elderly;
using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Tests.Examinations;

public sealed class SelfCareAssessmentTests
{
    public static TheoryData<SelfCareItem, int, bool> EveryScore()
    {
        // 004 老年人健康管理服务规范 附表: the table's columns per item.
        var allowed = new Dictionary<SelfCareItem, int[]>
        {
            [SelfCareItem.Eating] = [0, 3, 5],
            [SelfCareItem.Grooming] = [0, 1, 3, 7],
            [SelfCareItem.Dressing] = [0, 3, 5],
            [SelfCareItem.Toileting] = [0, 1, 5, 10],
            [SelfCareItem.Activity] = [0, 1, 5, 10],
        };
        var data = new TheoryData<SelfCareItem, int, bool>();
        foreach (var (item, scores) in allowed)
        {
            for (var s = -1; s <= 11; s++)
            {
                data.Add(item, s, scores.Contains(s));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryScore))]
    public void EachItemAllowsOnlyTheTablesScores(SelfCareItem item, int score, bool allowed) =>
        Assert.Equal(allowed, SelfCareAssessment.IsAllowed(item, score));

    [Theory]
    [InlineData(0, SelfCareLevel.Independent)]
    [InlineData(3, SelfCareLevel.Independent)]
    [InlineData(4, SelfCareLevel.MildlyDependent)]
    [InlineData(8, SelfCareLevel.MildlyDependent)]
    [InlineData(9, SelfCareLevel.ModeratelyDependent)]
    [InlineData(18, SelfCareLevel.ModeratelyDependent)]
    [InlineData(19, SelfCareLevel.Dependent)]
    [InlineData(37, SelfCareLevel.Dependent)]
    public void TotalGivesTheBandAtItsBoundaries(int total, SelfCareLevel band) =>
        Assert.Equal(band, SelfCareAssessment.Band(total));

    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0, SelfCareLevel.Independent)]
    [InlineData(3, 0, 0, 0, 0, 3, SelfCareLevel.Independent)]
    [InlineData(3, 1, 0, 0, 0, 4, SelfCareLevel.MildlyDependent)]
    [InlineData(3, 3, 3, 0, 0, 9, SelfCareLevel.ModeratelyDependent)]
    [InlineData(0, 7, 5, 5, 1, 18, SelfCareLevel.ModeratelyDependent)]
    [InlineData(5, 3, 5, 5, 1, 19, SelfCareLevel.Dependent)]
    [InlineData(5, 7, 5, 10, 10, 37, SelfCareLevel.Dependent)]
    public void FiveScoresAddUpToTheirBand(int eating, int grooming, int dressing, int toileting, int activity, int total, SelfCareLevel band)
    {
        var scores = new SelfCareScores(eating, grooming, dressing, toileting, activity);
        Assert.Equal(total, SelfCareAssessment.Total(scores));
        Assert.Equal(band, SelfCareAssessment.Level(scores));
        Assert.Empty(SelfCareAssessment.Check(scores));
    }

    [Fact]
    public void AnIncompleteOrDisallowedTableHasNoBandAndSaysWhy()
    {
        var incomplete = new SelfCareScores(Eating: 3);
        Assert.Null(SelfCareAssessment.Level(incomplete));
        Assert.Contains(SelfCareAssessment.Check(incomplete), e => e.Key == "grooming");

        var disallowed = new SelfCareScores(1, 0, 0, 0, 0); // 进餐 has no 1
        Assert.Null(SelfCareAssessment.Level(disallowed));
        var error = Assert.Single(SelfCareAssessment.Check(disallowed));
        Assert.Equal("eating", error.Key);
        Assert.Contains("0/3/5", error.Message);
    }

    [Fact]
    public void TheFormsBandIsComputedFromTheTableNeverTyped()
    {
        var typed = new HealthExamination { General = new GeneralCondition { SelfCareLevel = SelfCareLevel.Dependent, SelfCare = new SelfCareScores(0, 1, 0, 0, 0) } };
        Assert.Equal(SelfCareLevel.Independent, ExaminationValidator.WithComputed(typed).General.SelfCareLevel);
    }
}
