using HealthRecords.Domain.HealthEducation;

namespace HealthRecords.Domain.InfectiousDisease;

/// <summary>
/// Checks a 传染病报告卡 before it is reported: the card's required (*) fields, its codes, a disease of the card's
/// list version, dates in order and not after the report time the system will stamp, and the rules of an 订正.
/// Errors are keyed by the card's JSON path with Chinese messages; an empty result means valid.
/// </summary>
public static class CardValidator
{
    /// <summary>Plausible 实足年龄 by unit: a child under 1 month in days, under 1 year in months.</summary>
    private static readonly Dictionary<AgeUnit, (int Max, string Hint)> AgeRanges = new()
    {
        [AgeUnit.Years] = (150, "岁"),
        [AgeUnit.Months] = (11, "月（满1岁请按岁填写）"),
        [AgeUnit.Days] = (30, "天（满1个月请按月填写）"),
    };

    public static IReadOnlyDictionary<string, string[]> Validate(InfectiousDiseaseReport card, CardContext context)
    {
        var e = new FieldErrors();
        var list = DiseaseLists.Find(card.DiseaseListVersion);
        if (list is null)
        {
            e.Add("diseaseListVersion", string.IsNullOrWhiteSpace(card.DiseaseListVersion)
                ? "请选择传染病病种目录版本"
                : $"传染病病种目录版本“{card.DiseaseListVersion}”不存在");
        }
        Kind(e, card, context);
        Patient(e, card, context.Today);
        Case(e, card, list, context);
        e.RequiredText("reportingUnit", card.ReportingUnit, "报告单位", 60);
        e.OptionalText("reportingUnitPhone", card.ReportingUnitPhone, "报告单位联系电话", 20);
        e.RequiredText("reportingDoctor", card.ReportingDoctor, "报告医生", 30);
        e.OptionalText("remarks", card.Remarks, "备注", 200);
        e.OptionalText("withdrawalReason", card.WithdrawalReason, "退卡原因", 100);
        if (card.FilledOn is null)
        {
            e.Add("filledOn", "请填写填卡日期");
        }
        e.NotFuture("filledOn", card.FilledOn, context.Today, "填卡日期");
        if (card.FilledOn is DateOnly filled && card.DiagnosedAt is DateTime diagnosed && filled < DateOnly.FromDateTime(diagnosed))
        {
            e.Add("filledOn", "填卡日期不能早于诊断日期");
        }
        return e;
    }

    private static void Kind(FieldErrors e, InfectiousDiseaseReport card, CardContext c)
    {
        e.Required("kind", card.Kind, "报卡类别");
        if (c.Original is null)
        {
            if (card.Kind == CardKind.Correction)
            {
                e.Add("kind", "订正报告须从要订正的原报告卡发起");
            }
            if (!string.IsNullOrWhiteSpace(card.CorrectedDiseaseName))
            {
                e.Add("correctedDiseaseName", "初次报告不填写订正病名");
            }
            return;
        }
        // 004 传染病 二(三)3: 订正 — the original stays; the correction says why
        if (card.Kind != CardKind.Correction)
        {
            e.Add("kind", "订正原报告卡时，报卡类别应为“2 订正报告”");
        }
        if (c.Original.Withdrawn)
        {
            e.Add("kind", "原报告卡已退卡，不能订正");
        }
        if (!c.OriginalIsLatest)
        {
            e.Add("kind", "原报告卡已被订正过，请订正最新的一张");
        }
        if (string.IsNullOrWhiteSpace(c.CorrectionReason))
        {
            e.Add("correctionReason", "请填写订正原因");
        }
        else if (c.CorrectionReason.Trim().Length > 200)
        {
            e.Add("correctionReason", "订正原因不能超过 200 个字");
        }
        if (DiseaseLists.Find(card.DiseaseListVersion) is { } list && CardRules.ChangedFields(c.Original.Card, card, list).Count == 0)
        {
            e.Add("correctionReason", "订正卡与原报告卡内容相同，无需订正");
        }
    }

    private static void Patient(FieldErrors e, InfectiousDiseaseReport card, DateOnly today)
    {
        e.RequiredText("patientName", card.PatientName, "患者姓名", 50);
        e.OptionalText("workplace", card.Workplace, "工作单位", 60);
        e.OptionalText("phone", card.Phone, "联系电话", 20);
        if (card.Sex is null)
        {
            e.Add("sex", "请选择性别：男 或 女");
        }
        else if (card.Sex is not (Sex.Male or Sex.Female))
        {
            e.Add("sex", "报告卡的性别只能填 男 或 女");
        }
        if (card.BirthDate is null && card.Age is null)
        {
            e.Add("birthDate", "请填写出生日期；出生日期不详时填写实足年龄");
        }
        e.NotFuture("birthDate", card.BirthDate, today, "出生日期");
        if (card.BirthDate is not null && card.Age is not null)
        {
            e.Add("age", "已填写出生日期，不再填写实足年龄");
        }
        if (card.Age is int age)
        {
            if (card.AgeUnit is null)
            {
                e.Add("ageUnit", "请选择年龄单位：岁、月或天");
            }
            e.Coded("ageUnit", card.AgeUnit, "年龄单位");
            if (card.AgeUnit is AgeUnit unit && AgeRanges.TryGetValue(unit, out var range) && (age < 0 || age > range.Max))
            {
                e.Add("age", $"实足年龄应在 0–{range.Max} {range.Hint}之间");
            }
        }
        IdNumber(e, card, today);
        if (IsChild(card) && string.IsNullOrWhiteSpace(card.ParentName))
        {
            e.Add("parentName", $"患者未满{CardRules.ParentNameBelowAge}岁，请填写患儿家长姓名");
        }
        e.OptionalText("parentName", card.ParentName, "患儿家长姓名", 50);
        e.Required("belongsTo", card.BelongsTo, "病人属于");
        Address(e, card.Address);
        e.Required("populationGroup", card.PopulationGroup, "人群分类");
        e.OtherText("populationGroupOther", card.PopulationGroup == PopulationGroup.Other, card.PopulationGroupOther, "人群分类");
    }

    private static void IdNumber(FieldErrors e, InfectiousDiseaseReport card, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(card.IdNumber))
        {
            return;
        }
        var check = IdCardNumber.Check(card.IdNumber, today);
        if (!check.IsValid)
        {
            e.Add("idNumber", check.Error!);
            return;
        }
        if (card.BirthDate is DateOnly birth && check.BirthDate != birth)
        {
            e.Add("birthDate", $"出生日期与身份证号不一致（身份证号为 {check.BirthDate:yyyy-MM-dd}）");
        }
        if (card.Sex is Sex.Male or Sex.Female && check.Sex != card.Sex)
        {
            e.Add("sex", "性别与身份证号不一致");
        }
    }

    /// <summary>Under 14 on the diagnosis day, by the birth date or the 实足年龄.</summary>
    private static bool IsChild(InfectiousDiseaseReport card)
    {
        var on = card.DiagnosedAt is DateTime d ? DateOnly.FromDateTime(d) : card.FilledOn;
        if (card.BirthDate is DateOnly birth && on is DateOnly day)
        {
            return Age.AgeOn(birth, day) < CardRules.ParentNameBelowAge;
        }
        return card.Age is int age && (card.AgeUnit != AgeUnit.Years || age < CardRules.ParentNameBelowAge);
    }

    // 传染病报告卡: 现住址（详填）* — to the village (or house number) so the case can be found
    private static void Address(FieldErrors e, CardAddress a)
    {
        e.RequiredText("address.county", a.County, "现住址的县（区）", 30);
        e.RequiredText("address.township", a.Township, "现住址的乡（镇、街道）", 30);
        if (string.IsNullOrWhiteSpace(a.Village) && string.IsNullOrWhiteSpace(a.HouseNumber))
        {
            e.Add("address.village", "现住址须详填：请填写村（居委会）或门牌号");
        }
        e.OptionalText("address.province", a.Province, "现住址的省", 30);
        e.OptionalText("address.city", a.City, "现住址的市", 30);
        e.OptionalText("address.village", a.Village, "现住址的村", 30);
        e.OptionalText("address.houseNumber", a.HouseNumber, "门牌号", 60);
    }

    private static void Case(FieldErrors e, InfectiousDiseaseReport card, DiseaseListVersion? list, CardContext c)
    {
        e.Required("caseClassification", card.CaseClassification, "病例分类");
        Disease(e, card, list);
        if (card.OnsetDate is null)
        {
            e.Add("onsetDate", card.CaseClassification == CaseClassification.Carrier ? "请填写发病日期（病原携带者填初检日期或就诊时间）" : "请填写发病日期");
        }
        e.NotFuture("onsetDate", card.OnsetDate, c.Today, "发病日期");
        if (card.DiagnosedAt is not DateTime diagnosed)
        {
            e.Add("diagnosedAt", "请填写诊断日期和时间（到小时）");
        }
        else
        {
            // issue #20, bad input: a report time before the diagnosis
            if (diagnosed > c.Now)
            {
                e.Add("diagnosedAt", $"诊断时间不能晚于报告时间（{c.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}）");
            }
            if (card.OnsetDate is DateOnly onset && onset > DateOnly.FromDateTime(diagnosed))
            {
                e.Add("onsetDate", "发病日期不能晚于诊断日期");
            }
        }
        if (card.BirthDate is DateOnly birth)
        {
            if (card.OnsetDate is DateOnly onset && onset < birth)
            {
                e.Add("onsetDate", "发病日期不能早于出生日期");
            }
            if (card.DeathDate is DateOnly died && died < birth)
            {
                e.Add("deathDate", "死亡日期不能早于出生日期");
            }
        }
        e.NotFuture("deathDate", card.DeathDate, c.Today, "死亡日期");
        if (card.DeathDate is DateOnly death && card.OnsetDate is DateOnly began && death < began)
        {
            e.Add("deathDate", "死亡日期不能早于发病日期");
        }
    }

    private static void Disease(FieldErrors e, InfectiousDiseaseReport card, DiseaseListVersion? list)
    {
        var hasCode = !string.IsNullOrWhiteSpace(card.DiseaseCode);
        var hasOther = !string.IsNullOrWhiteSpace(card.OtherDiseaseName);
        e.OptionalText("otherDiseaseName", card.OtherDiseaseName, "其他传染病名称", 50);
        if (!hasCode && !hasOther)
        {
            e.Add("diseaseCode", "请选择传染病病种，或在“其他法定管理以及重点监测传染病”中填写病名");
            return;
        }
        if (hasCode && hasOther)
        {
            e.Add("otherDiseaseName", "已选择目录中的病种，不再填写其他传染病名称");
        }
        if (!hasCode || list is null)
        {
            if (card.Acuity is not null)
            {
                e.Add("acuity", "该病种不填写急性/慢性");
            }
            return;
        }
        // issue #20, bad input: a disease not in the list version
        var disease = list.Find(card.DiseaseCode);
        if (disease is null)
        {
            e.Add("diseaseCode", $"“{card.DiseaseCode}”不在传染病病种目录（{list.Version}版）中，请从目录中选择，或在“其他法定管理以及重点监测传染病”中填写病名");
            return;
        }
        // 传染病报告卡 病例分类(2): 急性/慢性 for 乙型肝炎、血吸虫病 only
        if (disease.RequiresAcuity)
        {
            e.Required("acuity", card.Acuity, $"{disease.DisplayName}的病例分类（急性/慢性）");
        }
        else if (card.Acuity is not null)
        {
            e.Add("acuity", $"{disease.DisplayName}不填写急性/慢性");
        }
    }
}
