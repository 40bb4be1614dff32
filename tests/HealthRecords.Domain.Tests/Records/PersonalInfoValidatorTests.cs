using System.Text.Json;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Records;

public sealed class PersonalInfoValidatorTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static PersonalInfo Valid() => new()
    {
        Name = "张三",
        Sex = Sex.Male,
        BirthDate = new DateOnly(1980, 1, 1),
        IdNumber = "500104198001010012",
        Phone = "13812345678",
        ResidenceType = ResidenceType.Registered,
        Ethnicity = Ethnicity.Han,
        BloodType = BloodType.A,
        RhNegative = RhNegative.No,
        Education = Education.JuniorSecondary,
        Occupation = Occupation.Agriculture,
        MaritalStatus = MaritalStatus.Married,
        PaymentMethods = [PaymentMethod.RuralCooperativeMedical],
        DrugAllergies = [DrugAllergy.None],
        Exposures = [Exposure.None],
        PastDiseases = [new PastDisease(PastDiseaseCode.Hypertension, new YearMonth(2015, 3))],
        Surgery = Presence.Yes,
        Surgeries = [new HistoryEvent("阑尾切除术", new YearMonth(2001, 7))],
        Trauma = Presence.None,
        Transfusion = Presence.None,
        FamilyHistory = new FamilyHistory { Father = new RelativeHistory { Diseases = [FamilyDisease.Hypertension, FamilyDisease.Stroke] } },
        HereditaryDisease = Presence.None,
        Disabilities = [Disability.None],
    };

    private static IReadOnlyDictionary<string, string[]> Check(PersonalInfo info) => PersonalInfoValidator.Validate(info, Today);

    [Fact]
    public void CompleteFormIsValid() => Assert.Empty(Check(Valid()));

    [Fact]
    public void NameIsRequired() => Assert.Contains("name", Check(Valid() with { Name = " " }).Keys);

    [Fact]
    public void BirthDateCannotBeInTheFuture() =>
        Assert.Contains("晚于今天", Check(Valid() with { IdDocumentType = IdDocumentType.None, IdNumber = null, BirthDate = Today.AddDays(1) })["birthDate"][0]);

    [Fact]
    public void WrongIdCheckDigitIsReportedOnIdNumber() =>
        Assert.Contains("校验位", Check(Valid() with { IdNumber = "500104198001010013" })["idNumber"][0]);

    [Fact]
    public void BirthDateAndSexAreCrossCheckedWithTheIdNumber()
    {
        var errors = Check(Valid() with { BirthDate = new DateOnly(1980, 1, 2), Sex = Sex.Female });
        Assert.Contains("不一致", errors["birthDate"][0]);
        Assert.Contains("不一致", errors["sex"][0]);
    }

    [Theory]
    [InlineData(Sex.Unknown)]
    [InlineData(Sex.Unspecified)]
    public void AnUnknownOrUnstatedSexContradictsAnIdNumberThatStatesIt(Sex sex) =>
        Assert.Contains("身份证为男", Check(Valid() with { Sex = sex })["sex"][0]);

    [Fact]
    public void ASexLeftBlankIsAskedFor()
    {
        Assert.Equal("请填写性别", Check(Valid() with { Sex = null, IdDocumentType = IdDocumentType.None, IdNumber = null })["sex"][0]);
        Assert.Empty(Check(Valid() with { Sex = Sex.Unspecified, IdDocumentType = IdDocumentType.None, IdNumber = null })); // no number to contradict
    }

    [Fact]
    public void BirthDateAndSexLeftOutAreTakenFromTheIdNumberAndWhatWasGivenIsKept()
    {
        var filled = PersonalInfoIdCard.Fill(Valid() with { Sex = null, BirthDate = default }, Today);
        Assert.Equal((Sex.Male, new DateOnly(1980, 1, 1)), (filled.Sex!.Value, filled.BirthDate));
        Assert.Empty(Check(filled));
        var given = PersonalInfoIdCard.Fill(Valid() with { Sex = Sex.Female }, Today);
        Assert.Equal(Sex.Female, given.Sex); // never overwritten: the validator reports the contradiction
        Assert.Null(PersonalInfoIdCard.Fill(Valid() with { Sex = null, IdNumber = "500104198001010013" }, Today).Sex); // a wrong number fills nothing
    }

    [Fact]
    public void ResidentsWithoutAMainlandIdAreAccepted()
    {
        Assert.Empty(Check(Valid() with { IdDocumentType = IdDocumentType.None, IdNumber = null }));
        Assert.Empty(Check(Valid() with { IdDocumentType = IdDocumentType.Passport, IdNumber = "E12345678" }));
        Assert.Contains("idNumber", Check(Valid() with { IdDocumentType = IdDocumentType.Passport, IdNumber = null }).Keys);
    }

    [Theory]
    [InlineData("1381234567")]
    [InlineData("23812345678")]
    [InlineData("138-1234-5678")]
    [InlineData("电话")]
    public void MalformedPhonesAreRefused(string phone) => Assert.Contains("phone", Check(Valid() with { Phone = phone }).Keys);

    [Theory]
    [InlineData("023-68123456")]
    [InlineData("68123456")]
    public void LandlinesAreAccepted(string phone) => Assert.DoesNotContain("phone", Check(Valid() with { Phone = phone }).Keys);

    [Fact]
    public void OtherOptionRequiresText()
    {
        Assert.Contains("drugAllergyOther", Check(Valid() with { DrugAllergies = [DrugAllergy.Other] }).Keys);
        Assert.Contains("paymentOther", Check(Valid() with { PaymentMethods = [PaymentMethod.Other] }).Keys);
        Assert.Contains("disabilityOther", Check(Valid() with { Disabilities = [Disability.Other] }).Keys);
        Assert.Contains("familyHistory.motherOther", Check(Valid() with { FamilyHistory = new FamilyHistory { Mother = new RelativeHistory { Diseases = [FamilyDisease.Other] } } }).Keys);
        Assert.Contains("ethnicityName", Check(Valid() with { Ethnicity = Ethnicity.Minority }).Keys);
        Assert.Empty(Check(Valid() with { DrugAllergies = [DrugAllergy.Penicillin, DrugAllergy.Other], DrugAllergyOther = "头孢" }));
    }

    [Fact]
    public void NoneIsExclusive()
    {
        Assert.Contains("drugAllergies", Check(Valid() with { DrugAllergies = [DrugAllergy.None, DrugAllergy.Penicillin] }).Keys);
        Assert.Contains("exposures", Check(Valid() with { Exposures = [Exposure.None, Exposure.Radiation] }).Keys);
        Assert.Contains("disabilities", Check(Valid() with { Disabilities = [Disability.None, Disability.Visual] }).Keys);
        Assert.Contains("pastDiseases", Check(Valid() with { PastDiseases = [new PastDisease(PastDiseaseCode.None, null), new PastDisease(PastDiseaseCode.Diabetes, new YearMonth(2020, 1))] }).Keys);
    }

    [Fact]
    public void UndefinedCodesAreRefused()
    {
        Assert.Contains("education", Check(Valid() with { Education = (Education)7 }).Keys);
        Assert.Contains("sex", Check(Valid() with { IdDocumentType = IdDocumentType.None, IdNumber = null, Sex = (Sex)3 }).Keys);
        Assert.Contains("exposures", Check(Valid() with { Exposures = [(Exposure)9] }).Keys);
    }

    [Fact]
    public void PastDiseasesNeedDiagnosisMonthAndNamesWhereTheFormAsks()
    {
        var errors = Check(Valid() with
        {
            PastDiseases =
            [
                new PastDisease(PastDiseaseCode.Diabetes, null),
                new PastDisease(PastDiseaseCode.MalignantTumor, new YearMonth(2020, 1)),
                new PastDisease(PastDiseaseCode.Other, new YearMonth(2027, 1), "腰椎间盘突出症"),
                new PastDisease(PastDiseaseCode.Stroke, new YearMonth(1970, 1)),
            ],
        });
        Assert.Contains("pastDiseases[0].diagnosedOn", errors.Keys);
        Assert.Contains("pastDiseases[1].detail", errors.Keys);
        Assert.Contains("pastDiseases[2].diagnosedOn", errors.Keys);
        Assert.DoesNotContain("pastDiseases[2].detail", errors.Keys);
        Assert.Contains("早于出生", errors["pastDiseases[3].diagnosedOn"][0]);
    }

    [Fact]
    public void SurgeryTraumaAndTransfusionAgreeWithTheirPresence()
    {
        Assert.Contains("surgeries", Check(Valid() with { Surgeries = [] }).Keys);
        Assert.Contains("trauma", Check(Valid() with { Traumas = [new HistoryEvent("骨折", new YearMonth(2010, 1))] }).Keys);
        Assert.Contains("transfusions[0].name", Check(Valid() with { Transfusion = Presence.Yes, Transfusions = [new HistoryEvent("", new YearMonth(2010, 1))] }).Keys);
        Assert.Contains("surgeries[0].on", Check(Valid() with { Surgeries = [new HistoryEvent("阑尾切除术", null)] }).Keys);
    }

    [Fact]
    public void HereditaryDiseaseNeedsItsName() =>
        Assert.Contains("hereditaryDiseaseName", Check(Valid() with { HereditaryDisease = Presence.Yes }).Keys);

    [Fact]
    public void FormRoundTripsThroughJsonWithCodesAsNumbers()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var json = JsonSerializer.Serialize(Valid(), options);
        Assert.Contains("\"sex\":1", json);
        Assert.Contains("\"diagnosedOn\":\"2015-03\"", json);
        var back = JsonSerializer.Deserialize<PersonalInfo>(json, options)!;
        Assert.Equal(Valid().IdNumber, back.IdNumber);
        Assert.Equal(Valid().PastDiseases, back.PastDiseases);
        Assert.Equal(Valid().Surgeries, back.Surgeries);
        Assert.Equal(Valid().FamilyHistory.Father.Diseases, back.FamilyHistory.Father.Diseases);
        Assert.Equal(JsonSerializer.Serialize(back, options), json);
    }
}
