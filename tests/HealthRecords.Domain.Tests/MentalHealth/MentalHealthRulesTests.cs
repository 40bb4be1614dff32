using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.MentalHealth;
using static HealthRecords.Domain.MentalHealth.MentalHealthAction;

namespace HealthRecords.Domain.Tests.MentalHealth;

public sealed class MentalHealthRulesTests
{
    private static readonly DateOnly Visit = new(2026, 6, 15);

    private const SymptomSeverity Gone = SymptomSeverity.Gone;
    private const SymptomSeverity Present = SymptomSeverity.Present;
    private const SymptomSeverity Marked = SymptomSeverity.Marked;
    private const Insight Complete = Insight.Complete;
    private const Insight Partial = Insight.Partial;
    private const Insight Absent = Insight.Absent;
    private const PhysicalIllness Fine = PhysicalIllness.NoneOrStable;
    private const PhysicalIllness Worsening = PhysicalIllness.Worsening;
    private const PhysicalIllness SeriousIllness = PhysicalIllness.Serious;

    // 004 二(三): risk, symptoms, insight, social function poor, adverse reaction (0 none), physical, other -> class
    [Theory]
    // 3. 稳定: risk 0, symptoms gone, insight back, function fair or good, no serious reaction, physical stable, nothing else
    [InlineData(0, Gone, Complete, false, 0, Fine, false, Condition.Stable)]
    [InlineData(0, Gone, Complete, false, 1, Fine, false, Condition.Stable)] // a mild reaction does not prevent 稳定
    // 1. 不稳定: risk 3–5, marked symptoms, insight lost, an acute reaction or a serious physical illness
    [InlineData(3, Gone, Complete, false, 0, Fine, false, Condition.Unstable)]
    [InlineData(4, Gone, Complete, false, 0, Fine, false, Condition.Unstable)]
    [InlineData(5, Gone, Complete, false, 0, Fine, false, Condition.Unstable)]
    [InlineData(0, Marked, Complete, false, 0, Fine, false, Condition.Unstable)]
    [InlineData(0, Gone, Absent, false, 0, Fine, false, Condition.Unstable)]
    [InlineData(0, Gone, Complete, false, 3, Fine, false, Condition.Unstable)]
    [InlineData(0, Gone, Complete, false, 0, SeriousIllness, false, Condition.Unstable)]
    [InlineData(2, Present, Partial, true, 3, SeriousIllness, true, Condition.Unstable)] // unstable wins over basically stable
    // 2. 基本稳定: risk 1–2, or symptoms, insight or social function poor
    [InlineData(1, Gone, Complete, false, 0, Fine, false, Condition.BasicallyStable)]
    [InlineData(2, Gone, Complete, false, 0, Fine, false, Condition.BasicallyStable)]
    [InlineData(0, Present, Complete, false, 0, Fine, false, Condition.BasicallyStable)]
    [InlineData(0, Gone, Partial, false, 0, Fine, false, Condition.BasicallyStable)]
    [InlineData(0, Gone, Complete, true, 0, Fine, false, Condition.BasicallyStable)]
    // …and whatever misses a condition of 稳定 without being 不稳定
    [InlineData(0, Gone, Complete, false, 2, Fine, false, Condition.BasicallyStable)]
    [InlineData(0, Gone, Complete, false, 0, Worsening, false, Condition.BasicallyStable)]
    [InlineData(0, Gone, Complete, false, 0, Fine, true, Condition.BasicallyStable)]
    public void SuggestsTheClassOfTheSpecification(
        int risk, SymptomSeverity symptoms, Insight insight, bool functionPoor, int reaction, PhysicalIllness physical, bool other,
        Condition expected)
    {
        var facts = new ConditionFacts((RiskLevel)risk, symptoms, insight, functionPoor,
            reaction == 0 ? null : (AdverseReactionSeverity)reaction, physical, other);
        Assert.Equal(expected, MentalHealthRules.SuggestCondition(facts));
    }

    [Fact]
    public void AnUnstablePatientIsReferredAtOnceWithPoliceAndGuardianAndSeenWithinTwoWeeks()
    {
        var d = MentalHealthRules.Decide(Facts(risk: RiskLevel.Level4), Visit, null, settled: false, inHospital: false);
        Assert.Equal(Condition.Unstable, d.Condition);
        Assert.Equal([ReferAtOnce, ReportToPoliceIfNeeded, ContactGuardian, JointFollowUpWithinTwoWeeks, RehabilitationGuidance], d.Actions);
        Assert.Equal(Visit.AddDays(14), d.NextVisitDate);
        Assert.True(d.Urgent);
        Assert.True(d.Referral);
        Assert.Equal(["危险性4级"], d.Reasons);
    }

    [Fact]
    public void AnUnstablePatientInHospitalHasNoJointHomeFollowUp()
    {
        var d = MentalHealthRules.Decide(Facts(insight: Insight.Absent), Visit, null, settled: false, inHospital: true);
        Assert.DoesNotContain(JointFollowUpWithinTwoWeeks, d.Actions);
        Assert.Contains(ReferAtOnce, d.Actions);
        Assert.Equal(Visit.AddDays(14), d.NextVisitDate);
    }

    // previous class, days from previous visit to its next date, settled -> action, days to next visit
    [Theory]
    [InlineData(null, 0, false, AdjustAndObserve, 14)] // a first 基本稳定: adjust, observe 2 weeks
    [InlineData(Condition.Stable, 92, false, AdjustAndObserve, 14)]
    [InlineData(Condition.BasicallyStable, 92, false, AdjustAndObserve, 14)] // maintained for 3 months, worse again: a new round
    [InlineData(Condition.BasicallyStable, 14, true, MaintainTreatment, 92)] // observed 2 weeks, settling: 3 months
    [InlineData(Condition.BasicallyStable, 14, false, ReferAndFollowUpWithinTwoWeeks, 14)] // observed 2 weeks, no better: refer
    [InlineData(Condition.BasicallyStable, 10, false, ReferAndFollowUpWithinTwoWeeks, 14)]
    public void ABasicallyStablePatientIsObservedForTwoWeeksThenMaintainedOrReferred(
        Condition? previousCondition, int previousInterval, bool settled, MentalHealthAction action, int days)
    {
        var previousDate = Visit.AddDays(-previousInterval);
        var previous = previousCondition is Condition c ? new PreviousVisit(previousDate, c, previousDate.AddDays(previousInterval)) : null;
        var d = MentalHealthRules.Decide(Facts(risk: RiskLevel.Level1), Visit, previous, settled, inHospital: false);
        Assert.Equal(Condition.BasicallyStable, d.Condition);
        Assert.Equal([action, RehabilitationGuidance], d.Actions);
        Assert.Equal(Visit.AddDays(days), d.NextVisitDate);
        Assert.Equal(action == ReferAndFollowUpWithinTwoWeeks, d.Urgent);
    }

    [Fact]
    public void AStablePatientContinuesTheHospitalsPlanAndIsSeenInThreeMonths()
    {
        var d = MentalHealthRules.Decide(Facts(), Visit, null, settled: false, inHospital: false);
        Assert.Equal(Condition.Stable, d.Condition);
        Assert.Equal([ContinueTreatment, RehabilitationGuidance], d.Actions);
        Assert.Equal(new DateOnly(2026, 9, 15), d.NextVisitDate);
        Assert.False(d.Urgent);
        Assert.Empty(d.Reasons);
    }

    [Fact]
    public void TheFormsFactsReadTickedSymptomsAsPresentAndANoneReactionAsNone()
    {
        var form = Form() with { Symptoms = [MentalSymptom.Suspicion] };
        var facts = MentalHealthRules.Facts(form)!;
        Assert.Equal(SymptomSeverity.Present, facts.Symptoms);
        Assert.Null(facts.AdverseReaction);
        Assert.Equal(Condition.BasicallyStable, MentalHealthRules.Decide(form, null)!.Condition);
    }

    [Fact]
    public void APoorSocialFunctionItemMakesTheFunctionPoorButNotApplicableWorkDoesNot()
    {
        Assert.True(new SocialFunction { Housework = GoodFairPoor.Poor }.AnyPoor);
        Assert.True(new SocialFunction { Work = WorkFunction.Poor }.AnyPoor);
        Assert.False(new SocialFunction { Work = WorkFunction.NotApplicable, Learning = GoodFairPoor.Fair }.AnyPoor);
    }

    [Fact]
    public void NothingIsSuggestedForAPatientNotReachedOrWithoutARiskLevel()
    {
        Assert.Null(MentalHealthRules.Decide(Form() with { Condition = Condition.NotVisited }, null));
        Assert.Null(MentalHealthRules.Decide(Form() with { RiskLevel = null }, null));
    }

    [Fact]
    public void OnlyAConsentingPatientIsManaged()
    {
        Assert.True(MentalHealthRules.IsManaged(InformedConsent.Agreed));
        Assert.False(MentalHealthRules.IsManaged(InformedConsent.Refused));
        Assert.False(MentalHealthRules.IsManaged(null));
    }

    [Fact]
    public void AFollowUpUpdatesTheProfilesConfinementEffectAndSocialImpactHistory()
    {
        var profile = new MentalIllnessProfile
        {
            Confinement = Confinement.Confined, LastTreatmentEffect = TreatmentEffect.Unchanged,
            SocialImpact = new SocialImpactCounts(2, 1, 0, 0, 0), Diagnosis = "精神分裂症",
        };
        var followUp = Form() with
        {
            Confinement = Confinement.Released, Effect = TreatmentEffect.Improved, SocialImpact = new SocialImpactCounts(1, 0, 0, 1, 0),
        };
        var updated = MentalHealthRules.UpdatedBy(profile, followUp);
        Assert.Equal(Confinement.Released, updated.Confinement);
        Assert.Equal(TreatmentEffect.Improved, updated.LastTreatmentEffect);
        Assert.Equal(new SocialImpactCounts(3, 1, 0, 1, 0), updated.SocialImpact);
        Assert.Equal("精神分裂症", updated.Diagnosis);
        Assert.Same(profile, MentalHealthRules.UpdatedBy(profile, followUp with { Condition = Condition.NotVisited }));
    }

    private static ConditionFacts Facts(RiskLevel risk = RiskLevel.Level0, Insight insight = Insight.Complete) =>
        new(risk, SymptomSeverity.Gone, insight, false, null, PhysicalIllness.NoneOrStable, false);

    internal static MentalIllnessFollowUp Form() => new()
    {
        VisitDate = Visit,
        RiskLevel = RiskLevel.Level0,
        Insight = Insight.Complete,
        Sleep = GoodFairPoor.Good,
        Diet = GoodFairPoor.Good,
        SocialFunction = new SocialFunction
        {
            PersonalCare = GoodFairPoor.Good, Housework = GoodFairPoor.Fair, Work = WorkFunction.NotApplicable,
            Learning = GoodFairPoor.Fair, SocialInteraction = GoodFairPoor.Fair,
        },
        SocialImpact = SocialImpactCounts.None,
        Confinement = Confinement.None,
        Hospitalisation = Hospitalisation.Never,
        LabTests = NoYes.No,
        Adherence = HealthRecords.Domain.Chronic.MedicationAdherence.Regular,
        AdverseReaction = NoYes.No,
        Effect = TreatmentEffect.Improved,
        Referral = ReferralChoice.No,
        Medications = [new PsychiatricMedication("利培酮", DosePeriod.Day, 2, 2m)],
        Condition = Condition.Stable,
        NextVisitDate = new DateOnly(2026, 9, 15),
        Doctor = "王医生",
    };
}
