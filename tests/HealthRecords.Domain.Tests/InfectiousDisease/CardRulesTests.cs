using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Encounters;
using HealthRecords.Domain.InfectiousDisease;
using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.InfectiousDisease;

public sealed class CardRulesTests
{
    [Fact]
    public void ACorrectionStartsAsACopyMarkedCorrectionAndLeavesTheOriginalAsItWas()
    {
        var original = Cards.Measles();
        var draft = CardRules.CorrectionDraft(original, new DateOnly(2026, 6, 20));
        Assert.Equal(CardKind.Correction, draft.Kind);
        Assert.Equal(new DateOnly(2026, 6, 20), draft.FilledOn);
        Assert.Equal(CardKind.Initial, original.Kind);
        Assert.Equal(original.PatientName, draft.PatientName);
    }

    [Fact]
    public void ACorrectionThatChangesTheDiseaseNamesTheCorrectedDisease()
    {
        var original = Cards.Measles();
        var corrected = CardRules.CompleteCorrection(original, original with { DiseaseCode = "rubella" }, Cards.List);
        Assert.Equal("风疹", corrected.CorrectedDiseaseName);
        Assert.Null(CardRules.CompleteCorrection(original, original with { DeathDate = new DateOnly(2026, 6, 18) }, Cards.List).CorrectedDiseaseName);
    }

    [Fact]
    public void TheChangedFieldsAreNamedAsOnTheCard()
    {
        var original = Cards.Measles();
        var corrected = CardRules.CorrectionDraft(original, new DateOnly(2026, 6, 20)) with
        {
            DiseaseCode = "rubella",
            CaseClassification = CaseClassification.LaboratoryConfirmed,
        };
        Assert.Equal(["病例分类", "传染病类别", "疾病名称"], CardRules.ChangedFields(original, corrected, Cards.List));
    }

    [Fact]
    public void ACaseIsCountedByTheFirstCardOfItsCorrections()
    {
        var first = Cards.Filed(1, Cards.Measles());
        var second = Cards.Filed(2, Cards.Measles()) with { CorrectsCardId = 1 };
        var third = Cards.Filed(3, Cards.Measles()) with { CorrectsCardId = 2 };
        var other = Cards.Filed(4, Cards.Measles(), patient: "p2");
        var byId = new[] { first, second, third, other }.ToDictionary(c => c.Id);

        Assert.Equal(1, CardRules.InitialOf(third, byId).Id);
        Assert.Equal(4, CardRules.InitialOf(other, byId).Id);
        Assert.Equal([3, 4], CardRules.Latest(byId.Values).Select(c => c.Id).Order());
    }

    private static PersonalInfo Child => new()
    {
        Name = "李小明", Sex = Sex.Male, BirthDate = new DateOnly(2019, 3, 2), IdNumber = "500104201903020017",
        Phone = "13800001234", ContactName = "李强", WorkUnit = "跳磴镇中心幼儿园",
    };

    private static EncounterForm Encounter(DateOnly on) => new()
    {
        Subjective = "发热3天，出疹1天", Assessment = "麻疹", Diagnoses = [new Diagnosis("B05.9", "麻疹")],
        Plan = "隔离，对症处理", DoctorName = "王医生", EncounterDate = on,
    };

    [Fact]
    public void AnEncounterTodayDraftsACardWithTheDiagnosisTimeNow()
    {
        var diagnosis = NotifiableDiagnoses.Match("B05.9", Cards.List)!;
        var address = new CardAddress { County = "大渡口区", Township = "跳磴镇", Village = "石林村" };
        var card = CardRules.DraftFromEncounter(Encounter(new DateOnly(2026, 6, 15)), diagnosis, Child, address, "跳磴镇卫生院", "023-68000000", "值班医生", Cards.List, Cards.Now);

        Assert.Equal(CardKind.Initial, card.Kind);
        Assert.Equal("2011", card.DiseaseListVersion);
        Assert.Equal("measles", card.DiseaseCode);
        Assert.Equal(Cards.Now, card.DiagnosedAt);
        Assert.Equal("李强", card.ParentName);
        Assert.Equal(PatientBelongsTo.ThisCounty, card.BelongsTo);
        Assert.Equal("王医生", card.ReportingDoctor);
        Assert.Equal("跳磴镇中心幼儿园", card.Workplace);
        Assert.Equal(new DateOnly(2026, 6, 15), card.FilledOn);
        Assert.Null(card.PopulationGroup); // the doctor chooses: 幼托儿童 or 散居儿童 cannot be told from the record
    }

    [Fact]
    public void AnEarlierEncounterLeavesTheDiagnosisTimeToTheDoctor() =>
        Assert.Null(CardRules.DraftFromEncounter(Encounter(new DateOnly(2026, 6, 14)), NotifiableDiagnoses.Match("B05.9", Cards.List)!,
            Child, new CardAddress(), "跳磴镇卫生院", null, "王医生", Cards.List, Cards.Now).DiagnosedAt);

    [Fact]
    public void SeveralCandidatesLeaveTheDiseaseToTheDoctorAndHepatitisCodesGiveTheAcuity()
    {
        var flu = CardRules.DraftFromEncounter(Encounter(new DateOnly(2026, 6, 15)), NotifiableDiagnoses.Match("J09", Cards.List)!,
            Child, new CardAddress(), "跳磴镇卫生院", null, "王医生", Cards.List, Cards.Now);
        Assert.Null(flu.DiseaseCode);

        var hepatitis = CardRules.DraftFromEncounter(Encounter(new DateOnly(2026, 6, 15)), NotifiableDiagnoses.Match("B18.1", Cards.List)!,
            null, new CardAddress(), "跳磴镇卫生院", null, "王医生", Cards.List, Cards.Now);
        Assert.Equal(("hepatitis-b", Acuity.Chronic), (hepatitis.DiseaseCode, hepatitis.Acuity));
        Assert.Null(hepatitis.BelongsTo);
    }
}
