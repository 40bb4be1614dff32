namespace HealthRecords.Domain.HealthSupervision;

/// <summary>
/// One line of the 卫生监督协管信息报告登记表 (004 卫生监督协管 附件1): a clue or event found, and its report to the health
/// supervision authority. A line without a report time is found but not yet reported (it counts in the denominator of
/// 卫生监督协管信息报告率). The register's header (机构名称) is the institution the host files it under.
/// </summary>
public sealed record SupervisionReport
{
    /// <summary>序号: the line's number in the institution's register of the year (assigned by the host).</summary>
    public int? SerialNumber { get; init; }
    /// <summary>发现时间.</summary>
    public DateOnly? DiscoveredOn { get; init; }
    /// <summary>信息类别.</summary>
    public InformationCategory? Category { get; init; }
    /// <summary>信息内容: 发现问题（隐患）的地点.</summary>
    public string? Place { get; init; }
    /// <summary>信息内容: 内容等有关情况简单描述.</summary>
    public string? Content { get; init; }
    /// <summary>报告时间; null while not reported.</summary>
    public DateOnly? ReportedOn { get; init; }
    /// <summary>报告人.</summary>
    public string? Reporter { get; init; }
    /// <summary>Whom it was reported to (卫生监督机构; for a suspected occupational disease, 职业病诊断机构 — 二(二)).</summary>
    public string? ReportedTo { get; init; }
    /// <summary>The patrol that found it, if any.</summary>
    public long? PatrolId { get; init; }
}

/// <summary>
/// One line of the 卫生监督协管巡查登记表 (004 卫生监督协管 附件2): 巡查地点与内容, 发现的主要问题, 巡查日期, 巡查人, 备注. Photos
/// are attachments the host keeps with the line (checked by <c>HealthEducation.AttachmentRules.CheckPhoto</c>).
/// </summary>
public sealed record SupervisionPatrol
{
    /// <summary>序号 (assigned by the host).</summary>
    public int? SerialNumber { get; init; }
    /// <summary>What kind of patrol (the counted kinds of 五(二), or other).</summary>
    public PatrolKind? Kind { get; init; }
    /// <summary>其他: what kind.</summary>
    public string? KindOther { get; init; }
    /// <summary>For a drinking-water patrol: the supply patrolled.</summary>
    public WaterSupplyType? WaterSupplyType { get; init; }
    /// <summary>巡查地点.</summary>
    public string? Place { get; init; }
    /// <summary>巡查内容.</summary>
    public string? Content { get; init; }
    /// <summary>Whether a problem (隐患) was found.</summary>
    public bool ProblemFound { get; init; }
    /// <summary>发现的主要问题.</summary>
    public string? ProblemsFound { get; init; }
    /// <summary>巡查日期.</summary>
    public DateOnly? PatrolDate { get; init; }
    /// <summary>巡查人.</summary>
    public string? Inspectors { get; init; }
    /// <summary>备注.</summary>
    public string? Remarks { get; init; }
    /// <summary>The target of the year's patrol plan this patrol served, if any.</summary>
    public long? TargetId { get; init; }
}

/// <summary>A stored information report.</summary>
public sealed record ReportRow(long Id, SupervisionReport Report);

/// <summary>A stored patrol.</summary>
public sealed record PatrolRow(long Id, SupervisionPatrol Patrol);
