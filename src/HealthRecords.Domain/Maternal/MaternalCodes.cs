using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Maternal;

// The code tables of the four forms of 004 孕产妇健康管理服务规范 (附件1 第1次产前随访服务记录表, 附件2 第2~5次产前随访服务记录表,
// 附件3 产后访视记录表, 附件4 产后42天健康检查记录表). Values are the forms' own numbers; an option printed with a blank
// to write on ("其他_____", "异常_____") carries [Blank] (Examinations.BlankAttribute). Tables shared with other forms
// are reused, not copied: 1 无 2 有_____ is Examinations.NoYes, 1 阴性 2 阳性 is Examinations.NegativePositive,
// ABO is Records.BloodType.

/// <summary>1 未见异常 2 异常_____: every examined item of the maternal and newborn forms (听诊, 妇科检查, 总体评估, 分类,
/// 乳房, 恶露, 子宫, 伤口; the newborn's 眼外观 … 脊柱).</summary>
public enum CheckResult
{
    [Label("未见异常")] Normal = 1,
    [Label("异常"), Blank] Abnormal = 2,
}

/// <summary>既往史 (附件1; 填表说明 7: 可以多选; 1 无 excludes the others).</summary>
public enum PastIllness
{
    [Label("无")] None = 1,
    [Label("心脏病")] HeartDisease = 2,
    [Label("肾脏疾病")] KidneyDisease = 3,
    [Label("肝脏疾病")] LiverDisease = 4,
    [Label("高血压")] Hypertension = 5,
    [Label("贫血")] Anaemia = 6,
    [Label("糖尿病")] Diabetes = 7,
    [Label("其他"), Blank] Other = 8,
}

/// <summary>家族史 (附件1, □/□/□; 填表说明 8: the woman's parents, husband, siblings or other children; 若有，请具体说明).
/// The paper has no 无: nothing ticked means none.</summary>
public enum FamilyHistoryItem
{
    [Label("遗传性疾病史")] HereditaryDisease = 1,
    [Label("精神疾病史")] MentalIllness = 2,
    [Label("其他"), Blank] Other = 3,
}

/// <summary>个人史 (附件1, □/□/□/□/□; 填表说明 9: 可以多选). Nothing ticked means none.</summary>
public enum PersonalHistoryItem
{
    [Label("吸烟")] Smoking = 1,
    [Label("饮酒")] Drinking = 2,
    [Label("服用药物")] Medication = 3,
    [Label("接触有毒有害物质")] ToxicSubstances = 4,
    [Label("接触放射线")] Radiation = 5,
    [Label("其他"), Blank] Other = 6,
}

/// <summary>阴道分泌物* (附件1, □/□/□; 1 未见异常 excludes the others).</summary>
public enum VaginalDischarge
{
    [Label("未见异常")] Normal = 1,
    [Label("滴虫")] Trichomonas = 2,
    [Label("假丝酵母菌")] Candida = 3,
    [Label("其他"), Blank] Other = 4,
}

/// <summary>阴道清洁度 (附件1).</summary>
public enum VaginalCleanliness
{
    [Label("I度")] Grade1 = 1,
    [Label("II度")] Grade2 = 2,
    [Label("III度")] Grade3 = 3,
    [Label("IV度")] Grade4 = 4,
}

/// <summary>保健指导 of 第1次产前随访 (附件1, □/□/□/□/□; 填表说明 14: 可以多选).</summary>
public enum FirstVisitGuidance
{
    [Label("个人卫生")] Hygiene = 1,
    [Label("心理")] Psychology = 2,
    [Label("营养")] Nutrition = 3,
    [Label("避免致畸因素和疾病对胚胎的不良影响")] AvoidTeratogens = 4,
    [Label("产前筛查宣传告知")] PrenatalScreeningInformation = 5,
    [Label("其他"), Blank] Other = 6,
}

/// <summary>指导 of the 第2次 column (附件2; 填表说明 8: 可以多选).</summary>
public enum SecondVisitGuidance
{
    [Label("个人卫生")] Hygiene = 1,
    [Label("膳食")] Diet = 2,
    [Label("心理")] Psychology = 3,
    [Label("运动")] Exercise = 4,
    [Label("其他"), Blank] Other = 5,
}

/// <summary>指导 of the 第3次 column (附件2): the second-round list plus 自我监护 and 母乳喂养, so 其他 moves to 7.</summary>
public enum ThirdVisitGuidance
{
    [Label("个人卫生")] Hygiene = 1,
    [Label("膳食")] Diet = 2,
    [Label("心理")] Psychology = 3,
    [Label("运动")] Exercise = 4,
    [Label("自我监护")] SelfCare = 5,
    [Label("母乳喂养")] Breastfeeding = 6,
    [Label("其他"), Blank] Other = 7,
}

/// <summary>指导 of the 第4次* and 第5次* columns (附件2): 自我监测, 分娩准备, 母乳喂养, 其他 at 8.</summary>
public enum LateVisitGuidance
{
    [Label("个人卫生")] Hygiene = 1,
    [Label("膳食")] Diet = 2,
    [Label("心理")] Psychology = 3,
    [Label("运动")] Exercise = 4,
    [Label("自我监测")] SelfMonitoring = 5,
    [Label("分娩准备")] BirthPreparation = 6,
    [Label("母乳喂养")] Breastfeeding = 7,
    [Label("其他"), Blank] Other = 8,
}

/// <summary>指导 of 产后访视记录表 (附件3; 填表说明 6: 可以多选).</summary>
public enum PostpartumGuidance
{
    [Label("个人卫生")] Hygiene = 1,
    [Label("心理")] Psychology = 2,
    [Label("营养")] Nutrition = 3,
    [Label("母乳喂养")] Breastfeeding = 4,
    [Label("新生儿护理与喂养")] NewbornCare = 5,
    [Label("其他"), Blank] Other = 6,
}

/// <summary>分类 of 产后42天健康检查记录表 (附件4; 填表说明 4: 若为未恢复，具体写明情况).</summary>
public enum RecoveryClass
{
    [Label("已恢复")] Recovered = 1,
    [Label("未恢复"), Blank] NotRecovered = 2,
}

/// <summary>指导 of 产后42天健康检查记录表 (附件4; 填表说明 5: 可以多选).</summary>
public enum Check42Guidance
{
    [Label("性保健")] SexualHealth = 1,
    [Label("避孕")] Contraception = 2,
    [Label("婴儿喂养及营养")] InfantFeeding = 3,
    [Label("其他"), Blank] Other = 4,
}

/// <summary>处理 of 产后42天健康检查记录表 (附件4; 填表说明 6: 已恢复正常则结案，需转诊则写明原因和机构).</summary>
public enum Check42Disposition
{
    [Label("结案")] Close = 1,
    [Label("转诊")] Refer = 2,
}

/// <summary>
/// The problems of 004 孕产妇 二(四)3 that send a woman after childbirth to a higher-level institution. The 产后访视记录表
/// has no box for them (the paper writes them under 分类 异常 and 转诊 原因); they are kept as ticks so that the referral
/// rule can read them. Numbers are ours, in the order of the clause.
/// </summary>
public enum PostpartumProblem
{
    [Label("产褥感染")] PuerperalInfection = 1,
    [Label("产后出血")] Haemorrhage = 2,
    [Label("子宫复旧不佳")] PoorInvolution = 3,
    [Label("妊娠合并症未恢复")] UnresolvedComplication = 4,
    [Label("产后抑郁")] PostpartumDepression = 5,
}

/// <summary>
/// 危急征象 of a pregnant woman (004 孕产妇 二(二)3: 出现危急征象的孕妇，要立即转上级医疗卫生机构). 004 names the rule but
/// lists no signs, and the 2011 prenatal forms have no box for them; these are the warning signs commonly taught to
/// pregnant women in China, ticked by the doctor when present. Numbers are ours. Measured danger signs (blood
/// pressure, fetal heart rate, glucose) are decided from the form's values by <see cref="PrenatalRules"/>.
/// </summary>
public enum PrenatalDangerSign
{
    [Label("阴道流血")] VaginalBleeding = 1,
    [Label("剧烈腹痛")] SevereAbdominalPain = 2,
    [Label("阴道流液（破水）")] RupturedMembranes = 3,
    [Label("剧烈头痛、头晕眼花或视物模糊")] SevereHeadacheOrBlurredVision = 4,
    [Label("抽搐或意识改变")] ConvulsionOrConsciousnessChange = 5,
    [Label("胎动明显减少或消失")] ReducedFetalMovement = 6,
    [Label("高热（体温≥38.5℃）")] HighFever = 7,
    [Label("心悸气短、胸闷或呼吸困难")] BreathlessnessOrPalpitation = 8,
    [Label("剧烈呕吐不能进食")] SevereVomiting = 9,
}

/// <summary>What the rules advise about referral after a maternal or newborn visit.</summary>
public enum ReferralAdvice
{
    [Label("无需转诊")] None = 0,
    [Label("建议转诊，2周内随访转诊结果")] Referral = 1,
    [Label("立即转诊，2周内随访转诊结果")] Urgent = 2,
}
