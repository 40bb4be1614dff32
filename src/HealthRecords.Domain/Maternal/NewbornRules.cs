using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Maternal;

/// <summary>What the rules say after a newborn home visit: referral advice and why, reminders for the parents, and
/// whether the baby needs more visits than the usual one.</summary>
public sealed record NewbornAdvice(
    ReferralAdvice Referral,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> DangerSigns,
    IReadOnlyList<string> Reminders,
    bool NeedsExtraVisits)
{
    public bool Urgent => Referral == ReferralAdvice.Urgent;
}

/// <summary>The decision rules of the newborn home visit (004 0~6岁儿童健康管理服务规范 二(一)(二)(五), 附件1).</summary>
public static class NewbornRules
{
    /// <summary>Low birth weight: below 2.5 kg.</summary>
    public const decimal LowBirthWeightBelowKg = 2.5m;
    /// <summary>Preterm: born before 37 weeks.</summary>
    public const int PretermBeforeWeeks = 37;

    /// <summary>WHO IMCI young-infant signs of very severe disease that the form measures: fever ≥ 37.5 ℃, low temperature
    /// &lt; 35.5 ℃, fast breathing ≥ 60 a minute; yellow palms and soles are severe jaundice.</summary>
    public const decimal FeverFrom = 37.5m;
    public const decimal LowTemperatureBelow = 35.5m;
    public const int FastBreathingFrom = 60;

    /// <summary>Loss of more than this share of the birth weight is beyond the physiological fall of the first week.</summary>
    public const decimal PhysiologicalWeightLoss = 0.10m;

    /// <summary>The newborn visit is due within this many days of the baby coming home (0~6岁 二(一): 出院后1周内).</summary>
    public const int VisitByDay = 7;

    /// <summary>满月: the visit from the 28th to the 30th day after birth (0~6岁 二(二): 新生儿满28天后).</summary>
    public const int MonthVisitFromDay = 28;
    public const int MonthVisitByDay = 30;

    /// <summary>The neonatal period: a visit counts as a newborn visit up to this many days after birth (新生儿期, 28 days).</summary>
    public const int NeonatalDays = 28;

    /// <summary>姓名 when the baby has no name yet: the mother's name + 之男 / 之女 (附件1 填表说明 1); null when the sex is
    /// neither male nor female (the name must then be written).</summary>
    public static string? DefaultName(string? motherName, Sex? sex) =>
        string.IsNullOrWhiteSpace(motherName) ? null
        : sex == Sex.Male ? $"{motherName.Trim()}之男"
        : sex == Sex.Female ? $"{motherName.Trim()}之女"
        : null;

    /// <summary>The items marked * (吃奶量, 吃奶次数, 呕吐, 大便, 大便次数) are asked of this baby: low birth weight, twin or
    /// preterm (附件1 填表说明 9).</summary>
    public static bool AsksStarItems(decimal? birthWeightKg, int? gestationWeeks, IReadOnlyList<BirthCircumstance> circumstances) =>
        birthWeightKg < LowBirthWeightBelowKg || gestationWeeks < PretermBeforeWeeks || circumstances.Contains(BirthCircumstance.Multiple);

    /// <summary>More visits than the one, as the baby needs: low birth weight, preterm, twins or multiples, birth defects.</summary>
    // 0~6岁 二(一): 对于低出生体重、早产、双多胎或有出生缺陷的新生儿根据实际情况增加访视次数
    public static bool NeedsExtraVisits(NewbornVisit v) =>
        AsksStarItems(v.BirthWeightKg, v.GestationWeeks, v.BirthCircumstances) || v.Malformation.Code == NoYes.Yes;

    /// <summary>Signs of very severe illness found at the visit, in Chinese: an immediate referral.</summary>
    // 0~6岁 二(五) asks for referral of health problems but lists no danger signs; these are WHO IMCI's young-infant signs
    // the form measures (体温, 呼吸频率, 黄疸部位 手足)
    public static IReadOnlyList<string> DangerSigns(NewbornVisit v)
    {
        var signs = new List<string>();
        if (v.TemperatureC >= FeverFrom)
        {
            signs.Add(Invariant($"发热（体温{v.TemperatureC}℃，≥{FeverFrom}）"));
        }
        if (v.TemperatureC < LowTemperatureBelow)
        {
            signs.Add(Invariant($"体温过低（{v.TemperatureC}℃，<{LowTemperatureBelow}）"));
        }
        if (v.Respiration >= FastBreathingFrom)
        {
            signs.Add(Invariant($"呼吸增快（{v.Respiration}次/分钟，≥{FastBreathingFrom}）"));
        }
        if (v.Jaundice.Contains(JaundiceSite.HandsAndFeet))
        {
            signs.Add("黄疸延及手足心（重度黄疸）");
        }
        return signs;
    }

    /// <summary>Findings that need a referral, in Chinese (not the danger signs, which are listed apart).</summary>
    // 0~6岁 二(五): 口腔发育异常（唇腭裂、高腭弓、诞生牙）、听力异常儿童应及时转诊; the form's abnormal findings (附件1 填表说明 10)
    public static IReadOnlyList<string> ReferralReasons(NewbornVisit v)
    {
        var r = new List<string>();
        foreach (var (_, name, finding) in v.Exam.CheckItems().Where(i => i.Finding.Code == CheckResult.Abnormal))
        {
            r.Add(Described($"{name}异常", finding.Detail));
        }
        if (v.Exam.NeckMass.Code == NoYes.Yes)
        {
            r.Add(Described("颈部包块", v.Exam.NeckMass.Detail));
        }
        if (v.Malformation.Code == NoYes.Yes)
        {
            r.Add(Described("畸形", v.Malformation.Detail));
        }
        if (v.HearingScreening == HearingScreening.NotPassed)
        {
            r.Add("新生儿听力筛查未通过");
        }
        if (v.Fontanelle.Code is Fontanelle.Bulging or Fontanelle.Sunken)
        {
            r.Add($"前囟{v.Fontanelle.Code.Value.Label()}");
        }
        // jaundice reaching the limbs (short of the palms and soles, a danger sign) needs a bilirubin measurement
        if (v.Jaundice.Contains(JaundiceSite.Limbs) && !v.Jaundice.Contains(JaundiceSite.HandsAndFeet))
        {
            r.Add("黄疸延及四肢");
        }
        if (WeightLossShare(v.BirthWeightKg, v.WeightKg) > PhysiologicalWeightLoss)
        {
            r.Add(Invariant($"体重较出生时下降超过10%（出生{v.BirthWeightKg}kg，目前{v.WeightKg}kg）"));
        }
        return r;
    }

    /// <summary>What to remind the parents of, in Chinese: missing vaccines and screening. Whether BCG and the first
    /// hepatitis B dose were given comes from the vaccination record (or the parents), not from this form.</summary>
    // 0~6岁 二(一): 未接种卡介苗和第1剂乙肝疫苗，提醒家长尽快补种；未接受新生儿疾病筛查，告知家长到具备筛查条件的医疗保健机构补筛
    public static IReadOnlyList<string> Reminders(NewbornVisit v, bool? bcgGiven, bool? hepatitisB1Given)
    {
        var r = new List<string>();
        if (bcgGiven == false)
        {
            r.Add("未接种卡介苗，提醒家长尽快补种");
        }
        if (hepatitisB1Given == false)
        {
            r.Add("未接种第1剂乙肝疫苗，提醒家长尽快补种");
        }
        if (v.MetabolicScreening.Count == 0)
        {
            r.Add("未做新生儿疾病筛查，告知家长到具备筛查条件的医疗保健机构补筛");
        }
        if (v.HearingScreening == HearingScreening.NotScreened)
        {
            r.Add("未做新生儿听力筛查，告知家长到具备筛查条件的医疗保健机构补筛");
        }
        return r;
    }

    /// <summary>The whole suggestion for a newborn visit.</summary>
    public static NewbornAdvice Advise(NewbornVisit v, bool? bcgGiven = null, bool? hepatitisB1Given = null)
    {
        var danger = DangerSigns(v);
        var reasons = ReferralReasons(v);
        return new(VisitAdvice<CheckResult>.AdviceFor(danger, reasons), reasons, danger, Reminders(v, bcgGiven, hepatitisB1Given), NeedsExtraVisits(v));
    }

    /// <summary>下次随访日期 and 地点 to suggest: the 满月 visit at the township hospital or community centre.</summary>
    // 0~6岁 二(二): 新生儿满28天后 … 在乡镇卫生院、社区卫生服务中心进行随访
    public static (DateOnly Date, string Place) SuggestNextVisit(DateOnly birthDate) =>
        (birthDate.AddDays(MonthVisitFromDay), "乡镇卫生院/社区卫生服务中心");

    /// <summary>The share of the birth weight lost by now (0.08 = 8 %), or null without both weights.</summary>
    public static decimal? WeightLossShare(decimal? birthWeightKg, decimal? weightKg) =>
        birthWeightKg is decimal b && weightKg is decimal w && b > 0 ? (b - w) / b : null;

    /// <summary>
    /// The newborn form filled from what is already known: the baby's facts from the delivery information, the mother's
    /// from her record, the father's from the first prenatal visit (丈夫姓名, 电话). The doctor completes the rest.
    /// </summary>
    // issue #17: the joint visit types shared facts once; 附件1 填表说明 1 (姓名), 4 (父母), 5 (出生孕周)
    public static NewbornVisit Prefill(DeliveryInfo delivery, Baby baby, PersonalInfo mother, string? address, FirstPrenatalVisit? firstVisit) => new()
    {
        Name = string.IsNullOrWhiteSpace(baby.Name) ? DefaultName(mother.Name, baby.Sex) : baby.Name.Trim(),
        Sex = baby.Sex,
        BirthDate = delivery.DeliveredOn,
        Address = address,
        Mother = new Parent
        {
            Name = mother.Name,
            Occupation = mother.Occupation?.Label(),
            Phone = mother.Phone,
            BirthDate = mother.BirthDate == default ? null : mother.BirthDate,
        },
        Father = new Parent { Name = firstVisit?.HusbandName, Phone = firstVisit?.HusbandPhone },
        GestationWeeks = delivery.GestationWeeks,
        BirthInstitution = delivery.Institution,
        BirthCircumstances = Births.Circumstances(delivery),
        BirthCircumstanceOther = delivery.Mode == BirthCircumstance.Other ? delivery.ModeOther : null,
        BirthWeightKg = baby.BirthWeightKg,
        BirthLengthCm = baby.BirthLengthCm,
    };

    /// <summary>
    /// The baby's 个人基本信息表 as far as it is known at birth: name (as on the visit form), sex, birth date, no document yet,
    /// the mother's residence type, and the mother as contact (guardian). The host adds it to the mother's household.
    /// </summary>
    // issue #17: a live birth creates the baby's health record in the mother's household with the mother as guardian
    public static PersonalInfo RecordDraft(DeliveryInfo delivery, Baby baby, PersonalInfo mother) => new()
    {
        Name = (string.IsNullOrWhiteSpace(baby.Name) ? DefaultName(mother.Name, baby.Sex) : baby.Name.Trim()) ?? "",
        Sex = baby.Sex ?? Sex.Unknown,
        BirthDate = delivery.DeliveredOn,
        IdDocumentType = IdDocumentType.None,
        ResidenceType = mother.ResidenceType,
        ContactName = mother.Name,
        ContactPhone = mother.Phone ?? mother.ContactPhone,
    };

    /// <summary>
    /// The baby's 与户主关系 from the mother's (GB/T 4761 groups): the head's or spouse's baby is 子 or 女; a baby of the
    /// group 女 (daughter or daughter-in-law) or 孙子女 (which holds great-grandchildren) is 孙子女; the head's mother's baby
    /// is a 兄弟姐妹; anyone else's is 其他. Null when the head's child's sex is not known (子 or 女 must be chosen).
    /// </summary>
    public static HouseholdRelation? RelationToHead(HouseholdRelation motherRelation, Sex? babySex) => motherRelation switch
    {
        HouseholdRelation.Head or HouseholdRelation.Spouse => babySex switch
        {
            Sex.Male => HouseholdRelation.Son,
            Sex.Female => HouseholdRelation.Daughter,
            _ => null,
        },
        HouseholdRelation.Daughter or HouseholdRelation.Grandchild => HouseholdRelation.Grandchild,
        HouseholdRelation.Parent => HouseholdRelation.Sibling,
        _ => HouseholdRelation.Other,
    };

    private static string Described(string name, string? detail) =>
        string.IsNullOrWhiteSpace(detail) ? name : $"{name}：{detail.Trim()}";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
