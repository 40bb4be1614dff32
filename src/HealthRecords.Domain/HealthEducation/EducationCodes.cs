using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.HealthEducation;

// The code tables of 健康教育 (004 健康教育服务规范 and its 健康教育活动记录表). The record form numbers none of its
// answers (it has lines to write on and the boxes of 存档材料); these enums number the options in the order the
// specification lists them, and say where each list comes from.

/// <summary>活动形式: the forms of 004 健康教育 二(二), in its order.</summary>
public enum ActivityForm
{
    /// <summary>二(二)1(1) 发放印刷资料: 折页、处方、手册.</summary>
    [Label("发放印刷资料")] PrintedMaterial = 1,
    /// <summary>二(二)1(2) 播放音像资料.</summary>
    [Label("播放音像资料")] AudioVideo = 2,
    /// <summary>二(二)2 健康教育宣传栏 (an update of its content).</summary>
    [Label("更换宣传栏内容")] BulletinBoard = 3,
    /// <summary>二(二)3 公众健康咨询活动.</summary>
    [Label("公众健康咨询活动")] ConsultationEvent = 4,
    /// <summary>二(二)4 健康知识讲座.</summary>
    [Label("健康知识讲座")] Lecture = 5,
    /// <summary>二(二)5 个体化健康教育.</summary>
    [Label("个体化健康教育")] Individual = 6,
}

/// <summary>健康教育内容: the seven items of 004 健康教育 二(一), in its order (a topic may also be free).</summary>
public enum EducationContent
{
    [Label("健康素养基本知识与技能")] HealthLiteracy = 1,
    [Label("重点人群健康教育")] KeyPopulations = 2,
    [Label("健康生活方式和可干预危险因素")] Lifestyle = 3,
    [Label("重点疾病健康教育")] KeyDiseases = 4,
    [Label("公共卫生问题健康教育")] PublicHealthIssues = 5,
    [Label("突发公共卫生事件应急处置、防灾减灾、家庭急救")] Emergencies = 6,
    [Label("医疗卫生法律法规及相关政策")] LawsAndPolicies = 7,
}

/// <summary>
/// 接受健康教育人员类别 (multi-select): 1–6 the groups of 004 健康教育 二(一)2 in its order, then the general public,
/// patients, and 其他 with its text.
/// </summary>
public enum AudienceCategory
{
    [Label("青少年")] Adolescents = 1,
    [Label("妇女")] Women = 2,
    [Label("老年人")] Elderly = 3,
    [Label("残疾人")] Disabled = 4,
    [Label("0~6岁儿童家长")] ParentsOfYoungChildren = 5,
    [Label("农民工")] MigrantWorkers = 6,
    [Label("辖区居民")] Residents = 7,
    [Label("患者及家属")] Patients = 8,
    [Label("其他"), Blank] Other = 9,
}

/// <summary>健康教育资料发放种类: 1–3 the printed kinds of 004 健康教育 二(二)1(1), 4 other printed, 5 音像资料 (二(二)1(2)), 9 other.</summary>
public enum MaterialKind
{
    [Label("健康教育折页")] Leaflet = 1,
    [Label("健康教育处方")] Prescription = 2,
    [Label("健康手册")] Handbook = 3,
    [Label("其他印刷资料")] OtherPrinted = 4,
    [Label("音像资料")] AudioVideo = 5,
    [Label("其他宣传品")] Other = 9,
}

/// <summary>存档材料请附后: the form's boxes, in its order.</summary>
public enum ArchivedMaterial
{
    [Label("书面材料")] Written = 1,
    [Label("图片材料")] Pictures = 2,
    [Label("印刷材料")] Printed = 3,
    [Label("影音材料")] AudioVisual = 4,
    [Label("签到表")] SignInSheet = 5,
    [Label("其他材料"), Blank] Other = 6,
}

/// <summary>
/// The two tiers 004 健康教育 sets different minimums for: 乡镇卫生院 and 社区卫生服务中心, or 村卫生室 and 社区卫生服务站.
/// </summary>
public enum InstitutionTier
{
    [Label("乡镇卫生院、社区卫生服务中心")] Centre = 1,
    [Label("村卫生室、社区卫生服务站")] Station = 2,
}

public static class InstitutionTiers
{
    /// <summary>
    /// The tier of an institution by the host's institution kind number (1 乡镇卫生院, 2 社区卫生服务中心, 3 村卫生室,
    /// 4 社区卫生服务站); null for a kind without health education minimums (9 卫生行政部门).
    /// </summary>
    public static InstitutionTier? FromKindNumber(int kind) => kind switch
    {
        1 or 2 => InstitutionTier.Centre,
        3 or 4 => InstitutionTier.Station,
        _ => null,
    };
}
