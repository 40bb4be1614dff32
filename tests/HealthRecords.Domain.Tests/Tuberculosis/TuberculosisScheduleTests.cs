using HealthRecords.Domain.Tuberculosis;

namespace HealthRecords.Domain.Tests.Tuberculosis;

public sealed class TuberculosisScheduleTests
{
    private static readonly DateOnly Notified = new(2026, 3, 9);
    private static readonly DateOnly Start = new(2026, 3, 10);
    private static readonly DateOnly FirstVisit = new(2026, 3, 11);
    private static readonly TreatmentCourse Course = new(Start, 2, 4, DosingSchedule.Daily);

    private static TuberculosisHistory History(SupervisorType supervisor = SupervisorType.Family, IReadOnlySet<DateOnly>? doses = null, params TbFollowUpEntry[] followUps) =>
        new(Notified, FirstVisit, 1, null, Course, supervisor, followUps, doses ?? AllDoses(Start, FirstVisit));

    private static HashSet<DateOnly> AllDoses(DateOnly from, DateOnly to) => [.. Course.DoseDays(from, to)];

    [Fact]
    public void BeforeTheFirstVisitOnlyTheUrgentFirstVisitIsDueWithin72Hours()
    {
        var h = History() with { FirstVisitOn = null, FirstVisitId = null };
        var item = TuberculosisSchedule.Due(h, Notified).Single();
        Assert.Equal(("first-visit", Notified, new DateOnly(2026, 3, 12), true), (item.Kind, item.WindowStart, item.WindowEnd, item.Urgent));
        Assert.True(item.IsOverdue(new DateOnly(2026, 3, 13)));
    }

    // supervisor, latest visit, its next date (none: the interval) -> due
    [Theory]
    [InlineData(SupervisorType.Family, "2026-03-11", null, "2026-03-21")]
    [InlineData(SupervisorType.Family, "2026-06-01", null, "2026-07-01")]
    [InlineData(SupervisorType.Doctor, "2026-03-11", null, "2026-04-11")]
    [InlineData(SupervisorType.Family, "2026-04-01", "2026-04-08", "2026-04-08")]
    public void TheNextFollowUpIsTheDateSetOrTheIntervalForSupervisorAndPhase(SupervisorType supervisor, string visit, string? next, string due)
    {
        var followUps = D(visit) == FirstVisit ? Array.Empty<TbFollowUpEntry>() : [new TbFollowUpEntry(5, D(visit), next is null ? null : D(next))];
        var item = TuberculosisSchedule.NextFollowUp(History(supervisor, null, followUps));
        Assert.Equal(D(due), item.DueDate);
    }

    [Fact]
    public void AReferralIsFollowedUpWithinTwoWeeksUrgentlyUntilItsResultIsRecorded()
    {
        var open = new TbFollowUpEntry(5, D("2026-04-01"), D("2026-04-11"), ReferredOn: D("2026-04-01"));
        var items = TuberculosisSchedule.Due(History(SupervisorType.Family, AllDoses(Start, D("2026-04-01")), open), D("2026-04-02"));
        var referral = items.Single(i => i.Kind == "referral-follow-up");
        Assert.Equal((D("2026-04-15"), true, 5L), (referral.DueDate, referral.Urgent, referral.SourceId));
        Assert.DoesNotContain(TuberculosisSchedule.Due(History(SupervisorType.Family, AllDoses(Start, D("2026-04-01")), open with { ReferralResultRecorded = true }), D("2026-04-02")),
            i => i.Kind == "referral-follow-up");
    }

    [Fact]
    public void AFamilyCardCopiedInWithGapsRaisesAMissedDoseAlert()
    {
        var doses = AllDoses(Start, D("2026-03-25"));
        doses.Remove(D("2026-03-20"));
        doses.Remove(D("2026-03-22"));
        var items = TuberculosisSchedule.Due(History(SupervisorType.Family, doses, new TbFollowUpEntry(5, D("2026-03-18"), D("2026-03-28"))), D("2026-03-26"));
        var alert = items.Single(i => i.Kind == "missed-dose");
        Assert.Equal(("肺结核患者漏服药2次：查明原因", D("2026-03-21"), false), (alert.Title, alert.DueDate, alert.Urgent));
    }

    [Fact]
    public void DaysAfterAFamilyCardsLastTickAreNotYetMissed() =>
        Assert.DoesNotContain(TuberculosisSchedule.Due(History(SupervisorType.Family, AllDoses(Start, D("2026-03-20"))), D("2026-03-30")), i => i.Kind == "missed-dose");

    [Fact]
    public void AMedicallyObservedDoseNotTickedYesterdayIsMissed()
    {
        var items = TuberculosisSchedule.Due(History(SupervisorType.Doctor, AllDoses(Start, D("2026-03-20"))), D("2026-03-22"));
        Assert.Equal("肺结核患者漏服药1次：查明原因", items.Single(i => i.Kind == "missed-dose").Title);
    }

    [Fact]
    public void MissesHandledAtAFollowUpNoLongerAlertButAWeekOfThemIsReportedUntilReported()
    {
        var doses = AllDoses(Start, D("2026-04-30"));
        foreach (var d in Course.DoseDays(D("2026-04-01"), D("2026-04-07")))
        {
            doses.Remove(d);
        }
        var h = History(SupervisorType.Family, doses, new TbFollowUpEntry(5, D("2026-04-10"), D("2026-04-20")));
        var items = TuberculosisSchedule.Due(h, D("2026-05-01"));
        Assert.DoesNotContain(items, i => i.Kind == "missed-dose");
        var report = items.Single(i => i.Kind == "missed-dose-report");
        Assert.Equal((D("2026-04-08"), true), (report.DueDate, report.Urgent));
        Assert.DoesNotContain(TuberculosisSchedule.Due(h with { MissedDosesReportedOn = D("2026-04-09") }, D("2026-05-01")), i => i.Kind == "missed-dose-report");
    }

    [Fact]
    public void AStoppedTreatmentAsksOnlyForItsClosingAssessment()
    {
        var h = History() with { StoppedOn = D("2026-09-09") };
        var item = TuberculosisSchedule.Due(h, D("2026-09-12")).Single();
        Assert.Equal(("closing", D("2026-09-09")), (item.Kind, item.DueDate));
        Assert.Empty(TuberculosisSchedule.Due(h with { ClosingRecorded = true }, D("2026-09-12")));
    }

    [Fact]
    public void PastThePlannedEndTheClosingAssessmentIsDue() =>
        Assert.Contains(TuberculosisSchedule.Due(History(SupervisorType.Family, AllDoses(Start, Course.PlannedEnd), new TbFollowUpEntry(9, D("2026-09-01"), D("2026-10-01"))), D("2026-09-15")),
            i => i.Kind == "closing" && i.DueDate == Course.PlannedEnd);

    [Fact]
    public void SuspectedPatientsReferredAreFollowedUpWithinTwoWeeksUntilDone()
    {
        var items = TuberculosisSchedule.SuspectFollowUps([new SuspectReferralEntry(1, D("2026-06-01"), null), new SuspectReferralEntry(2, D("2026-06-02"), D("2026-06-05"))]);
        Assert.Equal((1L, D("2026-06-15"), true), (items.Single().SourceId, items.Single().DueDate, items.Single().Urgent));
    }

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
