using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Maternal;

// The code tables of 新生儿家庭访视记录表 (004 0~6岁儿童健康管理服务规范 附件1). Values are the form's own numbers.
// 性别 is Codes.Sex (the same GB/T 2261.1 table, 0 1 2 9); 是否有畸形 and 颈部包块 (1 无 2 有_____) are Examinations.NoYes;
// 新生儿窒息 and 呕吐 (1 无 2 有) are Records.Presence; the examined items (1 未见异常 2 异常_____) are CheckResult.

/// <summary>母亲妊娠期患病情况 (1 糖尿病 2 妊娠期高血压 3 其他_____). The paper has one box and no 无; a mother may have both
/// conditions, so several may be ticked here, and nothing ticked means none.</summary>
public enum MaternalIllness
{
    [Label("糖尿病")] Diabetes = 1,
    [Label("妊娠期高血压")] GestationalHypertension = 2,
    [Label("其他"), Blank] Other = 3,
}

/// <summary>
/// 出生情况 (□/□: up to two, e.g. 4 剖宫 and 5 双多胎). Also the delivery mode of the delivery information, which takes
/// every option but 5 双多胎 (that follows from the number of babies), so the newborn form is filled from it unasked.
/// </summary>
public enum BirthCircumstance
{
    [Label("顺产")] Spontaneous = 1,
    [Label("胎头吸引")] Vacuum = 2,
    [Label("产钳")] Forceps = 3,
    [Label("剖宫")] Caesarean = 4,
    [Label("双多胎")] Multiple = 5,
    [Label("臀位")] Breech = 6,
    [Label("其他"), Blank] Other = 7,
}

/// <summary>新生儿听力筛查 (填表说明 6: 询问结果; 不清楚为不详).</summary>
public enum HearingScreening
{
    [Label("通过")] Passed = 1,
    [Label("未通过")] NotPassed = 2,
    [Label("未筛查")] NotScreened = 3,
    [Label("不详")] Unknown = 4,
}

/// <summary>新生儿疾病筛查 (填表说明 7: 筛查过的在相应疾病上划√；其他遗传代谢病写明名称). Nothing ticked: not screened.</summary>
public enum MetabolicScreening
{
    [Label("甲低")] Hypothyroidism = 1,
    [Label("苯丙酮尿症")] Phenylketonuria = 2,
    [Label("其他遗传代谢病"), Blank] OtherMetabolic = 3,
}

/// <summary>喂养方式 (填表说明 8: 纯母乳 — only breast milk, medicines, vitamins and minerals allowed; 混合 — breast milk
/// with other milk; 人工 — no breast milk).</summary>
public enum FeedingMode
{
    [Label("纯母乳")] ExclusiveBreastfeeding = 1,
    [Label("混合")] Mixed = 2,
    [Label("人工")] Formula = 3,
}

/// <summary>*大便 (asked of low-birth-weight, twin and preterm babies: 填表说明 9).</summary>
public enum StoolConsistency
{
    [Label("糊状")] Pasty = 1,
    [Label("稀")] Loose = 2,
}

/// <summary>面色.</summary>
public enum Complexion
{
    [Label("红润")] Rosy = 1,
    [Label("黄染")] Jaundiced = 2,
    [Label("其他"), Blank] Other = 3,
}

/// <summary>黄疸部位. Jaundice spreads from the face down to the hands and feet, so the options are in order of extent;
/// several may be ticked, nothing ticked means no jaundice seen.</summary>
public enum JaundiceSite
{
    [Label("面部")] Face = 1,
    [Label("躯干")] Trunk = 2,
    [Label("四肢")] Limbs = 3,
    [Label("手足")] HandsAndFeet = 4,
}

/// <summary>前囟.</summary>
public enum Fontanelle
{
    [Label("正常")] Normal = 1,
    [Label("膨隆")] Bulging = 2,
    [Label("凹陷")] Sunken = 3,
    [Label("其他"), Blank] Other = 4,
}

/// <summary>皮肤 (填表说明 10).</summary>
public enum NewbornSkin
{
    [Label("未见异常")] Normal = 1,
    [Label("湿疹")] Eczema = 2,
    [Label("糜烂")] Erosion = 3,
    [Label("其他"), Blank] Other = 4,
}

/// <summary>脐带.</summary>
public enum Umbilicus
{
    [Label("未脱")] Attached = 1,
    [Label("脱落")] Separated = 2,
    [Label("脐部有渗出")] Discharge = 3,
    [Label("其他"), Blank] Other = 4,
}

/// <summary>指导 (填表说明 11: 可以多选，未列出的其他指导请具体填写).</summary>
public enum NewbornGuidance
{
    [Label("喂养指导")] Feeding = 1,
    [Label("发育指导")] Development = 2,
    [Label("防病指导")] DiseasePrevention = 3,
    [Label("预防伤害指导")] InjuryPrevention = 4,
    [Label("口腔保健指导")] OralHealth = 5,
}
