using HealthRecords.Domain.HealthEducation;

namespace HealthRecords.Domain.InfectiousDisease;

/// <summary>
/// The rules of an event's reports: the initial report within 2 hours of receiving the information, progress reports
/// numbered in order, one closing report last and nothing after it; and the checks of one report card.
/// </summary>
public static class EventReportRules
{
    /// <summary>Days after an event ends by which the closing report is due.</summary>
    // 国家突发公共卫生事件相关信息报告管理工作规范（试行）(2005): 结案报告 — 在确认事件终止后2周内 (not in 004 itself)
    public const int ClosingReportDays = 14;

    /// <summary>The event's initial report, if filed.</summary>
    public static FiledEventReport? Initial(PublicHealthEvent ev) => ev.Reports.FirstOrDefault(r => r.Report.Stage == EventReportStage.Initial);

    /// <summary>The initial report was reported within 2 hours of receipt.</summary>
    // 004 传染病 二(三)2: 突发公共卫生事件相关信息 … 2小时内报告
    public static bool InitialReportOnTime(PublicHealthEvent ev) =>
        Initial(ev)?.ReportedAt is DateTime reported && ReportTimeLimits.IsOnTime(ev.ReceivedAt, reported, ReportTimeLimits.ForEmergencyEvent());

    /// <summary>The countdown of an event whose initial report is not yet made; null once it is.</summary>
    public static ReportCountdown? Countdown(PublicHealthEvent ev, DateTime now) =>
        Initial(ev)?.ReportedAt is null ? ReportTimeLimits.Countdown(ev.ReceivedAt, ReportTimeLimits.ForEmergencyEvent(), now) : null;

    /// <summary>The number the next progress report carries: one more than the event's progress reports so far.</summary>
    public static int NextProgressNumber(PublicHealthEvent ev) => ev.Reports.Count(r => r.Report.Stage == EventReportStage.Progress) + 1;

    /// <summary>
    /// Whether a report of this stage may be filed next for the event: null when it may, else the field to blame
    /// ("stage" or "progressNumber") and the Chinese reason.
    /// </summary>
    // 突发公共卫生事件相关信息报告卡: 初步报告 first, then 进程报告（第N次）, 结案报告 last
    public static (string Field, string Message)? RefusalOfNext(PublicHealthEvent ev, EventReportStage stage, int? progressNumber)
    {
        var stages = ev.Reports.Select(r => r.Report.Stage).ToArray();
        if (stages.Contains(EventReportStage.Closing))
        {
            return ("stage", "该事件已结案，不能再报告");
        }
        var hasInitial = stages.Contains(EventReportStage.Initial);
        return stage switch
        {
            EventReportStage.Initial when hasInitial => ("stage", "该事件已有初步报告，请填写进程报告或结案报告"),
            EventReportStage.Progress or EventReportStage.Closing when !hasInitial => ("stage", "请先填写该事件的初步报告"),
            EventReportStage.Progress when progressNumber != NextProgressNumber(ev) =>
                ("progressNumber", $"这应是该事件的第{NextProgressNumber(ev)}次进程报告"),
            _ => null,
        };
    }

    /// <summary>The closing report, due two weeks after the event ended, while it is not filed.</summary>
    public static IReadOnlyList<ScheduleItem> Due(PublicHealthEvent ev)
    {
        if (ev.EndedOn is not DateOnly ended || ev.Reports.Any(r => r.Report.Stage == EventReportStage.Closing))
        {
            return [];
        }
        return [new ScheduleItem("event-closing-report", "突发公共卫生事件结案报告", ended, ended.AddDays(ClosingReportDays), ended.AddDays(ClosingReportDays), SourceId: ev.Id)];
    }

    /// <summary>
    /// Checks one report card: codes, counts, times in order and not after now, the setting's sub-questions, and that it
    /// may follow the event's earlier reports.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Validate(PublicHealthEventReport r, PublicHealthEvent? ev, DateTime now)
    {
        var e = new FieldErrors();
        var today = DateOnly.FromDateTime(now);
        e.Required("stage", r.Stage, "报告类别");
        if (r.Stage == EventReportStage.Progress && r.ProgressNumber is null)
        {
            e.Add("progressNumber", "请填写第几次进程报告");
        }
        if (r.Stage != EventReportStage.Progress && r.ProgressNumber is not null)
        {
            e.Add("progressNumber", "只有进程报告填写次数");
        }
        if (r.Stage is EventReportStage stage && ev is not null && RefusalOfNext(ev, stage, r.ProgressNumber) is { } refusal)
        {
            e.Add(refusal.Field, refusal.Message);
        }
        e.RequiredText("reportingUnit", r.ReportingUnit, "填报单位", 60);
        if (r.FilledOn is null)
        {
            e.Add("filledOn", "请填写填报日期");
        }
        e.NotFuture("filledOn", r.FilledOn, today, "填报日期");
        e.RequiredText("reporter", r.Reporter, "报告人", 30);
        e.OptionalText("reporterPhone", r.ReporterPhone, "联系电话", 20);
        // 填卡说明: 事件名称 一般不宜超过30字
        e.RequiredText("eventName", r.EventName, "事件名称", 30);
        e.Required("category", r.Category, "信息类别");
        e.Required("grade", r.Grade, "突发事件等级");
        // 填卡说明: 非突发事件仅适用于结案报告时填写
        if (r.Grade == EventGrade.NotAnEmergency && r.Stage != EventReportStage.Closing)
        {
            e.Add("grade", "“非突发事件”只在结案报告时填写");
        }
        e.OptionalText("initialDiagnosis", r.InitialDiagnosis, "初步诊断", 50);
        e.OptionalText("correctedDiagnosis", r.CorrectedDiagnosis, "订正诊断", 50);
        Dated(e, "initialDiagnosisOn", r.InitialDiagnosisOn, r.InitialDiagnosis, "初步诊断", today);
        Dated(e, "correctedDiagnosisOn", r.CorrectedDiagnosisOn, r.CorrectedDiagnosis, "订正诊断", today);
        e.NotFuture("gradeConfirmedOn", r.GradeConfirmedOn, today, "确认分级时间");
        e.NotFuture("gradeCorrectedOn", r.GradeCorrectedOn, today, "订正分级时间");
        e.RequiredText("reportingArea", r.ReportingArea, "报告地区（至少到县区）", 60);
        e.RequiredText("occurrenceArea", r.OccurrenceArea, "发生地区（到乡镇、街道）", 80);
        e.OptionalText("detailedPlace", r.DetailedPlace, "详细地点", 100);
        Setting(e, r);
        e.Required("informationSource", r.InformationSource, "事件信息来源");
        e.OptionalText("informationSourceDetail", r.InformationSourceDetail, "事件信息来源详细", 200);
        e.OptionalText("affectedArea", r.AffectedArea, "事件波及的地域范围", 200);
        Counts(e, r);
        Times(e, r, now);
        foreach (var s in r.MainSymptoms)
        {
            e.Coded("mainSymptoms", (EventSymptom?)s, "主要症状");
        }
        e.OtherText("mainSymptomOther", r.MainSymptoms.Contains(EventSymptom.Other), r.MainSymptomOther, "主要症状");
        e.OptionalText("mainSigns", r.MainSigns, "主要体征", 500);
        e.OptionalText("measuresAndEffect", r.MeasuresAndEffect, "主要措施与效果", 2000);
        e.OptionalText("annexDetails", r.AnnexDetails, "附表内容", 4000);
        return e;
    }

    private static void Dated(FieldErrors e, string key, DateOnly? on, string? what, string label, DateOnly today)
    {
        e.NotFuture(key, on, today, $"{label}时间");
        if (on is not null && string.IsNullOrWhiteSpace(what))
        {
            e.Add(key, $"填写了{label}时间，请填写{label}");
        }
    }

    private static void Setting(FieldErrors e, PublicHealthEventReport r)
    {
        e.Required("setting", r.Setting, "事件发生场所");
        if (r.Setting == EventSetting.HealthFacility)
        {
            e.Required("healthFacilityType", r.HealthFacilityType, "医疗卫生机构类别");
            e.Required("healthFacilityDepartment", r.HealthFacilityDepartment, "感染部门");
        }
        else
        {
            if (r.HealthFacilityType is not null)
            {
                e.Add("healthFacilityType", "发生场所不是医疗卫生机构，不填写机构类别");
            }
            if (r.HealthFacilityDepartment is not null)
            {
                e.Add("healthFacilityDepartment", "发生场所不是医疗卫生机构，不填写感染部门");
            }
        }
        if (r.Setting == EventSetting.School)
        {
            e.Required("schoolType", r.SchoolType, "学校类别");
        }
        else if (r.SchoolType is not null)
        {
            e.Add("schoolType", "发生场所不是学校，不填写学校类别");
        }
    }

    private static void Counts(FieldErrors e, PublicHealthEventReport r)
    {
        e.Range("newCases", r.NewCases, 0, 1_000_000, "新报告病例数", "例");
        e.Range("newDeaths", r.NewDeaths, 0, 1_000_000, "新报告死亡数", "例");
        e.Range("excludedCases", r.ExcludedCases, 0, 1_000_000, "排除病例数", "例");
        e.Range("totalCases", r.TotalCases, 0, 1_000_000, "累计报告病例数", "例");
        e.Range("totalDeaths", r.TotalDeaths, 0, 1_000_000, "累计报告死亡数", "例");
        if (r.TotalCases is int total && r.NewCases is int fresh && total < fresh)
        {
            e.Add("totalCases", "累计报告病例数不能少于新报告病例数");
        }
        if (r.TotalDeaths is int deaths && r.NewDeaths is int newDeaths && deaths < newDeaths)
        {
            e.Add("totalDeaths", "累计报告死亡数不能少于新报告死亡数");
        }
        if (r.TotalDeaths is int died && r.TotalCases is int cases && died > cases)
        {
            e.Add("totalDeaths", "累计报告死亡数不能多于累计报告病例数");
        }
    }

    private static void Times(FieldErrors e, PublicHealthEventReport r, DateTime now)
    {
        var stamp = now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (r.ReceivedAt is null)
        {
            e.Add("receivedAt", "请填写接到报告时间");
        }
        foreach (var (key, at, label) in new[]
        {
            ("occurredAt", r.OccurredAt, "事件发生时间"), ("receivedAt", r.ReceivedAt, "接到报告时间"),
            ("firstCaseOnsetAt", r.FirstCaseOnsetAt, "首例病人发病时间"), ("lastCaseOnsetAt", r.LastCaseOnsetAt, "末例病人发病时间"),
        })
        {
            if (at > now)
            {
                e.Add(key, $"{label}不能晚于报告时间（{stamp}）");
            }
        }
        if (r.OccurredAt is DateTime occurred && r.ReceivedAt is DateTime received && occurred > received)
        {
            e.Add("receivedAt", "接到报告时间不能早于事件发生时间");
        }
        if (r.FirstCaseOnsetAt is DateTime first && r.LastCaseOnsetAt is DateTime last && first > last)
        {
            e.Add("lastCaseOnsetAt", "末例病人发病时间不能早于首例病人发病时间");
        }
    }
}
