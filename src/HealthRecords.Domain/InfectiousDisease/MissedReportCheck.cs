using HealthRecords.Domain.Encounters;

namespace HealthRecords.Domain.InfectiousDisease;

/// <summary>初诊 / 复诊, as the 门诊日志 records each visit.</summary>
public enum VisitKind
{
    [Label("初诊")] First = 1,
    [Label("复诊")] Return = 2,
}

/// <summary>
/// One line of the 门诊日志 (004 传染病 二(二): 规范填写门诊日志): the register every outpatient visit is written in,
/// with the fields needed to find missed reports. The host builds it from the encounters.
/// </summary>
/// <param name="EncounterId">The encounter it comes from.</param>
/// <param name="PatientKey">The patient, as <see cref="FiledCard.PatientKey"/> identifies them.</param>
/// <param name="VisitDate">就诊日期.</param>
/// <param name="VisitKind">初诊 / 复诊 (of this illness).</param>
/// <param name="Diagnoses">诊断, with ICD-10 codes where known.</param>
public sealed record OutpatientLogEntry(
    long EncounterId,
    string PatientKey,
    DateOnly VisitDate,
    VisitKind VisitKind,
    IReadOnlyList<Diagnosis> Diagnoses)
{
    /// <summary>姓名.</summary>
    public string? PatientName { get; init; }
    /// <summary>性别.</summary>
    public Sex? Sex { get; init; }
    /// <summary>年龄 on the visit day.</summary>
    public int? Age { get; init; }
    /// <summary>职业.</summary>
    public string? Occupation { get; init; }
    /// <summary>住址（工作单位）.</summary>
    public string? Address { get; init; }
    /// <summary>发病日期.</summary>
    public DateOnly? OnsetDate { get; init; }
    /// <summary>处理 (treatment, referral).</summary>
    public string? Disposal { get; init; }
    /// <summary>医生.</summary>
    public string? Doctor { get; init; }
}

/// <summary>Why a reportable diagnosis without a card here is not a missed report.</summary>
public enum MissedReportDismissalReason
{
    [Label("已由其他医疗机构报告")] ReportedElsewhere = 1,
    [Label("诊断已排除")] DiagnosisExcluded = 2,
    [Label("同一病例已报告")] AlreadyReported = 3,
}

/// <summary>A reviewer's decision that a finding is not a missed report, with the reason (kept, not deleted).</summary>
public sealed record MissedReportDismissal(long EncounterId, string Icd10Code, MissedReportDismissalReason Reason, string? Note = null);

/// <summary>A reportable diagnosis in the 门诊日志 for which no card was found: report it (补报) or dismiss it.</summary>
public sealed record MissedReport(OutpatientLogEntry Entry, NotifiableDiagnosis Diagnosis);

/// <summary>
/// The missed-report check (漏报自查): compares the 门诊日志's reportable diagnoses with the cards. A pure function of
/// the log, the cards and the reviewers' dismissals; the host loads them for an institution and a period.
/// </summary>
public static class MissedReportCheck
{
    /// <summary>A card diagnosed up to this many days before a 初诊 covers it (the same illness, seen again as new).</summary>
    public const int FirstVisitDaysBefore = 30;

    /// <summary>A card diagnosed up to this many days after a visit covers it (reported after tests confirmed it).</summary>
    public const int DaysAfter = 7;

    /// <summary>A 复诊 is covered by any card of the same disease for the patient in the cards' retention period.</summary>
    // 004 传染病 四(三): 《传染病报告卡》… 应至少保留3年
    public const int ReturnVisitYearsBefore = 3;

    /// <summary>
    /// The log's reportable diagnoses without a covering card and not dismissed. A card covers a diagnosis when it is
    /// not withdrawn, is for the same patient and the same disease (the card's group: 病毒性肝炎, 肺结核 …), and either
    /// started from the same encounter or was diagnosed within the window: from <see cref="FirstVisitDaysBefore"/>
    /// days before a 初诊 (<see cref="ReturnVisitYearsBefore"/> years before a 复诊) to <see cref="DaysAfter"/> days after.
    /// </summary>
    // 004 传染病 二(二)-(三): 门诊日志 … 首诊医生 … 填写报告卡; 二(三)3: 对漏报的传染病病例 … 及时进行补报
    public static IReadOnlyList<MissedReport> Find(
        IEnumerable<OutpatientLogEntry> log, IReadOnlyCollection<FiledCard> cards,
        IEnumerable<MissedReportDismissal> dismissals, Func<DateOnly, DiseaseListVersion> listOn)
    {
        var dismissed = dismissals.Select(d => (d.EncounterId, Icd10.Normalize(d.Icd10Code))).ToHashSet();
        var byPatient = cards.Where(c => !c.Withdrawn).ToLookup(c => c.PatientKey);
        var missed = new List<MissedReport>();
        foreach (var entry in log)
        {
            var list = listOn(entry.VisitDate);
            foreach (var diagnosis in NotifiableDiagnoses.In(entry.Diagnoses, list))
            {
                if (!dismissed.Contains((entry.EncounterId, diagnosis.Icd10Code)) && !IsCovered(entry, diagnosis, byPatient[entry.PatientKey], list))
                {
                    missed.Add(new MissedReport(entry, diagnosis));
                }
            }
        }
        return missed;
    }

    /// <summary>The check against the list in force on each visit's day.</summary>
    public static IReadOnlyList<MissedReport> Find(
        IEnumerable<OutpatientLogEntry> log, IReadOnlyCollection<FiledCard> cards, IEnumerable<MissedReportDismissal> dismissals) =>
        Find(log, cards, dismissals, DiseaseLists.InForceOn);

    /// <summary>Whether one of the patient's cards covers a reportable diagnosis of a log entry (see <see cref="Find(IEnumerable{OutpatientLogEntry}, IReadOnlyCollection{FiledCard}, IEnumerable{MissedReportDismissal}, Func{DateOnly, DiseaseListVersion})"/>).</summary>
    public static bool IsCovered(OutpatientLogEntry entry, NotifiableDiagnosis diagnosis, IEnumerable<FiledCard> patientCards, DiseaseListVersion list)
    {
        var groups = diagnosis.Candidates.Select(d => d.GroupKey).ToHashSet();
        var from = entry.VisitKind == VisitKind.Return
            ? entry.VisitDate.AddYears(-ReturnVisitYearsBefore)
            : entry.VisitDate.AddDays(-FirstVisitDaysBefore);
        var to = entry.VisitDate.AddDays(DaysAfter);
        return patientCards.Where(c => !c.Withdrawn).Any(card =>
        {
            var group = list.Find(card.Card.DiseaseCode)?.GroupKey ?? card.Card.DiseaseCode;
            if (group is null || !groups.Contains(group))
            {
                return false;
            }
            if (card.EncounterId == entry.EncounterId)
            {
                return true;
            }
            return card.Card.DiagnosedAt is DateTime d && DateOnly.FromDateTime(d) is var day && day >= from && day <= to;
        });
    }
}
