using HealthRecords.Domain.Codes;
using HealthRecords.Domain.InfectiousDisease;

namespace HealthRecords.Domain.Tests.InfectiousDisease;

/// <summary>Cards for the tests: a complete measles card, reported the morning after it was diagnosed.</summary>
internal static class Cards
{
    public static readonly DateTime Diagnosed = new(2026, 6, 15, 9, 0, 0);
    public static readonly DateTime Now = new(2026, 6, 15, 10, 30, 0);
    public static DiseaseListVersion List => DiseaseLists.Find("2011")!;

    public static InfectiousDiseaseReport Measles() => new()
    {
        CardNumber = "500104-2026-0001",
        Kind = CardKind.Initial,
        DiseaseListVersion = "2011",
        PatientName = "李小明",
        ParentName = "李强",
        Sex = Sex.Male,
        BirthDate = new DateOnly(2019, 3, 2),
        BelongsTo = PatientBelongsTo.ThisCounty,
        Address = new CardAddress { Province = "重庆市", County = "大渡口区", Township = "跳磴镇", Village = "石林村", HouseNumber = "3组12号" },
        PopulationGroup = PopulationGroup.NurseryChild,
        CaseClassification = CaseClassification.ClinicallyDiagnosed,
        OnsetDate = new DateOnly(2026, 6, 12),
        DiagnosedAt = Diagnosed,
        DiseaseCode = "measles",
        ReportingUnit = "跳磴镇卫生院",
        ReportingDoctor = "王医生",
        FilledOn = new DateOnly(2026, 6, 15),
    };

    public static FiledCard Filed(long id, InfectiousDiseaseReport card, DateTime? reportedAt = null, string patient = "p1", long? encounterId = null) =>
        new(id, patient, card, reportedAt ?? Now, EncounterId: encounterId);
}
