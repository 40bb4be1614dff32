namespace HealthRecords.Domain.InfectiousDisease;

/// <summary>One column of the card register's spreadsheet.</summary>
/// <param name="Header">The Chinese header: the card's own field name.</param>
/// <param name="Value">The cell text for a card, read in its list version.</param>
public sealed record CardColumn(string Header, Func<InfectiousDiseaseReport, DiseaseListVersion, string> Value);

/// <summary>
/// The card register as a spreadsheet for upload to the direct reporting system (issue #20): one row per card, the
/// columns in the order the national card prints its fields, then the register's own columns (list version, report
/// time, correction, 补报, 退卡). The host writes the workbook; this decides what goes in it.
/// </summary>
public static class CardExport
{
    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
    private static string T(DateTime? t) => t?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
    private static string L<TEnum>(TEnum? v) where TEnum : struct, Enum => v is TEnum x ? x.Label() : "";

    /// <summary>The card's fields in the card's printed order.</summary>
    // 中华人民共和国传染病报告卡: 卡片编号 报卡类别 患者姓名 … 报告单位 联系电话 报告医生 填卡日期 备注
    public static readonly IReadOnlyList<CardColumn> CardColumns =
    [
        new("卡片编号", (c, _) => c.CardNumber ?? ""),
        new("报卡类别", (c, _) => L(c.Kind)),
        new("患者姓名", (c, _) => c.PatientName ?? ""),
        new("患儿家长姓名", (c, _) => c.ParentName ?? ""),
        new("身份证号", (c, _) => c.IdNumber ?? ""),
        new("性别", (c, _) => L(c.Sex)),
        new("出生日期", (c, _) => D(c.BirthDate)),
        new("实足年龄", (c, _) => c.Age?.ToString(CultureInfo.InvariantCulture) ?? ""),
        new("年龄单位", (c, _) => L(c.AgeUnit)),
        new("工作单位", (c, _) => c.Workplace ?? ""),
        new("联系电话", (c, _) => c.Phone ?? ""),
        new("病人属于", (c, _) => L(c.BelongsTo)),
        new("现住址", (c, _) => c.Address.ToString()),
        new("人群分类", (c, _) => c.PopulationGroup == PopulationGroup.Other && !string.IsNullOrWhiteSpace(c.PopulationGroupOther)
            ? $"其他（{c.PopulationGroupOther!.Trim()}）" : L(c.PopulationGroup)),
        new("病例分类", (c, _) => L(c.CaseClassification)),
        new("急性/慢性", (c, _) => L(c.Acuity)),
        new("发病日期", (c, _) => D(c.OnsetDate)),
        new("诊断时间", (c, _) => T(c.DiagnosedAt)),
        new("死亡日期", (c, _) => D(c.DeathDate)),
        new("传染病类别", (c, list) => list.Find(c.DiseaseCode)?.Class.Label() ?? (c.OtherDiseaseName is null ? "" : DiseaseClass.Other.Label())),
        new("疾病名称", (c, list) => c.DiseaseName(list)),
        new("订正病名", (c, _) => c.CorrectedDiseaseName ?? ""),
        new("退卡原因", (c, _) => c.WithdrawalReason ?? ""),
        new("报告单位", (c, _) => c.ReportingUnit ?? ""),
        new("报告单位联系电话", (c, _) => c.ReportingUnitPhone ?? ""),
        new("报告医生", (c, _) => c.ReportingDoctor ?? ""),
        new("填卡日期", (c, _) => D(c.FilledOn)),
        new("备注", (c, _) => c.Remarks ?? ""),
    ];

    /// <summary>The register's columns after the card's: what the system keeps beside each card.</summary>
    public static readonly IReadOnlyList<string> RegisterHeaders = ["病种目录版本", "报告时间", "报告时限", "是否及时", "订正原因", "补报", "退卡"];

    /// <summary>Every header of the spreadsheet, in order.</summary>
    public static IReadOnlyList<string> Headers => [.. CardColumns.Select(c => c.Header), .. RegisterHeaders];

    /// <summary>
    /// One card's row. With <paramref name="maskIdentity"/> the ID number and phone are masked as in every list; the
    /// upload to the direct reporting system needs them in full, which is the host's decision (and audited).
    /// </summary>
    public static IReadOnlyList<string> Row(FiledCard filed, DiseaseListVersion list, bool maskIdentity)
    {
        var card = maskIdentity
            ? filed.Card with
            {
                IdNumber = string.IsNullOrWhiteSpace(filed.Card.IdNumber) ? filed.Card.IdNumber : IdCardNumber.Mask(filed.Card.IdNumber),
                Phone = string.IsNullOrWhiteSpace(filed.Card.Phone) ? filed.Card.Phone : PhoneNumber.Mask(filed.Card.Phone),
            }
            : filed.Card;
        var timeliness = CardRules.Timeliness(filed, list);
        return
        [
            .. CardColumns.Select(c => c.Value(card, list)),
            list.Version,
            T(filed.ReportedAt),
            CardRules.TimeLimit(filed.Card, list).Label(),
            timeliness is ReportTimeliness t ? t.Label() : "",
            filed.CorrectionReason ?? "",
            filed.Supplementary ? "是" : "",
            filed.Withdrawn ? "是" : "",
        ];
    }
}
