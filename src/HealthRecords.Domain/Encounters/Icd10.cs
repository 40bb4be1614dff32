namespace HealthRecords.Domain.Encounters;

/// <summary>One ICD-10 diagnosis: code and Chinese name.</summary>
public sealed record Icd10Entry(string Code, string Name);

/// <summary>
/// A small curated list of ICD-10 codes of common primary-care diagnoses (<c>Data/icd10-primary-care.tsv</c>).
/// 004 附件9 一(三): disease names follow ICD-10. Codes outside the list may still be typed; a diagnosis may be
/// free text without a code.
/// </summary>
public static class Icd10
{
    private static readonly Lazy<IReadOnlyList<Icd10Entry>> Entries = new(Load);

    public static IReadOnlyList<Icd10Entry> All => Entries.Value;

    /// <summary>The entry with exactly this code (case-insensitive), or null.</summary>
    public static Icd10Entry? Find(string? code)
    {
        var c = Normalize(code);
        return c.Length == 0 ? null : All.FirstOrDefault(e => e.Code == c);
    }

    /// <summary>Entries whose code starts with, or whose name contains, the text; at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<Icd10Entry> Search(string? text, int max = 20)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            return [];
        }
        var upper = t.ToUpperInvariant();
        return All.Where(e => e.Code.StartsWith(upper, StringComparison.Ordinal) || e.Name.Contains(t, StringComparison.Ordinal))
            .Take(max).ToArray();
    }

    /// <summary>True when the text has the shape of an ICD-10 code: a letter, two digits, optionally a dot and 1–2 more digits.</summary>
    // 004 附件9 一(三): diagnoses are coded by ICD-10 (category A00–Z99, optional subcategory)
    public static bool IsWellFormed(string? code) =>
        System.Text.RegularExpressions.Regex.IsMatch(Normalize(code), @"^[A-Z][0-9]{2}(\.[0-9]{1,2})?$");

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    private static IReadOnlyList<Icd10Entry> Load()
    {
        using var stream = typeof(Icd10).Assembly.GetManifestResourceStream("HealthRecords.Domain.Data.icd10-primary-care.tsv")
            ?? throw new InvalidOperationException("ICD-10 list is missing");
        using var reader = new StreamReader(stream);
        var list = new List<Icd10Entry>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            list.Add(new Icd10Entry(line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }
        return list;
    }
}
