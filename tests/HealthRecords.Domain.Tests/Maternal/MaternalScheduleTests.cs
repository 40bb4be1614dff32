using HealthRecords.Domain.Maternal;
using HealthRecords.Domain.Schedules;

namespace HealthRecords.Domain.Tests.Maternal;

public sealed class MaternalScheduleTests
{
    // LMP 2025-03-01: 孕8周 2025-04-26, 孕16周 06-21, 孕20周+6天 07-25, 孕21周 07-26, 孕24周+6天 08-22, 孕28周 09-13,
    // 孕36周+6天 11-14, 孕37周 11-15, 孕40周+6天 12-12
    private static readonly MotherHistory Registered = new()
    {
        EpisodeId = 7,
        RegisteredOn = new DateOnly(2025, 4, 26),
        Dating = new PregnancyDating(new DateOnly(2025, 3, 1), null),
    };

    private static ScheduleItem Item(IReadOnlyList<ScheduleItem> items, string kind) => Assert.Single(items, i => i.Kind == kind);

    private static (DateOnly Start, DateOnly Due, DateOnly End) Window(ScheduleItem i) => (i.WindowStart, i.DueDate, i.WindowEnd);

    private static (DateOnly, DateOnly, DateOnly) W(string start, string due, string end) => (DateOnly.Parse(start), DateOnly.Parse(due), DateOnly.Parse(end));

    [Fact]
    public void ANewRegistrationHasTheFirstVisitDueAtOnceAndEveryRoundAhead()
    {
        var items = MaternalSchedule.ForMother(Registered, new DateOnly(2025, 4, 26));
        Assert.Equal(["prenatal-1", "prenatal-2", "prenatal-3", "prenatal-4", "prenatal-5"], items.Select(i => i.Kind));
        Assert.Equal(W("2025-04-26", "2025-04-26", "2025-05-30"), Window(items[0]));
        Assert.Equal("第1次产前随访（孕13周前）", items[0].Title);
        Assert.All(items, i => Assert.Equal(7, i.SourceId));
        Assert.All(items, i => Assert.False(i.Urgent));
    }

    // each round due on its window's first day, overdue after its last
    [Theory]
    [InlineData("prenatal-2", "2025-06-21", "2025-07-25", "第2次产前随访（孕16~20周）")]
    [InlineData("prenatal-3", "2025-07-26", "2025-08-22", "第3次产前随访（孕21~24周）")]
    [InlineData("prenatal-4", "2025-09-13", "2025-11-14", "第4次产前随访（孕28~36周）")]
    [InlineData("prenatal-5", "2025-11-15", "2025-12-12", "第5次产前随访（孕37~40周）")]
    public void EachRoundIsDueAtItsWindowsStartAndOverdueAfterItsEnd(string kind, string start, string end, string title)
    {
        var item = Item(MaternalSchedule.ForMother(Registered with { FirstVisitOn = Registered.RegisteredOn }, new DateOnly(2025, 4, 26)), kind);
        Assert.Equal(W(start, start, end), Window(item));
        Assert.Equal(title, item.Title);
        Assert.False(item.IsOverdue(DateOnly.Parse(end)));
        Assert.True(item.IsOverdue(DateOnly.Parse(end).AddDays(1)));
    }

    [Fact]
    public void ALateRegistrationHasItsFirstVisitDueThatDayAndSkipsRoundsAlreadyOver()
    {
        var late = Registered with { RegisteredOn = new DateOnly(2025, 8, 1) }; // 孕21周+6天
        var items = MaternalSchedule.ForMother(late, new DateOnly(2025, 8, 1));
        Assert.Equal(["prenatal-1", "prenatal-3", "prenatal-4", "prenatal-5"], items.Select(i => i.Kind));
        Assert.Equal(W("2025-08-01", "2025-08-01", "2025-08-01"), Window(items[0]));
    }

    [Fact]
    public void ARecordedVisitRemovesItsRoundAndEveryEarlierOne()
    {
        var h = Registered with { FirstVisitOn = Registered.RegisteredOn, PrenatalVisits = [new RoundVisit(3, new DateOnly(2025, 8, 2))] };
        Assert.Equal(["prenatal-4", "prenatal-5"], MaternalSchedule.ForMother(h, new DateOnly(2025, 8, 2)).Select(i => i.Kind));
    }

    [Fact]
    public void AMissedRoundStaysOverdueUntilTheNextRoundsWindowIsOver()
    {
        var h = Registered with { FirstVisitOn = Registered.RegisteredOn };
        var during = MaternalSchedule.ForMother(h, new DateOnly(2025, 8, 22)); // 孕24周+6天: round 2 missed, round 3 still open
        Assert.True(Item(during, "prenatal-2").IsOverdue(new DateOnly(2025, 8, 22)));
        Assert.Equal(28, Item(during, "prenatal-2").DaysOverdue(new DateOnly(2025, 8, 22)));
        var after = MaternalSchedule.ForMother(h, new DateOnly(2025, 8, 23)); // round 3 over too
        Assert.DoesNotContain(after, i => i.Kind == "prenatal-2");
        Assert.True(Item(after, "prenatal-3").IsOverdue(new DateOnly(2025, 8, 23)));
    }

    [Fact]
    public void TheLastRoundStaysOverdueUntilTheDeliveryIsRecorded()
    {
        var h = Registered with { FirstVisitOn = Registered.RegisteredOn, PrenatalVisits = [new RoundVisit(4, new DateOnly(2025, 10, 4))] };
        Assert.True(Item(MaternalSchedule.ForMother(h, new DateOnly(2026, 2, 1)), "prenatal-5").IsOverdue(new DateOnly(2026, 2, 1)));
    }

    [Fact]
    public void ADeliveryEndsThePrenatalItemsAndStartsThePostpartumClock()
    {
        var h = Registered with { DeliveredOn = new DateOnly(2025, 12, 5), DischargedOn = new DateOnly(2025, 12, 8) };
        var items = MaternalSchedule.ForMother(h, new DateOnly(2025, 12, 8));
        Assert.Equal(["postpartum-visit", "postpartum-42"], items.Select(i => i.Kind));
        Assert.Equal(W("2025-12-11", "2025-12-11", "2025-12-15"), Window(items[0])); // 出院后3~7天
        Assert.Equal("产后访视（出院后3~7天）", items[0].Title);
        Assert.Equal(W("2026-01-16", "2026-01-16", "2026-01-16"), Window(items[1]));  // delivery + 42 days
        Assert.Equal("产后42天健康检查", items[1].Title);
    }

    [Fact]
    public void WithoutADischargeDateThePostpartumClockStartsAtTheDelivery() =>
        Assert.Equal(W("2025-12-08", "2025-12-08", "2025-12-12"),
            Window(Item(MaternalSchedule.ForMother(Registered with { DeliveredOn = new DateOnly(2025, 12, 5) }, new DateOnly(2025, 12, 8)), "postpartum-visit")));

    [Fact]
    public void ThePostpartumVisitIsNoLongerDueOnceDoneOrOnceTheFortyTwoDayCheckIsDue()
    {
        var h = Registered with { DeliveredOn = new DateOnly(2025, 12, 5) };
        Assert.DoesNotContain(MaternalSchedule.ForMother(h with { PostpartumVisits = [new DateOnly(2025, 12, 10)] }, new DateOnly(2025, 12, 10)), i => i.Kind == "postpartum-visit");
        Assert.Contains(MaternalSchedule.ForMother(h, new DateOnly(2026, 1, 16)), i => i.Kind == "postpartum-visit");
        Assert.DoesNotContain(MaternalSchedule.ForMother(h, new DateOnly(2026, 1, 17)), i => i.Kind == "postpartum-visit");
        Assert.Empty(MaternalSchedule.ForMother(h with { Check42On = new DateOnly(2026, 1, 16) }, new DateOnly(2026, 1, 16)));
    }

    [Fact]
    public void AWomanFirstKnownAtDeliveryGetsOnlyThePostpartumItems()
    {
        var h = new MotherHistory { RegisteredOn = new DateOnly(2025, 12, 9), Opening = EpisodeOpening.DeliveryNotice, DeliveredOn = new DateOnly(2025, 12, 5) };
        Assert.Equal(["postpartum-visit", "postpartum-42"], MaternalSchedule.ForMother(h, new DateOnly(2025, 12, 9)).Select(i => i.Kind));
        Assert.Empty(MaternalSchedule.ForMother(h with { DeliveredOn = null }, new DateOnly(2025, 12, 9)));
    }

    [Fact]
    public void AnOpenReferralIsFollowedUpWithinTwoWeeksUrgently()
    {
        var h = Registered with
        {
            FirstVisitOn = Registered.RegisteredOn,
            Referrals = [new ReferralHistory(new DateOnly(2025, 4, 26), null, 31), new ReferralHistory(new DateOnly(2025, 3, 30), new DateOnly(2025, 4, 10), 30)],
        };
        var referral = Item(MaternalSchedule.ForMother(h, new DateOnly(2025, 4, 26)), "referral-follow-up");
        Assert.Equal(W("2025-04-26", "2025-05-10", "2025-05-10"), Window(referral));
        Assert.True(referral.Urgent);
        Assert.Equal(31, referral.SourceId);
        Assert.Equal("转诊后随访（2周内随访转诊结果）", referral.Title);
    }

    [Theory]
    [InlineData(EpisodeEndReason.Closed)]
    [InlineData(EpisodeEndReason.Miscarriage)]
    [InlineData(EpisodeEndReason.Termination)]
    [InlineData(EpisodeEndReason.MovedAway)]
    [InlineData(EpisodeEndReason.MaternalDeath)]
    public void AnEndedEpisodeYieldsNothing(EpisodeEndReason reason)
    {
        var h = Registered with { Referrals = [new ReferralHistory(new DateOnly(2025, 4, 26), null)], Ending = new EpisodeEnding(reason, new DateOnly(2025, 5, 1)) };
        Assert.Empty(MaternalSchedule.ForMother(h, new DateOnly(2025, 5, 1)));
    }

    // the newborn

    private static readonly NewbornHistory Baby = new() { BabyId = 9, BornOn = new DateOnly(2025, 12, 5), HomeFrom = new DateOnly(2025, 12, 8) };

    [Fact]
    public void ANewbornIsVisitedWithinSevenDaysOfComingHomeOnTheMothersVisitDay()
    {
        var visit = Item(MaternalSchedule.ForNewborn(Baby, new DateOnly(2025, 12, 8)), "newborn-visit");
        Assert.Equal(W("2025-12-08", "2025-12-11", "2025-12-15"), Window(visit));
        Assert.Equal("新生儿家庭访视（出院后7天内）", visit.Title);
        Assert.Equal(9, visit.SourceId);
    }

    [Fact]
    public void TheMonthCheckIsNotOnTheNewbornScheduleItBelongsToTheChildrensCheckUps() =>
        Assert.All(MaternalSchedule.ForNewborn(Baby, new DateOnly(2026, 1, 2)), i => Assert.Equal("newborn-visit", i.Kind));

    [Fact]
    public void ARecordedVisitOrTheEndOfTheNeonatalPeriodEndsTheHomeVisitItem()
    {
        Assert.DoesNotContain(MaternalSchedule.ForNewborn(Baby with { HomeVisits = [new DateOnly(2025, 12, 11)] }, new DateOnly(2025, 12, 11)), i => i.Kind == "newborn-visit");
        Assert.Contains(MaternalSchedule.ForNewborn(Baby, new DateOnly(2026, 1, 2)), i => i.Kind == "newborn-visit");
        Assert.DoesNotContain(MaternalSchedule.ForNewborn(Baby, new DateOnly(2026, 1, 3)), i => i.Kind == "newborn-visit");
        Assert.Empty(MaternalSchedule.ForNewborn(Baby, new DateOnly(2026, 1, 3)));
    }

    [Fact]
    public void ABabyStillInHospitalIsVisitedFromItsOwnDischarge() =>
        Assert.Equal(W("2025-12-20", "2025-12-23", "2025-12-27"),
            Window(Item(MaternalSchedule.ForNewborn(Baby with { HomeFrom = new DateOnly(2025, 12, 20) }, new DateOnly(2025, 12, 20)), "newborn-visit")));

    [Fact]
    public void ABabysReferralIsFollowedUpAndItsDeathEndsEverything()
    {
        var referred = Baby with { HomeVisits = [new DateOnly(2025, 12, 11)], Referrals = [new ReferralHistory(new DateOnly(2025, 12, 11), null)] };
        Assert.True(Item(MaternalSchedule.ForNewborn(referred, new DateOnly(2025, 12, 11)), "referral-follow-up").Urgent);
        Assert.Empty(MaternalSchedule.ForNewborn(referred with { EndedOn = new DateOnly(2025, 12, 20) }, new DateOnly(2025, 12, 20)));
    }
    // issue #17: the 42-day check due 2026-07-11 was still listed in December; 28 days after it fell due she is lost to follow-up
    [Fact]
    public void AnEpisodeLongPastItsFortyTwoDayCheckIsLostToFollowUpAndListsNothing()
    {
        var h = Registered with { DeliveredOn = new DateOnly(2026, 5, 30), Referrals = [new ReferralHistory(new DateOnly(2026, 6, 5), null)] };
        Assert.Equal(new DateOnly(2026, 8, 8), MaternalSchedule.ListedUntil(h)); // 2026-07-11 + 28 days
        Assert.True(Item(MaternalSchedule.ForMother(h, new DateOnly(2026, 8, 8)), "postpartum-42").IsOverdue(new DateOnly(2026, 8, 8)));
        Assert.False(MaternalSchedule.IsLostToFollowUp(h, new DateOnly(2026, 8, 8)));
        Assert.True(MaternalSchedule.IsLostToFollowUp(h, new DateOnly(2026, 8, 9)));
        Assert.Empty(MaternalSchedule.ForMother(h, new DateOnly(2026, 8, 9)));
        Assert.Empty(MaternalSchedule.ForMother(h, new DateOnly(2026, 12, 3)));
        // an ended episode is ended, not lost
        Assert.False(MaternalSchedule.IsLostToFollowUp(h with { Ending = new EpisodeEnding(EpisodeEndReason.Closed, new DateOnly(2026, 7, 11)) }, new DateOnly(2026, 12, 3)));
    }

    [Fact]
    public void AnEpisodeWhoseDeliveryNeverCameIsLostFromTheExpectedDatesFortyTwoDayCheck()
    {
        // expected 2025-12-06 (LMP + 280 days): the missed round 5 is listed until 2026-01-17 + 28 days
        var h = Registered with { FirstVisitOn = Registered.RegisteredOn, PrenatalVisits = [new RoundVisit(4, new DateOnly(2025, 10, 4))] };
        Assert.Equal(new DateOnly(2026, 2, 14), MaternalSchedule.ListedUntil(h));
        Assert.Contains(MaternalSchedule.ForMother(h, new DateOnly(2026, 2, 14)), i => i.Kind == "prenatal-5");
        Assert.Empty(MaternalSchedule.ForMother(h, new DateOnly(2026, 2, 15)));
        Assert.Null(MaternalSchedule.ListedUntil(new MotherHistory { RegisteredOn = new DateOnly(2025, 12, 9) }));
    }

    [Fact]
    public void ALaterVisitFollowsUpAnEarlierReferral()
    {
        var referred = Registered with { FirstVisitOn = Registered.RegisteredOn, Referrals = [new ReferralHistory(Registered.RegisteredOn, null, 31)] };
        Assert.Contains(MaternalSchedule.ForMother(referred, new DateOnly(2025, 6, 1)), i => i.Kind == "referral-follow-up"); // the same day's visit is the referring one
        var seenAgain = referred with { PrenatalVisits = [new RoundVisit(2, new DateOnly(2025, 6, 21))] };
        Assert.DoesNotContain(MaternalSchedule.ForMother(seenAgain, new DateOnly(2025, 6, 21)), i => i.Kind == "referral-follow-up");
        var baby = Baby with { HomeVisits = [new DateOnly(2025, 12, 11), new DateOnly(2025, 12, 14)], Referrals = [new ReferralHistory(new DateOnly(2025, 12, 11), null)] };
        Assert.DoesNotContain(MaternalSchedule.ForNewborn(baby, new DateOnly(2025, 12, 14)), i => i.Kind == "referral-follow-up");
    }
}
