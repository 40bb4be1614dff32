using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Tuberculosis;

/// <summary>What a first home visit is checked against besides itself.</summary>
/// <param name="Today">Today in China.</param>
/// <param name="NotifiedOn">The day the designated hospital's notification reached the institution.</param>
/// <param name="TreatmentStart">治疗开始时间 on the card, when known (for the phase of the next visit).</param>
public sealed record FirstVisitContext(DateOnly Today, DateOnly NotifiedOn, DateOnly? TreatmentStart);

/// <summary>What a follow-up is checked against besides itself.</summary>
/// <param name="Today">Today in China.</param>
/// <param name="FirstVisitOn">The first home visit's date: management starts there.</param>
/// <param name="Course">The course on the card, when its regimen can be read.</param>
/// <param name="SameDayExists">Another follow-up of this patient is already recorded on the visit date.</param>
public sealed record TbFollowUpContext(DateOnly Today, DateOnly? FirstVisitOn, TreatmentCourse? Course, bool SameDayExists);

/// <summary>What a batch of doses is checked against: the card's start, the day treatment stopped and the days already ticked.</summary>
public sealed record DoseContext(DateOnly Today, DateOnly TreatmentStart, DateOnly? StoppedOn, IReadOnlySet<DateOnly> Recorded);

/// <summary>
/// Checks the tuberculosis forms, the medication card and the doses ticked on it. Errors are keyed by the camelCase
/// JSON path inside the form with Chinese messages; an empty result means valid.
/// </summary>
public static class TuberculosisValidator
{
    /// <summary>Limits of the form's counts (smoking and drinking use the shared <see cref="PlausibleRanges"/>).</summary>
    public const int MaxTreatmentMonth = 36;
    public const int MaxMissedDoses = 400;
    public const int MaxCount = 1000;

    public static IReadOnlyDictionary<string, string[]> Validate(TuberculosisFirstVisit f, FirstVisitContext c)
    {
        var e = new FieldErrors();
        if (f.VisitDate == default)
        {
            e.Add("visitDate", "请填写随访时间");
        }
        else if (f.VisitDate > c.Today)
        {
            e.Add("visitDate", "随访时间不能晚于今天");
        }
        else if (f.VisitDate < c.NotifiedOn)
        {
            e.Add("visitDate", $"第一次入户随访不能早于收到管理通知的日期（{c.NotifiedOn:yyyy-MM-dd}）");
        }
        else if (TuberculosisRules.FirstVisitLate(c.NotifiedOn, f.VisitDate) && string.IsNullOrWhiteSpace(f.LateReason))
        {
            e.Add("lateReason", $"未在接到通知后72小时内（{TuberculosisRules.FirstVisitDue(c.NotifiedOn):yyyy-MM-dd}前）访视，请填写原因");
        }
        e.Required("visitMode", f.VisitMode, "随访方式");
        if (f.VisitMode == VisitMode.Phone)
        {
            e.Add("visitMode", "第一次入户随访只能是 1 门诊 2 家庭");
        }
        e.Required("patientType", f.PatientType, "患者类型");
        e.Required("sputum", f.Sputum, "痰菌情况");
        e.Required("resistance", f.Resistance, "耐药情况");
        Symptoms(e, f.Symptoms, f.SymptomOther);
        Medication(e, f.Medication);
        Supervisor(e, f.Supervisor, f.SupervisorOther, "督导人员选择");
        e.Required("separateRoom", f.SeparateRoom, "单独的居室");
        e.Required("ventilation", f.Ventilation, "通风情况");
        Lifestyle(e, f.CigarettesPerDay, f.AlcoholLiangPerDay);
        e.RequiredText("education.pickupPlace", f.Education.PickupPlace, "请填写取药地点");
        foreach (var (key, name, answer) in f.Education.Topics())
        {
            e.Required($"education.{key}", answer, name);
        }
        var course = c.TreatmentStart is DateOnly start ? TreatmentCourse.From(start, f.Medication.Regimen, f.Medication.Usage) : null;
        NextVisit(e, f.VisitDate, f.NextVisitDate, f.Supervisor, course);
        e.RequiredText("doctor", f.Doctor, "请填写评估医生");
        return e;
    }

    public static IReadOnlyDictionary<string, string[]> Validate(TuberculosisFollowUp f, TbFollowUpContext c)
    {
        var e = new FieldErrors();
        if (f.VisitDate == default)
        {
            e.Add("visitDate", "请填写随访时间");
        }
        else if (c.FirstVisitOn is not DateOnly first)
        {
            e.Add("visitDate", "该患者尚无第一次入户随访记录，请先填写第一次入户随访记录表");
        }
        else if (f.VisitDate > c.Today)
        {
            e.Add("visitDate", "随访时间不能晚于今天");
        }
        else if (f.VisitDate < first)
        {
            e.Add("visitDate", $"随访时间不能早于第一次入户随访（{first:yyyy-MM-dd}）");
        }
        else if (c.SameDayExists)
        {
            e.Add("visitDate", "该患者当天已有一次随访记录，不能重复录入");
        }
        if (f.TreatmentMonth is null)
        {
            e.Add("treatmentMonth", "请填写治疗月序");
        }
        else if (c.Course is { } course && f.VisitDate != default && f.TreatmentMonth != course.TreatmentMonth(f.VisitDate))
        {
            e.Add("treatmentMonth", $"治疗开始于{course.Start:yyyy-MM-dd}，本次随访应为第{course.TreatmentMonth(f.VisitDate)}月");
        }
        e.Range("treatmentMonth", f.TreatmentMonth, 1, MaxTreatmentMonth, "治疗月序", "月");
        Supervisor(e, f.Supervisor, f.SupervisorOther, "督导人员");
        e.Required("visitMode", f.VisitMode, "随访方式");
        Symptoms(e, f.Symptoms, f.SymptomOther);
        Lifestyle(e, f.CigarettesPerDay, f.AlcoholLiangPerDay);
        Medication(e, f.Medication);
        if (f.MissedDoses is null)
        {
            e.Add("missedDoses", "请填写漏服药次数，未漏服填0");
        }
        e.Range("missedDoses", f.MissedDoses, 0, MaxMissedDoses, "漏服药次数", "次");
        e.Required("adverseReaction", f.AdverseReaction, "药物不良反应");
        if (f.AdverseReaction == NoYes.Yes)
        {
            e.RequiredText("adverseReactionDetail", f.AdverseReactionDetail, "请写明何种药物不良反应");
        }
        e.Required("complication", f.Complication, "并发症或合并症");
        if (f.Complication == NoYes.Yes)
        {
            e.RequiredText("complicationDetail", f.ComplicationDetail, "请写明并发症或合并症");
        }
        if (TuberculosisRules.NeedsReferral(f.AdverseReaction, f.Complication))
        {
            // 第三版 肺结核 二(三)3: 要立即转诊，2周内随访
            e.RequiredText("referral.department", f.Referral.Department, "出现药物不良反应、并发症或合并症，应立即转诊：请填写转诊科别");
            e.RequiredText("referral.reason", f.Referral.Reason, "请填写转诊原因");
        }
        if (f.Stop is null)
        {
            NextVisit(e, f.VisitDate, f.NextVisitDate, f.Supervisor, c.Course);
        }
        else
        {
            Stop(e, f, c);
        }
        e.RequiredText("doctor", f.Doctor, "请填写随访医生");
        return e;
    }

    /// <summary>The card's header: the start, a regimen the system can read, the supervisor.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(MedicationCard card, DateOnly today)
    {
        var e = new FieldErrors();
        if (card.TreatmentStart == default)
        {
            e.Add("treatmentStart", "请填写治疗开始时间");
        }
        e.NotFuture("treatmentStart", card.TreatmentStart == default ? null : card.TreatmentStart, today, "治疗开始时间");
        Medication(e, card.Medication);
        Supervisor(e, card.Supervisor, null, "督导人员", asksOther: false);
        return e;
    }

    /// <summary>
    /// A batch of doses to tick (one, or a whole week): each within the treatment, not in the future, and one per day —
    /// a day already ticked, or twice in the batch, is refused.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Validate(IReadOnlyList<ObservedDose> doses, DoseContext c)
    {
        var e = new FieldErrors();
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < doses.Count; i++)
        {
            var key = $"doses[{i}].date";
            var d = doses[i].Date;
            if (d == default)
            {
                e.Add(key, "请填写服药日期");
            }
            else if (d > c.Today)
            {
                e.Add(key, "服药日期不能晚于今天");
            }
            else if (d < c.TreatmentStart)
            {
                e.Add(key, $"服药日期不能早于治疗开始时间（{c.TreatmentStart:yyyy-MM-dd}）");
            }
            else if (c.StoppedOn is DateOnly stopped && d > stopped)
            {
                e.Add(key, $"治疗已于{stopped:yyyy-MM-dd}停止，不能再记录服药");
            }
            else if (c.Recorded.Contains(d) || !seen.Add(d))
            {
                e.Add(key, string.Create(CultureInfo.InvariantCulture, $"{d:yyyy-MM-dd}已记录服药，每人每天只记录一次"));
            }
        }
        return e;
    }

    /// <summary>A suspected patient's referral: the symptoms must make them suspected, and a destination.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(SuspectReferral s, DateOnly today)
    {
        var e = new FieldErrors();
        if (s.ReferredOn == default)
        {
            e.Add("referredOn", "请填写转诊日期");
        }
        e.NotFuture("referredOn", s.ReferredOn == default ? null : s.ReferredOn, today, "转诊日期");
        e.Range("coughDays", s.CoughDays, 0, 3650, "咳嗽", "天");
        e.Range("sputumDays", s.SputumDays, 0, 3650, "咳痰", "天");
        if (!TuberculosisRules.IsSuspected(s))
        {
            e.Add("coughDays", "不是肺结核可疑症状者：咳嗽、咳痰≥2周，咯血、血痰，或经鉴别诊断的发热、盗汗、胸痛、不明原因消瘦");
        }
        e.RequiredText("referredTo", s.ReferredTo, "请填写转诊的结核病定点医疗机构");
        if (s.FollowedUpOn is DateOnly followed && s.ReferredOn != default && followed < s.ReferredOn)
        {
            e.Add("followedUpOn", "随访日期不能早于转诊日期");
        }
        e.NotFuture("followedUpOn", s.FollowedUpOn, today, "随访日期");
        return e;
    }

    private static void Stop(FieldErrors e, TuberculosisFollowUp f, TbFollowUpContext c)
    {
        var stop = f.Stop!;
        if (stop.StoppedOn is not DateOnly stopped)
        {
            e.Add("stop.stoppedOn", "请填写出现停止治疗时间");
        }
        else
        {
            e.NotFuture("stop.stoppedOn", stopped, c.Today, "停止治疗时间");
            if (c.Course is { } course && stopped < course.Start)
            {
                e.Add("stop.stoppedOn", $"停止治疗时间不能早于治疗开始时间（{course.Start:yyyy-MM-dd}）");
            }
        }
        e.Required("stop.reason", stop.Reason, "停止治疗原因");
        if (f.Closing is not { } closing)
        {
            e.Add("closing", "停止治疗时请填写全程管理情况");
            return;
        }
        foreach (var (key, value, name) in new[]
        {
            ("closing.visitsDue", closing.VisitsDue, "应访视患者次数"), ("closing.visitsMade", closing.VisitsMade, "实际访视次数"),
            ("closing.dosesDue", closing.DosesDue, "应服药次数"), ("closing.dosesTaken", closing.DosesTaken, "实际服药次数"),
        })
        {
            if (value is null)
            {
                e.Add(key, $"请填写{name}");
            }
            e.Range(key, value, 0, MaxCount, name, "次");
        }
        if (closing.DosesTaken > closing.DosesDue)
        {
            e.Add("closing.dosesTaken", "实际服药次数不能多于应服药次数");
        }
        e.RequiredText("closing.assessingDoctor", closing.AssessingDoctor, "请填写评估医生");
    }

    private static void NextVisit(FieldErrors e, DateOnly visitDate, DateOnly? next, SupervisorType? supervisor, TreatmentCourse? course)
    {
        if (next is null)
        {
            e.Add("nextVisitDate", "请填写下次随访时间");
            return;
        }
        if (visitDate == default)
        {
            return;
        }
        if (next <= visitDate)
        {
            e.Add("nextVisitDate", "下次随访时间应晚于本次随访时间");
            return;
        }
        var latest = TuberculosisRules.SuggestNextVisit(visitDate, supervisor, course);
        if (next > latest)
        {
            // 第三版 肺结核 二(三)2: the interval for the supervisor and the phase
            e.Add("nextVisitDate", $"按督导方式和治疗阶段，下次随访应不晚于{latest:yyyy-MM-dd}");
        }
    }

    private static void Symptoms(FieldErrors e, IReadOnlyList<TbSymptom> symptoms, string? other)
    {
        e.Ticks("symptoms", symptoms, "症状及体征");
        if (symptoms.Contains(TbSymptom.None) && (symptoms.Count > 1 || !string.IsNullOrWhiteSpace(other)))
        {
            e.Add("symptoms", "选了“0 没有症状”就不能再选其他症状");
        }
    }

    private static void Medication(FieldErrors e, TbMedication m)
    {
        if (string.IsNullOrWhiteSpace(m.Regimen))
        {
            e.Add("medication.regimen", "请填写化疗方案");
        }
        else if (Regimens.Parse(m.Regimen) is not RegimenPhases phases)
        {
            e.Add("medication.regimen", "化疗方案无法识别，请按“2HRZE/4HR”的写法填写（各阶段以“/”分开，开头为月数）");
        }
        else if (m.Usage is DosingSchedule usage && Enum.IsDefined(usage) && phases.Intermittent != (usage == DosingSchedule.Intermittent))
        {
            e.Add("medication.usage", phases.Intermittent ? "化疗方案为间歇用药，用法应为 2 间歇" : "化疗方案为每日用药，用法应为 1 每日");
        }
        e.Required("medication.usage", m.Usage, "用法");
        e.Ticks("medication.drugForms", m.DrugForms, "药品剂型");
        if (m.DrugForms.Count == 0)
        {
            e.Add("medication.drugForms", "请选择药品剂型");
        }
    }

    private static void Supervisor(FieldErrors e, SupervisorType? supervisor, string? other, string label, bool asksOther = true)
    {
        e.Required("supervisor", supervisor, label);
        if (asksOther && supervisor == SupervisorType.Other && string.IsNullOrWhiteSpace(other))
        {
            e.Add("supervisorOther", "选了“其他”，请写明督导人员");
        }
    }

    private static void Lifestyle(FieldErrors e, NowTarget<int> cigarettes, NowTarget<decimal> alcohol)
    {
        e.Range("cigarettesPerDay.now", cigarettes.Now, PlausibleRanges.CigarettesPerDay, "吸烟");
        e.Range("cigarettesPerDay.target", cigarettes.Target, PlausibleRanges.CigarettesPerDay, "目标吸烟");
        e.Range("alcoholLiangPerDay.now", alcohol.Now, PlausibleRanges.AlcoholLiangPerDay, "饮酒");
        e.Range("alcoholLiangPerDay.target", alcohol.Target, PlausibleRanges.AlcoholLiangPerDay, "目标饮酒");
    }
}
