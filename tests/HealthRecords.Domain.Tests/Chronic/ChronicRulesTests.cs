using System.Globalization;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;

namespace HealthRecords.Domain.Tests.Chronic;

public sealed class HypertensionRulesTests
{
    private static readonly DateOnly Visit = new(2026, 6, 15);

    [Theory]
    [InlineData(139, 89, true)]
    [InlineData(140, 89, false)]
    [InlineData(139, 90, false)]
    [InlineData(120, 70, true)]
    [InlineData(160, 95, false)]
    public void ControlledMeansBelow140And90(int sbp, int dbp, bool controlled) =>
        Assert.Equal(controlled, HypertensionRules.IsControlled(sbp, dbp));

    [Fact]
    public void NotMeasuredIsNeitherControlledNorUncontrolled() => Assert.Null(HypertensionRules.IsControlled(null, 80));

    [Theory]
    [InlineData(179, 109, false)]
    [InlineData(180, 100, true)]
    [InlineData(170, 110, true)]
    [InlineData(200, 120, true)]
    public void BloodPressureAt180Or110IsADangerSign(int sbp, int dbp, bool danger) =>
        Assert.Equal(danger, HypertensionRules.DangerSigns(sbp, dbp, new DangerObservations()).Count > 0);

    [Theory]
    [InlineData(DangerSymptom.ConsciousnessChange, true)]
    [InlineData(DangerSymptom.SevereHeadacheOrDizziness, true)]
    [InlineData(DangerSymptom.OrthopnoeaDyspnoea, true)]
    [InlineData(DangerSymptom.AcetoneBreath, false)] // a diabetes sign, not on the hypertension list
    public void ListedSymptomsAreDangerSigns(DangerSymptom symptom, bool danger) =>
        Assert.Equal(danger, HypertensionRules.DangerSigns(130, 80, new DangerObservations { Symptoms = [symptom] }).Count > 0);

    [Theory]
    [InlineData(139, 89, false)]
    [InlineData(140, 80, true)]
    [InlineData(130, 90, true)]
    public void RaisedPressureInPregnancyOrLactationIsADangerSign(int sbp, int dbp, bool danger) =>
        Assert.Equal(danger, HypertensionRules.DangerSigns(sbp, dbp, new DangerObservations { PregnantOrLactating = true }).Count > 0);

    [Fact]
    public void RaisedPressureOutsidePregnancyIsNotADangerSign() =>
        Assert.Empty(HypertensionRules.DangerSigns(150, 95, new DangerObservations()));

    // sbp, dbp, previous controlled, adverse, hard to control, complication -> classification, action, days to next visit
    [Theory]
    [InlineData(130, 80, null, false, false, false, VisitClassification.Controlled, FollowUpAction.Routine, 92)]
    [InlineData(139, 89, false, false, false, false, VisitClassification.Controlled, FollowUpAction.Routine, 92)]
    [InlineData(140, 80, true, false, false, false, VisitClassification.Uncontrolled, FollowUpAction.RecheckWithinTwoWeeks, 14)]
    [InlineData(140, 80, null, false, false, false, VisitClassification.Uncontrolled, FollowUpAction.RecheckWithinTwoWeeks, 14)]
    [InlineData(130, 90, false, false, false, false, VisitClassification.Uncontrolled, FollowUpAction.Referral, 14)]
    [InlineData(130, 80, true, true, false, false, VisitClassification.AdverseReaction, FollowUpAction.RecheckWithinTwoWeeks, 14)]
    [InlineData(130, 80, true, true, true, false, VisitClassification.AdverseReaction, FollowUpAction.Referral, 14)]
    [InlineData(130, 80, true, false, false, true, VisitClassification.Complication, FollowUpAction.Referral, 14)]
    [InlineData(150, 80, true, true, false, true, VisitClassification.Complication, FollowUpAction.Referral, 14)]
    [InlineData(180, 80, true, false, false, false, VisitClassification.Uncontrolled, FollowUpAction.UrgentReferral, 14)]
    [InlineData(179, 80, true, false, false, false, VisitClassification.Uncontrolled, FollowUpAction.RecheckWithinTwoWeeks, 14)]
    public void SuggestsClassificationActionAndNextVisit(
        int sbp, int dbp, bool? previousControlled, bool adverse, bool hard, bool complication,
        VisitClassification classification, FollowUpAction action, int days)
    {
        var form = new HypertensionFollowUp
        {
            VisitDate = Visit,
            Signs = new Signs { Systolic = sbp, Diastolic = dbp },
            AdverseReaction = adverse ? AdverseReaction.Present : AdverseReaction.None,
            AdverseReactionHardToControl = hard,
            NewOrWorseComplication = complication,
        };
        var d = HypertensionRules.Decide(form, previousControlled);
        Assert.Equal(classification, d.Classification);
        Assert.Equal(action, d.Action);
        Assert.Equal(Visit.AddDays(days), d.NextVisitDate);
    }

    [Fact]
    public void ConsecutiveMeansThePreviousVisitWasUncontrolledToo()
    {
        // three visits: uncontrolled, controlled, uncontrolled: the third is a first uncontrolled visit again
        bool? previous = null;
        var actions = new List<FollowUpAction>();
        foreach (var (sbp, dbp) in new[] { (150, 95), (130, 80), (150, 95), (145, 85) })
        {
            var form = new HypertensionFollowUp { VisitDate = Visit, Signs = new Signs { Systolic = sbp, Diastolic = dbp } };
            actions.Add(HypertensionRules.Decide(form, previous).Action);
            previous = HypertensionRules.IsControlled(sbp, dbp);
        }
        Assert.Equal(
            [FollowUpAction.RecheckWithinTwoWeeks, FollowUpAction.Routine, FollowUpAction.RecheckWithinTwoWeeks, FollowUpAction.Referral],
            actions);
    }
}

public sealed class DiabetesRulesTests
{
    private static readonly DateOnly Visit = new(2026, 6, 15);

    [Theory]
    [InlineData("6.9", true)]
    [InlineData("7.0", false)]
    [InlineData("7.1", false)]
    public void ControlledMeansFastingGlucoseBelow7(string fbg, bool controlled) =>
        Assert.Equal(controlled, DiabetesRules.IsControlled(decimal.Parse(fbg, CultureInfo.InvariantCulture)));

    // fbg, sbp, dbp, heart rate, temperature -> danger
    [Theory]
    [InlineData("16.6", 130, 80, 80, null, false)]
    [InlineData("16.7", 130, 80, 80, null, true)]
    [InlineData("3.9", 130, 80, 80, null, true)]
    [InlineData("4.0", 130, 80, 80, null, false)]
    [InlineData("6.0", 180, 80, 80, null, true)]
    [InlineData("6.0", 179, 109, 80, null, false)]
    [InlineData("6.0", 130, 110, 80, null, true)]
    [InlineData("6.0", 130, 80, 100, null, false)]
    [InlineData("6.0", 130, 80, 101, null, true)]
    [InlineData("6.0", 130, 80, 80, "39.0", false)]
    [InlineData("6.0", 130, 80, 80, "39.1", true)]
    public void DangerSignsAtTheirBoundaries(string fbg, int sbp, int dbp, int heartRate, string? temperature, bool danger)
    {
        var obs = new DangerObservations { TemperatureC = temperature is null ? null : decimal.Parse(temperature, CultureInfo.InvariantCulture) };
        Assert.Equal(danger, DiabetesRules.DangerSigns(decimal.Parse(fbg, CultureInfo.InvariantCulture), sbp, dbp, heartRate, obs).Count > 0);
    }

    [Theory]
    [InlineData(DangerSymptom.AcetoneBreath, true)]
    [InlineData(DangerSymptom.KussmaulBreathing, true)]
    [InlineData(DangerSymptom.SuddenVisionLoss, true)]
    [InlineData(DangerSymptom.OrthopnoeaDyspnoea, false)]
    public void ListedSymptomsAreDangerSigns(DangerSymptom symptom, bool danger) =>
        Assert.Equal(danger, DiabetesRules.DangerSigns(6m, 130, 80, 80, new DangerObservations { Symptoms = [symptom] }).Count > 0);

    [Theory]
    [InlineData("6.0", false)]
    [InlineData("6.1", true)]
    public void GlucoseAboveNormalInPregnancyIsADangerSign(string fbg, bool danger) =>
        Assert.Equal(danger, DiabetesRules.DangerSigns(decimal.Parse(fbg, CultureInfo.InvariantCulture), 120, 70, 80, new DangerObservations { PregnantOrLactating = true }).Count > 0);

    [Theory]
    [InlineData("6.9", null, FollowUpAction.Routine, 92)]
    [InlineData("7.0", null, FollowUpAction.RecheckWithinTwoWeeks, 14)]
    [InlineData("7.0", true, FollowUpAction.RecheckWithinTwoWeeks, 14)]
    [InlineData("7.0", false, FollowUpAction.Referral, 14)]
    [InlineData("6.5", false, FollowUpAction.Routine, 92)]
    [InlineData("16.7", null, FollowUpAction.UrgentReferral, 14)]
    public void SuggestsActionAndNextVisit(string fbg, bool? previousControlled, FollowUpAction action, int days)
    {
        var form = new DiabetesFollowUp
        {
            VisitDate = Visit,
            FastingGlucose = decimal.Parse(fbg, CultureInfo.InvariantCulture),
            Signs = new Signs { Systolic = 120, Diastolic = 70 },
        };
        var d = DiabetesRules.Decide(form, previousControlled);
        Assert.Equal(action, d.Action);
        Assert.Equal(Visit.AddDays(days), d.NextVisitDate);
    }
}

public sealed class HypertensionScreeningTests
{
    private static ScreeningReading R(string on, int sbp, int dbp) => new(DateOnly.Parse(on, CultureInfo.InvariantCulture), sbp, dbp);

    [Theory]
    [InlineData(34, false, false)]
    [InlineData(35, false, true)]
    [InlineData(60, true, false)]
    public void FirstVisitOfTheYearAt35PromptsABloodPressure(int age, bool measured, bool prompts) =>
        Assert.Equal(prompts, HypertensionScreening.PromptsBloodPressure(age, measured));

    [Fact]
    public void AReadingBelow140Over90IsNormal() =>
        Assert.Equal(ScreeningStatus.Normal, HypertensionScreening.Assess([R("2026-06-01", 139, 89)]).Status);

    [Fact]
    public void AFirstRaisedReadingBooksARecheck()
    {
        var s = HypertensionScreening.Assess([R("2026-06-01", 140, 80)]);
        Assert.Equal(ScreeningStatus.RecheckDue, s.Status);
        Assert.Equal(new DateOnly(2026, 6, 8), s.RecheckDue);
    }

    [Fact]
    public void ThreeRaisedReadingsOnDifferentDaysAreSuspectedHypertension() =>
        Assert.Equal(ScreeningStatus.Suspected, HypertensionScreening.Assess(
            [R("2026-06-01", 150, 80), R("2026-06-08", 130, 92), R("2026-06-15", 145, 95)]).Status);

    [Fact]
    public void ThreeRaisedReadingsOnTheSameDayAreOneDay()
    {
        var s = HypertensionScreening.Assess([R("2026-06-01", 150, 80), R("2026-06-01", 150, 90), R("2026-06-01", 145, 95)]);
        Assert.Equal(ScreeningStatus.RecheckDue, s.Status);
        Assert.Equal(1, s.RaisedDays);
    }

    [Fact]
    public void ANormalRecheckEndsTheSeries() =>
        Assert.Equal(ScreeningStatus.RecheckDue, HypertensionScreening.Assess(
            [R("2026-05-01", 150, 80), R("2026-05-08", 150, 80), R("2026-05-15", 120, 80), R("2026-06-01", 150, 80)]).Status);

    [Fact]
    public void HighRiskResidentsAreRemindedSixMonthsOn() =>
        Assert.Equal(new DateOnly(2026, 12, 1), HypertensionScreening.HighRiskReminder(new DateOnly(2026, 6, 1)));
}
