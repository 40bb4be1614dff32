using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Maternal;

/// <summary>
/// 产后访视记录表 (004 孕产妇健康管理服务规范 附件3), every field: the home visit 3–7 days after discharge (填表说明 1), done
/// together with the newborn's visit (<see cref="JointHomeVisit"/>). <see cref="Problems"/> has no box on paper: it records
/// the problems of 004 二(四)3 that the referral rule reads.
/// </summary>
public sealed record PostpartumVisit
{
    /// <summary>随访日期.</summary>
    public DateOnly VisitDate { get; init; }
    /// <summary>体温 ℃.</summary>
    public decimal? TemperatureC { get; init; }
    /// <summary>一般健康情况 (填表说明 2: 具体描述).</summary>
    public string? GeneralHealth { get; init; }
    /// <summary>一般心理状况.</summary>
    public string? MentalState { get; init; }
    /// <summary>血压 mmHg.</summary>
    public int? Systolic { get; init; }
    public int? Diastolic { get; init; }
    /// <summary>乳房, 恶露, 子宫, 伤口 (填表说明 4: 若有异常，具体描述).</summary>
    public PuerperalExam Exam { get; init; } = new();
    /// <summary>其他.</summary>
    public string? Other { get; init; }
    /// <summary>分类 1 未见异常 2 异常_____ (填表说明 5).</summary>
    public Finding<CheckResult> Classification { get; init; } = new();
    /// <summary>指导 (multi-select; 6 其他 with <see cref="GuidanceOther"/>).</summary>
    public IReadOnlyList<PostpartumGuidance> Guidance { get; init; } = [];
    public string? GuidanceOther { get; init; }
    /// <summary>转诊 1 无 2 有, 原因, 机构及科室.</summary>
    public VisitReferral Referral { get; init; } = new();
    /// <summary>The problems of 004 二(四)3 found (no box on paper).</summary>
    public IReadOnlyList<PostpartumProblem> Problems { get; init; } = [];
    /// <summary>下次随访日期.</summary>
    public DateOnly? NextVisitDate { get; init; }
    /// <summary>随访医生签名.</summary>
    public string? Doctor { get; init; }
}

/// <summary>
/// 产后42天健康检查记录表 (004 孕产妇健康管理服务规范 附件4), every field. The paper has no 下次随访日期: the check ends the
/// episode (处理 1 结案) or refers the woman (2 转诊).
/// </summary>
public sealed record Postpartum42DayCheck
{
    /// <summary>随访日期.</summary>
    public DateOnly VisitDate { get; init; }
    /// <summary>一般健康情况.</summary>
    public string? GeneralHealth { get; init; }
    /// <summary>一般心理状况.</summary>
    public string? MentalState { get; init; }
    /// <summary>血压 mmHg (填表说明 2: 如有必要，测量).</summary>
    public int? Systolic { get; init; }
    public int? Diastolic { get; init; }
    /// <summary>乳房, 恶露, 子宫, 伤口.</summary>
    public PuerperalExam Exam { get; init; } = new();
    /// <summary>其他.</summary>
    public string? Other { get; init; }
    /// <summary>分类 1 已恢复 2 未恢复_____ (填表说明 4: 若为未恢复，具体写明情况).</summary>
    public Finding<RecoveryClass> Classification { get; init; } = new();
    /// <summary>指导 (multi-select; 4 其他 with <see cref="GuidanceOther"/>).</summary>
    public IReadOnlyList<Check42Guidance> Guidance { get; init; } = [];
    public string? GuidanceOther { get; init; }
    /// <summary>处理 1 结案 2 转诊 (填表说明 6).</summary>
    public Check42Disposition? Disposition { get; init; }
    /// <summary>转诊 原因 and 机构及科室 (when 处理 is 2 转诊).</summary>
    public string? ReferralReason { get; init; }
    public string? ReferralInstitution { get; init; }
    /// <summary>The problems of 004 二(四)3 still present (no box on paper).</summary>
    public IReadOnlyList<PostpartumProblem> Problems { get; init; } = [];
    /// <summary>随访医生签名.</summary>
    public string? Doctor { get; init; }
}

/// <summary>乳房, 恶露, 子宫, 伤口: each 1 未见异常 2 异常_____ (附件3 and 附件4).</summary>
public sealed record PuerperalExam
{
    public Finding<CheckResult> Breasts { get; init; } = new();
    public Finding<CheckResult> Lochia { get; init; } = new();
    public Finding<CheckResult> Uterus { get; init; } = new();
    public Finding<CheckResult> Wound { get; init; } = new();

    /// <summary>The four items with their Chinese names, in the form's order.</summary>
    public IEnumerable<(string Name, Finding<CheckResult> Finding)> Items() =>
        [("乳房", Breasts), ("恶露", Lochia), ("子宫", Uterus), ("伤口", Wound)];
}
