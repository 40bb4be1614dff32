using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Domain.Records;
using HealthRecords.Domain.Tests.Examinations;
using HealthRecords.Domain.Validation;

namespace HealthRecords.Domain.Tests.Validation;

/// <summary>One table of plausible ranges: a value the examination accepts is accepted by the follow-up it is carried into.</summary>
public sealed class PlausibleRangesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly ExamSubject Subject = new(Sex.Male, new DateOnly(1950, 4, 1), KeyPopulation.Hypertension | KeyPopulation.Diabetes);

    /// <summary>Values at the edges where the forms disagreed before: 收缩压 50, 舒张压 20, 体重 10 kg, 空腹血糖 45 mmol/L.</summary>
    private static HealthExamination EdgeExamination()
    {
        var exam = ExaminationValidatorTests.Complete();
        return ExaminationValidator.WithComputed(exam with
        {
            General = exam.General with { SystolicLeft = 50, DiastolicLeft = 20, SystolicRight = 52, DiastolicRight = 22, Weight = 10m, Height = 80m },
            Auxiliary = exam.Auxiliary with { FastingGlucoseMmol = 45m, FastingGlucoseMgdl = null },
        });
    }

    [Fact]
    public void ValuesTheExaminationAcceptsAreAcceptedByTheFollowUpsItIsCarriedInto()
    {
        var exam = EdgeExamination();
        var examErrors = ExaminationValidator.Validate(exam, Subject, Today);
        foreach (var key in new[] { "general.systolicLeft", "general.diastolicLeft", "general.weight", "auxiliary.fastingGlucoseMmol" })
        {
            Assert.False(examErrors.ContainsKey(key), key);
        }

        var shared = ExaminationAsFollowUp.Shared(exam);
        var ht = new HypertensionFollowUp { Symptoms = [HypertensionSymptom.None] }.WithShared(shared);
        var htErrors = FollowUpValidator.Validate(ht, new FollowUpContext(Today, new DateOnly(2025, 1, 1), false, HypertensionRules.Decide(ht, null), "体检同时随访"));
        var dm = new DiabetesFollowUp { Symptoms = [DiabetesSymptom.None], FastingGlucose = ExaminationAsFollowUp.FastingGlucose(exam) }.WithShared(shared);
        var dmErrors = FollowUpValidator.Validate(dm, new FollowUpContext(Today, new DateOnly(2025, 1, 1), false, DiabetesRules.Decide(dm, null), "体检同时随访"));
        foreach (var key in new[] { "signs.systolic", "signs.diastolic", "signs.weightKg.now", "signs.bmi.now" })
        {
            Assert.False(htErrors.ContainsKey(key), $"hypertension {key}: {string.Join(",", htErrors.GetValueOrDefault(key) ?? [])}");
            Assert.False(dmErrors.ContainsKey(key), $"diabetes {key}");
        }
        Assert.False(dmErrors.ContainsKey("fastingGlucose"));
    }

    [Fact]
    public void ScreeningReadingsAreCheckedAgainstTheSameBloodPressureRanges()
    {
        var errors = new FieldErrors();
        errors.Range("systolic", 49, PlausibleRanges.Systolic);
        errors.Range("diastolic", 20, PlausibleRanges.Diastolic);
        Assert.Equal(["systolic"], errors.Keys);
        Assert.Contains("50～300mmHg", errors["systolic"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRangeIsARange()
    {
        var ranges = typeof(PlausibleRanges).GetFields().Select(f => (PlausibleRange)f.GetValue(null)!).ToList();
        Assert.True(ranges.Count >= 30);
        Assert.All(ranges, r => Assert.True(r.Min < r.Max, r.Name));
        Assert.All(ExaminationValidator.Ranges, r => Assert.True(r.Limits.Min < r.Limits.Max, r.Key));
    }

    [Fact]
    public void TheCollectorKeepsAMessageOncePerFieldAndPrefixesNestedForms()
    {
        var inner = new FieldErrors();
        inner.Add("visitDate", "请填写随访日期");
        inner.Add("visitDate", "请填写随访日期");
        var outer = new FieldErrors();
        outer.AddAll(inner, "form");
        Assert.Equal(["请填写随访日期"], outer["form.visitDate"]);
    }
}
