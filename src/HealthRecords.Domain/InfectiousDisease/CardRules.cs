using HealthRecords.Domain.Encounters;

namespace HealthRecords.Domain.InfectiousDisease;

/// <summary>What a card needs besides itself to be checked.</summary>
/// <param name="Now">The moment the system will stamp as the report time (China Standard Time).</param>
/// <param name="Original">For an 订正: the card it corrects.</param>
/// <param name="OriginalIsLatest">For an 订正: no other correction of the original exists yet.</param>
/// <param name="CorrectionReason">For an 订正: the reason given.</param>
public sealed record CardContext(DateTime Now, FiledCard? Original = null, bool OriginalIsLatest = true, string? CorrectionReason = null)
{
    public DateOnly Today => DateOnly.FromDateTime(Now);
}

/// <summary>Decisions about one card: its limit, its timeliness, its corrections, and the draft from an encounter.</summary>
public static class CardRules
{
    /// <summary>The card's limit: by its disease in its list version, 2 hours for an outbreak.</summary>
    // 004 传染病 二(三)2
    public static ReportTimeLimit TimeLimit(InfectiousDiseaseReport card, DiseaseListVersion list) =>
        list.Find(card.DiseaseCode) is { } disease
            ? ReportTimeLimits.For(disease, card.Outbreak)
            : ReportTimeLimits.ForUnlisted(card.Outbreak);

    /// <summary>The countdown of a card not yet reported: from its diagnosis time, null before one is entered.</summary>
    public static ReportCountdown? Countdown(InfectiousDiseaseReport card, DiseaseListVersion list, DateTime now) =>
        card.DiagnosedAt is DateTime diagnosed ? ReportTimeLimits.Countdown(diagnosed, TimeLimit(card, list), now) : null;

    /// <summary>A reported card's timeliness; null while it is a draft. A correction is judged as its original was.</summary>
    public static ReportTimeliness? Timeliness(FiledCard filed, DiseaseListVersion list) =>
        filed.ReportedAt is DateTime reported && filed.Card.DiagnosedAt is DateTime diagnosed
            ? ReportTimeLimits.Judge(diagnosed, reported, TimeLimit(filed.Card, list), filed.Supplementary)
            : null;

    /// <summary>
    /// The first card of a correction chain: a case counts once, by its initial report (订正 keeps the original; the
    /// timeliness of a case is that of its first report).
    /// </summary>
    public static FiledCard InitialOf(FiledCard card, IReadOnlyDictionary<long, FiledCard> cardsById)
    {
        var current = card;
        var seen = new HashSet<long> { current.Id };
        while (current.CorrectsCardId is long previous && cardsById.TryGetValue(previous, out var earlier) && seen.Add(earlier.Id))
        {
            current = earlier;
        }
        return current;
    }

    /// <summary>The latest card of each case: those no other card corrects.</summary>
    public static IReadOnlyList<FiledCard> Latest(IReadOnlyCollection<FiledCard> cards)
    {
        var corrected = cards.Where(c => c.CorrectsCardId is not null).Select(c => c.CorrectsCardId!.Value).ToHashSet();
        return cards.Where(c => !corrected.Contains(c.Id)).ToArray();
    }

    /// <summary>
    /// The start of an 订正: a copy of the original marked 订正报告 (the original stays as it was). The doctor changes
    /// what is wrong and gives the reason.
    /// </summary>
    // 004 传染病 二(三)3: 发现报告错误，或报告病例转归或诊断情况发生变化时，应及时对《传染病报告卡》…进行订正
    public static InfectiousDiseaseReport CorrectionDraft(InfectiousDiseaseReport original, DateOnly today) =>
        original with { Kind = CardKind.Correction, CorrectedDiseaseName = null, FilledOn = today };

    /// <summary>
    /// A correction as it is filed: when it changes the disease, 订正病名 is the corrected disease's name (填卡说明).
    /// </summary>
    public static InfectiousDiseaseReport CompleteCorrection(InfectiousDiseaseReport original, InfectiousDiseaseReport corrected, DiseaseListVersion list) =>
        corrected with
        {
            Kind = CardKind.Correction,
            CorrectedDiseaseName = corrected.DiseaseName(list) != original.DiseaseName(list) ? corrected.DiseaseName(list) : null,
        };

    /// <summary>The fields a correction changes, by the card's names ("病例分类", "疾病名称" …).</summary>
    public static IReadOnlyList<string> ChangedFields(InfectiousDiseaseReport original, InfectiousDiseaseReport corrected, DiseaseListVersion list) =>
        CardExport.CardColumns
            .Where(c => c.Header is not ("报卡类别" or "订正病名" or "填卡日期"))
            .Where(c => c.Value(original, list) != c.Value(corrected, list))
            .Select(c => c.Header)
            .ToArray();

    /// <summary>What the encounter page says when a diagnosis calls for a card.</summary>
    // 004 传染病 二(二): 首诊医生 … 发现传染病病人及疑似病人后，按要求填写《中华人民共和国传染病报告卡》
    public static string Prompt(NotifiableDiagnosis diagnosis)
    {
        var names = string.Join("、", diagnosis.Candidates.Select(d => $"{d.DisplayName}（{d.Class.Label()}）"));
        return $"诊断 {diagnosis.Icd10Code} {diagnosis.Icd10Name} 属法定报告传染病：{names}。请在诊断后{diagnosis.TimeLimit.Label()}填报传染病报告卡。";
    }

    /// <summary>
    /// A card pre-filled from an encounter whose diagnosis calls for one: the patient from the record, the diagnosis
    /// time (now, when the encounter is today), the disease when the code allows only one, the acuity of hepatitis B
    /// by its code, the doctor and the unit. The doctor checks and completes it.
    /// </summary>
    public static InfectiousDiseaseReport DraftFromEncounter(
        EncounterForm encounter, NotifiableDiagnosis diagnosis, PersonalInfo? person, CardAddress address,
        string reportingUnit, string? reportingUnitPhone, string doctor, DiseaseListVersion list, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var disease = diagnosis.Candidates.Count == 1 ? diagnosis.Candidates[0] : null;
        var child = person is not null && Age.AgeOn(person.BirthDate, today) < ParentNameBelowAge;
        return new InfectiousDiseaseReport
        {
            Kind = CardKind.Initial,
            DiseaseListVersion = list.Version,
            PatientName = person?.Name,
            ParentName = child ? person!.ContactName : null,
            IdNumber = person?.IdDocumentType == IdDocumentType.ResidentIdCard ? person.IdNumber : null,
            Sex = person?.Sex is Sex.Male or Sex.Female ? person.Sex : null,
            BirthDate = person?.BirthDate,
            Workplace = person?.WorkUnit,
            Phone = person?.Phone,
            BelongsTo = person is null ? null : PatientBelongsTo.ThisCounty,
            Address = address,
            DiagnosedAt = encounter.EncounterDate == today ? now : null,
            DiseaseCode = disease?.Code,
            Acuity = disease is { RequiresAcuity: true } ? AcuityByCode(diagnosis.Icd10Code) : null,
            ReportingUnit = reportingUnit,
            ReportingUnitPhone = reportingUnitPhone,
            ReportingDoctor = encounter.DoctorName ?? doctor,
            FilledOn = today,
        };
    }

    /// <summary>填卡说明: 14岁以下的患儿要求填写患者家长姓名.</summary>
    public const int ParentNameBelowAge = 14;

    /// <summary>ICD-10 tells acute from chronic viral hepatitis: B15–B17 急性, B18 慢性.</summary>
    // ICD-10 B15–B17 急性病毒性肝炎, B18 慢性病毒性肝炎
    private static Acuity? AcuityByCode(string icd10) =>
        icd10.StartsWith("B18", StringComparison.Ordinal) ? Acuity.Chronic
        : icd10.StartsWith("B15", StringComparison.Ordinal) || icd10.StartsWith("B16", StringComparison.Ordinal) || icd10.StartsWith("B17", StringComparison.Ordinal) ? Acuity.Acute
        : null;
}
