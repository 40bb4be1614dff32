namespace HealthRecords.Domain.Encounters;

/// <summary>
/// Checks of the encounter, consultation and referral forms (004 附件5–7 and their 填表说明). Errors are keyed by
/// the camelCase JSON path of the field inside the form ("encounterDate", "diagnoses[1].code"), messages in Chinese;
/// an empty result means valid.
/// </summary>
public static class EncounterRules
{
    public const int MaxText = 2000;
    public const int MaxShort = 100;
    public const int MaxDiagnoses = 10;
    public const int MaxConsultants = 15;

    /// <summary>Field errors of a 接诊记录表.</summary>
    // 004 附件5 填表说明 1–5: subjective, objective, assessment and plan describe the whole visit; signed and dated
    public static IReadOnlyDictionary<string, string[]> Validate(EncounterForm form, DateOnly birthDate, DateOnly today)
    {
        var e = new FieldErrors();
        e.ServiceDate("encounterDate", form.EncounterDate, "接诊日期", birthDate, today);
        e.RequiredText("subjective", form.Subjective, "就诊者的主观资料（主诉、咨询问题等）", MaxText);
        e.OptionalText("objective", form.Objective, "就诊者的客观资料", MaxText);
        if (string.IsNullOrWhiteSpace(form.Assessment) && form.Diagnoses.Count == 0)
        {
            e.Add("assessment", "请填写评估（初步印象、疾病诊断或健康问题评估）");
        }
        e.OptionalText("assessment", form.Assessment, "评估", MaxText);
        if (form.Diagnoses.Count > MaxDiagnoses)
        {
            e.Add("diagnoses", $"诊断不超过 {MaxDiagnoses} 条");
        }
        for (var i = 0; i < form.Diagnoses.Count; i++)
        {
            CheckDiagnosis(form.Diagnoses[i], $"diagnoses[{i}]", e);
        }
        e.RequiredText("plan", form.Plan, "处置计划", MaxText);
        e.RequiredText("doctorName", form.DoctorName, "医生签字", MaxShort);
        return e;
    }

    /// <summary>A diagnosis names the disease; its code, when given, is an ICD-10 code (004 附件9 一(三)).</summary>
    private static void CheckDiagnosis(Diagnosis d, string key, FieldErrors e)
    {
        var hasCode = !string.IsNullOrWhiteSpace(d.Code);
        if (hasCode && !Icd10.IsWellFormed(d.Code))
        {
            e.Add($"{key}.code", "ICD-10 编码格式不正确，如 I10、E11.9");
        }
        if (string.IsNullOrWhiteSpace(d.Name) && !(hasCode && Icd10.Find(d.Code) is not null))
        {
            e.Add($"{key}.name", "请填写诊断名称");
        }
        e.OptionalText($"{key}.name", d.Name, "诊断名称", MaxShort);
    }

    /// <summary>
    /// The diagnoses as stored: codes upper-cased, the name taken from the ICD-10 list when only a known code was
    /// typed, empty rows dropped.
    /// </summary>
    public static IReadOnlyList<Diagnosis> NormalizeDiagnoses(IReadOnlyList<Diagnosis> diagnoses) =>
        diagnoses
            .Where(d => !string.IsNullOrWhiteSpace(d.Code) || !string.IsNullOrWhiteSpace(d.Name))
            .Select(d =>
            {
                var code = Icd10.Normalize(d.Code);
                var name = string.IsNullOrWhiteSpace(d.Name) ? Icd10.Find(code)?.Name : d.Name.Trim();
                return new Diagnosis(code.Length == 0 ? null : code, name);
            })
            .ToArray();

    /// <summary>Field errors of a 会诊记录表.</summary>
    // 004 附件6 填表说明 2–4: reason and opinion by the responsible doctor; each consulting doctor with their institution
    public static IReadOnlyDictionary<string, string[]> Validate(ConsultationForm form, DateOnly birthDate, DateOnly today)
    {
        var e = new FieldErrors();
        e.ServiceDate("consultationDate", form.ConsultationDate, "会诊日期", birthDate, today);
        e.RequiredText("reason", form.Reason, "会诊原因", MaxText);
        e.RequiredText("opinion", form.Opinion, "会诊意见", MaxText);
        if (form.Consultants.Count == 0)
        {
            e.Add("consultants", "请填写至少一位会诊医生及其所在医疗卫生机构");
        }
        else if (form.Consultants.Count > MaxConsultants)
        {
            e.Add("consultants", $"会诊医生不超过 {MaxConsultants} 位");
        }
        for (var i = 0; i < form.Consultants.Count; i++)
        {
            e.RequiredText($"consultants[{i}].institution", form.Consultants[i].Institution, "会诊医生所在医疗卫生机构名称", MaxShort);
            e.RequiredText($"consultants[{i}].doctorName", form.Consultants[i].DoctorName, "会诊医生姓名", MaxShort);
        }
        e.RequiredText("responsibleDoctor", form.ResponsibleDoctor, "责任医生", MaxShort);
        return e;
    }

    /// <summary>Field errors of a 双向转诊（转出）单 with its 存根.</summary>
    // 004 附件7 转出 填表说明 1–5: filled by the referring doctor: impression, present illness (reason), history, treatment
    public static IReadOnlyDictionary<string, string[]> Validate(ReferralOut form, DateOnly birthDate, DateOnly today)
    {
        var e = new FieldErrors();
        e.RequiredText("patientName", form.PatientName, "患者姓名", 50);
        e.Coded("sex", form.Sex, "性别");
        if (form.Age is < 0 or > 150)
        {
            e.Add("age", "年龄应在 0–150 岁之间");
        }
        e.OptionalText("recordNumber", form.RecordNumber, "档案编号", 17);
        e.OptionalText("address", form.Address, "家庭住址", 200);
        e.OptionalText("phone", form.Phone, "联系电话", 20);
        e.ServiceDate("referredOn", form.ReferredOn, "转诊日期", birthDate, today);
        e.RequiredText("toInstitution", form.ToInstitution, "转入单位", MaxShort);
        e.OptionalText("toDepartment", form.ToDepartment, "科室", 50);
        e.OptionalText("receivingDoctor", form.ReceivingDoctor, "接诊医生", 50);
        e.RequiredText("initialImpression", form.InitialImpression, "初步印象", MaxText);
        e.RequiredText("presentIllness", form.PresentIllness, "主要现病史（转出原因）", MaxText);
        e.OptionalText("pastHistory", form.PastHistory, "主要既往史", MaxText);
        e.OptionalText("treatmentSoFar", form.TreatmentSoFar, "治疗经过", MaxText);
        e.RequiredText("referringDoctor", form.ReferringDoctor, "转诊医生", 50);
        e.OptionalText("referringDoctorPhone", form.ReferringDoctorPhone, "转诊医生联系电话", 20);
        e.RequiredText("fromInstitution", form.FromInstitution, "转出机构名称", MaxShort);
        if (form.SignedOn is DateOnly signed)
        {
            if (signed > today)
            {
                e.Add("signedOn", "签字日期不能晚于今天");
            }
            else if (form.ReferredOn is DateOnly on && signed < on)
            {
                e.Add("signedOn", "签字日期不能早于转诊日期");
            }
        }
        return e;
    }

    /// <summary>
    /// Field errors of a referral's result and, when given, the transfer-back slip; keyed "result.…" and "back.…".
    /// Neither may be dated before the transfer-out nor in the future.
    /// </summary>
    // 004 附件7 回转 填表说明 1–4; 004 高血压 三(1): the referring institution follows up the referral's result
    public static IReadOnlyDictionary<string, string[]> ValidateResult(ReferralResult result, TransferBack? back, DateOnly referredOn, DateOnly today)
    {
        var e = new FieldErrors();
        e.DateAfter("result.followedUpOn", result.FollowedUpOn, "随访日期", referredOn, "转诊日期", today);
        if (result.Outcome is null)
        {
            e.Add("result.outcome", "请选择转诊结果");
        }
        else
        {
            e.Coded("result.outcome", result.Outcome, "转诊结果");
        }
        if (result.Outcome == ReferralOutcome.Other && string.IsNullOrWhiteSpace(result.OutcomeOther))
        {
            e.Add("result.outcomeOther", "选择“其他”时请写明转诊结果");
        }
        e.OptionalText("result.outcomeOther", result.OutcomeOther, "其他转诊结果", MaxShort);
        e.OptionalText("result.note", result.Note, "转诊结果说明", MaxText);
        e.RequiredText("result.followedUpBy", result.FollowedUpBy, "随访医生", 50);
        if (back is not null)
        {
            e.RequiredText("back.patientName", back.PatientName, "患者姓名", 50);
            e.Coded("back.sex", back.Sex, "性别");
            if (back.Age is < 0 or > 150)
            {
                e.Add("back.age", "年龄应在 0–150 岁之间");
            }
            e.DateAfter("back.returnedOn", back.ReturnedOn, "回转日期", referredOn, "转出日期", today);
            e.RequiredText("back.fromInstitution", back.FromInstitution, "回转机构名称", MaxShort);
            e.RequiredText("back.toInstitution", back.ToInstitution, "转回单位", MaxShort);
            e.RequiredText("back.diagnosis", back.Diagnosis, "诊断结果", MaxText);
            e.OptionalText("back.caseNumber", back.CaseNumber, "病案号", 50);
            e.OptionalText("back.inpatientNumber", back.InpatientNumber, "住院病案号", 50);
            e.OptionalText("back.mainFindings", back.MainFindings, "主要检查结果", MaxText);
            e.OptionalText("back.treatmentAndPlan", back.TreatmentAndPlan, "治疗经过、下一步治疗方案及康复建议", MaxText);
            e.RequiredText("back.referringDoctor", back.ReferringDoctor, "转诊医生", 50);
            e.OptionalText("back.address", back.Address, "家庭住址", 200);
            e.OptionalText("back.phone", back.Phone, "联系电话", 20);
            e.OptionalText("back.receivingDoctor", back.ReceivingDoctor, "接诊医生", 50);
            e.OptionalText("back.referringDoctorPhone", back.ReferringDoctorPhone, "联系电话", 20);
            if (back.SignedOn is DateOnly signed && signed > today)
            {
                e.Add("back.signedOn", "签字日期不能晚于今天");
            }
        }
        return e;
    }

    /// <summary>
    /// A corrected transfer-out may not move the referral date after the result or the transfer-back already recorded:
    /// the back-referral is never before the transfer-out.
    /// </summary>
    // 004 附件7: the transfer-back answers the transfer-out, so it comes after it
    public static IReadOnlyDictionary<string, string[]> ValidateAgainstResult(ReferralOut form, ReferralResult? result, TransferBack? back)
    {
        var e = new FieldErrors();
        if (form.ReferredOn is DateOnly on)
        {
            if (result?.FollowedUpOn is DateOnly followed && on > followed)
            {
                e.Add("referredOn", $"转诊日期不能晚于已记录的随访日期（{followed:yyyy-MM-dd}）");
            }
            else if (back?.ReturnedOn is DateOnly returned && on > returned)
            {
                e.Add("referredOn", $"转诊日期不能晚于已记录的回转日期（{returned:yyyy-MM-dd}）");
            }
        }
        return e;
    }
}
