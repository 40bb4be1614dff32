namespace HealthRecords.Domain.Examinations;

/// <summary>One item a form lacks for completeness: the JSON path of its field and its Chinese name.</summary>
public sealed record MissingItem(string Key, string Name);

/// <summary>
/// "填写完整" for 健康体检表完整率 (004 老年人健康管理服务规范 五(二)), defined here only. A form is complete when every
/// item the form asks of every resident (the items without *) is answered, and every * item that applies to this
/// resident (<see cref="ExaminationItems.Required"/>) is answered. Exceptions the form itself makes: 现存主要健康问题 is
/// not asked at the elderly annual check (填表说明 9); 辅助检查 without * is done 有选择地 (填表说明 7) and so is not
/// required; 住院治疗情况, 主要用药情况 and 非免疫规划预防接种史 are lists whose blank rows mean "none".
/// </summary>
public static class ExaminationCompleteness
{
    public static IReadOnlyList<MissingItem> Missing(HealthExamination f, ExamSubject subject)
    {
        var missing = new List<MissingItem>();
        void Need(bool answered, string key, string name)
        {
            if (!answered)
            {
                missing.Add(new MissingItem(key, name));
            }
        }

        Need(!string.IsNullOrWhiteSpace(f.Doctor), "doctor", "责任医生");
        Need(f.Symptoms.Count > 0, "symptoms", "症状");
        var g = f.General;
        Need(g.Temperature is not null, "general.temperature", "体温");
        Need(g.Pulse is not null, "general.pulse", "脉率");
        Need(g.Respiration is not null, "general.respiration", "呼吸频率");
        Need((g.SystolicLeft is not null && g.DiastolicLeft is not null) || (g.SystolicRight is not null && g.DiastolicRight is not null),
            "general.systolicLeft", "血压");
        Need(g.Height is not null, "general.height", "身高");
        Need(g.Weight is not null, "general.weight", "体重");
        Need(g.Waist is not null, "general.waist", "腰围");
        var l = f.Lifestyle;
        Need(l.ExerciseFrequency is not null, "lifestyle.exerciseFrequency", "锻炼频率");
        Need(l.Diet.Count > 0, "lifestyle.diet", "饮食习惯");
        Need(l.Smoking is not null, "lifestyle.smoking", "吸烟状况");
        Need(l.Drinking is not null, "lifestyle.drinking", "饮酒频率");
        Need(l.OccupationalExposure is not null, "lifestyle.occupationalExposure", "职业病危害因素接触史");
        var o = f.Organs;
        Need(o.Lips is not null, "organs.lips", "口唇");
        Need(o.Dentition is not null, "organs.dentition", "齿列");
        Need(o.Pharynx is not null, "organs.pharynx", "咽部");
        Need(o.VisionLeft is not null && o.VisionRight is not null, "organs.visionLeft", "视力");
        Need(o.Hearing is not null, "organs.hearing", "听力");
        Need(o.Motor is not null, "organs.motor", "运动功能");
        var p = f.Physical;
        Need(p.Skin.Code is not null, "physical.skin.code", "皮肤");
        Need(p.Sclera.Code is not null, "physical.sclera.code", "巩膜");
        Need(p.LymphNodes.Code is not null, "physical.lymphNodes.code", "淋巴结");
        Need(p.BarrelChest is not null, "physical.barrelChest", "桶状胸");
        Need(p.BreathSounds.Code is not null, "physical.breathSounds.code", "呼吸音");
        Need(p.Rales.Code is not null, "physical.rales.code", "罗音");
        Need(p.HeartRate is not null, "physical.heartRate", "心率");
        Need(p.HeartRhythm is not null, "physical.heartRhythm", "心律");
        Need(p.Murmur.Code is not null, "physical.murmur.code", "杂音");
        Need(p.Tenderness.Code is not null, "physical.tenderness.code", "压痛");
        Need(p.Mass.Code is not null, "physical.mass.code", "包块");
        Need(p.Hepatomegaly.Code is not null, "physical.hepatomegaly.code", "肝大");
        Need(p.Splenomegaly.Code is not null, "physical.splenomegaly.code", "脾大");
        Need(p.ShiftingDullness.Code is not null, "physical.shiftingDullness.code", "移动性浊音");
        Need(p.LowerLimbEdema is not null, "physical.lowerLimbEdema", "下肢水肿");
        Need(p.DorsalisPedis is not null, "physical.dorsalisPedis", "足背动脉搏动");
        if (!ExaminationItems.IsElderly(subject, f.ExamDate))
        {
            var h = f.Problems;
            Need(h.Cerebrovascular.Count > 0, "problems.cerebrovascular", "脑血管疾病");
            Need(h.Kidney.Count > 0, "problems.kidney", "肾脏疾病");
            Need(h.Heart.Count > 0, "problems.heart", "心脏疾病");
            Need(h.Vascular.Count > 0, "problems.vascular", "血管疾病");
            Need(h.Eye.Count > 0, "problems.eye", "眼部疾病");
            Need(h.Neurological.Code is not null, "problems.neurological.code", "神经系统疾病");
            Need(h.OtherSystem.Code is not null, "problems.otherSystem.code", "其他系统疾病");
        }
        Need(f.Evaluation is not null, "evaluation", "健康评价");
        foreach (var item in ExaminationItems.Required(subject, f.ExamDate).OrderBy(i => i))
        {
            Need(ExaminationItems.IsFilled(f, item), ExaminationItems.KeyOf(item), item.Label());
        }
        return missing;
    }

    /// <summary>True when nothing the resident's form requires is missing.</summary>
    public static bool IsComplete(HealthExamination f, ExamSubject subject) => Missing(f, subject).Count == 0;
}
