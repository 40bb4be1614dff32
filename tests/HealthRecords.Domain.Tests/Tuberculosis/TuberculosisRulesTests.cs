using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Tuberculosis;

namespace HealthRecords.Domain.Tests.Tuberculosis;

public sealed class TuberculosisRulesTests
{
    private static readonly DateOnly Start = new(2026, 3, 10);
    private static readonly TreatmentCourse Course = new(Start, 2, 4, DosingSchedule.Daily);

    // 第三版 二(三)2: supervisor × phase -> the next follow-up after a visit on 2026-04-01 (intensive) or 2026-06-01 (continuation)
    [Theory]
    [InlineData(SupervisorType.Doctor, "2026-04-01", "2026-05-01")]
    [InlineData(SupervisorType.Doctor, "2026-06-01", "2026-07-01")]
    [InlineData(SupervisorType.Family, "2026-04-01", "2026-04-11")]
    [InlineData(SupervisorType.Family, "2026-05-09", "2026-05-19")] // the last day of the intensive phase
    [InlineData(SupervisorType.Family, "2026-05-10", "2026-06-10")] // the first day of the continuation
    [InlineData(SupervisorType.Family, "2026-06-01", "2026-07-01")]
    [InlineData(SupervisorType.SelfAdministered, "2026-04-01", "2026-04-11")]
    [InlineData(SupervisorType.SelfAdministered, "2026-06-01", "2026-07-01")]
    [InlineData(SupervisorType.Other, "2026-04-01", "2026-04-11")]
    public void FollowsUpAtTheIntervalOfTheSupervisorAndPhase(SupervisorType supervisor, string visit, string next) =>
        Assert.Equal(D(next), TuberculosisRules.SuggestNextVisit(D(visit), supervisor, Course));

    [Fact]
    public void WithoutAKnownCourseAFamilySupervisedPatientIsWatchedAsIntensive() =>
        Assert.Equal(D("2026-08-11"), TuberculosisRules.SuggestNextVisit(D("2026-08-01"), SupervisorType.Family, (TreatmentCourse?)null));

    [Theory]
    [InlineData("2026-03-10", "2026-03-13", false)]
    [InlineData("2026-03-10", "2026-03-14", true)]
    [InlineData("2026-03-10", "2026-03-10", false)]
    public void TheFirstHomeVisitIsDueWithin72HoursOfTheNotification(string notified, string visited, bool late) =>
        Assert.Equal(late, TuberculosisRules.FirstVisitLate(D(notified), D(visited)));

    // doses taken, doses due -> 规则服药 (≥ 90 %)
    [Theory]
    [InlineData(180, 180, true)]
    [InlineData(162, 180, true)]
    [InlineData(161, 180, false)]
    [InlineData(9, 10, true)]
    [InlineData(8, 10, false)]
    [InlineData(81, 90, true)]
    [InlineData(80, 90, false)]
    [InlineData(0, 0, false)]
    public void RegularMedicationMeansAtLeastNinetyPercentOfTheDosesDue(int taken, int due, bool regular) =>
        Assert.Equal(regular, TuberculosisRules.IsRegular(taken, due));

    [Fact]
    public void TheMedicationRateIsTakenOverDue()
    {
        Assert.Equal(0.9m, TuberculosisRules.MedicationRate(162, 180));
        Assert.Null(TuberculosisRules.MedicationRate(0, 0));
        Assert.Null(TuberculosisRules.MedicationRate(null, 180));
    }

    // cough days, sputum days, blood in sputum, other symptoms -> suspected
    [Theory]
    [InlineData(14, null, false, false, true)]
    [InlineData(13, 13, false, false, false)]
    [InlineData(null, 15, false, false, true)]
    [InlineData(3, null, true, false, true)]
    [InlineData(null, null, false, true, true)]
    [InlineData(null, null, false, false, false)]
    public void CoughOrSputumForTwoWeeksOrBloodInSputumMakeASuspectedPatient(int? cough, int? sputum, bool blood, bool other, bool suspected) =>
        Assert.Equal(suspected, TuberculosisRules.IsSuspected(cough, sputum, blood, other));

    [Fact]
    public void ASuspectedPatientsReferralIsFollowedUpWithinTwoWeeks() =>
        Assert.Equal(D("2026-06-15"), TuberculosisRules.SuspectFollowUpDue(D("2026-06-01")));

    [Fact]
    public void DosesNotTickedOnDueDaysAreMissed()
    {
        var doses = new HashSet<DateOnly> { Start, Start.AddDays(1), Start.AddDays(3) };
        Assert.Equal([Start.AddDays(2), Start.AddDays(4)], TuberculosisRules.MissedDoseDays(Course, doses, Start, Start.AddDays(4)));
    }

    [Fact]
    public void AMedicallyObservedCardIsCompleteToYesterdayAFamilyCardToItsLastTick()
    {
        var today = D("2026-04-01");
        DateOnly[] doses = [D("2026-03-20")];
        Assert.Equal(D("2026-03-31"), TuberculosisRules.CardReadThrough(SupervisorType.Doctor, doses, today));
        Assert.Equal(D("2026-03-20"), TuberculosisRules.CardReadThrough(SupervisorType.Family, doses, today));
        Assert.Null(TuberculosisRules.CardReadThrough(SupervisorType.Family, [], today));
    }

    [Theory]
    [InlineData(DosingSchedule.Daily, 6, false)]
    [InlineData(DosingSchedule.Daily, 7, true)]
    [InlineData(DosingSchedule.Intermittent, 3, false)]
    [InlineData(DosingSchedule.Intermittent, 4, true)]
    public void AWeeksDosesMissedAreReported(DosingSchedule usage, int missed, bool report) =>
        Assert.Equal(report, TuberculosisRules.MissedAWeek(missed, Course with { Usage = usage }));

    [Fact]
    public void AnAdverseReactionOrComplicationIsReferredAtOnce()
    {
        var f = new TuberculosisFollowUp { AdverseReaction = NoYes.Yes, Complication = NoYes.No, MissedDoses = 0 };
        Assert.Equal([TuberculosisAction.ReferAtOnce, TuberculosisAction.RemindRecheck], TuberculosisRules.SuggestActions(f, 0, Course));
    }

    [Fact]
    public void MissedDosesAskForTheCauseAndAWeekOfThemForAReport()
    {
        var f = new TuberculosisFollowUp { AdverseReaction = NoYes.No, Complication = NoYes.No, MissedDoses = 2 };
        Assert.Equal([TuberculosisAction.FindCauseOfMissedDoses, TuberculosisAction.RemindRecheck], TuberculosisRules.SuggestActions(f, 2, Course));
        Assert.Contains(TuberculosisAction.ReportMissedDoses, TuberculosisRules.SuggestActions(f, 7, Course));
    }

    [Fact]
    public void APatientTakingEveryDoseKeepsBeingSupervised()
    {
        var f = new TuberculosisFollowUp { AdverseReaction = NoYes.No, Complication = NoYes.No, MissedDoses = 0 };
        Assert.Equal([TuberculosisAction.ContinueSupervision, TuberculosisAction.RemindRecheck], TuberculosisRules.SuggestActions(f, 0, Course));
    }

    [Fact]
    public void TheClosingAssessmentCountsDosesTakenOverDosesDueAndVisits()
    {
        var stopped = Course.PlannedEnd; // 2026-09-09: 184 days
        var doses = Course.DoseDays(Start, stopped).Where((_, i) => i % 10 != 0).ToHashSet(); // one in ten missed
        var first = D("2026-03-11");
        DateOnly[] visits = [first, D("2026-03-21"), D("2026-04-01"), D("2026-05-01"), D("2026-06-01")];
        var closing = TuberculosisRules.Closing(Course, SupervisorType.Doctor, first, visits, doses, stopped);
        Assert.Equal(184, closing.DosesDue);
        Assert.Equal(165, closing.DosesTaken);
        Assert.False(closing.Regular); // 165 / 184 = 89.7 %
        Assert.Equal(6, closing.VisitsDue); // 03-11, then monthly 04-11 … 08-11 (09-11 is after the stop)
        Assert.Equal(5, closing.VisitsMade);
        Assert.True((closing with { DosesTaken = 166 }).Regular);
    }

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
