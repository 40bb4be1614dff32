namespace HealthRecords.Domain.Encounters;

/// <summary>会诊记录表 (004 附件6), filled by the responsible doctor.</summary>
public sealed record ConsultationForm
{
    /// <summary>会诊原因: the patient's main problem that needs the consultation.</summary>
    public string? Reason { get; init; }
    /// <summary>会诊意见: the consulting doctors' main measures and guidance.</summary>
    public string? Opinion { get; init; }
    /// <summary>会诊医生及其所在医疗卫生机构: one entry per consulting doctor.</summary>
    public IReadOnlyList<ConsultingDoctor> Consultants { get; init; } = [];
    /// <summary>责任医生.</summary>
    public string? ResponsibleDoctor { get; init; }
    /// <summary>会诊日期.</summary>
    public DateOnly? ConsultationDate { get; init; }

    /// <summary>
    /// The rows of the paper table: doctors of one institution share a row, the institution written once
    /// (004 附件6 填表说明 4), in the order they were entered.
    /// </summary>
    public IReadOnlyList<(string Institution, IReadOnlyList<string> Doctors)> Rows() =>
        Consultants
            .GroupBy(c => (c.Institution ?? "").Trim())
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(c => (c.DoctorName ?? "").Trim()).ToArray()))
            .ToArray();
}

/// <summary>One consulting doctor with the institution they work in.</summary>
public sealed record ConsultingDoctor(string? Institution, string? DoctorName);
