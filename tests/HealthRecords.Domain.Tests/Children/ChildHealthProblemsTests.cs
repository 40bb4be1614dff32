using HealthRecords.Domain.Children;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Tests.Children;

public sealed class ChildHealthProblemsTests
{
    private static IReadOnlyList<ProblemFinding> Find(ChildCheckup c, int days, Sex sex = Sex.Male) =>
        ChildHealthProblems.Find(c, days,
            GrowthJudging.Judge(new GrowthMeasurement(sex, days, c.WeightKg, c.HeightCm, c.Position), GrowthCutOffs.Default, c is PreschoolCheckup),
            GrowthCutOffs.Default, ScreeningCutOffs.Default);

    [Theory]
    [InlineData(200, 109, true)]
    [InlineData(200, 110, false)]
    [InlineData(150, 99, true)]
    [InlineData(150, 100, false)]
    [InlineData(60, 89, true)]
    [InlineData(60, 90, false)]
    public void AnaemiaDependsOnAge(int days, int hb, bool anaemic) =>
        Assert.Equal(anaemic, ChildHealthProblems.IsAnaemic(hb, days, ScreeningCutOffs.Default));

    [Fact]
    public void ModerateAnaemiaIsGuidanceOrReferralAndSevereIsReferral()
    {
        var mild = Find(new ToddlerCheckup { Age = CheckupAge.Months18, WeightKg = 10.9m, HeightCm = 82.3m, HaemoglobinGPerL = 95 }, 548);
        var p = Assert.Single(mild);
        Assert.Equal(ChildProblem.Anaemia, p.Problem);
        Assert.Equal(ProblemAction.GuidanceOrReferral, p.Action);
        Assert.Contains("轻度贫血", p.Reason, StringComparison.Ordinal);

        var severe = Assert.Single(Find(new ToddlerCheckup { Age = CheckupAge.Months18, WeightKg = 10.9m, HeightCm = 82.3m, HaemoglobinGPerL = 55 }, 548));
        Assert.Equal(ProblemAction.Referral, severe.Action);
        Assert.True(severe.Severe);
    }

    [Fact]
    public void UnderweightIsGuidedAndSevereUnderweightReferred()
    {
        // boy, 548 days (weianthro.txt): 8.5 kg is between -3 and -2 SD, 7.5 kg below -3 SD (z -3.35)
        var moderate = Find(new ToddlerCheckup { Age = CheckupAge.Months18, WeightKg = 8.5m, HeightCm = 82.3m }, 548);
        Assert.Contains(moderate, p => p.Problem == ChildProblem.Underweight && p.Action == ProblemAction.GuidanceOrReferral);
        var severe = Find(new ToddlerCheckup { Age = CheckupAge.Months18, WeightKg = 7.5m, HeightCm = 82.3m }, 548);
        Assert.Contains(severe, p => p.Problem == ChildProblem.Underweight && p.Action == ProblemAction.Referral);
    }

    [Fact]
    public void ObesityAboveTwoSdOfWeightForHeight()
    {
        // boy, 4 years, 103 cm standing: weight-for-height M is about 16.4 kg, +2 SD about 19.7 kg
        var found = Find(new PreschoolCheckup { Age = CheckupAge.Years4, WeightKg = 22m, HeightCm = 103m }, 1470);
        Assert.Contains(found, p => p.Problem == ChildProblem.Obese);
        Assert.Contains(ChildGuidance.Diet, ChildHealthProblems.SuggestedGuidance(found));
    }

    [Fact]
    public void CariesHearingAndLowVisionAreReferred()
    {
        var found = Find(new PreschoolCheckup
        {
            Age = CheckupAge.Years4, WeightKg = 16.3m, HeightCm = 103.3m, Caries = 2, Teeth = 20,
            Vision = new(VisionChart.FivePoint, 4.7m, 4.9m),
        }, 1470);
        Assert.Contains(found, p => p.Problem == ChildProblem.Caries && p.Action == ProblemAction.Referral);
        Assert.Contains(found, p => p.Problem == ChildProblem.LowVision && p.Action == ProblemAction.Referral);
        Assert.True(ChildHealthProblems.NeedsReferral(found));

        var deaf = Find(new InfantCheckup { Age = CheckupAge.Months6, WeightKg = 7.9m, HeightCm = 67.6m, Hearing = HearingScreen.Fail }, 182);
        Assert.Contains(deaf, p => p.Problem == ChildProblem.Hearing && p.Action == ProblemAction.Referral);
    }

    [Theory]
    [InlineData(CheckupAge.Years4, VisionChart.Decimal, 0.6, 0.6, false)]
    [InlineData(CheckupAge.Years4, VisionChart.Decimal, 0.5, 0.6, true)]
    [InlineData(CheckupAge.Years5, VisionChart.Decimal, 0.6, 0.8, true)]
    [InlineData(CheckupAge.Years5, VisionChart.FivePoint, 4.9, 4.9, false)]
    [InlineData(CheckupAge.Years5, VisionChart.FivePoint, 5.1, 4.9, true)]
    public void LowVisionByAgeOrTwoLinesBetweenTheEyes(CheckupAge age, VisionChart chart, double left, double right, bool low) =>
        Assert.Equal(low, ChildHealthProblems.IsLowVision(new Vision(chart, (decimal)left, (decimal)right), age, ScreeningCutOffs.Default));

    [Fact]
    public void AHealthyChildHasNoProblems() =>
        Assert.Empty(Find(new InfantCheckup
        {
            Age = CheckupAge.Months3, WeightKg = 6.4m, HeightCm = 61.5m, Mouth = new(ExamFinding.Normal),
            RicketsSymptoms = [RicketsSymptom.None], RicketsSignsEarly = [RicketsSignEarly.None], Development = DevelopmentAssessment.Pass,
        }, 96));

    [Fact]
    public void SuspectedRicketsAsksForGuidance() =>
        Assert.Contains(Find(new InfantCheckup { Age = CheckupAge.Months6, WeightKg = 7.9m, HeightCm = 67.6m, RicketsSigns = [RicketsSignInfant.RachiticRosary] }, 182),
            p => p.Problem == ChildProblem.SuspectedRickets && p.Action == ProblemAction.Guidance);
}
