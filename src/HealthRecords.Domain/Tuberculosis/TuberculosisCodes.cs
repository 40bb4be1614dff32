using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Tuberculosis;

// The code tables of 肺结核患者第一次入户随访记录表 and 肺结核患者随访服务记录表 (国家基本公共卫生服务规范（第三版）
// 肺结核患者健康管理服务规范 附件). Values are the printed forms' numbers. 随访方式 1 门诊 2 家庭 3 电话 is
// Chronic.VisitMode (the first visit offers only 1 and 2), 通风情况 1 良好 2 一般 3 差 is Chronic.Rating, and 药物不良反应 /
// 并发症或合并症 1 无 2 有____ is Examinations.NoYes: the same tables with the same labels.

/// <summary>患者类型 (第一次入户随访记录表).</summary>
public enum PatientType
{
    [Label("初治")] New = 1,
    [Label("复治")] Retreatment = 2,
}

/// <summary>痰菌情况 (第一次入户随访记录表).</summary>
public enum SputumResult
{
    [Label("阳性")] Positive = 1,
    [Label("阴性")] Negative = 2,
    [Label("未查痰")] NotExamined = 3,
}

/// <summary>耐药情况 (第一次入户随访记录表).</summary>
public enum DrugResistance
{
    [Label("耐药")] Resistant = 1,
    [Label("非耐药")] Susceptible = 2,
    [Label("未检测")] NotTested = 3,
}

/// <summary>症状及体征 (both forms): several may be ticked, 0 没有症状 alone; 其他 is written out without a number.</summary>
public enum TbSymptom
{
    [Label("没有症状")] None = 0,
    [Label("咳嗽咳痰")] CoughSputum = 1,
    [Label("低热盗汗")] LowFeverNightSweats = 2,
    [Label("咯血或血痰")] Haemoptysis = 3,
    [Label("胸痛消瘦")] ChestPainWeightLoss = 4,
    [Label("恶心纳差")] NauseaAnorexia = 5,
    [Label("关节疼痛")] JointPain = 6,
    [Label("头痛失眠")] HeadacheInsomnia = 7,
    [Label("视物模糊")] BlurredVision = 8,
    [Label("皮肤瘙痒、皮疹")] ItchRash = 9,
    [Label("耳鸣、听力下降")] TinnitusHearingLoss = 10,
}

/// <summary>用药 用法 (both forms and 服药卡): 每日, or 间歇 (taken every other day; see <see cref="TreatmentCourse.IsDoseDay"/>).</summary>
public enum DosingSchedule
{
    [Label("每日")] Daily = 1,
    [Label("间歇")] Intermittent = 2,
}

/// <summary>用药 药品剂型 (both forms): several may be ticked.</summary>
public enum DrugForm
{
    [Label("固定剂量复合制剂")] FixedDoseCombination = 1,
    [Label("散装药")] Loose = 2,
    [Label("板式组合药")] BlisterCombination = 3,
    [Label("注射剂")] Injection = 4,
}

/// <summary>
/// 督导人员选择 (第一次入户随访记录表) and 督导人员 (随访服务记录表). The printed form reads 1 医生 2 家属 3 自服药 4 其他;
/// third-edition.md §3 lists 医生 / 家属 / 志愿者 / 其他, and the printed form wins (a volunteer is 4 其他, written out).
/// </summary>
public enum SupervisorType
{
    [Label("医生")] Doctor = 1,
    [Label("家属")] Family = 2,
    [Label("自服药")] SelfAdministered = 3,
    [Label("其他"), Blank] Other = 4,
}

/// <summary>家庭居住环境评估 单独的居室 (第一次入户随访记录表): 1 有 2 无.</summary>
public enum SeparateRoom
{
    [Label("有")] Yes = 1,
    [Label("无")] No = 2,
}

/// <summary>健康教育及培训, each topic (第一次入户随访记录表): 1 掌握 2 未掌握.</summary>
public enum Mastery
{
    [Label("掌握")] Mastered = 1,
    [Label("未掌握")] NotMastered = 2,
}

/// <summary>
/// 停止治疗原因 (随访服务记录表). The printed form's 4 reads 转入耐多药治疗 (third-edition.md §3: 转入耐药治疗); the printed
/// form wins.
/// </summary>
public enum StopReason
{
    [Label("完成疗程")] Completed = 1,
    [Label("死亡")] Died = 2,
    [Label("丢失")] Lost = 3,
    [Label("转入耐多药治疗")] MultidrugResistant = 4,
}

/// <summary>The phase of treatment the follow-up interval depends on (no number on the forms).</summary>
public enum TreatmentPhase
{
    [Label("强化期")] Intensive = 1,
    [Label("继续期")] Continuation = 2,
}

/// <summary>What the 分类干预 of the 3rd edition asks after a follow-up (第三版 肺结核 二(三)3).</summary>
public enum TuberculosisAction
{
    [Label("继续督导服药，并预约下一次随访时间")] ContinueSupervision = 1,
    [Label("未按医嘱服药：查明原因，若是不良反应引起的则转诊，若其他原因则对患者强化健康教育")] FindCauseOfMissedDoses = 2,
    [Label("漏服药超过1周：及时向上级专业机构报告")] ReportMissedDoses = 3,
    [Label("出现药物不良反应、并发症或合并症：立即转诊，2周内随访")] ReferAtOnce = 4,
    [Label("提醒并督促患者按时到定点医疗机构复诊")] RemindRecheck = 5,
}
