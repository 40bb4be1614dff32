using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Immunisation;

namespace HealthRecords.Domain.Tests.Immunisation;

/// <summary>Doses and a card as a clinic would record them, for the immunisation tests.</summary>
internal static class Samples
{
    public static readonly DateOnly Birth = new(2024, 1, 10);

    /// <summary>A dose with every entry filled; oral polio without a site.</summary>
    public static Vaccination Dose(string vaccine, int number, string date, InjectionSite? site = InjectionSite.Left) =>
        new(vaccine, number, DateOnly.Parse(date), vaccine == "OPV" ? null : site, "202401001", "某生物制品公司", "王医生", "跳磴镇卫生院", ScheduleCode: "nip-2011");

    /// <summary>The doses given at birth: 乙肝疫苗第1剂次 and 卡介苗.</summary>
    public static Vaccination[] BirthDoses => [Dose("HepB", 1, "2024-01-10"), Dose("BCG", 1, "2024-01-10")];

    /// <summary>A complete card of a boy born on <see cref="Birth"/>.</summary>
    public static VaccinationCard Card(params Vaccination[] doses) => new()
    {
        Name = "张小明",
        CardNumber = "001-00023",
        Sex = Sex.Male,
        BirthDate = Birth,
        Guardian = new("李芳", GuardianRelation.Mother, null, "13800138000"),
        HomeAddress = new(null, null, "大渡口区", "跳磴镇"),
        HukouKind = HukouAddressKind.SameAsHome,
        CreatedOn = new DateOnly(2024, 1, 12),
        CreatedBy = "王医生",
        Doses = doses,
    };
}
