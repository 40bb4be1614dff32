using HealthRecords.Domain.HealthEducation;
using static HealthRecords.Domain.Tests.HealthEducation.Activities;

namespace HealthRecords.Domain.Tests.HealthEducation;

/// <summary>004 健康教育 二(二): the minimums as live progress.</summary>
public sealed class EducationMinimumsTests
{
    private const int Year = 2026;

    private static MinimumProgress Of(EducationMinimum minimum, InstitutionTier tier, IEnumerable<HealthEducationActivity> activities, DateOnly today, params BulletinBoard[] boards) =>
        EducationMinimums.Progress(tier, Year, activities.Select(Row).ToArray(), boards, today).Single(p => p.Minimum == minimum);

    [Fact]
    public void ACentreHasSixMinimumsAndAStationFive()
    {
        var today = new DateOnly(Year, 3, 1);
        Assert.Equal(
            [EducationMinimum.PrintedMaterialKinds, EducationMinimum.AudioVideoKinds, EducationMinimum.BulletinBoards, EducationMinimum.BoardUpdates, EducationMinimum.ConsultationEvents, EducationMinimum.Lectures],
            EducationMinimums.Progress(InstitutionTier.Centre, Year, [], [], today).Select(p => p.Minimum));
        Assert.DoesNotContain(EducationMinimums.Progress(InstitutionTier.Station, Year, [], [], today), p => p.Minimum == EducationMinimum.ConsultationEvents);
    }

    public static TheoryData<InstitutionTier, EducationMinimum, int> Required => new()
    {
        { InstitutionTier.Centre, EducationMinimum.PrintedMaterialKinds, 12 },
        { InstitutionTier.Station, EducationMinimum.PrintedMaterialKinds, 12 },
        { InstitutionTier.Centre, EducationMinimum.AudioVideoKinds, 6 },
        { InstitutionTier.Station, EducationMinimum.AudioVideoKinds, 6 },
        { InstitutionTier.Centre, EducationMinimum.BulletinBoards, 2 },
        { InstitutionTier.Station, EducationMinimum.BulletinBoards, 1 },
        { InstitutionTier.Centre, EducationMinimum.BoardUpdates, 12 },
        { InstitutionTier.Station, EducationMinimum.BoardUpdates, 6 },
        { InstitutionTier.Centre, EducationMinimum.ConsultationEvents, 9 },
        { InstitutionTier.Centre, EducationMinimum.Lectures, 12 },
        { InstitutionTier.Station, EducationMinimum.Lectures, 6 },
    };

    [Theory]
    [MemberData(nameof(Required))]
    public void TheYearsRequirementIsThatOf004(InstitutionTier tier, EducationMinimum minimum, int required) =>
        Assert.Equal(required, Of(minimum, tier, [], new DateOnly(Year, 1, 1)).Required);

    [Theory]
    [InlineData(1, 10, 0)]
    [InlineData(2, 9, 0)]     // 9 × 40 / 365 = 0.99
    [InlineData(2, 10, 1)]    // 9 × 41 / 365 = 1.01
    [InlineData(6, 30, 4)]    // 9 × 181 / 365 = 4.46
    [InlineData(12, 31, 9)]
    public void ConsultationEventsAreExpectedProRata(int month, int day, int expected) =>
        Assert.Equal(expected, Of(EducationMinimum.ConsultationEvents, InstitutionTier.Centre, [], new DateOnly(Year, month, day)).ExpectedByToday);

    [Fact]
    public void AnInstitutionBehindTheProRataCountIsBehind()
    {
        var today = new DateOnly(Year, 6, 30);
        var three = Enumerable.Range(1, 3).Select(m => Consultation(new DateOnly(Year, m, 15))).ToArray();
        var four = three.Append(Consultation(new DateOnly(Year, 4, 15))).ToArray();
        Assert.True(Of(EducationMinimum.ConsultationEvents, InstitutionTier.Centre, three, today).Behind);
        Assert.False(Of(EducationMinimum.ConsultationEvents, InstitutionTier.Centre, four, today).Behind);
        Assert.False(Of(EducationMinimum.ConsultationEvents, InstitutionTier.Centre, four, today).Met);
    }

    [Fact]
    public void PrintedKindsAreDistinctTitlesFromEveryActivityOfTheYear()
    {
        var today = new DateOnly(Year, 12, 31);
        HealthEducationActivity[] activities =
        [
            Printed(new DateOnly(Year, 1, 5), "高血压防治", "糖尿病防治", "《控烟》"),
            Printed(new DateOnly(Year, 2, 5), "高血压 防治", "控烟"),               // the same two titles again
            Consultation(new DateOnly(Year, 3, 5)),                                // hands out 高血压防治折页
            Printed(new DateOnly(Year - 1, 12, 5), "去年的资料"),                  // last year
        ];
        var p = Of(EducationMinimum.PrintedMaterialKinds, InstitutionTier.Station, activities, today);
        Assert.Equal(4, p.Done);
        Assert.True(p.Behind);
        Assert.Equal("全年不少于12种，按进度到今天应有12种，已有4种", p.Note);
    }

    [Fact]
    public void AudioVideoKindsCountTheTitlesPlayed()
    {
        var played = AudioVideo(new DateOnly(Year, 1, 5), "合理膳食", "适量运动", "心理平衡", "戒烟限酒", "手足口病预防", "狂犬病预防");
        var p = Of(EducationMinimum.AudioVideoKinds, InstitutionTier.Centre, [played], new DateOnly(Year, 2, 1));
        Assert.Equal((6, true, false), (p.Done, p.Met, p.Behind));
    }

    [Fact]
    public void AMonthWithoutALectureLeavesACentreBehindForTheYear()
    {
        var held = new[] { 1, 2, 4 }.Select(m => Lecture(new DateOnly(Year, m, 10))).ToArray();
        var p = Of(EducationMinimum.Lectures, InstitutionTier.Centre, held, new DateOnly(Year, 5, 20));
        Assert.Equal((4, 3, true), (p.ExpectedByToday, p.Done, p.Behind));
        Assert.Equal("3月未举办讲座", p.Note);
    }

    [Fact]
    public void TheCurrentMonthIsNotBehindBeforeItEnds()
    {
        var held = new[] { 1, 2, 3, 4 }.Select(m => Lecture(new DateOnly(Year, m, 10))).ToArray();
        Assert.False(Of(EducationMinimum.Lectures, InstitutionTier.Centre, held, new DateOnly(Year, 5, 31)).Behind);
        Assert.True(Of(EducationMinimum.Lectures, InstitutionTier.Centre, held, new DateOnly(Year, 6, 1)).Behind);
    }

    [Fact]
    public void AStationNeedsOneLectureInEveryTwoMonths()
    {
        var held = new[] { 2, 3 }.Select(m => Lecture(new DateOnly(Year, m, 10))).ToArray();
        var may = Of(EducationMinimum.Lectures, InstitutionTier.Station, held, new DateOnly(Year, 5, 31));
        Assert.Equal((2, 2, false), (may.ExpectedByToday, may.Done, may.Behind));
        var july = Of(EducationMinimum.Lectures, InstitutionTier.Station, held, new DateOnly(Year, 7, 1));
        Assert.True(july.Behind);
        Assert.Equal("5–6月未举办讲座", july.Note);
    }

    [Fact]
    public void OnlyBoardsOfTwoSquareMetresCount()
    {
        var today = new DateOnly(Year, 3, 1);
        var p = Of(EducationMinimum.BulletinBoards, InstitutionTier.Centre, [], today, Board(1), Board(2, area: 1.5m));
        Assert.Equal((1, true), (p.Done, p.Behind));
        Assert.Equal("应有不少于2个面积≥2平方米的宣传栏，现有1个（另有1个不足2平方米，不计入）", p.Note);
        Assert.False(Of(EducationMinimum.BulletinBoards, InstitutionTier.Station, [], today, Board(1)).Behind);
    }

    [Fact]
    public void ABoardUnchangedForMoreThanTwoMonthsIsBehind()
    {
        var updates = new[] { BoardUpdate(new DateOnly(Year, 1, 10), 1, 2), BoardUpdate(new DateOnly(Year, 3, 5), 1) };
        var may = Of(EducationMinimum.BoardUpdates, InstitutionTier.Centre, updates, new DateOnly(Year, 3, 20), Board(1), Board(2));
        Assert.True(may.Behind);
        Assert.Equal("宣传栏2应于2026-03-10前更换，已逾期", may.Note);
        Assert.Equal(3, may.Done);

        var onTime = Of(EducationMinimum.BoardUpdates, InstitutionTier.Centre, updates, new DateOnly(Year, 3, 10), Board(1), Board(2));
        Assert.False(onTime.Behind);
    }

    [Fact]
    public void BeforeTheYearNothingIsExpected()
    {
        var all = EducationMinimums.Progress(InstitutionTier.Centre, Year, [], [], new DateOnly(Year - 1, 12, 1));
        Assert.All(all, p => Assert.False(p.Behind));
        Assert.All(all, p => Assert.Equal(0, p.ExpectedByToday));
    }

    [Fact]
    public void AfterTheYearTheWholeYearIsExpected()
    {
        var all = EducationMinimums.Progress(InstitutionTier.Centre, Year, [], [Board(1), Board(2)], new DateOnly(Year + 1, 2, 1));
        Assert.Equal(12, all.Single(p => p.Minimum == EducationMinimum.PrintedMaterialKinds).ExpectedByToday);
        Assert.Equal(12, all.Single(p => p.Minimum == EducationMinimum.Lectures).ExpectedByToday);
        Assert.All(all.Where(p => p.Minimum != EducationMinimum.BulletinBoards), p => Assert.True(p.Behind));
    }

    [Fact]
    public void TheWorkListHasThisMonthsLectureUntilOneIsHeldAndEachBoardsNextChange()
    {
        var today = new DateOnly(Year, 5, 12);
        var items = EducationMinimums.Due(InstitutionTier.Centre, [Row(BoardUpdate(new DateOnly(Year, 4, 1), 1))], [Board(1)], today);
        var lecture = items.Single(i => i.Kind == "education-lecture");
        Assert.Equal((new DateOnly(Year, 5, 1), new DateOnly(Year, 5, 31)), (lecture.WindowStart, lecture.DueDate));
        var board = items.Single(i => i.Kind == "board-update");
        Assert.Equal((new DateOnly(Year, 6, 1), 1L), (board.DueDate, board.SourceId!.Value));

        var after = EducationMinimums.Due(InstitutionTier.Centre, [Row(Lecture(new DateOnly(Year, 5, 3)))], [], today);
        Assert.Empty(after);
        var station = EducationMinimums.Due(InstitutionTier.Station, [Row(Lecture(new DateOnly(Year, 4, 3)))], [], today);
        Assert.Equal(new DateOnly(Year, 6, 30), Assert.Single(station).DueDate);
    }
}
