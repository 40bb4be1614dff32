namespace HealthRecords.Domain.Encounters;

/// <summary>
/// 接诊记录表 (004 附件5): a visit for an acute or short-term health problem. The header (姓名, 编号) comes from the
/// record; the body is the SOAP note, the doctor's signature and the date.
/// </summary>
public sealed record EncounterForm
{
    /// <summary>就诊者的主观资料: chief complaint, questions, what the resident asks for.</summary>
    public string? Subjective { get; init; }
    /// <summary>就诊者的客观资料: examination, laboratory and imaging results.</summary>
    public string? Objective { get; init; }
    /// <summary>评估: first impression, diagnosis or assessment of the health problem, as written.</summary>
    public string? Assessment { get; init; }
    /// <summary>The diagnoses of the assessment, each with its ICD-10 code where known (004 附件9 一(三)).</summary>
    public IReadOnlyList<Diagnosis> Diagnoses { get; init; } = [];
    /// <summary>处置计划: diagnostic, treatment and patient-guidance plan.</summary>
    public string? Plan { get; init; }
    /// <summary>医生签字.</summary>
    public string? DoctorName { get; init; }
    /// <summary>接诊日期.</summary>
    public DateOnly? EncounterDate { get; init; }
}

/// <summary>A diagnosis: ICD-10 code where known, and its name (free text allowed).</summary>
public sealed record Diagnosis(string? Code, string? Name);
