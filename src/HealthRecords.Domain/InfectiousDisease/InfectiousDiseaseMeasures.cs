using HealthRecords.Domain.Encounters;
using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.InfectiousDisease;

/// <summary>
/// A case registered in the 门诊日志 (登记传染病病例): the first 初诊 of a patient with a reportable disease, with the
/// later 初诊 of the same disease within <see cref="InfectiousDiseaseMeasures.EpisodeDays"/> days folded into it.
/// </summary>
/// <param name="Entries">The log entries of the case, first one first.</param>
/// <param name="Reported">A card covers one of its entries, or a reviewer found it already reported.</param>
public sealed record RegisteredCase(string PatientKey, string DiseaseGroup, IReadOnlyList<OutpatientLogEntry> Entries, bool Reported)
{
    public DateOnly RegisteredOn => Entries[0].VisitDate;
}

/// <summary>
/// The three 考核指标 of 004 传染病及突发公共卫生事件报告和处理服务规范 五, by institution and period, with the pure rules that
/// decide which cases, cards and events are in each numerator and denominator. They count cases, cards and events of
/// an institution, not residents, so the host computes them from these rules over the institution's registers rather
/// than through the resident-record measures engine.
/// </summary>
public static class InfectiousDiseaseMeasures
{
    /// <summary>初诊 of the same patient and disease within this many days of a case's first entry are the same case.</summary>
    public const int EpisodeDays = MissedReportCheck.FirstVisitDaysBefore;

    public static readonly MeasureDefinition InfectiousReportRate = new(
        "infectious-report-rate", "传染病疫情报告率", "infectious-disease",
        "期内登记的传染病病例中有报告卡的病例数（报告卡片数；一个病例只计一张卡，订正卡不另计）",
        "期内门诊日志登记的传染病病例数（初诊且诊断为法定报告传染病，同一患者同一病种30天内的初诊计为一例；经核实已由其他机构报告或诊断已排除的不计）",
        "004 传染病及突发公共卫生事件报告和处理服务规范 五(一)");

    public static readonly MeasureDefinition InfectiousReportTimelinessRate = new(
        "infectious-report-timeliness-rate", "传染病疫情报告及时率", "infectious-disease",
        "报告及时的病例数（初次报告卡的报告时间不晚于诊断时间加报告时限：甲类等2小时，其他24小时；补报不计为及时）",
        "期内报告的传染病病例数（诊断日期在期内、已报告、未退卡的初次报告卡）",
        "004 传染病及突发公共卫生事件报告和处理服务规范 五(二)");

    public static readonly MeasureDefinition EmergencyEventReportRate = new(
        "emergency-event-report-rate", "突发公共卫生事件相关信息报告率", "infectious-disease",
        "及时报告的突发公共卫生事件相关信息数（初步报告在接到报告后2小时内报出）",
        "期内应报告的突发公共卫生事件相关信息数（接到报告时间在期内的事件）",
        "004 传染病及突发公共卫生事件报告和处理服务规范 五(三)");

    public static readonly IReadOnlyList<MeasureDefinition> All = [InfectiousReportRate, InfectiousReportTimelinessRate, EmergencyEventReportRate];

    /// <summary>
    /// The cases registered in the log (传染病疫情报告率's denominator), each marked reported or not (its numerator).
    /// Cases dismissed as reported elsewhere or excluded are left out; dismissed as already reported count as reported.
    /// </summary>
    // 004 传染病 五(一): 传染病疫情报告率 = 报告卡片数 / 登记传染病病例数 × 100%
    public static IReadOnlyList<RegisteredCase> RegisteredCases(
        IEnumerable<OutpatientLogEntry> log, IReadOnlyCollection<FiledCard> cards,
        IEnumerable<MissedReportDismissal> dismissals, Func<DateOnly, DiseaseListVersion> listOn)
    {
        var decisions = dismissals.ToDictionary(d => (d.EncounterId, Icd10.Normalize(d.Icd10Code)), d => d.Reason);
        var byPatient = cards.Where(c => !c.Withdrawn).ToLookup(c => c.PatientKey);
        var lines = new List<(OutpatientLogEntry Entry, string Group, bool Reported)>();
        foreach (var entry in log.Where(e => e.VisitKind == VisitKind.First))
        {
            var list = listOn(entry.VisitDate);
            foreach (var diagnosis in NotifiableDiagnoses.In(entry.Diagnoses, list))
            {
                decisions.TryGetValue((entry.EncounterId, diagnosis.Icd10Code), out var reason);
                if (reason is MissedReportDismissalReason.ReportedElsewhere or MissedReportDismissalReason.DiagnosisExcluded)
                {
                    continue;
                }
                var reported = reason == MissedReportDismissalReason.AlreadyReported
                    || MissedReportCheck.IsCovered(entry, diagnosis, byPatient[entry.PatientKey], list);
                lines.Add((entry, diagnosis.Candidates[0].GroupKey, reported));
            }
        }
        var cases = new List<RegisteredCase>();
        foreach (var same in lines.GroupBy(l => (l.Entry.PatientKey, l.Group)))
        {
            var episode = new List<(OutpatientLogEntry Entry, string Group, bool Reported)>();
            foreach (var line in same.OrderBy(l => l.Entry.VisitDate).ThenBy(l => l.Entry.EncounterId))
            {
                if (episode.Count > 0 && line.Entry.VisitDate.DayNumber - episode[0].Entry.VisitDate.DayNumber > EpisodeDays)
                {
                    cases.Add(Case(episode));
                    episode = [];
                }
                episode.Add(line);
            }
            cases.Add(Case(episode));
        }
        return cases.OrderBy(c => c.RegisteredOn).ToArray();

        static RegisteredCase Case(List<(OutpatientLogEntry Entry, string Group, bool Reported)> episode) =>
            new(episode[0].Entry.PatientKey, episode[0].Group, episode.Select(l => l.Entry).Distinct().ToArray(), episode.Any(l => l.Reported));
    }

    /// <summary>In 报告及时率's denominator for a period: an initial, reported, not withdrawn card diagnosed in the period.</summary>
    // 004 传染病 五(二): 报告传染病病例数
    public static bool InTimelinessDenominator(FiledCard card, DateOnly from, DateOnly to) =>
        card.CorrectsCardId is null && card.ReportedAt is not null && !card.Withdrawn
        && card.Card.DiagnosedAt is DateTime d && DateOnly.FromDateTime(d) >= from && DateOnly.FromDateTime(d) <= to;

    /// <summary>In 报告及时率's numerator: in the denominator and reported within its limit (a 补报 never is).</summary>
    // 004 传染病 五(二): 报告及时的病例数
    public static bool InTimelinessNumerator(FiledCard card, DiseaseListVersion list, DateOnly from, DateOnly to) =>
        InTimelinessDenominator(card, from, to) && CardRules.Timeliness(card, list) == ReportTimeliness.OnTime;

    /// <summary>In 突发公共卫生事件相关信息报告率's denominator: an event received (接到报告) in the period.</summary>
    // 004 传染病 五(三): 应报告突发公共卫生事件相关信息数
    public static bool InEventDenominator(PublicHealthEvent ev, DateOnly from, DateOnly to) =>
        DateOnly.FromDateTime(ev.ReceivedAt) >= from && DateOnly.FromDateTime(ev.ReceivedAt) <= to;

    /// <summary>In its numerator: in the denominator and its initial report made within 2 hours of receipt.</summary>
    // 004 传染病 五(三): 及时报告的突发公共卫生事件相关信息数; 二(三)2: 2小时内报告
    public static bool InEventNumerator(PublicHealthEvent ev, DateOnly from, DateOnly to) =>
        InEventDenominator(ev, from, to) && EventReportRules.InitialReportOnTime(ev);
}
