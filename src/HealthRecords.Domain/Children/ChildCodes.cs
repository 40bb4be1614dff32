using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Children;

// The code tables of the three child check-up forms (004 0~6岁儿童健康管理服务规范 附件2 1岁以内, 附件3 1~2岁,
// 附件4 3~6岁儿童健康检查记录表). Values are the forms' own numbers; where one row prints different options at
// different ages (面色, 脐部, 可疑佝偻病体征, 指导) each variant is its own table and the form has a field per variant,
// which CheckupItems shows only at its ages. Options with a blank ("异常_____", "其他_____") carry [Blank].

/// <summary>
/// The check-ups of the specification (004 儿童 二(二)(三)(四)): 满月, 3, 6, 8, 12, 18, 24, 30, 36 months and once a
/// year at 4, 5 and 6 years. The value is the target age in months.
/// </summary>
public enum CheckupAge
{
    [Label("满月")] OneMonth = 1,
    [Label("3月龄")] Months3 = 3,
    [Label("6月龄")] Months6 = 6,
    [Label("8月龄")] Months8 = 8,
    [Label("12月龄")] Months12 = 12,
    [Label("18月龄")] Months18 = 18,
    [Label("24月龄")] Months24 = 24,
    [Label("30月龄")] Months30 = 30,
    [Label("3岁")] Years3 = 36,
    [Label("4岁")] Years4 = 48,
    [Label("5岁")] Years5 = 60,
    [Label("6岁")] Years6 = 72,
}

/// <summary>The paper form a check-up is written on; the value is the form's 附件 number in 004 儿童.</summary>
public enum CheckupForm
{
    [Label("1岁以内儿童健康检查记录表")] UnderOne = 2,
    [Label("1~2岁儿童健康检查记录表")] OneToTwo = 3,
    [Label("3~6岁儿童健康检查记录表")] ThreeToSix = 4,
}

/// <summary>未见异常 / 异常_____ (皮肤, 眼外观, 耳外观, 口腔, 心肺, 腹部, 四肢, 步态, 肛门/外生殖器, 3月龄脐部).</summary>
public enum ExamFinding
{
    [Label("未见异常")] Normal = 1,
    [Label("异常"), Blank] Abnormal = 2,
}

/// <summary>面色 at 满月 and 3 months (附件2): 1 红润 2 黄染 3 其他.</summary>
public enum ComplexionEarly
{
    [Label("红润")] Rosy = 1,
    [Label("黄染")] Jaundiced = 2,
    [Label("其他"), Blank] Other = 3,
}

/// <summary>面色 at 6 and 8 months (附件2) and 12–30 months (附件3): 1 红润 2 其他.</summary>
public enum Complexion
{
    [Label("红润")] Rosy = 1,
    [Label("其他"), Blank] Other = 2,
}

/// <summary>前囟: 1 闭合 2 未闭 (with its size ___cm × ___cm).</summary>
public enum Fontanelle
{
    [Label("闭合")] Closed = 1,
    [Label("未闭")] Open = 2,
}

/// <summary>颈部包块 on the check-up form: 1 有 2 无 (note the order, unlike the newborn visit's 1 无 2 有).</summary>
public enum NeckMass
{
    [Label("有")] Present = 1,
    [Label("无")] Absent = 2,
}

/// <summary>听力 (附件2 6月龄, 附件3 12 and 24 months, 附件4 3岁): 1 通过 2 未通过 (附件4 prints "未过").</summary>
public enum HearingScreen
{
    [Label("通过")] Pass = 1,
    [Label("未通过")] Fail = 2,
}

/// <summary>脐部 at 满月 (附件2): 1 未脱 2 脱落 3 脐部有渗出 4 其他.</summary>
public enum UmbilicusNewborn
{
    [Label("未脱")] Attached = 1,
    [Label("脱落")] Detached = 2,
    [Label("脐部有渗出")] Discharge = 3,
    [Label("其他"), Blank] Other = 4,
}

/// <summary>可疑佝偻病症状 at 3, 6 and 8 months (multi-select; 1 无 excludes the others).</summary>
public enum RicketsSymptom
{
    [Label("无")] None = 1,
    [Label("夜惊")] NightTerrors = 2,
    [Label("多汗")] Sweating = 3,
    [Label("烦躁")] Irritability = 4,
}

/// <summary>可疑佝偻病体征 at 满月 and 3 months (multi-select; 1 无 excludes the others).</summary>
public enum RicketsSignEarly
{
    [Label("无")] None = 1,
    [Label("颅骨软化")] Craniotabes = 2,
    [Label("方颅")] SquareSkull = 3,
    [Label("枕秃")] OccipitalBaldness = 4,
}

/// <summary>可疑佝偻病体征 at 6 and 8 months (multi-select; the form prints no 无: none ticked means none found).</summary>
public enum RicketsSignInfant
{
    [Label("肋串珠")] RachiticRosary = 1,
    [Label("肋外翻")] RibFlaring = 2,
    [Label("肋软骨沟")] HarrisonGroove = 3,
    [Label("鸡胸")] PigeonChest = 4,
    [Label("手镯征")] WristBracelet = 5,
}

/// <summary>可疑佝偻病体征 at 12, 18 and 24 months (附件3; multi-select, no 无 on the form).</summary>
public enum RicketsSignToddler
{
    [Label("“O”型腿")] BowLegs = 1,
    [Label("“X”型腿")] KnockKnees = 2,
}

/// <summary>发育评估 (附件2, 附件3 to 24 months): 1 通过 2 未过 (填表说明 6: 按儿童生长发育监测图的运动发育指标).</summary>
public enum DevelopmentAssessment
{
    [Label("通过")] Pass = 1,
    [Label("未过")] Fail = 2,
}

/// <summary>两次随访间患病情况 on 附件2 and 附件3: 1 未患病 2 患病 (填表说明 7: 若有，填写具体疾病名称).</summary>
public enum IllnessSinceLastVisit
{
    [Label("未患病")] None = 1,
    [Label("患病"), Blank] Ill = 2,
}

/// <summary>两次随访间患病情况 on 附件4 (multi-select with counts; 1 无 excludes the others; 填表说明 4: 在所患疾病后填写住院次数).</summary>
public enum PreschoolIllness
{
    [Label("无")] None = 1,
    [Label("肺炎")] Pneumonia = 2,
    [Label("腹泻")] Diarrhoea = 3,
    [Label("外伤")] Injury = 4,
    [Label("其他"), Blank] Other = 5,
}

/// <summary>转诊建议: 1 无 2 有 (原因, 机构及科室).</summary>
public enum ReferralAdvice
{
    [Label("无")] No = 1,
    [Label("有")] Yes = 2,
}

/// <summary>指导 up to 18 months (附件2, 附件3 12 and 18 months): multi-select, other guidance in words.</summary>
public enum InfantGuidance
{
    [Label("科学喂养")] Feeding = 1,
    [Label("生长发育")] Growth = 2,
    [Label("疾病预防")] DiseasePrevention = 3,
    [Label("预防意外伤害")] InjuryPrevention = 4,
    [Label("口腔保健")] OralHealth = 5,
}

/// <summary>指导 from 24 months (附件3 24 and 30 months, 附件4): 1 is 合理膳食 instead of 科学喂养.</summary>
public enum ChildGuidance
{
    [Label("合理膳食")] Diet = 1,
    [Label("生长发育")] Growth = 2,
    [Label("疾病预防")] DiseasePrevention = 3,
    [Label("预防意外伤害")] InjuryPrevention = 4,
    [Label("口腔保健")] OralHealth = 5,
}

/// <summary>The chart vision is read on (附件4 填表说明 3(1): 国际视力表或对数视力表均可). Numbers ours: the form has a blank.</summary>
public enum VisionChart
{
    /// <summary>国际标准视力表: decimal values, e.g. 1.0.</summary>
    [Label("国际标准视力表")] Decimal = 1,
    /// <summary>标准对数视力表: five-point values, e.g. 5.0 (= 1.0).</summary>
    [Label("标准对数视力表")] FivePoint = 2,
}
