namespace HealthRecords.Domain.Chronic;

// Code tables shared by 高血压患者随访服务记录表 and 2型糖尿病患者随访服务记录表 (004 附件). Values are the forms' numbers.

/// <summary>The two chronic diseases under management (004 高血压 / 2型糖尿病患者健康管理服务规范).</summary>
public enum ChronicDisease
{
    [Label("高血压")] Hypertension = 1,
    [Label("2型糖尿病")] Diabetes = 2,
}

public static class ChronicDiseases
{
    /// <summary>
    /// The 既往史 disease of 个人基本信息表 (004 附件2, 既往史 疾病 2 高血压, 3 糖尿病) that is this managed disease; its
    /// 确诊时间 is the diagnosis month.
    /// </summary>
    public static Records.PastDiseaseCode PastDisease(this ChronicDisease disease) => disease switch
    {
        ChronicDisease.Hypertension => Records.PastDiseaseCode.Hypertension,
        ChronicDisease.Diabetes => Records.PastDiseaseCode.Diabetes,
        _ => throw new ArgumentOutOfRangeException(nameof(disease), disease, null),
    };
}

/// <summary>随访方式.</summary>
public enum VisitMode
{
    [Label("门诊")] Clinic = 1,
    [Label("家庭")] Home = 2,
    [Label("电话")] Phone = 3,
}

/// <summary>摄盐情况 (咸淡): 轻/中/重.</summary>
public enum SaltIntake
{
    [Label("轻")] Light = 1,
    [Label("中")] Moderate = 2,
    [Label("重")] Heavy = 3,
}

/// <summary>心理调整 and 遵医行为: 1 良好 2 一般 3 差.</summary>
public enum Rating
{
    [Label("良好")] Good = 1,
    [Label("一般")] Fair = 2,
    [Label("差")] Poor = 3,
}

/// <summary>服药依从性.</summary>
public enum MedicationAdherence
{
    [Label("规律")] Regular = 1,
    [Label("间断")] Intermittent = 2,
    [Label("不服药")] NotTaking = 3,
}

/// <summary>药物不良反应: 1 无 2 有 (with a description).</summary>
public enum AdverseReaction
{
    [Label("无")] None = 1,
    [Label("有")] Present = 2,
}

/// <summary>此次随访分类: if several apply, the most serious one (填表说明 7).</summary>
public enum VisitClassification
{
    [Label("控制满意")] Controlled = 1,
    [Label("控制不满意")] Uncontrolled = 2,
    [Label("不良反应")] AdverseReaction = 3,
    [Label("并发症")] Complication = 4,
}

/// <summary>How a patient came into management (issue #5: enrolment from a confirmed diagnosis).</summary>
public enum EnrolmentSource
{
    [Label("个人基本信息表")] PersonalInfo = 1,
    [Label("健康体检")] Examination = 2,
    [Label("门诊就诊")] Encounter = 3,
    [Label("直接纳入")] Direct = 4,
}

/// <summary>What the decision rules suggest after a follow-up.</summary>
public enum FollowUpAction
{
    [Label("常规随访")] Routine = 1,
    [Label("2周内随访")] RecheckWithinTwoWeeks = 2,
    [Label("建议转诊，2周内随访转诊情况")] Referral = 3,
    [Label("紧急转诊，2周内随访转诊情况")] UrgentReferral = 4,
    [Label("本次未测量，不能判断控制情况：2周内面对面随访测量")] MeasureWithinTwoWeeks = 5,
}
