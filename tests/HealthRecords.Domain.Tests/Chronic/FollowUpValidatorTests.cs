using System.Globalization;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;

namespace HealthRecords.Domain.Tests.Chronic;

public sealed class FollowUpValidatorTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static HypertensionFollowUp Ht(int sbp = 130, int dbp = 80) => new()
    {
        VisitDate = Today, VisitMode = VisitMode.Clinic, Symptoms = [HypertensionSymptom.None],
        Signs = new Signs { Systolic = sbp, Diastolic = dbp }, Doctor = "李医生",
    };

    private static DiabetesFollowUp Dm(decimal? fbg) => new()
    {
        VisitDate = Today, VisitMode = VisitMode.Clinic, FastingGlucose = fbg,
        Signs = new Signs { Systolic = 130, Diastolic = 80 }, Doctor = "李医生",
    };

    private static FollowUpContext Context(HypertensionFollowUp f, bool sameDay = false, DateOnly? enrolled = null, string? reason = null) =>
        new(Today, enrolled ?? new DateOnly(2025, 1, 1), sameDay, HypertensionRules.Decide(f, null), reason);

    private static FollowUpContext Context(DiabetesFollowUp f) =>
        new(Today, new DateOnly(2025, 1, 1), false, DiabetesRules.Decide(f, null), null);

    [Fact]
    public void AValidFormHasNoErrors() => Assert.Empty(FollowUpValidator.Validate(Ht(), Context(Ht())));

    [Theory]
    [InlineData("0")]
    [InlineData("80")]
    [InlineData("0.5")]
    public void ImpossibleGlucoseIsRefusedBesideTheField(string fbg)
    {
        var f = Dm(decimal.Parse(fbg, CultureInfo.InvariantCulture));
        var errors = FollowUpValidator.Validate(f, Context(f));
        Assert.Contains("不可能", errors["fastingGlucose"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("33.3")]
    public void PossibleGlucoseIsAccepted(string fbg)
    {
        var f = Dm(decimal.Parse(fbg, CultureInfo.InvariantCulture)) with { Referral = new Referral("血糖异常", null) };
        Assert.False(FollowUpValidator.Validate(f, Context(f)).ContainsKey("fastingGlucose"));
    }

    [Theory]
    [InlineData(80, 90)]
    [InlineData(90, 90)]
    public void SystolicNotAboveDiastolicIsRefused(int sbp, int dbp)
    {
        var f = Ht(sbp, dbp);
        Assert.Equal("收缩压应高于舒张压，请核对", FollowUpValidator.Validate(f, Context(f))["signs.systolic"].Single());
    }

    [Fact]
    public void AVisitInTheFutureIsRefused()
    {
        var f = Ht() with { VisitDate = Today.AddDays(1) };
        Assert.Equal("随访日期不能晚于今天", FollowUpValidator.Validate(f, Context(f))["visitDate"].Single());
    }

    [Fact]
    public void AVisitBeforeEnrolmentIsRefused()
    {
        var f = Ht() with { VisitDate = new DateOnly(2026, 5, 31) };
        Assert.StartsWith("随访日期不能早于纳入管理日期", FollowUpValidator.Validate(f, Context(f, enrolled: new DateOnly(2026, 6, 1)))["visitDate"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondFollowUpOnTheSameDayIsRefused() =>
        Assert.Contains("当天已有一次高血压随访", FollowUpValidator.Validate(Ht(), Context(Ht(), sameDay: true))["visitDate"].Single(), StringComparison.Ordinal);

    [Fact]
    public void AnOverrideNeedsAReason()
    {
        var f = Ht() with { NextVisitDate = Today.AddMonths(1) };
        Assert.True(FollowUpValidator.Validate(f, Context(f)).ContainsKey("overrideReason"));
        Assert.False(FollowUpValidator.Validate(f, Context(f, reason: "患者外出务工，1个月后返乡")).ContainsKey("overrideReason"));
    }

    [Fact]
    public void ADangerSignNeedsAReferralReason()
    {
        var f = Ht(185, 100);
        Assert.Contains("紧急转诊", FollowUpValidator.Validate(f, Context(f))["referral.reason"].Single(), StringComparison.Ordinal);
        Assert.Empty(FollowUpValidator.Validate(f with { Referral = new Referral("血压185/100", "区人民医院心内科") }, Context(f)));
    }

    [Fact]
    public void NoSymptomsExcludesOtherSymptoms()
    {
        var f = Ht() with { Symptoms = [HypertensionSymptom.None, HypertensionSymptom.HeadacheDizziness] };
        Assert.True(FollowUpValidator.Validate(f, Context(f)).ContainsKey("symptoms"));
    }

    [Fact]
    public void UndefinedCodesAreRefusedWithTheOptions()
    {
        var f = Ht() with { VisitMode = (VisitMode)4 };
        Assert.Equal("随访方式只能填 1 门诊 2 家庭 3 电话", FollowUpValidator.Validate(f, Context(f))["visitMode"].Single());
    }

    [Fact]
    public void AnAdverseReactionMustBeDescribed()
    {
        var f = Ht() with { AdverseReaction = AdverseReaction.Present };
        Assert.True(FollowUpValidator.Validate(f, Context(f)).ContainsKey("adverseReactionDetail"));
    }

    [Fact]
    public void AFaceToFaceVisitNeedsBloodPressure()
    {
        var f = Ht() with { Signs = new Signs() };
        Assert.True(FollowUpValidator.Validate(f, Context(f)).ContainsKey("signs.systolic"));
        var phone = f with { VisitMode = VisitMode.Phone };
        Assert.False(FollowUpValidator.Validate(phone, Context(phone)).ContainsKey("signs.systolic"));
    }
}
