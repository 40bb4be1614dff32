using HealthRecords.Domain.Encounters;

namespace HealthRecords.Domain.InfectiousDisease;

/// <summary>A diagnosis that calls for a card: the ICD-10 code as written and the diseases it may be.</summary>
/// <param name="Icd10Code">The diagnosis's code, normalised ("B05.9").</param>
/// <param name="Icd10Name">The mapping's Chinese name of the matched code or category.</param>
/// <param name="Candidates">The list's diseases it may be, in the list's order; the doctor ticks one on the card.</param>
public sealed record NotifiableDiagnosis(string Icd10Code, string Icd10Name, IReadOnlyList<NotifiableDisease> Candidates)
{
    /// <summary>The strictest time limit among the candidates (a card for any of them is due by then).</summary>
    public ReportTimeLimit TimeLimit => Candidates.Select(d => ReportTimeLimits.For(d)).Min();
}

/// <summary>
/// ICD-10 → reportable disease, for the common codes (<c>Data/InfectiousDisease/icd10-notifiable.tsv</c>): an
/// encounter whose diagnosis maps to a disease of the list prompts the doctor to fill a card (issue #20; 004 传染病
/// 二(二): 首诊医生在诊疗过程中发现传染病病人及疑似病人后，按要求填写《中华人民共和国传染病报告卡》).
/// </summary>
public static class NotifiableDiagnoses
{
    private sealed record Row(string Code, IReadOnlyList<string> Diseases, string Name);

    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(Load);

    /// <summary>The mapping's rows: code or category, and the disease codes it may be.</summary>
    internal static IEnumerable<(string Code, IReadOnlyList<string> Diseases)> Mapping => Rows.Value.Select(r => (r.Code, r.Diseases));

    /// <summary>
    /// The reportable diseases one ICD-10 code may be, in a list version; null when the code is not reportable (or
    /// not well formed). The longest mapped code or category that covers it wins (A22.1 肺炭疽 over A22 炭疽).
    /// </summary>
    // 004 传染病 二(二): a diagnosis of a notifiable disease is reported on the card
    public static NotifiableDiagnosis? Match(string? icd10Code, DiseaseListVersion list)
    {
        var code = Icd10.Normalize(icd10Code);
        if (!Icd10.IsWellFormed(code))
        {
            return null;
        }
        var row = Rows.Value.Where(r => Covers(r.Code, code)).MaxBy(r => r.Code.Length);
        if (row is null)
        {
            return null;
        }
        var candidates = row.Diseases.Select(list.Find).OfType<NotifiableDisease>().ToArray();
        return candidates.Length == 0 ? null : new NotifiableDiagnosis(code, row.Name, candidates);
    }

    /// <summary>The diagnoses of an encounter that call for a card, one per distinct code.</summary>
    public static IReadOnlyList<NotifiableDiagnosis> In(IEnumerable<Diagnosis> diagnoses, DiseaseListVersion list) =>
        diagnoses.Select(d => Match(d.Code, list)).OfType<NotifiableDiagnosis>()
            .DistinctBy(d => d.Icd10Code).ToArray();

    /// <summary>A category (A22) covers itself and its subcategories (A22.1); a subcategory covers itself and deeper codes.</summary>
    private static bool Covers(string mapped, string code) =>
        code == mapped || code.StartsWith(mapped.Contains('.', StringComparison.Ordinal) ? mapped : mapped + ".", StringComparison.Ordinal);

    private static IReadOnlyList<Row> Load() =>
        DataFiles.Read(DataFiles.Named("icd10-notifiable.tsv"))
            .Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .Select(c => new Row(Icd10.Normalize(c[0]), c[1].Split(',', StringSplitOptions.TrimEntries), c[2].Trim()))
            .ToArray();
}
