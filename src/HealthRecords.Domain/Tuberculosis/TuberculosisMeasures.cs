using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.Tuberculosis;

/// <summary>The 工作指标 of 肺结核患者健康管理服务规范 (国家基本公共卫生服务规范（第三版）; third-edition.md §3).</summary>
public static class TuberculosisMeasures
{
    /// <summary>肺结核患者管理率.</summary>
    public static readonly MeasureDefinition ManagementRate = new(
        "tuberculosis-management-rate", "肺结核患者管理率", TuberculosisSchedule.Service,
        "已管理的肺结核患者人数（期内收到通知的患者中，已做第一次入户随访者）",
        "辖区同期内经上级定点医疗机构确诊并通知基层医疗卫生机构管理的肺结核患者人数（期内收到管理通知）",
        "第三版 肺结核患者健康管理服务规范 工作指标；third-edition.md §3");

    /// <summary>肺结核患者规则服药率.</summary>
    public static readonly MeasureDefinition RegularMedicationRate = new(
        "tuberculosis-regular-medication-rate", "肺结核患者规则服药率", TuberculosisSchedule.Service,
        "按照要求规则服药的肺结核患者人数（实际服药次数占应服药次数≥90%）",
        "同期辖区内已完成治疗的肺结核患者人数（期内停止治疗，原因为“1 完成疗程”）",
        "第三版 肺结核患者健康管理服务规范 工作指标；third-edition.md §3");

    public static readonly IReadOnlyList<MeasureDefinition> All = [ManagementRate, RegularMedicationRate];

    /// <summary>管理率's denominator: the notification reached the institution in the period.</summary>
    public static bool IsNotified(DateOnly notifiedOn, DateOnly from, DateOnly to) => notifiedOn >= from && notifiedOn <= to;

    /// <summary>
    /// 管理率's numerator: notified in the period and 已管理 — the first home visit of 二(二) is recorded (the 3rd edition
    /// does not define 已管理 further; the first visit is where management begins).
    /// </summary>
    public static bool IsManaged(DateOnly notifiedOn, DateOnly? firstVisitOn, DateOnly from, DateOnly to) =>
        IsNotified(notifiedOn, from, to) && firstVisitOn is not null;

    /// <summary>规则服药率's denominator: 已完成治疗 in the period — treatment stopped in it with 1 完成疗程.</summary>
    public static bool CompletedTreatment(StopReason? reason, DateOnly? stoppedOn, DateOnly from, DateOnly to) =>
        reason == StopReason.Completed && stoppedOn >= from && stoppedOn <= to;

    /// <summary>规则服药率's numerator: completed, and at least 90 % of the doses due taken (<see cref="TuberculosisRules.IsRegular"/>).</summary>
    public static bool TookRegularly(StopReason? reason, DateOnly? stoppedOn, int dosesTaken, int dosesDue, DateOnly from, DateOnly to) =>
        CompletedTreatment(reason, stoppedOn, from, to) && TuberculosisRules.IsRegular(dosesTaken, dosesDue);
}
