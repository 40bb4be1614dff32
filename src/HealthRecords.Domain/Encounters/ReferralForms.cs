namespace HealthRecords.Domain.Encounters;

/// <summary>
/// 双向转诊（转出）单 and its 存根 (004 附件7) as entered once by the referring doctor: every field of both parts.
/// The printed parts are <see cref="Stub"/> and <see cref="Slip"/>.
/// </summary>
public sealed record ReferralOut
{
    /// <summary>患者姓名 (stub) / 现有患者 (slip).</summary>
    public string? PatientName { get; init; }
    /// <summary>性别.</summary>
    public Sex? Sex { get; init; }
    /// <summary>年龄 (years on the referral date).</summary>
    public int? Age { get; init; }
    /// <summary>档案编号 (stub).</summary>
    public string? RecordNumber { get; init; }
    /// <summary>家庭住址 (stub).</summary>
    public string? Address { get; init; }
    /// <summary>联系电话 of the patient (stub).</summary>
    [Sensitive]
    public string? Phone { get; init; }
    /// <summary>于____年__月__日因病情需要，转入 (stub): the referral date.</summary>
    public DateOnly? ReferredOn { get; init; }
    /// <summary>转入____单位 (stub) and the addressee ____（机构名称） of the slip.</summary>
    public string? ToInstitution { get; init; }
    /// <summary>____科室 (stub).</summary>
    public string? ToDepartment { get; init; }
    /// <summary>____接诊医生 (stub).</summary>
    public string? ReceivingDoctor { get; init; }
    /// <summary>初步印象: the referring doctor's first judgement.</summary>
    public string? InitialImpression { get; init; }
    /// <summary>主要现病史（转出原因）: the main clinical problem at referral.</summary>
    public string? PresentIllness { get; init; }
    /// <summary>主要既往史.</summary>
    public string? PastHistory { get; init; }
    /// <summary>治疗经过: the main diagnosis and treatment given.</summary>
    public string? TreatmentSoFar { get; init; }
    /// <summary>转诊医生（签字）, on the stub and the slip.</summary>
    public string? ReferringDoctor { get; init; }
    /// <summary>联系电话 of the referring doctor (slip).</summary>
    [Sensitive]
    public string? ReferringDoctorPhone { get; init; }
    /// <summary>____（机构名称） under the signature of the slip: the referring institution.</summary>
    public string? FromInstitution { get; init; }
    /// <summary>年 月 日 under the signatures; the referral date when empty.</summary>
    public DateOnly? SignedOn { get; init; }

    public TransferOutStub Stub() => new(
        PatientName, Sex, Age, RecordNumber, Address, Phone, ReferredOn, ToInstitution, ToDepartment, ReceivingDoctor,
        ReferringDoctor, SignedOn ?? ReferredOn);

    public TransferOutSlip Slip() => new(
        ToInstitution, PatientName, Sex, Age, InitialImpression, PresentIllness, PastHistory, TreatmentSoFar,
        ReferringDoctor, ReferringDoctorPhone, FromInstitution, SignedOn ?? ReferredOn);
}

/// <summary>存根 of the transfer-out (004 附件7), kept by the referring institution.</summary>
public sealed record TransferOutStub(
    string? PatientName, Sex? Sex, int? Age, string? RecordNumber, string? Address, string? Phone,
    DateOnly? ReferredOn, string? ToInstitution, string? ToDepartment, string? ReceivingDoctor,
    string? ReferringDoctor, DateOnly? SignedOn);

/// <summary>双向转诊（转出）单 (004 附件7), handed to the receiving institution.</summary>
public sealed record TransferOutSlip(
    string? ToInstitution, string? PatientName, Sex? Sex, int? Age,
    string? InitialImpression, string? PresentIllness, string? PastHistory, string? TreatmentSoFar,
    string? ReferringDoctor, string? ReferringDoctorPhone, string? FromInstitution, DateOnly? SignedOn);

/// <summary>
/// 双向转诊（回转）单 and its 存根 (004 附件7), filled by the doctor of the hospital that sends the patient back;
/// transcribed here when it arrives. The printed parts are <see cref="Stub"/> and <see cref="Slip"/>.
/// </summary>
public sealed record TransferBack
{
    /// <summary>患者姓名 (stub) / 现有患者 (slip).</summary>
    public string? PatientName { get; init; }
    /// <summary>性别 (stub).</summary>
    public Sex? Sex { get; init; }
    /// <summary>年龄 (stub).</summary>
    public int? Age { get; init; }
    /// <summary>病案号 (stub).</summary>
    public string? CaseNumber { get; init; }
    /// <summary>家庭住址 (stub).</summary>
    public string? Address { get; init; }
    /// <summary>联系电话 of the patient (stub).</summary>
    [Sensitive]
    public string? Phone { get; init; }
    /// <summary>于____年__月__日因病情需要，转回 (stub): the date of the transfer back.</summary>
    public DateOnly? ReturnedOn { get; init; }
    /// <summary>转回____单位 (stub) and the addressee ____（机构名称） of the slip.</summary>
    public string? ToInstitution { get; init; }
    /// <summary>____接诊医生 (stub).</summary>
    public string? ReceivingDoctor { get; init; }
    /// <summary>诊断结果.</summary>
    public string? Diagnosis { get; init; }
    /// <summary>住院病案号.</summary>
    public string? InpatientNumber { get; init; }
    /// <summary>主要检查结果.</summary>
    public string? MainFindings { get; init; }
    /// <summary>治疗经过、下一步治疗方案及康复建议.</summary>
    public string? TreatmentAndPlan { get; init; }
    /// <summary>转诊医生（签字） of the sending hospital.</summary>
    public string? ReferringDoctor { get; init; }
    /// <summary>联系电话 of that doctor (slip).</summary>
    [Sensitive]
    public string? ReferringDoctorPhone { get; init; }
    /// <summary>____（机构名称） under the signature: the hospital sending the patient back.</summary>
    public string? FromInstitution { get; init; }
    /// <summary>年 月 日 under the signatures; the transfer-back date when empty.</summary>
    public DateOnly? SignedOn { get; init; }

    public TransferBackStub Stub() => new(
        PatientName, Sex, Age, CaseNumber, Address, Phone, ReturnedOn, ToInstitution, ReceivingDoctor, ReferringDoctor, SignedOn ?? ReturnedOn);

    public TransferBackSlip Slip() => new(
        ToInstitution, PatientName, Diagnosis, InpatientNumber, MainFindings, TreatmentAndPlan,
        ReferringDoctor, ReferringDoctorPhone, FromInstitution, SignedOn ?? ReturnedOn);
}

/// <summary>存根 of the transfer-back (004 附件7).</summary>
public sealed record TransferBackStub(
    string? PatientName, Sex? Sex, int? Age, string? CaseNumber, string? Address, string? Phone,
    DateOnly? ReturnedOn, string? ToInstitution, string? ReceivingDoctor, string? ReferringDoctor, DateOnly? SignedOn);

/// <summary>双向转诊（回转）单 (004 附件7).</summary>
public sealed record TransferBackSlip(
    string? ToInstitution, string? PatientName, string? Diagnosis, string? InpatientNumber,
    string? MainFindings, string? TreatmentAndPlan,
    string? ReferringDoctor, string? ReferringDoctorPhone, string? FromInstitution, DateOnly? SignedOn);

/// <summary>
/// What the referring institution learnt when it followed up the referral ("2 周内随访转诊结果", 004 高血压 三(1)).
/// Not a paper form: its outcome codes are this system's own.
/// </summary>
public sealed record ReferralResult
{
    /// <summary>随访日期: the day the result was learnt.</summary>
    public DateOnly? FollowedUpOn { get; init; }
    public ReferralOutcome? Outcome { get; init; }
    /// <summary>The outcome in words when <see cref="ReferralOutcome.Other"/>.</summary>
    public string? OutcomeOther { get; init; }
    /// <summary>转诊结果: diagnosis and treatment at the receiving hospital, as learnt.</summary>
    public string? Note { get; init; }
    /// <summary>随访医生.</summary>
    public string? FollowedUpBy { get; init; }
}

/// <summary>转诊结果 (this system's codes; the referral slips have none).</summary>
public enum ReferralOutcome
{
    [Label("已转回本机构")] TransferredBack = 1,
    [Label("在上级医院住院治疗")] Inpatient = 2,
    [Label("上级医院门诊诊治后返回")] OutpatientReturned = 3,
    [Label("未到上级医院就诊")] DidNotAttend = 4,
    [Label("死亡")] Died = 5,
    [Label("其他")] Other = 6,
}
