namespace HealthRecords.Domain.Examinations;

// The code tables of 健康体检表 (004 城乡居民健康档案管理服务规范 附件4). Values are the form's own numbers.
// An option printed with a blank to write on ("其他_____", "异常_____", "有_____") carries [Blank]: choosing it asks for the text.

/// <summary>Marks the option of a code table that has a blank on the paper form to be written out.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class BlankAttribute : Attribute;

/// <summary>症状 (multi-select; 1 无症状 excludes the others).</summary>
public enum Symptom
{
    [Label("无症状")] None = 1,
    [Label("头痛")] Headache = 2,
    [Label("头晕")] Dizziness = 3,
    [Label("心悸")] Palpitation = 4,
    [Label("胸闷")] ChestTightness = 5,
    [Label("胸痛")] ChestPain = 6,
    [Label("慢性咳嗽")] ChronicCough = 7,
    [Label("咳痰")] Sputum = 8,
    [Label("呼吸困难")] Dyspnoea = 9,
    [Label("多饮")] Polydipsia = 10,
    [Label("多尿")] Polyuria = 11,
    [Label("体重下降")] WeightLoss = 12,
    [Label("乏力")] Fatigue = 13,
    [Label("关节肿痛")] JointPain = 14,
    [Label("视力模糊")] BlurredVision = 15,
    [Label("手脚麻木")] Numbness = 16,
    [Label("尿急")] UrinaryUrgency = 17,
    [Label("尿痛")] Dysuria = 18,
    [Label("便秘")] Constipation = 19,
    [Label("腹泻")] Diarrhoea = 20,
    [Label("恶心呕吐")] Nausea = 21,
    [Label("眼花")] DimVision = 22,
    [Label("耳鸣")] Tinnitus = 23,
    [Label("乳房胀痛")] BreastPain = 24,
    [Label("其他"), Blank] Other = 25,
}

/// <summary>老年人健康状态自我评估*.</summary>
public enum HealthSelfAssessment
{
    [Label("满意")] Satisfied = 1,
    [Label("基本满意")] FairlySatisfied = 2,
    [Label("说不清楚")] NotSure = 3,
    [Label("不太满意")] NotVerySatisfied = 4,
    [Label("不满意")] Dissatisfied = 5,
}

/// <summary>老年人生活自理能力自我评估*: the band of the 老年人生活自理能力评估表 total (never typed, see Elderly.SelfCareAssessment).</summary>
public enum SelfCareLevel
{
    [Label("可自理（0~3分）")] Independent = 1,
    [Label("轻度依赖（4~8分）")] MildlyDependent = 2,
    [Label("中度依赖（9~18分）")] ModeratelyDependent = 3,
    [Label("不能自理（≥19分）")] Dependent = 4,
}

/// <summary>老年人认知功能* / 老年人情感状态*: the rough screen; positive asks for the MMSE / GDS total.</summary>
public enum ScreenResult
{
    [Label("粗筛阴性")] Negative = 1,
    [Label("粗筛阳性")] Positive = 2,
}

/// <summary>体育锻炼 锻炼频率.</summary>
public enum ExerciseFrequency
{
    [Label("每天")] Daily = 1,
    [Label("每周一次以上")] Weekly = 2,
    [Label("偶尔")] Occasionally = 3,
    [Label("不锻炼")] Never = 4,
}

/// <summary>饮食习惯 (multi-select).</summary>
public enum DietHabit
{
    [Label("荤素均衡")] Balanced = 1,
    [Label("荤食为主")] MeatBased = 2,
    [Label("素食为主")] Vegetarian = 3,
    [Label("嗜盐")] Salty = 4,
    [Label("嗜油")] Oily = 5,
    [Label("嗜糖")] Sweet = 6,
}

/// <summary>吸烟状况.</summary>
public enum SmokingStatus
{
    [Label("从不吸烟")] Never = 1,
    [Label("已戒烟")] Quit = 2,
    [Label("吸烟")] Smoker = 3,
}

/// <summary>饮酒频率.</summary>
public enum DrinkingFrequency
{
    [Label("从不")] Never = 1,
    [Label("偶尔")] Occasionally = 2,
    [Label("经常")] Often = 3,
    [Label("每天")] Daily = 4,
}

/// <summary>是否戒酒: 2 已戒酒 asks for the age.</summary>
public enum QuitDrinking
{
    [Label("未戒酒")] No = 1,
    [Label("已戒酒")] Yes = 2,
}

/// <summary>近一年内是否曾醉酒: 1 是 2 否.</summary>
public enum YesNo
{
    [Label("是")] Yes = 1,
    [Label("否")] No = 2,
}

/// <summary>饮酒种类 (multi-select).</summary>
public enum AlcoholType
{
    [Label("白酒")] Liquor = 1,
    [Label("啤酒")] Beer = 2,
    [Label("红酒")] Wine = 3,
    [Label("黄酒")] RiceWine = 4,
    [Label("其他"), Blank] Other = 5,
}

/// <summary>职业病危害因素接触史 and each 防护措施: 1 无 2 有.</summary>
public enum NoYes
{
    [Label("无")] No = 1,
    [Label("有"), Blank] Yes = 2,
}

/// <summary>口腔 口唇.</summary>
public enum Lips
{
    [Label("红润")] Rosy = 1,
    [Label("苍白")] Pale = 2,
    [Label("发绀")] Cyanotic = 3,
    [Label("皲裂")] Chapped = 4,
    [Label("疱疹")] Herpes = 5,
}

/// <summary>口腔 齿列.</summary>
public enum Dentition
{
    [Label("正常")] Normal = 1,
    [Label("缺齿")] Missing = 2,
    [Label("龋齿")] Caries = 3,
    [Label("义齿(假牙)")] Denture = 4,
}

/// <summary>口腔 咽部.</summary>
public enum Pharynx
{
    [Label("无充血")] Normal = 1,
    [Label("充血")] Congested = 2,
    [Label("淋巴滤泡增生")] FollicularHyperplasia = 3,
}

/// <summary>听力.</summary>
public enum Hearing
{
    [Label("听见")] Hears = 1,
    [Label("听不清或无法听见")] Impaired = 2,
}

/// <summary>运动功能.</summary>
public enum MotorFunction
{
    [Label("可顺利完成")] Able = 1,
    [Label("无法独立完成其中任何一个动作")] Unable = 2,
}

/// <summary>眼底*, 呼吸音 (正常/异常), 心电图*, 胸部X线, B超*, 宫颈涂片.</summary>
public enum NormalAbnormal
{
    [Label("正常")] Normal = 1,
    [Label("异常"), Blank] Abnormal = 2,
}

/// <summary>妇科* 外阴、阴道、宫颈、宫体、附件.</summary>
public enum GynFinding
{
    [Label("未见异常")] Normal = 1,
    [Label("异常"), Blank] Abnormal = 2,
}

/// <summary>皮肤.</summary>
public enum Skin
{
    [Label("正常")] Normal = 1,
    [Label("潮红")] Flushed = 2,
    [Label("苍白")] Pale = 3,
    [Label("发绀")] Cyanotic = 4,
    [Label("黄染")] Jaundiced = 5,
    [Label("色素沉着")] Pigmented = 6,
    [Label("其他"), Blank] Other = 7,
}

/// <summary>巩膜.</summary>
public enum Sclera
{
    [Label("正常")] Normal = 1,
    [Label("黄染")] Jaundiced = 2,
    [Label("充血")] Congested = 3,
    [Label("其他"), Blank] Other = 4,
}

/// <summary>淋巴结.</summary>
public enum LymphNodes
{
    [Label("未触及")] NotPalpable = 1,
    [Label("锁骨上")] Supraclavicular = 2,
    [Label("腋窝")] Axillary = 3,
    [Label("其他"), Blank] Other = 4,
}

/// <summary>肺 桶状胸: 1 否 2 是 (note the order).</summary>
public enum BarrelChest
{
    [Label("否")] No = 1,
    [Label("是")] Yes = 2,
}

/// <summary>肺 罗音.</summary>
public enum Rales
{
    [Label("无")] None = 1,
    [Label("干罗音")] Dry = 2,
    [Label("湿罗音")] Moist = 3,
    [Label("其他"), Blank] Other = 4,
}

/// <summary>心脏 心律.</summary>
public enum HeartRhythm
{
    [Label("齐")] Regular = 1,
    [Label("不齐")] Irregular = 2,
    [Label("绝对不齐")] AbsolutelyIrregular = 3,
}

/// <summary>下肢水肿.</summary>
public enum LowerLimbEdema
{
    [Label("无")] None = 1,
    [Label("单侧")] OneSide = 2,
    [Label("双侧不对称")] BothAsymmetric = 3,
    [Label("双侧对称")] BothSymmetric = 4,
}

/// <summary>足背动脉搏动 (糖尿病患者必须进行此项检查).</summary>
public enum DorsalisPedisPulse
{
    [Label("未触及")] NotPalpable = 1,
    [Label("触及双侧对称")] Symmetric = 2,
    [Label("触及左侧弱或消失")] LeftWeak = 3,
    [Label("触及右侧弱或消失")] RightWeak = 4,
}

/// <summary>肛门指诊*.</summary>
public enum DigitalRectalExam
{
    [Label("未及异常")] Normal = 1,
    [Label("触痛")] Tenderness = 2,
    [Label("包块")] Mass = 3,
    [Label("前列腺异常")] Prostate = 4,
    [Label("其他"), Blank] Other = 5,
}

/// <summary>乳腺* (multi-select; 1 未见异常 excludes the others).</summary>
public enum BreastFinding
{
    [Label("未见异常")] Normal = 1,
    [Label("乳房切除")] Mastectomy = 2,
    [Label("异常泌乳")] AbnormalLactation = 3,
    [Label("乳腺包块")] Mass = 4,
    [Label("其他"), Blank] Other = 5,
}

/// <summary>大便潜血*, 乙型肝炎表面抗原*.</summary>
public enum NegativePositive
{
    [Label("阴性")] Negative = 1,
    [Label("阳性")] Positive = 2,
}

/// <summary>The nine constitutions of 中医体质辨识* (《中医体质分类与判定标准》), in the form's order.</summary>
public enum TcmConstitution
{
    [Label("平和质")] Balanced = 1,
    [Label("气虚质")] QiDeficiency = 2,
    [Label("阳虚质")] YangDeficiency = 3,
    [Label("阴虚质")] YinDeficiency = 4,
    [Label("痰湿质")] PhlegmDampness = 5,
    [Label("湿热质")] DampHeat = 6,
    [Label("血瘀质")] BloodStasis = 7,
    [Label("气郁质")] QiStagnation = 8,
    [Label("特禀质")] Inherited = 9,
}

/// <summary>The answer for one constitution: 1 是 2 倾向是 (平和质: 2 基本是, see <see cref="TcmRules.AnswerLabel"/>).</summary>
public enum TcmAnswer
{
    [Label("是")] Yes = 1,
    [Label("倾向是")] Leaning = 2,
}

/// <summary>现存主要健康问题 脑血管疾病 (multi-select).</summary>
public enum CerebrovascularDisease
{
    [Label("未发现")] None = 1,
    [Label("缺血性卒中")] IschaemicStroke = 2,
    [Label("脑出血")] Haemorrhage = 3,
    [Label("蛛网膜下腔出血")] Subarachnoid = 4,
    [Label("短暂性脑缺血发作")] Tia = 5,
    [Label("其他"), Blank] Other = 6,
}

/// <summary>现存主要健康问题 肾脏疾病 (multi-select).</summary>
public enum KidneyDisease
{
    [Label("未发现")] None = 1,
    [Label("糖尿病肾病")] DiabeticNephropathy = 2,
    [Label("肾功能衰竭")] RenalFailure = 3,
    [Label("急性肾炎")] AcuteNephritis = 4,
    [Label("慢性肾炎")] ChronicNephritis = 5,
    [Label("其他"), Blank] Other = 6,
}

/// <summary>现存主要健康问题 心脏疾病 (multi-select).</summary>
public enum HeartDisease
{
    [Label("未发现")] None = 1,
    [Label("心肌梗死")] MyocardialInfarction = 2,
    [Label("心绞痛")] Angina = 3,
    [Label("冠状动脉血运重建")] Revascularisation = 4,
    [Label("充血性心力衰竭")] HeartFailure = 5,
    [Label("心前区疼痛")] PrecordialPain = 6,
    [Label("其他"), Blank] Other = 7,
}

/// <summary>现存主要健康问题 血管疾病 (multi-select).</summary>
public enum VascularDisease
{
    [Label("未发现")] None = 1,
    [Label("夹层动脉瘤")] DissectingAneurysm = 2,
    [Label("动脉闭塞性疾病")] ArterialOcclusion = 3,
    [Label("其他"), Blank] Other = 4,
}

/// <summary>现存主要健康问题 眼部疾病 (multi-select).</summary>
public enum EyeDisease
{
    [Label("未发现")] None = 1,
    [Label("视网膜出血或渗出")] RetinalHaemorrhage = 2,
    [Label("视乳头水肿")] Papilloedema = 3,
    [Label("白内障")] Cataract = 4,
    [Label("其他"), Blank] Other = 5,
}

/// <summary>现存主要健康问题 神经系统疾病 / 其他系统疾病: 1 未发现 2 有_____.</summary>
public enum NotFoundOrPresent
{
    [Label("未发现")] NotFound = 1,
    [Label("有"), Blank] Present = 2,
}

/// <summary>主要用药情况 服药依从性 (not asked at the elderly annual check, 填表说明 11).</summary>
public enum MedicationAdherence
{
    [Label("规律")] Regular = 1,
    [Label("间断")] Intermittent = 2,
    [Label("不服药")] NotTaking = 3,
}

/// <summary>健康评价.</summary>
public enum HealthEvaluation
{
    [Label("体检无异常")] Normal = 1,
    [Label("有异常")] Abnormal = 2,
}

/// <summary>健康指导 (multi-select).</summary>
public enum HealthGuidance
{
    [Label("纳入慢性病患者健康管理")] ChronicDiseaseManagement = 1,
    [Label("建议复查")] Recheck = 2,
    [Label("建议转诊")] Referral = 3,
}

/// <summary>危险因素控制 (multi-select): 5 asks for the target weight, 6 for the vaccine, 7 for the text.</summary>
public enum RiskFactorControl
{
    [Label("戒烟")] QuitSmoking = 1,
    [Label("健康饮酒")] HealthyDrinking = 2,
    [Label("饮食")] Diet = 3,
    [Label("锻炼")] Exercise = 4,
    [Label("减体重"), Blank] LoseWeight = 5,
    [Label("建议接种疫苗"), Blank] Vaccination = 6,
    [Label("其他"), Blank] Other = 7,
}

/// <summary>The nine constitutions' answer labels: 平和质 prints 1 是 2 基本是, the others 1 是 2 倾向是.</summary>
public static class TcmRules
{
    public static string AnswerLabel(TcmConstitution constitution, TcmAnswer answer) =>
        answer == TcmAnswer.Leaning && constitution == TcmConstitution.Balanced ? "基本是" : answer.Label();
}

/// <summary>Reads <see cref="BlankAttribute"/>.</summary>
public static class Blanks
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, int), bool> Cache = new();

    /// <summary>True when the option has a blank to write on (its text is then expected).</summary>
    public static bool HasBlank<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Cache.GetOrAdd((typeof(TEnum), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)), static k =>
            k.Item1.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                .Any(f => Convert.ToInt32(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture) == k.Item2
                          && f.IsDefined(typeof(BlankAttribute), false)));
}
