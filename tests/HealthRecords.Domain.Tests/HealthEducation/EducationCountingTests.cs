using HealthRecords.Domain.HealthEducation;
using static HealthRecords.Domain.Tests.HealthEducation.Activities;

namespace HealthRecords.Domain.Tests.HealthEducation;

public sealed class EducationCountingTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 31);

    [Fact]
    public void TheFourMeasuresOf004AreDefinedAsCounts()
    {
        Assert.Equal(["五(一)", "五(二)", "五(三)", "五(四)"], HealthEducationMeasures.All.Select(m => m.Source[^4..]));
        Assert.All(HealthEducationMeasures.All, m => Assert.StartsWith("无", m.Denominator, StringComparison.Ordinal));
        Assert.Equal(4, HealthEducationMeasures.All.Select(m => m.Code).Distinct().Count());
    }

    [Fact]
    public void EachFigureCountsItsRecordsAndListsThem()
    {
        var lecture = Row(Lecture(new DateOnly(2026, 3, 10), audience: 35));
        var consultation = Row(Consultation(new DateOnly(2026, 3, 12), audience: 150));
        var printed = Row(Printed(new DateOnly(2026, 4, 1), "控烟", "限盐"));
        var video = Row(AudioVideo(new DateOnly(2026, 4, 2), "合理膳食"));
        var board = Row(BoardUpdate(new DateOnly(2026, 4, 3), 1, 2));
        var individual = Row(Lecture(new DateOnly(2026, 4, 4), audience: 1) with { Form = ActivityForm.Individual, TcmContent = true });
        var lastYear = Row(Lecture(new DateOnly(2025, 12, 30)));
        var figures = EducationCounting.Figures(
            [lecture, consultation, printed, video, board, individual, lastYear], [Board(1), Board(2), Board(3, area: 1m)],
            [new IndividualEducation(new DateOnly(2026, 5, 1), "hypertension", 77), new IndividualEducation(new DateOnly(2027, 1, 1), "hypertension", 78)],
            From, To).ToDictionary(f => f.Code);

        Assert.Equal(3, figures["printed-kinds"].Value);
        Assert.Equal([consultation.Id, printed.Id], figures["printed-kinds"].RecordIds);
        Assert.Equal(400, figures["printed-copies"].Value);
        Assert.Equal((1, 3, 90), (figures["audio-video-kinds"].Value, figures["audio-video-plays"].Value, figures["audio-video-minutes"].Value));
        Assert.Equal((2, 2), (figures["boards"].Value, figures["board-updates"].Value));
        Assert.Equal((1, 35, 1, 150), (figures["lectures"].Value, figures["lecture-participants"].Value, figures["consultations"].Value, figures["consultation-participants"].Value));
        Assert.Equal([lecture.Id], figures["lectures"].RecordIds);
        Assert.Equal(2, figures["individual-education"].Value);
        Assert.Equal([individual.Id], figures["tcm-activities"].RecordIds);
        Assert.All(figures.Values.Where(f => f.MeasureCode is not null), f => Assert.Contains(HealthEducationMeasures.All, m => m.Code == f.MeasureCode));
    }

    [Fact]
    public void BoardUpdatesAreTheBoardActivitiesByBoard()
    {
        var rows = new[] { Row(BoardUpdate(new DateOnly(2026, 1, 5), 1, 2, 2)), Row(Lecture(new DateOnly(2026, 1, 6))) };
        Assert.Equal([1L, 2L], BulletinBoards.Updates(rows).Select(u => u.BoardId));
    }

    [Fact]
    public void ABoardsNextChangeIsTwoMonthsAfterItsLastOrItsSettingUp()
    {
        var board = Board(1, setUp: new DateOnly(2026, 2, 20));
        Assert.Equal(new DateOnly(2026, 4, 20), BulletinBoards.NextUpdateDue(board, [], new DateOnly(2026, 3, 1)));
        var updates = new[] { new BoardUpdate(1, new DateOnly(2026, 3, 31), "t", false, 1), new BoardUpdate(1, new DateOnly(2026, 9, 1), "t", false, 2) };
        Assert.Equal(new DateOnly(2026, 5, 31), BulletinBoards.NextUpdateDue(board, updates, new DateOnly(2026, 4, 15)));
        Assert.Equal(2, BulletinBoards.Required(InstitutionTier.Centre));
        Assert.Equal(1, BulletinBoards.Required(InstitutionTier.Station));
    }

    [Theory]
    [InlineData(1, InstitutionTier.Centre)]
    [InlineData(2, InstitutionTier.Centre)]
    [InlineData(3, InstitutionTier.Station)]
    [InlineData(4, InstitutionTier.Station)]
    [InlineData(9, null)]
    public void TheHostsInstitutionKindGivesTheTier(int kind, InstitutionTier? tier) => Assert.Equal(tier, InstitutionTiers.FromKindNumber(kind));
}
