namespace HealthRecords.Domain.Encounters;

/// <summary>Decisions about a two-way referral once it has been made.</summary>
public static class ReferralRules
{
    /// <summary>Days within which the referring institution follows up a referral's result.</summary>
    public const int FollowUpDays = 14;

    /// <summary>The day by which the referral's result must be followed up.</summary>
    // 004 高血压 三(1)/(3), 糖尿病 三(1)/(3), 孕产妇 (第1次产前随访 4): 2 周内（主动）随访转诊结果
    public static DateOnly FollowUpDue(DateOnly referredOn) => referredOn.AddDays(FollowUpDays);

    /// <summary>A referral stays open until its result is recorded.</summary>
    // issue #4: "A referral stays open until its result is recorded"
    public static bool IsOpen(ReferralResult? result) => result?.FollowedUpOn is null;

    /// <summary>
    /// The work list's item of a referral: while open (no result recorded on <paramref name="resultOn"/>), following up its
    /// result is due <see cref="FollowUpDays"/> days after it was made, urgent; nothing once the result is recorded.
    /// </summary>
    public static ScheduleItem? Due(long referralId, DateOnly referredOn, string toInstitution, DateOnly? resultOn) =>
        resultOn is null
            ? ScheduleItem.On(ScheduleKinds.ReferralFollowUp, $"转诊后随访（{toInstitution}）", FollowUpDue(referredOn), urgent: true, referralId)
            : null;

    /// <summary>An open referral whose follow-up day has passed.</summary>
    public static bool IsOverdue(DateOnly referredOn, ReferralResult? result, DateOnly today) =>
        IsOpen(result) && FollowUpDue(referredOn) < today;

    /// <summary>
    /// A transfer-out pre-filled from an encounter and the record: the assessment becomes the first impression,
    /// the subjective and objective notes the present illness, the plan the treatment so far.
    /// </summary>
    // 004 二(三)3: the encounter doctor fills the referral for a resident who needs one
    public static ReferralOut FromEncounter(EncounterForm encounter, ReferralOut patient)
    {
        var diagnoses = string.Join("；", encounter.Diagnoses.Select(d => string.IsNullOrWhiteSpace(d.Code) ? d.Name : $"{d.Name}（{d.Code}）"));
        var impression = string.Join("；", new[] { encounter.Assessment, diagnoses }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var illness = string.Join("\n", new[] { encounter.Subjective, encounter.Objective }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return patient with
        {
            ReferredOn = patient.ReferredOn ?? encounter.EncounterDate,
            InitialImpression = impression.Length == 0 ? null : impression,
            PresentIllness = illness.Length == 0 ? null : illness,
            TreatmentSoFar = encounter.Plan,
            ReferringDoctor = patient.ReferringDoctor ?? encounter.DoctorName,
        };
    }

    /// <summary>
    /// A transfer-back pre-filled from its transfer-out: the same patient, sent back from the hospital the patient was
    /// referred to, to the institution that referred them.
    /// </summary>
    // 004 附件7: 双向转诊（回转）单 "现转回贵单位" answers the transfer-out
    public static TransferBack BackFor(ReferralOut referral) => new()
    {
        PatientName = referral.PatientName,
        Sex = referral.Sex,
        Age = referral.Age,
        Address = referral.Address,
        Phone = referral.Phone,
        ToInstitution = referral.FromInstitution,
        ReceivingDoctor = referral.ReferringDoctor,
        FromInstitution = referral.ToInstitution,
    };
}
