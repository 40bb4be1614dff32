using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.MentalHealth;

/// <summary>
/// The 考核指标 of 004 重性精神疾病患者管理服务规范 五, under the 3rd edition's name 严重精神障碍. All three count over 所有登记在册的
/// 确诊患者: a patient who did not consent is in every denominator and in the numerator of 管理率 (registered), never in
/// those of 规范管理率 or 稳定率 (not managed, no follow-ups).
/// </summary>
public static class MentalHealthMeasures
{
    /// <summary>The configuration key of the prevalence (<c>Measures:Prevalence:severe-mental-disorder</c>).</summary>
    public const string PrevalenceKey = "severe-mental-disorder";

    /// <summary>004 五(一): the denominator counts the population 15 years and older.</summary>
    public const int PopulationMinimumAge = 15;

    /// <summary>004 五(一) 重性精神疾病患者管理率.</summary>
    public static readonly MeasureDefinition ManagementRate = new(
        "mental-health-management-rate", "严重精神障碍患者管理率", MentalHealthSchedule.Service,
        "所有登记在册的确诊严重精神障碍患者数（含知情同意“不同意参加管理”者）",
        "辖区内15岁及以上人口总数×患病率",
        "004 重性精神疾病患者管理服务规范 五(一)", DenominatorKind.EstimatedFromPopulation, PrevalenceKey);

    /// <summary>004 五(二) 重性精神疾病患者规范管理率.</summary>
    public static readonly MeasureDefinition StandardManagementRate = new(
        "mental-health-standard-management-rate", "严重精神障碍患者规范管理率", MentalHealthSchedule.Service,
        "每年按照规范要求进行管理的确诊患者数（同意参加管理，年内访到患者的随访至少4次，二(二)）",
        "所有登记在册的确诊严重精神障碍患者数",
        "004 重性精神疾病患者管理服务规范 五(二)");

    /// <summary>004 五(三) 重性精神疾病患者稳定率.</summary>
    public static readonly MeasureDefinition StableRate = new(
        "mental-health-stable-rate", "严重精神障碍患者稳定率", MentalHealthSchedule.Service,
        "最近一次随访时分类为病情稳定的患者数（期内最近一次随访的分类为“3 稳定”）",
        "所有登记在册的确诊严重精神障碍患者数",
        "004 重性精神疾病患者管理服务规范 五(三)");

    public static readonly IReadOnlyList<MeasureDefinition> All = [ManagementRate, StandardManagementRate, StableRate];

    // 004 五(一): 辖区内15岁及以上人口总数 × 患病率.
    public static decimal EstimatedPatients(long populationAged15Plus, decimal prevalence) => populationAged15Plus * prevalence;

    /// <summary>
    /// 004 五: 登记在册 in a period: registered on or before its last day and not removed (death, moving out …) before
    /// its first day, consenting or not.
    /// </summary>
    public static bool IsRegistered(DateOnly enrolledOn, DateOnly? removedOn, DateOnly from, DateOnly to) =>
        enrolledOn <= to && (removedOn is null || removedOn >= from);

    /// <summary>
    /// 004 五(二), 二(二): managed 按照规范要求 in the period: consented, and at least 4 follow-ups in it that reached the
    /// patient (每年至少随访4次，每次随访应对患者进行危险性评估; 0 未访到 is not a visit).
    /// </summary>
    public static bool IsStandardlyManaged(InformedConsent? consent, IEnumerable<MentalFollowUpEntry> followUps, DateOnly from, DateOnly to) =>
        MentalHealthRules.IsManaged(consent)
        && followUps.Count(f => f.VisitDate >= from && f.VisitDate <= to && f.Condition != Condition.NotVisited) >= MentalHealthRules.FollowUpsPerYear;

    /// <summary>
    /// 004 五(三): 最近一次随访时分类为病情稳定 — the latest follow-up in the period (by date, then by id) is 3 稳定; a latest
    /// one of 0 未访到 is not.
    /// </summary>
    public static bool IsStableAtLatest(IEnumerable<MentalFollowUpEntry> followUps, DateOnly from, DateOnly to) =>
        followUps.Where(f => f.VisitDate >= from && f.VisitDate <= to)
            .OrderByDescending(f => f.VisitDate).ThenByDescending(f => f.Id)
            .FirstOrDefault() is { Condition: Condition.Stable };
}
