using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Elderly;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Examinations;

public sealed class ExaminationRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(170, 65, 22.5)]
    [InlineData(160, 80, 31.3)]
    [InlineData(150.5, 45.2, 20.0)]
    [InlineData(180, 100, 30.9)]
    public void BmiIsWeightOverHeightSquared(double height, double weight, double bmi) =>
        Assert.Equal((decimal)bmi, Bmi.Compute((decimal)height, (decimal)weight));

    [Theory]
    [InlineData(null, 60.0)]
    [InlineData(170.0, null)]
    [InlineData(0.0, 60.0)]
    public void BmiNeedsHeightAndWeight(double? height, double? weight) =>
        Assert.Null(Bmi.Compute((decimal?)height, (decimal?)weight));

    [Theory]
    [InlineData("1961-12-31", 2026, true)]   // turns 65 on the last day of the service year
    [InlineData("1961-01-01", 2026, true)]
    [InlineData("1940-05-05", 2026, true)]
    [InlineData("1962-01-01", 2026, false)]  // turns 65 next year
    [InlineData("1962-12-31", 2027, true)]
    public void ElderlyTargetsAreThoseWhoReach65InTheServiceYear(string birth, int year, bool target) =>
        Assert.Equal(target, ElderlyRules.IsTarget(D(birth), year));

    [Theory]
    [InlineData("1961-01-01", 2026, true)]
    [InlineData("1961-12-31", 2026, true)]
    [InlineData("1960-12-31", 2026, false)]  // already a target last year
    [InlineData("1962-01-01", 2026, false)]
    public void NewcomersAreThoseWhoTurn65ThisYear(string birth, int year, bool newcomer) =>
        Assert.Equal(newcomer, ElderlyRules.TurnsSixtyFiveIn(D(birth), year));

    public static TheoryData<string, Sex, string, KeyPopulation, StarItem[], StarItem[]> Populations() => new()
    {
        // a general adult: every * item optional
        { "1980-03-01", Sex.Male, "2026-06-01", KeyPopulation.None, [], [StarItem.HealthStatus, StarItem.SelfCare, StarItem.FastingGlucose, StarItem.Ecg] },
        // 65+: the self-assessments and the elderly auxiliary tests
        { "1950-03-01", Sex.Male, "2026-06-01", KeyPopulation.None,
            [StarItem.HealthStatus, StarItem.SelfCare, StarItem.Cognition, StarItem.Affect, StarItem.BloodRoutine, StarItem.UrineRoutine,
             StarItem.LiverFunction, StarItem.KidneyFunction, StarItem.FastingGlucose, StarItem.BloodLipids, StarItem.Ecg],
            [StarItem.Tcm, StarItem.HbA1c, StarItem.Ultrasound] },
        // turns 65 in December of the exam year: already elderly in January
        { "1961-12-20", Sex.Female, "2026-01-10", KeyPopulation.None, [StarItem.SelfCare, StarItem.Ecg], [] },
        // 64 all year: not elderly
        { "1962-01-01", Sex.Female, "2026-12-30", KeyPopulation.None, [], [StarItem.SelfCare] },
        // hypertension: no * item (004 高血压 二(四)); diabetes: fasting glucose
        { "1970-03-01", Sex.Male, "2026-06-01", KeyPopulation.Hypertension, [], [StarItem.FastingGlucose, StarItem.SelfCare, StarItem.Ecg] },
        { "1970-03-01", Sex.Male, "2026-06-01", KeyPopulation.Diabetes, [StarItem.FastingGlucose], [StarItem.BloodLipids] },
        // severe mental illness: blood routine, transaminases, glucose, ECG
        { "1990-03-01", Sex.Male, "2026-06-01", KeyPopulation.SevereMentalIllness,
            [StarItem.BloodRoutine, StarItem.LiverFunction, StarItem.FastingGlucose, StarItem.Ecg], [StarItem.KidneyFunction, StarItem.SelfCare] },
    };

    [Theory]
    [MemberData(nameof(Populations))]
    public void RequiredStarItemsFollowAgeAndProgrammes(string birth, Sex sex, string examDate, KeyPopulation programmes, StarItem[] required, StarItem[] optional)
    {
        var rules = ExaminationItems.Rules(new ExamSubject(sex, D(birth), programmes), D(examDate));
        foreach (var item in required)
        {
            Assert.Equal(ItemRequirement.Required, rules.Single(r => r.Item == item).Requirement);
        }
        foreach (var item in optional)
        {
            Assert.Equal(ItemRequirement.Optional, rules.Single(r => r.Item == item).Requirement);
        }
        Assert.Equal(Enum.GetValues<StarItem>().Length, rules.Count);
    }

    [Theory]
    [InlineData(Sex.Female, ItemRequirement.Optional)]
    [InlineData(Sex.Male, ItemRequirement.NotApplicable)]
    [InlineData(Sex.Unknown, ItemRequirement.NotApplicable)]
    public void GynaecologyIsForWomenOnly(Sex sex, ItemRequirement requirement)
    {
        var rules = ExaminationItems.Rules(new ExamSubject(sex, D("1980-01-01"), KeyPopulation.None), D("2026-06-01"));
        Assert.Equal(requirement, rules.Single(r => r.Item == StarItem.Gynaecology).Requirement);
    }

    [Fact]
    public void ARequiredItemNamesTheServicesThatRequireIt()
    {
        var rules = ExaminationItems.Rules(new ExamSubject(Sex.Male, D("1950-01-01"), KeyPopulation.Diabetes | KeyPopulation.SevereMentalIllness), D("2026-06-01"));
        Assert.Equal(["老年人健康管理", "2型糖尿病患者健康管理", "重性精神疾病患者管理"], rules.Single(r => r.Item == StarItem.FastingGlucose).RequiredBy);
    }
}

public sealed class ExaminationPrefillTests
{
    [Fact]
    public void ANewFormCarriesLastYearsHabitsAndTreatmentButNothingMeasuredOnTheDay()
    {
        var last = ExaminationValidatorTests.Complete() with
        {
            Medications = [new Medication("二甲双胍", "口服", "0.5g", "3年", MedicationAdherence.Regular), new Medication()],
            Hospitalisations = [new HospitalStay(new YearMonth(2026, 1), new YearMonth(2026, 1), "肺炎", "区人民医院")],
            HomeBeds = [new HospitalStay(new YearMonth(2025, 10), null, "卒中后康复", "跳磴镇卫生院"), new HospitalStay(new YearMonth(2025, 1), new YearMonth(2025, 3), "骨折", "跳磴镇卫生院")],
        };
        var day = new DateOnly(2027, 6, 1);
        var draft = ExaminationPrefill.From(last, day, "王医生");

        Assert.Equal(day, draft.ExamDate);
        Assert.Equal("王医生", draft.Doctor);
        Assert.Equal(last.Lifestyle, draft.Lifestyle);
        Assert.Equal(last.Problems, draft.Problems);
        Assert.Equal(last.General.Height, draft.General.Height);
        Assert.Equal("二甲双胍", Assert.Single(draft.Medications).Name);     // blank rows dropped
        Assert.Equal("卒中后康复", Assert.Single(draft.HomeBeds).Reason);    // only the bed still open
        Assert.Empty(draft.Hospitalisations);                                // 最近1年内: last year's stays are not this year's
        Assert.Null(draft.General.Weight);
        Assert.True(draft.General.SelfCare.IsEmpty);
        Assert.Null(draft.Evaluation);
        Assert.Null(draft.Physical.Skin.Code);

        Assert.Equal(new HealthExamination { ExamDate = day, Doctor = "王医生" }.Lifestyle, ExaminationPrefill.From(null, day, "王医生").Lifestyle);
    }
}
