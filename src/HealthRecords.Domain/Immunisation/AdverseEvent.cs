using HealthRecords.Domain.Children;

namespace HealthRecords.Domain.Immunisation;

// 疑似预防接种异常反应 (AEFI): 004 预防接种服务规范 二(三) asks that it be handled and reported according to
// 《全国疑似预防接种异常反应监测方案》; the fields below are those of that scheme's AEFI个案报告卡. The numbers of the
// code tables are ours (the card's own numbering is not in the seed texts).

/// <summary>Main signs and symptoms reported (the scheme's reporting scope). Numbers ours.</summary>
public enum AefiSymptom
{
    [Label("发热（腋温≥38.6℃）")] Fever = 1,
    [Label("局部红肿（直径>2.5cm）")] LocalSwelling = 2,
    [Label("硬结（直径>2.5cm）")] Induration = 3,
    [Label("过敏性皮疹")] AllergicRash = 4,
    [Label("过敏性休克")] AnaphylacticShock = 5,
    [Label("喉头水肿")] LaryngealOedema = 6,
    [Label("过敏性紫癜")] AllergicPurpura = 7,
    [Label("血小板减少性紫癜")] ThrombocytopenicPurpura = 8,
    [Label("热性惊厥")] FebrileSeizure = 9,
    [Label("脑病、脑炎和脑膜炎")] Encephalopathy = 10,
    [Label("格林巴利综合征")] GuillainBarre = 11,
    [Label("臂丛神经炎")] BrachialNeuritis = 12,
    [Label("晕厥")] Syncope = 13,
    [Label("卡介苗淋巴结炎或骨髓炎")] BcgLymphadenitis = 14,
    [Label("无菌性脓肿")] SterileAbscess = 15,
    [Label("其他"), Examinations.Blank] Other = 99,
}

/// <summary>Classification of the event (初步分类 at report, 调查诊断 after investigation). Numbers ours.</summary>
public enum AefiClassification
{
    [Label("一般反应")] CommonReaction = 1,
    [Label("异常反应")] RareReaction = 2,
    [Label("疫苗质量事故")] VaccineQuality = 3,
    [Label("接种事故")] ProgrammeError = 4,
    [Label("偶合症")] Coincidental = 5,
    [Label("心因性反应")] Psychogenic = 6,
    [Label("待定")] Undetermined = 9,
}

/// <summary>病例转归. Numbers ours.</summary>
public enum AefiOutcome
{
    [Label("痊愈")] Recovered = 1,
    [Label("好转")] Improved = 2,
    [Label("未愈")] NotRecovered = 3,
    [Label("后遗症")] Sequelae = 4,
    [Label("死亡")] Died = 5,
    [Label("不详")] Unknown = 9,
}

/// <summary>The dose a report is about: the card's row, as stored by the host (its id) and as printed.</summary>
public sealed record AefiDose(long? DoseId, string VaccineCode, int DoseNumber, DateOnly Date, string? BatchNumber, string? Manufacturer);

/// <summary>
/// A suspected adverse event following immunisation, linked to the dose (issue #18: onset, symptoms, classification,
/// outcome; listed for the county).
/// </summary>
public sealed record AdverseEventFollowingImmunization
{
    public required AefiDose Dose { get; init; }
    /// <summary>反应发生日期 and, when known, the time.</summary>
    public DateOnly OnsetDate { get; init; }
    public TimeOnly? OnsetTime { get; init; }
    /// <summary>发现/就诊日期: the day the reporter learnt of it (the reporting clock starts here).</summary>
    public DateOnly DiscoveredOn { get; init; }
    public IReadOnlyList<AefiSymptom> Symptoms { get; init; } = [];
    public string? SymptomOther { get; init; }
    /// <summary>主要临床经过 / 临床诊断.</summary>
    public string? ClinicalDescription { get; init; }
    public bool Hospitalised { get; init; }
    /// <summary>严重AEFI (death, life-threatening, permanent disability, hospitalisation …).</summary>
    public bool Serious { get; init; }
    /// <summary>群体性AEFI (two or more similar events after the same vaccine or batch in the same place and time).</summary>
    public bool Cluster { get; init; }
    public AefiClassification? Classification { get; init; }
    public AefiOutcome? Outcome { get; init; }
    public DateOnly? OutcomeDate { get; init; }
    public DateOnly ReportedOn { get; init; }
    public string? Reporter { get; init; }
    public string? ReportingUnit { get; init; }
}

/// <summary>Rules for AEFI reports.</summary>
public static class AefiRules
{
    /// <summary>
    /// The last day the report is on time: within 48 hours of discovery, i.e. the day after; a death, a serious or a
    /// cluster event is reported by telephone within 2 hours, i.e. the same day.
    /// </summary>
    // 《全国疑似预防接种异常反应监测方案》报告时限 (004 预防接种服务规范 二(三))
    public static DateOnly ReportDue(AdverseEventFollowingImmunization e) =>
        e.Serious || e.Cluster || e.Outcome == AefiOutcome.Died ? e.DiscoveredOn : e.DiscoveredOn.AddDays(2);

    /// <summary>A report not yet made is due on the work list, urgent.</summary>
    public static Schedules.ScheduleItem ReportItem(AdverseEventFollowingImmunization e, long? sourceId = null) =>
        Schedules.ScheduleItem.On("aefi-report", "疑似预防接种异常反应报告", ReportDue(e), urgent: true, sourceId: sourceId);

    /// <summary>Checks a report; errors keyed by JSON path with Chinese messages.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(AdverseEventFollowingImmunization e, ImmunizationSchedule schedule, DateOnly today)
    {
        var x = new FieldErrors();
        if (schedule.Vaccine(e.Dose.VaccineCode) is null)
        {
            x.Add("dose.vaccineCode", $"未知疫苗“{e.Dose.VaccineCode}”");
        }
        if (e.OnsetDate == default)
        {
            x.Add("onsetDate", "请填写反应发生日期");
        }
        else
        {
            if (e.OnsetDate < e.Dose.Date)
            {
                x.Add("onsetDate", $"反应发生日期不能早于接种日期（{e.Dose.Date:yyyy-MM-dd}）");
            }
            if (e.OnsetDate > today)
            {
                x.Add("onsetDate", "反应发生日期不能晚于今天");
            }
        }
        if (e.DiscoveredOn == default)
        {
            x.Add("discoveredOn", "请填写发现/就诊日期");
        }
        else if (e.OnsetDate != default && e.DiscoveredOn < e.OnsetDate)
        {
            x.Add("discoveredOn", "发现/就诊日期不能早于反应发生日期");
        }
        if (e.ReportedOn == default)
        {
            x.Add("reportedOn", "请填写报告日期");
        }
        else if (e.ReportedOn > today)
        {
            x.Add("reportedOn", "报告日期不能晚于今天");
        }
        else if (e.DiscoveredOn != default && e.ReportedOn < e.DiscoveredOn)
        {
            x.Add("reportedOn", "报告日期不能早于发现日期");
        }
        if (e.Symptoms.Count == 0 && string.IsNullOrWhiteSpace(e.ClinicalDescription))
        {
            x.Add("symptoms", "请选择主要症状或填写临床经过");
        }
        x.Multi("symptoms", e.Symptoms, "主要症状");
        if (e.Symptoms.Contains(AefiSymptom.Other) && string.IsNullOrWhiteSpace(e.SymptomOther))
        {
            x.Add("symptomOther", "选择“其他”，请写明症状");
        }
        x.Coded("classification", e.Classification, "反应分类");
        x.Coded("outcome", e.Outcome, "病例转归");
        if (e.OutcomeDate is DateOnly od && (od > today || (e.OnsetDate != default && od < e.OnsetDate)))
        {
            x.Add("outcomeDate", "转归日期应在反应发生日期与今天之间");
        }
        if (e.Outcome == AefiOutcome.Died && !e.Serious)
        {
            x.Add("serious", "死亡病例属于严重疑似预防接种异常反应");
        }
        if (string.IsNullOrWhiteSpace(e.Reporter))
        {
            x.Add("reporter", "请填写报告人");
        }
        return x;
    }
}
