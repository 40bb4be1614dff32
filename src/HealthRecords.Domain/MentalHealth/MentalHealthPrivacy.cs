using System.Text.Json.Nodes;

namespace HealthRecords.Domain.MentalHealth;

/// <summary>Why a field of the mental-health forms is restricted (issue #19, "Stricter privacy").</summary>
public enum SensitiveCategory
{
    /// <summary>The diagnosis, and what discloses it: symptoms, antipsychotics, the specialist's opinion.</summary>
    [Label("诊断")] Diagnosis = 1,
    /// <summary>The social-impact history: 轻度滋事/肇事/肇祸/自伤/自杀未遂, 关锁, the risk of violence.</summary>
    [Label("患病对家庭社会的影响")] SocialImpact = 2,
    /// <summary>Reports to the police.</summary>
    [Label("公安联系")] PoliceContact = 3,
}

/// <summary>One restricted field: the form, its camelCase JSON path in the stored body, why, and its Chinese name.</summary>
public sealed record SensitiveField(string Form, string Path, SensitiveCategory Category, string Name);

/// <summary>Who is looking, as far as the privacy rule of issue #19 asks.</summary>
/// <param name="IsResponsibleDoctor">The patient's 责任医生.</param>
/// <param name="IsMentalHealthStaff">Mental-health staff (精防人员) of the institution that manages the patient.</param>
/// <param name="IsCountyMentalHealthSupervisor">The county's mental-health supervisor.</param>
public sealed record MentalHealthViewer(bool IsResponsibleDoctor, bool IsMentalHealthStaff, bool IsCountyMentalHealthSupervisor);

/// <summary>
/// The privacy classification of 严重精神障碍 data (issue #19): which fields are restricted, who may see them, and how a
/// stored form body is masked for everyone else (lists, exports, portal, village doctors). The host applies it; every
/// read of an unmasked body is audited.
/// </summary>
public static class MentalHealthPrivacy
{
    public const string ProfileForm = "mental-illness-profile";
    public const string FollowUpForm = "mental-illness-follow-up";

    /// <summary>Shown in place of a masked value.</summary>
    public const string MaskedText = "（仅责任医生及精神卫生专业人员可见）";

    /// <summary>The work-list title for a viewer who may not see the data: only that a follow-up is due.</summary>
    public const string NeutralTitle = "重点人群随访";

    /// <summary>Every restricted field of the two forms.</summary>
    public static readonly IReadOnlyList<SensitiveField> Fields =
    [
        new(ProfileForm, "diagnosis", SensitiveCategory.Diagnosis, "目前诊断"),
        new(ProfileForm, "diagnosingHospital", SensitiveCategory.Diagnosis, "确诊医院"),
        new(ProfileForm, "diagnosedOn", SensitiveCategory.Diagnosis, "确诊日期"),
        new(ProfileForm, "specialistOpinion", SensitiveCategory.Diagnosis, "专科医生的意见"),
        new(ProfileForm, "pastSymptoms", SensitiveCategory.Diagnosis, "既往主要症状"),
        new(ProfileForm, "pastSymptomOther", SensitiveCategory.Diagnosis, "既往主要症状（其他）"),
        new(ProfileForm, "socialImpact", SensitiveCategory.SocialImpact, "患病对家庭社会的影响"),
        new(ProfileForm, "confinement", SensitiveCategory.SocialImpact, "关锁情况"),
        new(FollowUpForm, "symptoms", SensitiveCategory.Diagnosis, "目前症状"),
        new(FollowUpForm, "symptomOther", SensitiveCategory.Diagnosis, "目前症状（其他）"),
        new(FollowUpForm, "medications", SensitiveCategory.Diagnosis, "用药情况"),
        new(FollowUpForm, "riskLevel", SensitiveCategory.SocialImpact, "危险性"),
        new(FollowUpForm, "socialImpact", SensitiveCategory.SocialImpact, "患病对家庭社会的影响"),
        new(FollowUpForm, "confinement", SensitiveCategory.SocialImpact, "关锁情况"),
        new(FollowUpForm, "policeContact", SensitiveCategory.PoliceContact, "报告公安部门"),
    ];

    /// <summary>The restricted fields of one form.</summary>
    public static IReadOnlyList<SensitiveField> FieldsOf(string form) => [.. Fields.Where(f => f.Form == form)];

    // issue #19: visible only to the patient's responsible doctor, the mental-health staff of the managing institution
    // and the county's mental-health supervisor.
    public static bool MaySee(MentalHealthViewer viewer) =>
        viewer.IsResponsibleDoctor || viewer.IsMentalHealthStaff || viewer.IsCountyMentalHealthSupervisor;

    /// <summary>
    /// Masks a stored form body in place for a viewer who may not see it: every restricted field present is set to null.
    /// Returns the paths masked, for the page to show <see cref="MaskedText"/> beside them.
    /// </summary>
    public static IReadOnlyList<string> Mask(JsonObject body, string form)
    {
        ArgumentNullException.ThrowIfNull(body);
        var masked = new List<string>();
        foreach (var field in FieldsOf(form))
        {
            if (body.ContainsKey(field.Path))
            {
                body[field.Path] = null;
                masked.Add(field.Path);
            }
        }
        return masked;
    }
}
