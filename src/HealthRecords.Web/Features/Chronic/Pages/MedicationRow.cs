using HealthRecords.Domain.Chronic;

namespace HealthRecords.Web.Features.Chronic.Pages;

/// <summary>One editable line of 用药情况 (药物名称 1–3 and 其他药物, 每日 次 每次 mg).</summary>
public sealed class MedicationRow
{
    public string? Name { get; set; }
    public decimal? TimesPerDay { get; set; }
    public decimal? MgPerTime { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && TimesPerDay is null && MgPerTime is null;

    /// <summary>The paper's lines (<see cref="ChronicForms.MedicationRows"/>: 4 for hypertension, 3 for diabetes).</summary>
    public static List<MedicationRow> Blank(ChronicDisease disease) =>
        Enumerable.Range(0, ChronicForms.MedicationRows(disease)).Select(_ => new MedicationRow()).ToList();

    public static void Fill(List<MedicationRow> rows, IReadOnlyList<Medication> meds)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = i < meds.Count
                ? new MedicationRow { Name = meds[i].Name, TimesPerDay = meds[i].TimesPerDay, MgPerTime = meds[i].MgPerTime }
                : new MedicationRow();
        }
    }

    /// <summary>Moves filled lines up, so the i-th sent medication is the i-th line on screen (errors say "medications[i]").</summary>
    public static void Compact(List<MedicationRow> rows)
    {
        var filled = rows.Where(r => !r.IsBlank).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = i < filled.Count ? filled[i] : new MedicationRow();
        }
    }

    public static IReadOnlyList<Medication> ToList(IEnumerable<MedicationRow> rows) =>
        rows.Where(r => !r.IsBlank)
            .Select(r => new Medication(r.Name?.Trim() ?? "", r.TimesPerDay is null ? null : (int)Math.Round(r.TimesPerDay.Value), r.MgPerTime))
            .ToList();
}

/// <summary>The JSON paths of one disease's decision fields.</summary>
public sealed record DecisionKeys(string Classification, string NextVisitDate, string ReferralReason, string ReferralTo, string OverrideReason);
