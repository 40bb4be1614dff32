using HealthRecords.Domain.Children;

namespace HealthRecords.Domain.Tests.Children;

public sealed class CheckupScheduleTests
{
    private static readonly DateOnly Birth = new(2024, 1, 15);

    [Theory]
    [InlineData(CheckupAge.OneMonth, "2024-02-12")]
    [InlineData(CheckupAge.Months3, "2024-04-15")]
    [InlineData(CheckupAge.Months8, "2024-09-15")]
    [InlineData(CheckupAge.Months30, "2026-07-15")]
    [InlineData(CheckupAge.Years3, "2027-01-15")]
    [InlineData(CheckupAge.Years6, "2030-01-15")]
    public void EachCheckupFallsDueAtItsAge(CheckupAge age, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), CheckupSchedule.Target(Birth, age));

    [Fact]
    public void AMonthCheckupIsOnTimeWithinItsMonthOfAge()
    {
        var d = CheckupSchedule.Dates(Birth, CheckupAge.Months6);
        Assert.Equal(new DateOnly(2024, 7, 15), d.Target);
        Assert.Equal(new DateOnly(2024, 8, 14), d.OnTimeEnd);
    }

    [Fact]
    public void AYearlyCheckupIsOnTimeWithinItsYearOfAge() =>
        Assert.Equal(new DateOnly(2029, 1, 14), CheckupSchedule.Dates(Birth, CheckupAge.Years4).OnTimeEnd);

    [Fact]
    public void OneMonthCheckupIsNeverAcceptedBefore28Days()
    {
        Assert.False(CheckupSchedule.IsWithinWindow(Birth, CheckupAge.OneMonth, Birth.AddDays(27)));
        Assert.True(CheckupSchedule.IsWithinWindow(Birth, CheckupAge.OneMonth, Birth.AddDays(28)));
    }

    [Fact]
    public void ACheckupIsAcceptedTwoWeeksEarlyAndUntilTheNextOnesWindowOpens()
    {
        var d = CheckupSchedule.Dates(Birth, CheckupAge.Months3);
        Assert.Equal(new DateOnly(2024, 4, 1), d.AcceptFrom);
        Assert.Equal(new DateOnly(2024, 6, 30), d.AcceptUntil);
        Assert.Equal(new DateOnly(2024, 7, 1), CheckupSchedule.Dates(Birth, CheckupAge.Months6).AcceptFrom);
    }

    [Fact]
    public void WindowsNeverOverlap()
    {
        for (var i = 1; i < CheckupItems.Ages.Count; i++)
        {
            var previous = CheckupSchedule.Dates(Birth, CheckupItems.Ages[i - 1]);
            var next = CheckupSchedule.Dates(Birth, CheckupItems.Ages[i]);
            Assert.Equal(previous.AcceptUntil.AddDays(1), next.AcceptFrom);
        }
    }

    [Fact]
    public void TheSixYearCheckupIsAcceptedUntilTheDayBeforeTheSeventhBirthday() =>
        Assert.Equal(new DateOnly(2031, 1, 14), CheckupSchedule.Dates(Birth, CheckupAge.Years6).AcceptUntil);

    [Theory]
    [InlineData("2024-05-20", CheckupAge.Months3)]
    [InlineData("2024-07-10", CheckupAge.Months6)]
    [InlineData("2028-03-01", CheckupAge.Years4)]
    public void AVisitDateBelongsToOneCheckup(string date, CheckupAge expected) =>
        Assert.Equal(expected, CheckupSchedule.AgeFor(Birth, DateOnly.Parse(date)));

    [Fact]
    public void TheNextCheckupNotDoneIsDueWithItsWindow()
    {
        var item = Assert.Single(CheckupSchedule.Due(Birth, [CheckupAge.OneMonth], new DateOnly(2024, 3, 20)));
        Assert.Equal("child-checkup:3", item.Kind);
        Assert.Equal("儿童健康检查（3月龄）", item.Title);
        Assert.Equal(new DateOnly(2024, 4, 15), item.DueDate);
        Assert.Equal(new DateOnly(2024, 5, 14), item.WindowEnd);
        Assert.False(item.IsOverdue(new DateOnly(2024, 5, 14)));
        Assert.True(item.IsOverdue(new DateOnly(2024, 5, 15)));
    }

    [Fact]
    public void AMissedCheckupIsDroppedOnceTheNextAgeHasCome()
    {
        var item = Assert.Single(CheckupSchedule.Due(Birth, [CheckupAge.OneMonth], new DateOnly(2024, 7, 2)));
        Assert.Equal("child-checkup:6", item.Kind);
    }

    [Fact]
    public void NothingIsDueAfterTheSeventhBirthdayOrWhenManagementEnded()
    {
        Assert.Empty(CheckupSchedule.Due(Birth, [], new DateOnly(2031, 1, 15)));
        Assert.Empty(CheckupSchedule.Due(Birth, [], new DateOnly(2024, 3, 1), managementEnded: true));
    }

    [Fact]
    public void AReferralIsFollowedUpWithinTwoWeeksUrgently()
    {
        var checkup = new InfantCheckup
        {
            Age = CheckupAge.Months6,
            VisitDate = new DateOnly(2024, 7, 20),
            Referral = new CheckupReferral(ReferralAdvice.Yes, "听力筛查未通过", "区妇幼保健院儿保科"),
        };
        var item = CheckupSchedule.ReferralFollowUp(checkup, resultRecorded: false, sourceId: 7);
        Assert.NotNull(item);
        Assert.Equal(new DateOnly(2024, 8, 3), item.DueDate);
        Assert.True(item.Urgent);
        Assert.Equal(7, item.SourceId);
        Assert.Null(CheckupSchedule.ReferralFollowUp(checkup, resultRecorded: true));
        Assert.Null(CheckupSchedule.ReferralFollowUp(checkup with { Referral = new CheckupReferral(ReferralAdvice.No) }, false));
    }

    [Fact]
    public void TheSuggestedNextVisitIsTheNextCheckupAge()
    {
        Assert.Equal(new DateOnly(2024, 9, 15), CheckupSchedule.SuggestedNextVisit(Birth, CheckupAge.Months6));
        Assert.Null(CheckupSchedule.SuggestedNextVisit(Birth, CheckupAge.Years6));
    }
}
