using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Tuberculosis;

namespace HealthRecords.Domain.Tests.Tuberculosis;

public sealed class TuberculosisValidatorTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateOnly Notified = new(2026, 3, 9);
    private static readonly DateOnly Start = new(2026, 3, 10);
    private static readonly TreatmentCourse Course = new(Start, 2, 4, DosingSchedule.Daily);

    private static readonly TbMedication Medication = new() { Regimen = "2HRZE/4HR", Usage = DosingSchedule.Daily, DrugForms = [DrugForm.FixedDoseCombination] };

    internal static TuberculosisFirstVisit FirstVisit => new()
    {
        VisitDate = new DateOnly(2026, 3, 11), VisitMode = VisitMode.Home, PatientType = PatientType.New, Sputum = SputumResult.Positive,
        Resistance = DrugResistance.NotTested, Symptoms = [TbSymptom.CoughSputum], Medication = Medication, Supervisor = SupervisorType.Family,
        SeparateRoom = SeparateRoom.Yes, Ventilation = Rating.Good, CigarettesPerDay = new(10, 0), AlcoholLiangPerDay = new(0m, 0m),
        Education = new TbHealthEducation
        {
            PickupPlace = "跳磴镇卫生院", PickupDate = new DateOnly(2026, 3, 15), MedicationCard = Mastery.Mastered, MethodAndStorage = Mastery.Mastered,
            CourseOfTreatment = Mastery.Mastered, IrregularMedicationHarm = Mastery.Mastered, AdverseReactions = Mastery.NotMastered,
            SputumRechecks = Mastery.Mastered, MedicationWhileAway = Mastery.Mastered, HabitsAndPrecautions = Mastery.Mastered,
            CloseContactScreening = Mastery.Mastered,
        },
        NextVisitDate = new DateOnly(2026, 3, 21), Doctor = "李医生",
    };

    private static FirstVisitContext FirstContext => new(Today, Notified, Start);

    internal static TuberculosisFollowUp FollowUp => new()
    {
        VisitDate = new DateOnly(2026, 6, 10), TreatmentMonth = 4, Supervisor = SupervisorType.Family, VisitMode = VisitMode.Home,
        Symptoms = [TbSymptom.None], Medication = Medication, MissedDoses = 0, AdverseReaction = NoYes.No, Complication = NoYes.No,
        NextVisitDate = new DateOnly(2026, 7, 10), Doctor = "李医生",
    };

    private static TbFollowUpContext FollowUpContext(bool sameDay = false, DateOnly? first = null) =>
        new(Today, first ?? new DateOnly(2026, 3, 11), Course, sameDay);

    [Fact]
    public void AValidFirstVisitHasNoErrors() => Assert.Empty(TuberculosisValidator.Validate(FirstVisit, FirstContext));

    [Fact]
    public void AFirstVisitAfter72HoursNeedsItsReason()
    {
        var late = FirstVisit with { VisitDate = new DateOnly(2026, 3, 13), NextVisitDate = new DateOnly(2026, 3, 23) };
        Assert.Equal("未在接到通知后72小时内（2026-03-12前）访视，请填写原因", TuberculosisValidator.Validate(late, FirstContext)["lateReason"].Single());
        Assert.Empty(TuberculosisValidator.Validate(late with { LateReason = "患者外出，两次入户未见" }, FirstContext));
    }

    [Fact]
    public void AFirstVisitBeforeTheNotificationOrByPhoneIsRefused()
    {
        Assert.Contains("不能早于收到管理通知", TuberculosisValidator.Validate(FirstVisit with { VisitDate = Notified.AddDays(-1) }, FirstContext)["visitDate"].Single(), StringComparison.Ordinal);
        Assert.Equal("第一次入户随访只能是 1 门诊 2 家庭", TuberculosisValidator.Validate(FirstVisit with { VisitMode = VisitMode.Phone }, FirstContext)["visitMode"].Single());
    }

    [Fact]
    public void EveryEducationTopicIsAnswered() =>
        Assert.StartsWith("请选择密切接触者检查", TuberculosisValidator.Validate(FirstVisit with { Education = FirstVisit.Education with { CloseContactScreening = null } }, FirstContext)["education.closeContactScreening"].Single(), StringComparison.Ordinal);

    [Fact]
    public void ARegimenTheSystemCannotReadOrThatContradictsTheUsageIsRefused()
    {
        Assert.Contains("无法识别", TuberculosisValidator.Validate(FirstVisit with { Medication = Medication with { Regimen = "异烟肼" } }, FirstContext)["medication.regimen"].Single(), StringComparison.Ordinal);
        Assert.Equal("化疗方案为间歇用药，用法应为 2 间歇", TuberculosisValidator.Validate(FirstVisit with { Medication = Medication with { Regimen = "2H3R3Z3E3/4H3R3" } }, FirstContext)["medication.usage"].Single());
    }

    [Fact]
    public void ANextVisitLaterThanTheIntervalAllowsIsRefused() =>
        Assert.Equal("按督导方式和治疗阶段，下次随访应不晚于2026-03-21",
            TuberculosisValidator.Validate(FirstVisit with { NextVisitDate = new DateOnly(2026, 4, 11) }, FirstContext)["nextVisitDate"].Single());

    [Fact]
    public void NoSymptomsExcludesTheOthers() =>
        Assert.Equal("选了“0 没有症状”就不能再选其他症状", TuberculosisValidator.Validate(FirstVisit with { Symptoms = [TbSymptom.None, TbSymptom.JointPain] }, FirstContext)["symptoms"].Single());

    [Fact]
    public void AValidFollowUpHasNoErrors() => Assert.Empty(TuberculosisValidator.Validate(FollowUp, FollowUpContext()));

    [Fact]
    public void AFollowUpBeforeTheFirstVisitIsRefused()
    {
        Assert.Equal("随访时间不能早于第一次入户随访（2026-06-11）", TuberculosisValidator.Validate(FollowUp, FollowUpContext(first: new DateOnly(2026, 6, 11)))["visitDate"].Single());
        Assert.Contains("尚无第一次入户随访", TuberculosisValidator.Validate(FollowUp, new TbFollowUpContext(Today, null, Course, false))["visitDate"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheTreatmentMonthMustMatchTheCard() =>
        Assert.Equal("治疗开始于2026-03-10，本次随访应为第4月", TuberculosisValidator.Validate(FollowUp with { TreatmentMonth = 3 }, FollowUpContext())["treatmentMonth"].Single());

    [Fact]
    public void AnAdverseReactionAsksForAnImmediateReferral()
    {
        var errors = TuberculosisValidator.Validate(FollowUp with { AdverseReaction = NoYes.Yes, AdverseReactionDetail = "皮疹" }, FollowUpContext());
        Assert.StartsWith("出现药物不良反应、并发症或合并症，应立即转诊", errors["referral.department"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void StoppingTreatmentNeedsTheReasonAndTheClosingAssessment()
    {
        var errors = TuberculosisValidator.Validate(FollowUp with { Stop = new TreatmentStop(new DateOnly(2026, 6, 10), null), NextVisitDate = null }, FollowUpContext());
        Assert.StartsWith("请选择停止治疗原因", errors["stop.reason"].Single(), StringComparison.Ordinal);
        Assert.Equal("停止治疗时请填写全程管理情况", errors["closing"].Single());
        Assert.False(errors.ContainsKey("nextVisitDate"));
    }

    [Fact]
    public void MoreDosesTakenThanDueIsRefused()
    {
        var f = FollowUp with
        {
            Stop = new TreatmentStop(new DateOnly(2026, 6, 10), StopReason.Completed),
            Closing = new ClosingAssessment(10, 10, 90, 91, "李医生"),
        };
        Assert.Equal("实际服药次数不能多于应服药次数", TuberculosisValidator.Validate(f, FollowUpContext())["closing.dosesTaken"].Single());
    }

    [Fact]
    public void ADoseRecordedTwiceForTheSameDayIsRefused()
    {
        var recorded = new HashSet<DateOnly> { new(2026, 6, 1) };
        var c = new DoseContext(Today, Start, null, recorded);
        Assert.Equal("2026-06-01已记录服药，每人每天只记录一次",
            TuberculosisValidator.Validate([new ObservedDose(new DateOnly(2026, 6, 1))], c)["doses[0].date"].Single());
        var week = Enumerable.Range(8, 7).Select(d => new ObservedDose(new DateOnly(2026, 6, d))).Append(new ObservedDose(new DateOnly(2026, 6, 9))).ToList();
        var errors = TuberculosisValidator.Validate(week, c);
        Assert.Equal(["doses[7].date"], errors.Keys);
    }

    [Fact]
    public void AWeekOfDosesTickedAtOnceIsAccepted()
    {
        var week = Enumerable.Range(8, 7).Select(d => new ObservedDose(new DateOnly(2026, 6, d), "家属")).ToList();
        Assert.Empty(TuberculosisValidator.Validate(week, new DoseContext(Today, Start, null, new HashSet<DateOnly>())));
    }

    [Fact]
    public void DosesOutsideTheTreatmentOrInTheFutureAreRefused()
    {
        var c = new DoseContext(Today, Start, new DateOnly(2026, 6, 10), new HashSet<DateOnly>());
        var errors = TuberculosisValidator.Validate([new(Start.AddDays(-1)), new(Today.AddDays(1)), new(new DateOnly(2026, 6, 11))], c);
        Assert.Contains("不能早于治疗开始时间", errors["doses[0].date"].Single(), StringComparison.Ordinal);
        Assert.Equal("服药日期不能晚于今天", errors["doses[1].date"].Single());
        Assert.Contains("治疗已于2026-06-10停止", errors["doses[2].date"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void ASuspectReferralNeedsSuspiciousSymptoms()
    {
        var s = new SuspectReferral { ReferredOn = Today, CoughDays = 10, ReferredTo = "区结核病定点医院" };
        Assert.StartsWith("不是肺结核可疑症状者", TuberculosisValidator.Validate(s, Today)["coughDays"].Single(), StringComparison.Ordinal);
        Assert.Empty(TuberculosisValidator.Validate(s with { CoughDays = 14 }, Today));
    }

    [Fact]
    public void AValidCardHasNoErrors() =>
        Assert.Empty(TuberculosisValidator.Validate(new MedicationCard { TreatmentStart = Start, Medication = Medication, Supervisor = SupervisorType.Doctor }, Today));
}
