using HealthRecords.Domain.Children;
using HealthRecords.Domain.Examinations;
using I = HealthRecords.Domain.Children.CheckupItem;

namespace HealthRecords.Web.Features.Children;

/// <summary>
/// A check-up as the paper's rows, label and written value, in the form's order: only the rows the form has at that
/// age (<see cref="CheckupItems.Shown"/>); the print page prints them.
/// </summary>
public static class CheckupRows
{
    public static IReadOnlyList<(string Label, string Value)> Of(ChildCheckup f)
    {
        var rows = new List<(string, string)>
        {
            ("随访日期", f.VisitDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("体重(kg)", $"{Num(f.WeightKg)}　{f.WeightRating?.Label()}"),
            (f.Form == CheckupForm.ThreeToSix ? "身高(cm)" : "身长(cm)", $"{Num(f.HeightCm)}　{f.HeightRating?.Label()}"),
        };
        foreach (var item in CheckupItems.Shown(f.Age))
        {
            if (Value(f, item) is { } value)
            {
                rows.Add((Label(item), value));
            }
        }
        rows.Add(("转诊建议", f.Referral.Advice == ReferralAdvice.Yes ? $"有　原因：{f.Referral.Reason}　机构及科室：{f.Referral.InstitutionAndDepartment}" : f.Referral.Advice?.Label() ?? ""));
        if (!string.IsNullOrWhiteSpace(f.GuidanceOther))
        {
            rows.Add(("其他指导", f.GuidanceOther));
        }
        rows.Add(("下次随访日期", f.NextVisitDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""));
        rows.Add(("随访医生签名", f.Doctor ?? ""));
        return rows;
    }

    private static string Label(I item)
    {
        var label = item.Label();
        var cut = label.IndexOf('（', StringComparison.Ordinal);
        return cut > 0 ? label[..cut] : label;
    }

    private static string? Value(ChildCheckup f, I item)
    {
        var i = f as InfantCheckup;
        var t = f as ToddlerCheckup;
        var p = f as PreschoolCheckup;
        return item switch
        {
            I.HeadCircumference => Num(i?.HeadCircumferenceCm),
            I.ComplexionEarly => Finding(i?.ComplexionEarly),
            I.Complexion => Finding(i?.Complexion ?? t?.Complexion),
            I.Skin => Finding(i?.Skin ?? t?.Skin),
            I.Fontanelle => (i?.Fontanelle ?? t?.Fontanelle) is { State: { } s } fo ? s == Fontanelle.Open ? $"未闭 {Num(fo.LengthCm)}cm × {Num(fo.WidthCm)}cm" : s.Label() : "",
            I.NeckMass => i?.NeckMass?.Label() ?? "",
            I.Eyes => Finding(i?.Eyes ?? t?.Eyes),
            I.Ears => Finding(i?.Ears ?? t?.Ears),
            I.Hearing => (i?.Hearing ?? t?.Hearing ?? p?.Hearing)?.Label() ?? "",
            I.Mouth => Finding(i?.Mouth),
            I.TeethErupted => (i?.TeethErupted ?? t?.TeethErupted)?.ToString(CultureInfo.InvariantCulture) ?? "",
            I.Caries => (t?.Caries ?? p?.Caries)?.ToString(CultureInfo.InvariantCulture) ?? "",
            I.Teeth => p?.Teeth?.ToString(CultureInfo.InvariantCulture) ?? "",
            I.HeartLungs => Finding(f.HeartLungs),
            I.Abdomen => Finding(f.Abdomen),
            I.UmbilicusNewborn => Finding(i?.UmbilicusNewborn),
            I.Umbilicus => Finding(i?.Umbilicus),
            I.Limbs => Finding(i?.Limbs ?? t?.Limbs),
            I.Gait => Finding(t?.Gait),
            I.RicketsSymptoms => Labels(i?.RicketsSymptoms),
            I.RicketsSignsEarly => Labels(i?.RicketsSignsEarly),
            I.RicketsSignsInfant => Labels(i?.RicketsSigns),
            I.RicketsSignsToddler => Labels(t?.RicketsSigns),
            I.AnusGenitalia => Finding(i?.AnusGenitalia),
            I.Haemoglobin => f.HaemoglobinGPerL is int hb ? $"{hb} g/L" : "",
            I.OutdoorActivity => (i?.OutdoorHoursPerDay ?? t?.OutdoorHoursPerDay) is decimal h ? $"{Num(h)} 小时/日" : "",
            I.VitaminD => (i?.VitaminD ?? t?.VitaminD) is { } v && v != new VitaminD() ? $"{v.Name} {v.IuPerDay} IU/日" : "",
            I.Development => (i?.Development ?? t?.Development)?.Label() ?? "",
            I.Illness => Finding(i?.Illness ?? t?.Illness),
            I.PreschoolIllness => p is null ? "" : string.Join("、", p.Illnesses.Select(x =>
                x.Illness == PreschoolIllness.None ? x.Illness.Label() : $"{(x.Illness == PreschoolIllness.Other ? x.Detail : x.Illness.Label())} {x.Times}次")),
            I.PhysicalDevelopment => Labels(p?.PhysicalDevelopment),
            I.Vision => p?.Vision is { Left: not null } vi ? $"左 {Num(vi.Left)}　右 {Num(vi.Right)}（{vi.Chart?.Label()}）" : "",
            I.PhysicalOther => p?.PhysicalOther ?? "",
            I.Other => f.Other ?? "",
            I.InfantGuidance => Labels(f.InfantGuidance),
            I.ChildGuidance => Labels(f.ChildGuidance),
            _ => null,
        };
    }

    private static string Num(decimal? d) => d?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    private static string Finding<T>(Finding<T>? x) where T : struct, Enum =>
        x?.Code is T c ? string.IsNullOrWhiteSpace(x.Detail) ? c.Label() : $"{c.Label()}：{x.Detail}" : "";

    private static string Labels<T>(IReadOnlyList<T>? values) where T : struct, Enum =>
        values is null ? "" : string.Join("、", values.Select(v => v.Label()));
}
