using HealthRecords.Domain.Examinations;
using MedicationAdherence = HealthRecords.Domain.Chronic.MedicationAdherence;

namespace HealthRecords.Domain.MentalHealth;

/// <summary>
/// A date known to the year, the month or the day: 初次发病时间 and 首次抗精神病药治疗时间 are "尽可能精确，可只填写到年份"
/// (附件1 填表说明 4, 6).
/// </summary>
public sealed record ApproximateDate(int Year, int? Month = null, int? Day = null)
{
    /// <summary>A year from 1900, a month only with a year, a day only with a month, and a real calendar day.</summary>
    public bool IsValid =>
        Year is >= 1900 and <= 9999
        && (Month is null ? Day is null : Month is >= 1 and <= 12)
        && (Day is null || (Month is int m && Day >= 1 && Day <= DateTime.DaysInMonth(Year, m)));

    /// <summary>The first day it can mean (1 January of the year when only the year is known).</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day it can mean (31 December of the year when only the year is known).</summary>
    public DateOnly Latest => Day is int d ? new(Year, Month!.Value, d)
        : Month is int m ? new DateOnly(Year, m, 1).AddMonths(1).AddDays(-1)
        : new(Year, 12, 31);

    /// <summary>As the form writes it: 2019年, 2019年5月, 2019年5月3日.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Year}年{(Month is int m ? $"{m}月" : "")}{(Day is int d ? $"{d}日" : "")}");
}

/// <summary>
/// 患病对家庭社会的影响 with the count of each kind (附件1 填表说明 8, 附件2 填表说明 3: 未发生过填“0”，发生过填次数). A null
/// count is not filled in. 附件1 counts from the first onset to the day the form is filled; 附件2 from the last follow-up.
/// </summary>
public sealed record SocialImpactCounts(int? MinorDisturbance, int? Offence, int? Crime, int? SelfInjury, int? SuicideAttempt)
{
    /// <summary>Every count 0: the form ticks 6 无.</summary>
    public static SocialImpactCounts None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Nothing filled in.</summary>
    public static SocialImpactCounts Blank { get; } = new(null, null, null, null, null);

    /// <summary>The five counts with their kinds, in the form's order.</summary>
    public IEnumerable<(SocialImpactKind Kind, int? Count)> All()
    {
        yield return (SocialImpactKind.MinorDisturbance, MinorDisturbance);
        yield return (SocialImpactKind.Offence, Offence);
        yield return (SocialImpactKind.Crime, Crime);
        yield return (SocialImpactKind.SelfInjury, SelfInjury);
        yield return (SocialImpactKind.SuicideAttempt, SuicideAttempt);
    }

    public bool IsComplete => All().All(c => c.Count is not null);

    /// <summary>The kinds ticked on paper: those that happened, or 6 无 when all five are 0.</summary>
    public IReadOnlyList<SocialImpactKind> Ticked()
    {
        if (!IsComplete)
        {
            return [.. All().Where(c => c.Count > 0).Select(c => c.Kind)];
        }
        var happened = All().Where(c => c.Count > 0).Select(c => c.Kind).ToList();
        return happened.Count == 0 ? [SocialImpactKind.None] : happened;
    }

    /// <summary>The counts added together (a follow-up's period added to the history of 附件1); a blank count stays as the other.</summary>
    public SocialImpactCounts Plus(SocialImpactCounts other) => new(
        Add(MinorDisturbance, other.MinorDisturbance), Add(Offence, other.Offence), Add(Crime, other.Crime),
        Add(SelfInjury, other.SelfInjury), Add(SuicideAttempt, other.SuicideAttempt));

    private static int? Add(int? a, int? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}

/// <summary>
/// 重性精神疾病（严重精神障碍）患者个人信息补充表 (004 重性精神疾病患者管理服务规范 附件1): filled at enrolment besides
/// 个人基本信息表, and changed when a follow-up finds a change (填表说明 1; see <see cref="MentalHealthRules.UpdatedBy"/>).
/// </summary>
public sealed record MentalIllnessProfile
{
    /// <summary>监护人姓名: the person who by law now acts as guardian (填表说明 2).</summary>
    public string? GuardianName { get; init; }
    /// <summary>与患者关系.</summary>
    public string? GuardianRelation { get; init; }
    /// <summary>监护人住址: where the guardian lives now (填表说明 3).</summary>
    public string? GuardianAddress { get; init; }
    /// <summary>监护人电话: a number that reaches the guardian at any time (填表说明 3).</summary>
    [Sensitive]
    public string? GuardianPhone { get; init; }
    /// <summary>辖区村(居)委会联系人.</summary>
    public string? VillageContactName { get; init; }
    /// <summary>辖区村(居)委会联系人电话.</summary>
    [Sensitive]
    public string? VillageContactPhone { get; init; }
    /// <summary>知情同意: 1 同意参加管理 0 不同意参加管理.</summary>
    public InformedConsent? Consent { get; init; }
    /// <summary>知情同意 签字: who signed (the patient or the guardian).</summary>
    public string? ConsentSignedBy { get; init; }
    /// <summary>签字时间.</summary>
    public DateOnly? ConsentSignedOn { get; init; }
    /// <summary>初次发病时间: when the first mental symptoms appeared; the year alone will do (填表说明 4).</summary>
    public ApproximateDate? FirstOnset { get; init; }
    /// <summary>既往主要症状: from the first onset to today (填表说明 5).</summary>
    public IReadOnlyList<MentalSymptom> PastSymptoms { get; init; } = [];
    /// <summary>既往主要症状 12 其他, in words.</summary>
    public string? PastSymptomOther { get; init; }
    /// <summary>既往治疗情况 门诊.</summary>
    public OutpatientTreatment? Outpatient { get; init; }
    /// <summary>首次抗精神病药治疗时间; the year alone will do (填表说明 6).</summary>
    public ApproximateDate? FirstAntipsychoticTreatment { get; init; }
    /// <summary>既往治疗情况 住院: 曾住精神专科医院/综合医院精神专科 __ 次, 0 if never (填表说明 6).</summary>
    public int? PsychiatricAdmissions { get; init; }
    /// <summary>目前诊断情况 诊断 (sensitive: <see cref="MentalHealthPrivacy"/>).</summary>
    public string? Diagnosis { get; init; }
    /// <summary>确诊医院.</summary>
    public string? DiagnosingHospital { get; init; }
    /// <summary>确诊日期.</summary>
    public DateOnly? DiagnosedOn { get; init; }
    /// <summary>最近一次治疗效果.</summary>
    public TreatmentEffect? LastTreatmentEffect { get; init; }
    /// <summary>患病对家庭社会的影响 from the first onset to today (sensitive).</summary>
    public SocialImpactCounts SocialImpact { get; init; } = SocialImpactCounts.Blank;
    /// <summary>关锁情况.</summary>
    public Confinement? Confinement { get; init; }
    /// <summary>经济状况.</summary>
    public EconomicStatus? EconomicStatus { get; init; }
    /// <summary>专科医生的意见: from the family or the former treating institution; "无" when there is none (填表说明 11).</summary>
    public string? SpecialistOpinion { get; init; }
    /// <summary>填表日期.</summary>
    public DateOnly FilledOn { get; init; }
    /// <summary>医生签字.</summary>
    public string? Doctor { get; init; }
}

/// <summary>社会功能情况 (附件2): five items.</summary>
public sealed record SocialFunction
{
    /// <summary>个人生活料理.</summary>
    public GoodFairPoor? PersonalCare { get; init; }
    /// <summary>家务劳动.</summary>
    public GoodFairPoor? Housework { get; init; }
    /// <summary>生产劳动及工作 (9 此项不适用).</summary>
    public WorkFunction? Work { get; init; }
    /// <summary>学习能力.</summary>
    public GoodFairPoor? Learning { get; init; }
    /// <summary>社会人际交往.</summary>
    public GoodFairPoor? SocialInteraction { get; init; }

    /// <summary>At least one item 较差 (004 二(三)2 "社会功能状况…较差").</summary>
    public bool AnyPoor =>
        PersonalCare == GoodFairPoor.Poor || Housework == GoodFairPoor.Poor || Work == WorkFunction.Poor
        || Learning == GoodFairPoor.Poor || SocialInteraction == GoodFairPoor.Poor;
}

/// <summary>用药情况 (附件2): 药物, 用法 每日(月) __ 次, 每次剂量 __ mg; up to three lines.</summary>
public sealed record PsychiatricMedication(string Name, DosePeriod? Per, int? Times, decimal? MgPerDose);

/// <summary>
/// What the doctor judges at the visit for the classification rules of 004 二(三), where the paper form has no box. A
/// null answer is read as the calm one (no marked symptoms, a mild reaction, no physical illness), except that ticked
/// symptoms without a judgement count as present (<see cref="MentalHealthRules.Facts"/>); the validator asks for the
/// judgement whenever a symptom or a reaction is ticked.
/// </summary>
public sealed record ClinicalAssessment
{
    public SymptomSeverity? Symptoms { get; init; }
    /// <summary>Only with 药物不良反应 2 有.</summary>
    public AdverseReactionSeverity? AdverseReaction { get; init; }
    public PhysicalIllness? PhysicalIllness { get; init; }
    /// <summary>"无其他异常" of 004 二(三)3 is false: something else is wrong.</summary>
    public bool OtherAbnormality { get; init; }
    public string? OtherAbnormalityDetail { get; init; }
    /// <summary>
    /// At the visit that ends a 基本稳定 patient's 2 weeks' observation: 情况趋于稳定 (true) or 初步处理无效 (false or
    /// unanswered) (004 二(三)2).
    /// </summary>
    public bool? SettledAfterObservation { get; init; }
}

/// <summary>报告当地公安部门 (004 二(三)1): when and to whom, and what was agreed. Sensitive.</summary>
public sealed record PoliceContact(DateOnly? On, string? Station, string? Note);

/// <summary>
/// 重性精神疾病（严重精神障碍）患者随访服务记录表 (004 重性精神疾病患者管理服务规范 附件2), one visit: every field, and
/// beside them the doctor's judgements the rules of 二(三) need (<see cref="Assessment"/>), the police and guardian
/// contacts of 二(三)1, and the override reason.
/// </summary>
public sealed record MentalIllnessFollowUp
{
    /// <summary>随访日期.</summary>
    public DateOnly VisitDate { get; init; }
    /// <summary>危险性 0–5 级.</summary>
    public RiskLevel? RiskLevel { get; init; }
    /// <summary>目前症状: since the last follow-up (填表说明 1).</summary>
    public IReadOnlyList<MentalSymptom> Symptoms { get; init; } = [];
    public string? SymptomOther { get; init; }
    /// <summary>自知力.</summary>
    public Insight? Insight { get; init; }
    /// <summary>睡眠情况.</summary>
    public GoodFairPoor? Sleep { get; init; }
    /// <summary>饮食情况.</summary>
    public GoodFairPoor? Diet { get; init; }
    /// <summary>社会功能情况.</summary>
    public SocialFunction SocialFunction { get; init; } = new();
    /// <summary>患病对家庭社会的影响 since the last follow-up (填表说明 3; sensitive).</summary>
    public SocialImpactCounts SocialImpact { get; init; } = SocialImpactCounts.Blank;
    /// <summary>关锁情况.</summary>
    public Confinement? Confinement { get; init; }
    /// <summary>住院情况.</summary>
    public Hospitalisation? Hospitalisation { get; init; }
    /// <summary>末次出院时间.</summary>
    public DateOnly? LastDischargeDate { get; init; }
    /// <summary>实验室检查 1 无 2 有: results since the last follow-up, other hospitals' included (填表说明 4).</summary>
    public NoYes? LabTests { get; init; }
    public string? LabTestDetail { get; init; }
    /// <summary>服药依从性 (填表说明 5).</summary>
    public MedicationAdherence? Adherence { get; init; }
    /// <summary>药物不良反应 1 无 2 有: which drug, which reaction (填表说明 6).</summary>
    public NoYes? AdverseReaction { get; init; }
    public string? AdverseReactionDetail { get; init; }
    /// <summary>治疗效果.</summary>
    public TreatmentEffect? Effect { get; init; }
    /// <summary>是否转诊 1 否 2 是.</summary>
    public ReferralChoice? Referral { get; init; }
    /// <summary>转诊原因.</summary>
    public string? ReferralReason { get; init; }
    /// <summary>转诊至机构及科室 (填表说明 8: the hospital's name).</summary>
    public string? ReferralTo { get; init; }
    /// <summary>用药情况: the antipsychotics to take from now (填表说明 9), up to three.</summary>
    public IReadOnlyList<PsychiatricMedication> Medications { get; init; } = [];
    /// <summary>康复措施 (several, 填表说明 10).</summary>
    public IReadOnlyList<RehabilitationMeasure> Rehabilitation { get; init; } = [];
    public string? RehabilitationOther { get; init; }
    /// <summary>本次随访分类 as the doctor decided it (the host stores the system's suggestion beside it).</summary>
    public Condition? Condition { get; init; }
    /// <summary>下次随访日期.</summary>
    public DateOnly? NextVisitDate { get; init; }
    /// <summary>随访医生签名.</summary>
    public string? Doctor { get; init; }

    /// <summary>The doctor's judgements the rules of 004 二(三) read.</summary>
    public ClinicalAssessment Assessment { get; init; } = new();
    /// <summary>报告当地公安部门 (sensitive).</summary>
    public PoliceContact? PoliceContact { get; init; }
    /// <summary>The guardian was contacted about this visit's findings.</summary>
    public bool GuardianContacted { get; init; }
    /// <summary>Why the class, the next date or the referral departs from the system's suggestion.</summary>
    public string? OverrideReason { get; init; }

    /// <summary>The patient was reached (本次随访分类 is not 0 未访到).</summary>
    public bool Reached => Condition != MentalHealth.Condition.NotVisited;
}
