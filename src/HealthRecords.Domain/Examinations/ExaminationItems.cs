using HealthRecords.Domain.Elderly;

namespace HealthRecords.Domain.Examinations;

/// <summary>The items of 健康体检表 marked * (004 附件4 填表说明 2: optional for general residents, required by the key-population services).</summary>
public enum StarItem
{
    [Label("老年人健康状态自我评估")] HealthStatus = 1,
    [Label("老年人生活自理能力自我评估")] SelfCare = 2,
    [Label("老年人认知功能")] Cognition = 3,
    [Label("老年人情感状态")] Affect = 4,
    [Label("眼底")] Fundus = 5,
    [Label("肛门指诊")] DigitalRectal = 6,
    [Label("乳腺")] Breast = 7,
    [Label("妇科")] Gynaecology = 8,
    [Label("查体其他")] PhysicalOther = 9,
    [Label("血常规")] BloodRoutine = 10,
    [Label("尿常规")] UrineRoutine = 11,
    [Label("空腹血糖")] FastingGlucose = 12,
    [Label("心电图")] Ecg = 13,
    [Label("尿微量白蛋白")] UrineMicroalbumin = 14,
    [Label("大便潜血")] FecalOccultBlood = 15,
    [Label("糖化血红蛋白")] HbA1c = 16,
    [Label("乙型肝炎表面抗原")] HBsAg = 17,
    [Label("肝功能")] LiverFunction = 18,
    [Label("肾功能")] KidneyFunction = 19,
    [Label("血脂")] BloodLipids = 20,
    [Label("B超")] Ultrasound = 21,
    [Label("辅助检查其他")] AuxiliaryOther = 22,
    [Label("中医体质辨识")] Tcm = 23,
}

/// <summary>Whether a * item applies to a resident: optional, required (with the reason), or not applicable.</summary>
public enum ItemRequirement
{
    Optional = 0,
    Required = 1,
    NotApplicable = 2,
}

/// <summary>One * item's requirement for this resident and the services that require it.</summary>
public sealed record StarItemRule(StarItem Item, ItemRequirement Requirement, IReadOnlyList<string> RequiredBy);

/// <summary>Who is being examined: what decides which * items apply.</summary>
/// <param name="Sex">Decides the gynaecological section (妇科*, 宫颈涂片).</param>
/// <param name="BirthDate">With the exam date, decides whether the resident is a 65+ target (<see cref="ElderlyRules"/>).</param>
/// <param name="Programmes">The key-population programmes the resident is enrolled in (hypertension, diabetes, severe mental illness).</param>
public sealed record ExamSubject(Sex Sex, DateOnly BirthDate, KeyPopulation Programmes);

/// <summary>
/// Which * items of 健康体检表 apply to a resident (004 附件4 填表说明 2: 不同重点人群的免费检查项目按照各专项服务规范的要求执行).
/// </summary>
public static class ExaminationItems
{
    /// <summary>True for the elderly annual check: the resident is a 65+ target in the exam's year.</summary>
    public static bool IsElderly(ExamSubject subject, DateOnly examDate) => ElderlyRules.IsTarget(subject.BirthDate, examDate.Year);

    /// <summary>True when the gynaecological section (妇科*, 宫颈涂片) applies: women only.</summary>
    public static bool ShowsGynaecology(Sex sex) => sex == Sex.Female;

    /// <summary>Every * item with its requirement for this resident on this exam date.</summary>
    public static IReadOnlyList<StarItemRule> Rules(ExamSubject subject, DateOnly examDate)
    {
        var requiredBy = Enum.GetValues<StarItem>().ToDictionary(i => i, _ => new List<string>());
        void Require(string by, params StarItem[] items)
        {
            foreach (var item in items)
            {
                requiredBy[item].Add(by);
            }
        }

        if (IsElderly(subject, examDate))
        {
            // 004 附件4 填表说明 3: 老年人生活自理能力评估: 65岁及以上老年人需填写此项 (and the other elderly self-assessments);
            // 004 老年人健康管理服务规范 二(一) 健康状态自评、生活自理能力; 二(三) 辅助检查: 血常规、尿常规、肝功能、肾功能、空腹血糖、血脂和心电图.
            Require("老年人健康管理", StarItem.HealthStatus, StarItem.SelfCare, StarItem.Cognition, StarItem.Affect,
                StarItem.BloodRoutine, StarItem.UrineRoutine, StarItem.LiverFunction, StarItem.KidneyFunction,
                StarItem.FastingGlucose, StarItem.BloodLipids, StarItem.Ecg);
        }
        // 004 高血压患者健康管理服务规范 二(四) 年度健康检查 lists no * item (体温、脉搏、呼吸、血压、身高、体重、腰围 and the
        // physical examination, none marked *), and 二(二)(3) asks weight, heart rate and BMI: a hypertension patient's form
        // requires no fasting glucose (issue #15 item 4); diabetes does (below).
        if (subject.Programmes.HasFlag(KeyPopulation.Diabetes))
        {
            // 004 2型糖尿病患者健康管理服务规范 二(一)(二): 空腹血糖 at every visit; 填表说明 6: 足背动脉搏动 (not a * item, always asked).
            Require("2型糖尿病患者健康管理", StarItem.FastingGlucose);
        }
        if (subject.Programmes.HasFlag(KeyPopulation.SevereMentalIllness))
        {
            // 004 重性精神疾病患者管理服务规范 二(四): 血常规(含白细胞分类)、转氨酶、血糖、心电图.
            Require("重性精神疾病患者管理", StarItem.BloodRoutine, StarItem.LiverFunction, StarItem.FastingGlucose, StarItem.Ecg);
        }

        return Enum.GetValues<StarItem>().Select(item =>
        {
            if (item == StarItem.Gynaecology && !ShowsGynaecology(subject.Sex))
            {
                return new StarItemRule(item, ItemRequirement.NotApplicable, []);
            }
            var by = requiredBy[item];
            return new StarItemRule(item, by.Count > 0 ? ItemRequirement.Required : ItemRequirement.Optional, by.Distinct().ToList());
        }).ToList();
    }

    /// <summary>The * items required for this resident.</summary>
    public static IReadOnlySet<StarItem> Required(ExamSubject subject, DateOnly examDate) =>
        Rules(subject, examDate).Where(r => r.Requirement == ItemRequirement.Required).Select(r => r.Item).ToHashSet();

    /// <summary>True when a * item has been answered on the form.</summary>
    public static bool IsFilled(HealthExamination f, StarItem item) => item switch
    {
        StarItem.HealthStatus => f.General.HealthStatus is not null,
        StarItem.SelfCare => SelfCareAssessment.Level(f.General.SelfCare) is not null,
        StarItem.Cognition => f.General.Cognition is ScreenResult.Negative || (f.General.Cognition is ScreenResult.Positive && f.General.MmseScore is not null),
        StarItem.Affect => f.General.Affect is ScreenResult.Negative || (f.General.Affect is ScreenResult.Positive && f.General.GdsScore is not null),
        StarItem.Fundus => f.Physical.Fundus.Code is not null,
        StarItem.DigitalRectal => f.Physical.DigitalRectal.Code is not null,
        StarItem.Breast => f.Physical.Breast.Count > 0,
        StarItem.Gynaecology => f.Physical.Gynaecology is { } g && g.Vulva.Code is not null && g.Vagina.Code is not null
                                && g.Cervix.Code is not null && g.Uterus.Code is not null && g.Adnexa.Code is not null,
        StarItem.PhysicalOther => !string.IsNullOrWhiteSpace(f.Physical.Other),
        StarItem.BloodRoutine => f.Auxiliary.Hemoglobin is not null && f.Auxiliary.WhiteCells is not null && f.Auxiliary.Platelets is not null,
        StarItem.UrineRoutine => !string.IsNullOrWhiteSpace(f.Auxiliary.UrineProtein) && !string.IsNullOrWhiteSpace(f.Auxiliary.UrineGlucose)
                                 && !string.IsNullOrWhiteSpace(f.Auxiliary.UrineKetones) && !string.IsNullOrWhiteSpace(f.Auxiliary.UrineOccultBlood),
        StarItem.FastingGlucose => f.Auxiliary.FastingGlucoseMmol is not null || f.Auxiliary.FastingGlucoseMgdl is not null,
        StarItem.Ecg => f.Auxiliary.Ecg.Code is not null,
        StarItem.UrineMicroalbumin => f.Auxiliary.UrineMicroalbumin is not null,
        StarItem.FecalOccultBlood => f.Auxiliary.FecalOccultBlood is not null,
        StarItem.HbA1c => f.Auxiliary.HbA1c is not null,
        StarItem.HBsAg => f.Auxiliary.HbsAg is not null,
        // 004 老年人健康管理服务规范 二(三): 肝功能（血清谷草转氨酶、血清谷丙转氨酶和总胆红素）
        StarItem.LiverFunction => f.Auxiliary.Alt is not null && f.Auxiliary.Ast is not null && f.Auxiliary.TotalBilirubin is not null,
        // 004 老年人健康管理服务规范 二(三): 肾功能（血清肌酐和血尿素氮）
        StarItem.KidneyFunction => f.Auxiliary.Creatinine is not null && f.Auxiliary.Urea is not null,
        StarItem.BloodLipids => f.Auxiliary.TotalCholesterol is not null && f.Auxiliary.Triglycerides is not null
                                && f.Auxiliary.Ldl is not null && f.Auxiliary.Hdl is not null,
        StarItem.Ultrasound => f.Auxiliary.Ultrasound.Code is not null,
        StarItem.AuxiliaryOther => !string.IsNullOrWhiteSpace(f.Auxiliary.Other),
        StarItem.Tcm => !f.Tcm.IsEmpty,
        _ => false,
    };

    /// <summary>The JSON path of the field a missing * item is reported on.</summary>
    public static string KeyOf(StarItem item) => item switch
    {
        StarItem.HealthStatus => "general.healthStatus",
        StarItem.SelfCare => "general.selfCare",
        StarItem.Cognition => "general.cognition",
        StarItem.Affect => "general.affect",
        StarItem.Fundus => "physical.fundus.code",
        StarItem.DigitalRectal => "physical.digitalRectal.code",
        StarItem.Breast => "physical.breast",
        StarItem.Gynaecology => "physical.gynaecology",
        StarItem.PhysicalOther => "physical.other",
        StarItem.BloodRoutine => "auxiliary.hemoglobin",
        StarItem.UrineRoutine => "auxiliary.urineProtein",
        StarItem.FastingGlucose => "auxiliary.fastingGlucoseMmol",
        StarItem.Ecg => "auxiliary.ecg.code",
        StarItem.UrineMicroalbumin => "auxiliary.urineMicroalbumin",
        StarItem.FecalOccultBlood => "auxiliary.fecalOccultBlood",
        StarItem.HbA1c => "auxiliary.hbA1c",
        StarItem.HBsAg => "auxiliary.hbsAg",
        StarItem.LiverFunction => "auxiliary.alt",
        StarItem.KidneyFunction => "auxiliary.creatinine",
        StarItem.BloodLipids => "auxiliary.totalCholesterol",
        StarItem.Ultrasound => "auxiliary.ultrasound.code",
        StarItem.AuxiliaryOther => "auxiliary.other",
        _ => "tcm",
    };
}
