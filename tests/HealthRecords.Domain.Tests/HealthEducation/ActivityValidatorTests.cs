using HealthRecords.Domain.HealthEducation;
using static HealthRecords.Domain.Tests.HealthEducation.Activities;

namespace HealthRecords.Domain.Tests.HealthEducation;

public sealed class ActivityValidatorTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void ACompleteLectureIsValid() => Assert.Empty(ActivityValidator.Validate(Lecture(Today), Today));

    [Fact]
    public void ALectureWithANegativeAudienceIsRefused() =>
        Assert.Equal("接受健康教育人数不能为负数", Assert.Single(ActivityValidator.Validate(Lecture(Today, audience: -5), Today)["audienceCount"]));

    [Fact]
    public void ALectureAndAConsultationNeedTheirAudience()
    {
        Assert.Contains("audienceCount", ActivityValidator.Validate(Lecture(Today) with { AudienceCount = null }, Today).Keys);
        Assert.Contains("audienceCount", ActivityValidator.Validate(Consultation(Today, audience: 0), Today).Keys);
        Assert.Contains("audienceCategories", ActivityValidator.Validate(Lecture(Today) with { AudienceCategories = [] }, Today).Keys);
        Assert.Contains("audienceCount", ActivityValidator.Validate(Lecture(Today, audience: 200_000), Today).Keys);
    }

    [Fact]
    public void AnActivityDatedInTheFutureIsRefused() =>
        Assert.Equal("活动时间不能晚于今天", Assert.Single(ActivityValidator.Validate(Lecture(Today.AddDays(1)) with { FilledOn = null }, Today)["date"]));

    [Fact]
    public void AnEmptyRecordAsksForItsLines() =>
        Assert.Equal(["date", "filledBy", "form", "organiser", "place", "topic"],
            ActivityValidator.Validate(new HealthEducationActivity(), Today).Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void PrintedAndAudioVideoActivitiesNameWhatWasGivenOrPlayed()
    {
        Assert.Contains("materials", ActivityValidator.Validate(Printed(Today), Today).Keys);
        Assert.Empty(ActivityValidator.Validate(Printed(Today, "控烟"), Today));
        Assert.Contains("materials", ActivityValidator.Validate(AudioVideo(Today), Today).Keys);
        Assert.Contains("durationMinutes", ActivityValidator.Validate(AudioVideo(Today, "合理膳食") with { DurationMinutes = null }, Today).Keys);
    }

    [Fact]
    public void AMaterialLineNeedsATitleAndAPositiveCount()
    {
        var errors = ActivityValidator.Validate(Lecture(Today) with { Materials = [new MaterialGiven(MaterialKind.Handbook, " ", 0), new MaterialGiven((MaterialKind)7, "x", 1)] }, Today);
        Assert.Equal(["materials[0].quantity", "materials[0].title", "materials[1].kind"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OtherAudienceAndOtherArchivedMaterialNeedTheirText()
    {
        var errors = ActivityValidator.Validate(Lecture(Today) with
        {
            AudienceCategories = [AudienceCategory.Other], ArchivedMaterials = [ArchivedMaterial.Other],
        }, Today);
        Assert.Equal(["archivedOther", "audienceOther"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ABoardUpdateNamesStandingBoardsOfTheInstitution()
    {
        BulletinBoard[] boards = [Board(1), Board(2) with { RemovedOn = new DateOnly(2026, 1, 1) }];
        Assert.Empty(ActivityValidator.Validate(BoardUpdate(Today, 1), Today, boards));
        Assert.Equal("请选择更换了内容的宣传栏", Assert.Single(ActivityValidator.Validate(BoardUpdate(Today), Today, boards)["boardIds"]));
        Assert.Equal("所选宣传栏不属于本机构", Assert.Single(ActivityValidator.Validate(BoardUpdate(Today, 9), Today, boards)["boardIds"]));
        Assert.Equal("宣传栏2在活动时间未设置或已撤除", Assert.Single(ActivityValidator.Validate(BoardUpdate(Today, 2), Today, boards)["boardIds"]));
        Assert.Contains("boardIds", ActivityValidator.Validate(Lecture(Today) with { BoardIds = [1] }, Today, boards).Keys);
    }

    [Fact]
    public void TheRecordIsFilledOnOrAfterTheActivity() =>
        Assert.Contains("填表时间不能早于活动时间", ActivityValidator.Validate(Lecture(Today) with { FilledOn = Today.AddDays(-1) }, Today)["filledOn"]);

    [Fact]
    public void ABoardNeedsAPlausibleAreaAndDatesInOrder()
    {
        Assert.Empty(ActivityValidator.Validate(Board(1), Today));
        Assert.Contains("areaSquareMetres", ActivityValidator.Validate(Board(1, area: 0m), Today).Keys);
        Assert.Contains("removedOn", ActivityValidator.Validate(Board(1) with { RemovedOn = new DateOnly(2019, 1, 1) }, Today).Keys);
        Assert.Contains("setUpOn", ActivityValidator.Validate(Board(1, setUp: Today.AddDays(1)), Today).Keys);
    }

    [Fact]
    public void ASmallOrBadlyHungBoardIsAdvisedNotRefused()
    {
        var board = Board(1, area: 1.2m) with { CentreHeightMetres = 1.9m };
        Assert.Empty(ActivityValidator.Validate(board, Today));
        Assert.Equal(["areaSquareMetres", "centreHeightMetres"], ActivityValidator.Advice(board).Keys.Order(StringComparer.Ordinal));
        Assert.Empty(ActivityValidator.Advice(Board(1)));
    }
}
