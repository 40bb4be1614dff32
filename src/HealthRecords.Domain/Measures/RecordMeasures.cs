namespace HealthRecords.Domain.Measures;

/// <summary>
/// The record-level 考核指标 of 004 居民健康档案管理服务规范 五. 健康档案合格率 (五(三)) is judged by an inspector
/// reading sampled records, not counted by the system, so it has no definition here.
/// </summary>
public static class RecordMeasures
{
    public const string Service = "records";

    /// <summary>004 居民健康档案管理服务规范 五(一): 健康档案建档率 = 建档人数 / 辖区内常住居民数 × 100%.</summary>
    public static readonly MeasureDefinition RecordsRate = new(
        "records-rate",
        "健康档案建档率",
        Service,
        "建档人数：期末在管的居民健康档案数（已终止、已合并的不计）",
        "辖区内常住居民数（按配置的常住人口）",
        "004 居民健康档案管理服务规范 五(一)",
        DenominatorKind.EstimatedFromPopulation);

    /// <summary>
    /// 004 居民健康档案管理服务规范 五(二): 电子健康档案建档率 = 建立电子健康档案人数 / 辖区内常住居民数 × 100%.
    /// Every record in this system is an electronic record, so its numerator is the same as 建档率's; a paper-only
    /// record is not in the system to be counted.
    /// </summary>
    public static readonly MeasureDefinition ElectronicRecordsRate = new(
        "electronic-records-rate",
        "电子健康档案建档率",
        Service,
        "建立电子健康档案人数：期末在管的电子健康档案数（本系统中的档案均为电子健康档案）",
        "辖区内常住居民数（按配置的常住人口）",
        "004 居民健康档案管理服务规范 五(二)",
        DenominatorKind.EstimatedFromPopulation);

    /// <summary>
    /// 004 居民健康档案管理服务规范 五(四) and its 注: 健康档案使用率 = 有动态记录的档案份数 / 档案总份数 × 100%, where a record
    /// with dynamic entries is one with a service record within one year. The system counts every record rather than a
    /// sample.
    /// </summary>
    public static readonly MeasureDefinition UseRate = new(
        "records-use-rate",
        "健康档案使用率",
        Service,
        "有动态记录的档案份数：期末前12个月内有任一项服务记录的在管档案数",
        "档案总份数：期末在管的居民健康档案数",
        "004 居民健康档案管理服务规范 五(四)");

    public static readonly IReadOnlyList<MeasureDefinition> All = [RecordsRate, ElectronicRecordsRate, UseRate];

    /// <summary>
    /// 004 居民健康档案管理服务规范 五(四) 注: "1年内" — the twelve months ending on the period's last day, both ends included.
    /// </summary>
    public static (DateOnly From, DateOnly To) DynamicRecordWindow(DateOnly periodEnd) => (periodEnd.AddYears(-1).AddDays(1), periodEnd);

    /// <summary>
    /// A record counts at a period's end when it was created by then and was not closed by then (a record closed
    /// after the period's end was still held during it). Merged duplicates never count.
    /// </summary>
    public static bool HeldAt(DateOnly createdOn, bool merged, DateOnly? closedOn, DateOnly periodEnd) =>
        !merged && createdOn <= periodEnd && (closedOn is null || closedOn > periodEnd);

    /// <summary>
    /// A record was held during a period when it was created by the period's end and not closed before its start:
    /// a resident who died or moved away later in (or after) the period still counts for it, so a past period's
    /// figure does not change when records are closed afterwards. Merged duplicates never count.
    /// </summary>
    public static bool HeldDuring(DateOnly createdOn, bool merged, DateOnly? closedOn, DateOnly from, DateOnly to) =>
        !merged && createdOn <= to && (closedOn is null || closedOn >= from);
}
