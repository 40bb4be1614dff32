namespace HealthRecords.Domain.Records;

/// <summary>ABO血型 boxes of the information card (004 附件8): the card prints the bare letters, the numbers are <see cref="BloodType"/>'s.</summary>
public enum CardAbo
{
    [Label("A")] A = 1,
    [Label("B")] B = 2,
    [Label("O")] O = 3,
    [Label("AB")] AB = 4,
}

/// <summary>RH血型 boxes of the information card (004 附件8), in the card's order.</summary>
public enum CardRh
{
    [Label("Rh阴性")] Negative = 1,
    [Label("Rh阳性")] Positive = 2,
    [Label("不详")] Unknown = 3,
}

/// <summary>慢性病患病情况 boxes of the information card (004 附件8), in the card's order. The card has boxes, not numbers.</summary>
public enum CardChronicDisease
{
    [Label("无")] None = 1,
    [Label("高血压")] Hypertension = 2,
    [Label("糖尿病")] Diabetes = 3,
    [Label("脑卒中")] Stroke = 4,
    [Label("冠心病")] CoronaryHeartDisease = 5,
    [Label("哮喘")] Asthma = 6,
    [Label("职业病")] OccupationalDisease = 7,
    [Label("其他疾病")] Other = 8,
}

/// <summary>
/// The coded part of 居民健康档案信息卡 (004 附件8 正面), derived from 个人基本信息表. An unanswered item
/// leaves every box empty, as on paper.
/// </summary>
public sealed record RecordCard(
    CardAbo? Abo,
    CardRh? Rh,
    IReadOnlyList<CardChronicDisease> ChronicDiseases,
    string? OtherChronicDiseases,
    string? Allergies)
{
    private const string Asthma = "哮喘";

    // 004 附件8 填表说明1: 根据居民信息如实填写，应与健康档案对应项目的填写内容一致
    public static RecordCard From(PersonalInfo info)
    {
        var (diseases, other) = ChronicDiseasesOf(info.PastDiseases);
        return new RecordCard(AboOf(info.BloodType), RhOf(info.RhNegative), diseases, other, AllergiesOf(info));
    }

    /// <summary>不详 on the personal information form leaves the card's ABO boxes empty: the card has no 不详 box for ABO.</summary>
    private static CardAbo? AboOf(BloodType? type) => type switch
    {
        BloodType.A => CardAbo.A,
        BloodType.B => CardAbo.B,
        BloodType.O => CardAbo.O,
        BloodType.AB => CardAbo.AB,
        _ => null,
    };

    /// <summary>The personal information form asks "RH 阴性: 否/是/不详"; the card asks for the Rh type.</summary>
    private static CardRh? RhOf(RhNegative? rh) => rh switch
    {
        RhNegative.Yes => CardRh.Negative,
        RhNegative.No => CardRh.Positive,
        RhNegative.Unknown => CardRh.Unknown,
        _ => null,
    };

    /// <summary>
    /// The past diseases of the personal information form on the card's boxes: the five the card names,
    /// 哮喘 written under 其他, and every other disease under 其他疾病 by its name.
    /// </summary>
    private static (IReadOnlyList<CardChronicDisease> Boxes, string? Other) ChronicDiseasesOf(IReadOnlyList<PastDisease> past)
    {
        var boxes = new SortedSet<CardChronicDisease>();
        var others = new List<string>();
        foreach (var disease in past)
        {
            var detail = string.IsNullOrWhiteSpace(disease.Detail) ? null : disease.Detail.Trim();
            switch (disease.Code)
            {
                case PastDiseaseCode.None: boxes.Add(CardChronicDisease.None); break;
                case PastDiseaseCode.Hypertension: boxes.Add(CardChronicDisease.Hypertension); break;
                case PastDiseaseCode.Diabetes: boxes.Add(CardChronicDisease.Diabetes); break;
                case PastDiseaseCode.Stroke: boxes.Add(CardChronicDisease.Stroke); break;
                case PastDiseaseCode.CoronaryHeartDisease: boxes.Add(CardChronicDisease.CoronaryHeartDisease); break;
                case PastDiseaseCode.OccupationalDisease: boxes.Add(CardChronicDisease.OccupationalDisease); break;
                case PastDiseaseCode.Other when detail is not null && detail.Contains(Asthma, StringComparison.Ordinal):
                    boxes.Add(CardChronicDisease.Asthma);
                    break;
                case PastDiseaseCode.Other:
                    others.Add(detail ?? disease.Code.Label());
                    break;
                default:
                    others.Add(detail is null ? disease.Code.Label() : $"{disease.Code.Label()}（{detail}）");
                    break;
            }
        }
        if (others.Count > 0)
        {
            boxes.Add(CardChronicDisease.Other);
        }
        // 无 with a disease beside it is a contradiction the form's validator reports; the card shows the diseases.
        if (boxes.Count > 1)
        {
            boxes.Remove(CardChronicDisease.None);
        }
        return ([.. boxes], others.Count > 0 ? string.Join("、", others.Distinct()) : null);
    }

    // 004 附件8 填表说明2: 过敏主要指青霉素、磺胺、链霉素过敏，如有其他药物或食物等其他物质过敏，请写明过敏物质名称
    private static string? AllergiesOf(PersonalInfo info)
    {
        var others = string.IsNullOrWhiteSpace(info.OtherAllergies) ? null : info.OtherAllergies.Trim();
        if (info.DrugAllergies.Count == 0)
        {
            return others;
        }
        var named = info.DrugAllergies
            .Where(a => a != DrugAllergy.None)
            .Distinct()
            .Order()
            .Select(a => a == DrugAllergy.Other && !string.IsNullOrWhiteSpace(info.DrugAllergyOther) ? info.DrugAllergyOther.Trim() : a.Label())
            .ToList();
        if (others is not null)
        {
            named.Add(others); // 无 drug allergy and a food allergy: the card names the food
        }
        return named.Count == 0 ? DrugAllergy.None.Label() : string.Join("、", named);
    }
}
