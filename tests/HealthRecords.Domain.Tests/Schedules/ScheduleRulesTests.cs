using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Elderly;
using HealthRecords.Domain.Encounters;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Domain.Schedules;

namespace HealthRecords.Domain.Tests.Schedules;

/// <summary>The schedule rules the work list's sources call: history and today in, what is due out.</summary>
public sealed class ScheduleRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void AnItemWithoutAWindowIsOverdueFromTheDayAfter()
    {
        var item = ScheduleItem.On(ScheduleKinds.FollowUp, "随访", Today);
        Assert.False(item.IsOverdue(Today));
        Assert.True(item.IsOverdue(Today.AddDays(1)));
        Assert.Equal(3, item.DaysOverdue(Today.AddDays(3)));
    }

    [Fact]
    public void AnItemIsOnTimeUntilItsWindowCloses()
    {
        var item = new ScheduleItem("prenatal-2", "第2次产前随访", Today.AddDays(-10), Today.AddDays(-3), Today.AddDays(4));
        Assert.False(item.IsOverdue(Today));
        Assert.Equal(0, item.DaysOverdue(Today));
        Assert.Equal(2, item.DaysOverdue(Today.AddDays(6)));
    }

    [Fact]
    public void APatientNeverFollowedUpIsDueFromEnrolmentOrTheStartOfTheYear()
    {
        var enrolledThisYear = ChronicSchedule.Due(ChronicDisease.Hypertension, new DateOnly(2026, 3, 2), null, Today);
        Assert.Equal((ScheduleKinds.NeverFollowedUp, new DateOnly(2026, 3, 2), false, (long?)null),
            (enrolledThisYear.Kind, enrolledThisYear.DueDate, enrolledThisYear.Urgent, enrolledThisYear.SourceId));
        Assert.Equal("高血压随访（纳入管理后尚未随访）", enrolledThisYear.Title);
        Assert.Equal(new DateOnly(2026, 1, 1), ChronicSchedule.Due(ChronicDisease.Diabetes, new DateOnly(2024, 5, 1), null, Today).DueDate);
    }

    [Theory]
    [InlineData(false, "糖尿病转诊后随访")]
    [InlineData(true, "糖尿病紧急转诊后随访")]
    public void AReferralAtTheLastVisitIsFollowedUpWithinTwoWeeksUrgently(bool urgent, string title)
    {
        var latest = new LatestFollowUp(7, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 15), Referral: true, UrgentReferral: urgent);
        var item = ChronicSchedule.Due(ChronicDisease.Diabetes, new DateOnly(2025, 1, 1), latest, Today);
        Assert.Equal((ScheduleKinds.ReferralFollowUp, title, new DateOnly(2026, 6, 15), true, (long?)7),
            (item.Kind, item.Title, item.DueDate, item.Urgent, item.SourceId));
    }

    [Fact]
    public void TheNextVisitIsDueOnTheBookedDayAndALastYearsVisitSaysSo()
    {
        var thisYear = ChronicSchedule.Due(ChronicDisease.Hypertension, new DateOnly(2025, 1, 1),
            new LatestFollowUp(3, new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 1), false, false), Today);
        Assert.Equal((ScheduleKinds.FollowUp, "高血压随访", new DateOnly(2026, 6, 1)), (thisYear.Kind, thisYear.Title, thisYear.DueDate));
        Assert.Equal(14, thisYear.DaysOverdue(Today));

        var lastYear = ChronicSchedule.Due(ChronicDisease.Hypertension, new DateOnly(2025, 1, 1),
            new LatestFollowUp(3, new DateOnly(2025, 11, 1), new DateOnly(2026, 2, 1), false, false), Today);
        Assert.Equal((ScheduleKinds.NeverFollowedUp, "高血压随访（今年尚未随访）", new DateOnly(2026, 2, 1)), (lastYear.Kind, lastYear.Title, lastYear.DueDate));
    }

    private static ScreeningEntry Reading(long id, string on, int sbp, int dbp, bool highRisk = false) =>
        new(id, new ScreeningReading(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), sbp, dbp), highRisk);

    [Fact]
    public void ScreeningBooksARecheckAfterARaisedReadingAndRefersAfterThree()
    {
        var recheck = HypertensionScreening.Due([Reading(1, "2026-06-01", 150, 95)])!;
        Assert.Equal((ScheduleKinds.ScreeningRecheck, new DateOnly(2026, 6, 8), (long?)1), (recheck.Kind, recheck.DueDate, recheck.SourceId));

        var suspected = HypertensionScreening.Due([Reading(3, "2026-06-10", 150, 95), Reading(1, "2026-06-01", 150, 95), Reading(2, "2026-06-05", 148, 92)])!;
        Assert.Equal((ScheduleKinds.ReferralFollowUp, new DateOnly(2026, 6, 24), true, (long?)3),
            (suspected.Kind, suspected.DueDate, suspected.Urgent, suspected.SourceId));
    }

    [Fact]
    public void ScreeningRemindsHighRiskResidentsAfterSixMonthsAndOthersNever()
    {
        var reminder = HypertensionScreening.Due([Reading(4, "2026-01-10", 120, 80, highRisk: true)])!;
        Assert.Equal((ScheduleKinds.Reminder, new DateOnly(2026, 7, 10)), (reminder.Kind, reminder.DueDate));
        Assert.Null(HypertensionScreening.Due([Reading(4, "2026-01-10", 120, 80)]));
        Assert.Null(HypertensionScreening.Due([]));
    }

    [Theory]
    [InlineData("1950-03-01", null, "2026-01-01")]          // never examined: from 1 January
    [InlineData("1950-03-01", "2025-07-01", "2026-07-01")]  // the anniversary of the last one
    [InlineData("1950-03-01", "2024-03-01", "2026-01-01")]  // an anniversary before this year: from 1 January
    [InlineData("1961-12-31", null, "2026-01-01")]          // turns 65 this year: a target from 1 January
    public void TheElderlyAnnualExaminationIsDueOnceAYear(string birth, string? last, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            ElderlyRules.AnnualExamination(D(birth), last is null ? null : D(last), Today)!.DueDate);

    [Fact]
    public void NoAnnualExaminationForTheYoungerOrTheExamined()
    {
        Assert.Null(ElderlyRules.AnnualExamination(D("1962-01-01"), null, Today));
        Assert.Null(ElderlyRules.AnnualExamination(D("1950-03-01"), D("2026-02-01"), Today));
    }

    [Fact]
    public void AnOpenReferralIsDueTwoWeeksAfterItWasMadeUntilItsResultIsRecorded()
    {
        var open = ReferralRules.Due(9, D("2026-06-01"), "区人民医院", null)!;
        Assert.Equal((ScheduleKinds.ReferralFollowUp, "转诊后随访（区人民医院）", D("2026-06-15"), true, (long?)9),
            (open.Kind, open.Title, open.DueDate, open.Urgent, open.SourceId));
        Assert.Null(ReferralRules.Due(9, D("2026-06-01"), "区人民医院", D("2026-06-10")));
    }

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
