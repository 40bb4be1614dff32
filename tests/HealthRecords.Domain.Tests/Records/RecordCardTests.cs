using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Records;

/// <summary>居民健康档案信息卡 (004 附件8) agrees with the personal information form it is filled from.</summary>
public sealed class RecordCardTests
{
    private static PersonalInfo Info(params PastDisease[] diseases) => new() { Name = "测试", PastDiseases = diseases };

    private static PastDisease D(PastDiseaseCode code, string? detail = null) => new(code, new YearMonth(2020, 1), detail);

    [Fact]
    public void CardBoxesPrintTheCardsOwnLabels()
    {
        Assert.Equal("1 A|2 B|3 O|4 AB", string.Join("|", CodeLabels.Options<CardAbo>().Select(o => $"{o.Code} {o.Label}")));
        Assert.Equal("Rh阴性|Rh阳性|不详", string.Join("|", CodeLabels.Options<CardRh>().Select(o => o.Label)));
        Assert.Equal("无|高血压|糖尿病|脑卒中|冠心病|哮喘|职业病|其他疾病", string.Join("|", CodeLabels.Options<CardChronicDisease>().Select(o => o.Label)));
    }

    [Theory]
    [InlineData(BloodType.A, CardAbo.A)]
    [InlineData(BloodType.AB, CardAbo.AB)]
    [InlineData(BloodType.Unknown, null)]
    [InlineData(null, null)]
    public void AboComesFromTheBloodType(BloodType? type, CardAbo? expected) =>
        Assert.Equal(expected, RecordCard.From(new PersonalInfo { BloodType = type }).Abo);

    [Theory]
    [InlineData(RhNegative.Yes, CardRh.Negative)]
    [InlineData(RhNegative.No, CardRh.Positive)]
    [InlineData(RhNegative.Unknown, CardRh.Unknown)]
    [InlineData(null, null)]
    public void RhNegativeAnswerBecomesTheRhType(RhNegative? answer, CardRh? expected) =>
        Assert.Equal(expected, RecordCard.From(new PersonalInfo { RhNegative = answer }).Rh);

    [Fact]
    public void NamedDiseasesMarkTheirOwnBoxes()
    {
        var card = RecordCard.From(Info(D(PastDiseaseCode.Hypertension), D(PastDiseaseCode.Stroke), D(PastDiseaseCode.OccupationalDisease, "尘肺"), D(PastDiseaseCode.Diabetes)));
        Assert.Equal([CardChronicDisease.Hypertension, CardChronicDisease.Diabetes, CardChronicDisease.Stroke, CardChronicDisease.OccupationalDisease], card.ChronicDiseases);
        Assert.Null(card.OtherChronicDiseases);
    }

    [Fact]
    public void AsthmaWrittenUnderOtherMarksTheAsthmaBox()
    {
        var card = RecordCard.From(Info(D(PastDiseaseCode.Other, "支气管哮喘")));
        Assert.Equal([CardChronicDisease.Asthma], card.ChronicDiseases);
        Assert.Null(card.OtherChronicDiseases);
    }

    [Fact]
    public void DiseasesWithoutABoxAreNamedUnderOther()
    {
        var card = RecordCard.From(Info(D(PastDiseaseCode.Copd), D(PastDiseaseCode.MalignantTumor, "肺癌"), D(PastDiseaseCode.Other, "腰椎间盘突出症")));
        Assert.Equal([CardChronicDisease.Other], card.ChronicDiseases);
        Assert.Equal("慢性阻塞性肺疾病、恶性肿瘤（肺癌）、腰椎间盘突出症", card.OtherChronicDiseases);
    }

    [Fact]
    public void NoneMarksNoneAndAnUnansweredItemMarksNothing()
    {
        Assert.Equal([CardChronicDisease.None], RecordCard.From(Info(new PastDisease(PastDiseaseCode.None, null))).ChronicDiseases);
        Assert.Empty(RecordCard.From(Info()).ChronicDiseases);
    }

    [Fact]
    public void AllergiesNameFoodsAndOtherSubstancesBesideTheDrugs()
    {
        // 004 附件8 填表说明2: 如有其他药物或食物等其他物质过敏，请写明过敏物质名称
        Assert.Equal("海鲜、花粉", RecordCard.From(new PersonalInfo { DrugAllergies = [DrugAllergy.None], OtherAllergies = " 海鲜、花粉 " }).Allergies);
        Assert.Equal("青霉素、芒果", RecordCard.From(new PersonalInfo { DrugAllergies = [DrugAllergy.Penicillin], OtherAllergies = "芒果" }).Allergies);
        Assert.Equal("芒果", RecordCard.From(new PersonalInfo { OtherAllergies = "芒果" }).Allergies);
    }

    [Fact]
    public void AllergiesNameTheDrugsAndTheOtherSubstance()
    {
        Assert.Null(RecordCard.From(new PersonalInfo()).Allergies);
        Assert.Equal("无", RecordCard.From(new PersonalInfo { DrugAllergies = [DrugAllergy.None] }).Allergies);
        Assert.Equal("青霉素、链霉素、花粉", RecordCard.From(new PersonalInfo
        {
            DrugAllergies = [DrugAllergy.Other, DrugAllergy.Streptomycin, DrugAllergy.Penicillin],
            DrugAllergyOther = "花粉",
        }).Allergies);
    }
}
