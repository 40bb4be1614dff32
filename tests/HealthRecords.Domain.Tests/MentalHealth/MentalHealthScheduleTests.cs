using HealthRecords.Domain.MentalHealth;

namespace HealthRecords.Domain.Tests.MentalHealth;

public sealed class MentalHealthScheduleTests
{
    private static readonly DateOnly Enrolled = new(2026, 2, 10);
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static MentalHealthHistory History(params MentalFollowUpEntry[] followUps) =>
        new(Enrolled, InformedConsent.Agreed, followUps, ExaminationAgreed: false, Examinations: []);

    [Fact]
    public void TheFirstFollowUpIsDueThreeMonthsAfterEnrolment()
    {
        var item = MentalHealthSchedule.Due(History(), Today).Single();
        Assert.Equal(("follow-up", new DateOnly(2026, 5, 10), false), (item.Kind, item.DueDate, item.Urgent));
        Assert.True(item.IsOverdue(Today));
    }

    [Fact]
    public void APatientWhoDidNotConsentHasNothingDue() =>
        Assert.Empty(MentalHealthSchedule.Due(History() with { Consent = InformedConsent.Refused, ExaminationAgreed = true }, Today));

    [Fact]
    public void TheNextFollowUpIsTheDateTheLastOneSet()
    {
        var item = MentalHealthSchedule.NextFollowUp(History(
            new MentalFollowUpEntry(1, new DateOnly(2026, 3, 1), Condition.Stable, new DateOnly(2026, 6, 1)),
            new MentalFollowUpEntry(2, new DateOnly(2026, 6, 1), Condition.Stable, new DateOnly(2026, 9, 1))));
        Assert.Equal((new DateOnly(2026, 9, 1), 2L, false), (item.DueDate, item.SourceId, item.Urgent));
    }

    [Fact]
    public void AfterAnUnstableVisitTheFollowUpIsUrgent()
    {
        var item = MentalHealthSchedule.NextFollowUp(History(new MentalFollowUpEntry(7, new DateOnly(2026, 6, 10), Condition.Unstable, new DateOnly(2026, 6, 24), Referred: true)));
        Assert.True(item.Urgent);
        Assert.Equal(new DateOnly(2026, 6, 24), item.DueDate);
        Assert.Equal("严重精神障碍患者随访（2周内）", item.Title);
    }

    [Fact]
    public void AVisitThatMissedThePatientKeepsTheLastReachedVisitsUrgencyWithItsNewDate()
    {
        var item = MentalHealthSchedule.NextFollowUp(History(
            new MentalFollowUpEntry(7, new DateOnly(2026, 6, 1), Condition.Unstable, new DateOnly(2026, 6, 15)),
            new MentalFollowUpEntry(8, new DateOnly(2026, 6, 15), Condition.NotVisited, new DateOnly(2026, 6, 18))));
        Assert.Equal((new DateOnly(2026, 6, 18), true, 8L), (item.DueDate, item.Urgent, item.SourceId));
    }

    [Fact]
    public void AReferralFromABasicallyStableVisitIsUrgent() =>
        Assert.True(MentalHealthSchedule.NextFollowUp(History(
            new MentalFollowUpEntry(3, new DateOnly(2026, 6, 1), Condition.BasicallyStable, new DateOnly(2026, 6, 15), Referred: true))).Urgent);

    [Fact]
    public void TheYearlyExaminationIsDueWithTheNextFollowUpWhenAgreed()
    {
        var h = History(new MentalFollowUpEntry(1, new DateOnly(2026, 6, 1), Condition.Stable, new DateOnly(2026, 9, 1))) with { ExaminationAgreed = true };
        var exam = MentalHealthSchedule.Due(h, Today).Single(i => i.Kind == "annual-examination");
        Assert.Equal((Enrolled, new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31)), (exam.WindowStart, exam.DueDate, exam.WindowEnd));
    }

    [Fact]
    public void TheYearlyExaminationFollowsLastYearsAnniversaryAndIsNotDueOnceDone()
    {
        var h = History() with { EnrolledOn = new DateOnly(2020, 1, 1), ExaminationAgreed = true, Examinations = [new DateOnly(2025, 4, 20)] };
        var exam = MentalHealthSchedule.Due(h, Today).Single(i => i.Kind == "annual-examination");
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 20)), (exam.WindowStart, exam.DueDate));
        Assert.DoesNotContain(MentalHealthSchedule.Due(h with { Examinations = [new DateOnly(2026, 3, 2)] }, Today), i => i.Kind == "annual-examination");
    }

    [Fact]
    public void WithoutTheGuardiansAndPatientsAgreementNoExaminationIsDue() =>
        Assert.DoesNotContain(MentalHealthSchedule.Due(History(), Today), i => i.Kind == "annual-examination");
}
