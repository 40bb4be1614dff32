namespace HealthRecords.Domain.Maternal;

/// <summary>What a newborn visit is checked against besides itself.</summary>
/// <param name="Today">Today in China.</param>
/// <param name="BornOn">The birth date from the delivery information (or the baby's record).</param>
/// <param name="SameDayExists">Another newborn visit of this baby is already recorded on this date.</param>
/// <param name="OverrideReason">The doctor's reason for not referring where the rules advise it.</param>
public sealed record NewbornContext(DateOnly Today, DateOnly BornOn, bool SameDayExists = false, string? OverrideReason = null);

/// <summary>
/// Checks a 新生儿家庭访视记录表 (004 0~6岁 附件1) and the joint home visit. Errors are keyed by camelCase JSON path with
/// Chinese messages; an empty result means valid.
/// </summary>
public static class NewbornVisitValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(NewbornVisit v, NewbornContext c) => Check(new FormErrors(), v, c).Result;

    /// <summary>The joint visit: its shared date and doctor, the mother's form under "mother." and each baby's under
    /// "babies[i]." (each baby with its own context, in the same order).</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(JointHomeVisit visit, PostpartumContext? mother, IReadOnlyList<NewbornContext> babies)
    {
        var e = new FormErrors();
        var (motherForm, babyForms) = visit.Forms();
        if (motherForm is null && babyForms.Count == 0)
        {
            e.Add("babies", "请至少填写产后访视记录表或一份新生儿家庭访视记录表");
        }
        if (motherForm is not null && mother is not null)
        {
            foreach (var (key, messages) in PostpartumValidator.Validate(motherForm, mother))
            {
                foreach (var m in messages)
                {
                    e.Add(key is "visitDate" or "doctor" ? key : $"mother.{key}", m);
                }
            }
        }
        if (babies.Count != babyForms.Count)
        {
            throw new ArgumentException("One context per baby's form.", nameof(babies));
        }
        for (var i = 0; i < babyForms.Count; i++)
        {
            var shared = new FormErrors();
            Check(shared, babyForms[i], babies[i]);
            foreach (var (key, messages) in shared.Result)
            {
                foreach (var m in messages)
                {
                    e.Add(key is "visitDate" or "doctor" or "address" ? key : $"babies[{i}].{key}", m);
                }
            }
        }
        return e.Result;
    }

    private static FormErrors Check(FormErrors e, NewbornVisit v, NewbornContext c)
    {
        e.Date("visitDate", v.VisitDate, "访视日期", c.Today, c.BornOn, "出生日期");
        if (v.VisitDate != default && v.VisitDate.DayNumber - c.BornOn.DayNumber > NewbornRules.NeonatalDays)
        {
            e.Add("visitDate", $"新生儿家庭访视应在出生后{NewbornRules.NeonatalDays}天内（新生儿期）；满月后的随访请填写儿童健康检查记录表");
        }
        if (v.VisitDate != default && c.SameDayExists)
        {
            e.Add("visitDate", "该新生儿当天已有家庭访视记录");
        }
        e.Required("name", v.Name, "请填写姓名（未取名的填写母亲姓名+之男或之女）");
        e.Coded("sex", v.Sex, "性别");
        if (v.BirthDate is DateOnly born && born != c.BornOn)
        {
            e.Add("birthDate", $"出生日期与分娩信息不一致（分娩日期{c.BornOn:yyyy-MM-dd}），请核对");
        }
        if (!string.IsNullOrWhiteSpace(v.IdNumber))
        {
            var id = IdCardNumber.Check(v.IdNumber, c.Today);
            if (!id.IsValid)
            {
                e.Add("idNumber", id.Error!);
            }
            else if (id.BirthDate != c.BornOn)
            {
                e.Add("idNumber", $"身份证号的出生日期（{id.BirthDate:yyyy-MM-dd}）与新生儿出生日期不一致");
            }
        }
        Parent(e, "father", v.Father, "父亲", c.BornOn);
        Parent(e, "mother", v.Mother, "母亲", c.BornOn);
        e.Range("gestationWeeks", v.GestationWeeks, MaternalRanges.GestationWeeks);
        e.Multi("maternalIllnesses", v.MaternalIllnesses, "母亲妊娠期患病情况", other: MaternalIllness.Other, otherText: v.MaternalIllnessOther, otherKey: "maternalIllnessOther");
        e.Multi("birthCircumstances", v.BirthCircumstances, "出生情况", other: BirthCircumstance.Other, otherText: v.BirthCircumstanceOther, otherKey: "birthCircumstanceOther", max: 2);
        Asphyxia(e, v);
        e.Finding("malformation", v.Malformation, "畸形");
        e.Coded("hearingScreening", v.HearingScreening, "新生儿听力筛查");
        e.Multi("metabolicScreening", v.MetabolicScreening, "新生儿疾病筛查", other: MetabolicScreening.OtherMetabolic, otherText: v.MetabolicScreeningOther, otherKey: "metabolicScreeningOther");
        e.Range("birthWeightKg", v.BirthWeightKg, MaternalRanges.BirthWeight);
        e.Range("weightKg", v.WeightKg, MaternalRanges.NewbornWeight);
        e.Range("birthLengthCm", v.BirthLengthCm, MaternalRanges.BirthLength);
        e.Coded("feeding", v.Feeding, "喂养方式");
        e.Range("feedMl", v.FeedMl, MaternalRanges.FeedMl);
        e.Range("feedsPerDay", v.FeedsPerDay, MaternalRanges.FeedsPerDay);
        e.Coded("vomiting", v.Vomiting, "呕吐");
        e.Coded("stool", v.Stool, "大便");
        e.Range("stoolsPerDay", v.StoolsPerDay, MaternalRanges.StoolsPerDay);
        e.Range("temperatureC", v.TemperatureC, MaternalRanges.NewbornTemperature);
        e.Range("pulse", v.Pulse, MaternalRanges.NewbornPulse);
        e.Range("respiration", v.Respiration, MaternalRanges.NewbornRespiration);
        e.Finding("complexion", v.Complexion, "面色");
        e.Multi("jaundice", v.Jaundice, "黄疸部位");
        e.Range("fontanelleWidthCm", v.FontanelleWidthCm, MaternalRanges.FontanelleSize);
        e.Range("fontanelleLengthCm", v.FontanelleLengthCm, MaternalRanges.FontanelleSize);
        e.Finding("fontanelle", v.Fontanelle, "前囟");
        foreach (var (key, name, finding) in v.Exam.CheckItems())
        {
            e.Finding($"exam.{key}", finding, name);
        }
        e.Finding("exam.neckMass", v.Exam.NeckMass, "颈部包块");
        e.Finding("exam.skin", v.Exam.Skin, "皮肤");
        e.Finding("umbilicus", v.Umbilicus, "脐带");
        e.Multi("guidance", v.Guidance, "指导");
        var advice = NewbornRules.Advise(v);
        e.Referral("referral", v.Referral, advice.Referral, [.. advice.DangerSigns, .. advice.Reasons], c.OverrideReason);
        PrenatalVisitValidator.NextVisit(e, v.VisitDate, v.NextVisitDate);
        e.Required("doctor", v.Doctor, "请填写随访医生");
        return e;
    }

    private static void Parent(FormErrors e, string key, Parent p, string label, DateOnly bornOn)
    {
        e.Phone($"{key}.phone", p.Phone, $"{label}联系电话");
        if (p.BirthDate is DateOnly d && Age.AgeOn(d, bornOn) < PregnancyRules.MinimumAge)
        {
            e.Add($"{key}.birthDate", $"{label}出生日期不可能（新生儿出生时{label}不足{PregnancyRules.MinimumAge}岁），请核对");
        }
    }

    // 附件1: 新生儿窒息 1 无 2 有 (Apgar评分: 1分钟 5分钟 不详); 1-minute Apgar ≤ 7 is 窒息 (4–7 轻度, 0–3 重度)
    private static void Asphyxia(FormErrors e, NewbornVisit v)
    {
        e.Coded("asphyxia", v.Asphyxia, "新生儿窒息");
        e.Range("apgar1", v.Apgar1, MaternalRanges.Apgar);
        e.Range("apgar5", v.Apgar5, MaternalRanges.Apgar);
        if (v.ApgarUnknown && (v.Apgar1 is not null || v.Apgar5 is not null))
        {
            e.Add("apgar1", "Apgar评分选择了“不详”时不填写分数");
        }
        if (v.Asphyxia == Presence.Yes && v.Apgar1 is null && v.Apgar5 is null && !v.ApgarUnknown)
        {
            e.Add("apgar1", "有新生儿窒息，请填写Apgar评分（1分钟、5分钟）或选择“不详”");
        }
        if (v.Asphyxia == Presence.None && v.Apgar1 is int a1 && a1 <= 7)
        {
            e.Add("asphyxia", $"1分钟Apgar评分{a1}分（≤7分）为新生儿窒息，请核对");
        }
    }
}
