using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Encounters;

namespace HealthRecords.Domain.Tests.Encounters;

public sealed class EncounterRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateOnly Birth = new(1950, 3, 1);

    private static EncounterForm Encounter() => new()
    {
        Subjective = "头晕3天",
        Objective = "血压 168/96 mmHg",
        Assessment = "血压控制不满意",
        Diagnoses = [new Diagnosis("I10", "原发性高血压")],
        Plan = "调整用药，2周后复诊",
        DoctorName = "王医生",
        EncounterDate = Today,
    };

    private static ReferralOut Referral() => new()
    {
        PatientName = "张三", Sex = Sex.Male, Age = 76, ReferredOn = Today.AddDays(-3),
        ToInstitution = "区人民医院", InitialImpression = "高血压3级", PresentIllness = "血压 190/110",
        ReferringDoctor = "王医生", FromInstitution = "跳磴镇卫生院",
    };

    [Fact]
    public void CompleteEncounterIsValid() => Assert.Empty(EncounterRules.Validate(Encounter(), Birth, Today));

    [Fact]
    public void EncounterDatedTomorrowIsRefused()
    {
        var errors = EncounterRules.Validate(Encounter() with { EncounterDate = Today.AddDays(1) }, Birth, Today);
        Assert.Equal("接诊日期不能晚于今天", Assert.Single(errors["encounterDate"]));
    }

    [Fact]
    public void EncounterBeforeBirthIsRefused() =>
        Assert.Contains("encounterDate", EncounterRules.Validate(Encounter() with { EncounterDate = Birth.AddDays(-1) }, Birth, Today).Keys);

    [Fact]
    public void EncounterRequiresSubjectivePlanDoctorAndDate()
    {
        var errors = EncounterRules.Validate(new EncounterForm(), Birth, Today);
        Assert.Equal(["assessment", "doctorName", "encounterDate", "plan", "subjective"], errors.Keys.Order().ToArray());
    }

    [Fact]
    public void DiagnosisAloneIsEnoughAssessment() =>
        Assert.DoesNotContain("assessment", EncounterRules.Validate(Encounter() with { Assessment = null }, Birth, Today).Keys);

    [Theory]
    [InlineData("I10", true)]
    [InlineData("e11.9", true)]
    [InlineData("J45.90", true)]
    [InlineData("110", false)]
    [InlineData("I1", false)]
    [InlineData("I10.", false)]
    public void IcdCodesMustBeWellFormed(string code, bool ok) => Assert.Equal(ok, Icd10.IsWellFormed(code));

    [Fact]
    public void MalformedDiagnosisCodeIsFlaggedAtItsPath()
    {
        var errors = EncounterRules.Validate(Encounter() with { Diagnoses = [new("I10", "高血压"), new("XYZ", "其他")] }, Birth, Today);
        Assert.Equal(["diagnoses[1].code"], errors.Keys.ToArray());
    }

    [Fact]
    public void KnownCodeWithoutNameTakesTheListName()
    {
        Assert.Empty(EncounterRules.Validate(Encounter() with { Diagnoses = [new("e11.9", null)] }, Birth, Today));
        var stored = EncounterRules.NormalizeDiagnoses([new("e11.9", null), new(null, "腰肌劳损"), new(" ", "")]);
        Assert.Equal([new Diagnosis("E11.9", "2型糖尿病"), new Diagnosis(null, "腰肌劳损")], stored);
    }

    [Fact]
    public void UnknownCodeNeedsAName() =>
        Assert.Contains("diagnoses[0].name", EncounterRules.Validate(Encounter() with { Diagnoses = [new("Q99.9", null)] }, Birth, Today).Keys);

    [Fact]
    public void CuratedListHasCommonPrimaryCareDiagnoses()
    {
        Assert.Equal("原发性高血压", Icd10.Find("i10")?.Name);
        Assert.True(Icd10.All.Count >= 50);
        Assert.All(Icd10.All, e => Assert.True(Icd10.IsWellFormed(e.Code), e.Code));
        Assert.Equal(Icd10.All.Count, Icd10.All.Select(e => e.Code).Distinct().Count());
        Assert.Contains(Icd10.Search("糖尿病"), e => e.Code == "E11.9");
    }

    [Fact]
    public void ConsultationNeedsEachDoctorWithInstitution()
    {
        var form = new ConsultationForm
        {
            Reason = "血糖控制差", Opinion = "加用胰岛素", ResponsibleDoctor = "王医生", ConsultationDate = Today,
            Consultants = [new("区人民医院", "李主任"), new("区人民医院", null)],
        };
        Assert.Equal(["consultants[1].doctorName"], EncounterRules.Validate(form, Birth, Today).Keys.ToArray());
        Assert.Contains("consultants", EncounterRules.Validate(form with { Consultants = [] }, Birth, Today).Keys);
    }

    [Fact]
    public void ConsultationRowsShareTheInstitution()
    {
        var form = new ConsultationForm { Consultants = [new("区人民医院", "李主任"), new("中医院", "赵医生"), new("区人民医院", "陈医生")] };
        var rows = form.Rows();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["李主任", "陈医生"], rows[0].Doctors);
    }

    [Fact]
    public void CompleteReferralIsValid() => Assert.Empty(EncounterRules.Validate(Referral(), Birth, Today));

    [Fact]
    public void ReferralRequiresDestinationReasonImpressionAndDoctor()
    {
        var errors = EncounterRules.Validate(new ReferralOut(), Birth, Today);
        Assert.Equal(["fromInstitution", "initialImpression", "patientName", "presentIllness", "referredOn", "referringDoctor", "toInstitution"], errors.Keys.Order().ToArray());
    }

    [Fact]
    public void StubAndSlipCarryTheSameReferral()
    {
        var r = Referral() with { ToDepartment = "心内科", RecordNumber = "50010410320300001" };
        Assert.Equal(r.ReferredOn, r.Stub().SignedOn);
        Assert.Equal("区人民医院", r.Stub().ToInstitution);
        Assert.Equal("区人民医院", r.Slip().ToInstitution);
        Assert.Equal("心内科", r.Stub().ToDepartment);
        Assert.Equal("血压 190/110", r.Slip().PresentIllness);
    }

    [Fact]
    public void TransferBackBeforeTheTransferOutIsRefused()
    {
        var referred = Today.AddDays(-10);
        var result = new ReferralResult { FollowedUpOn = Today, Outcome = ReferralOutcome.TransferredBack, FollowedUpBy = "王医生" };
        var back = new TransferBack
        {
            PatientName = "张三", ReturnedOn = referred.AddDays(-1), FromInstitution = "区人民医院", ToInstitution = "跳磴镇卫生院",
            Diagnosis = "高血压3级", ReferringDoctor = "李主任",
        };
        var errors = EncounterRules.ValidateResult(result, back, referred, Today);
        Assert.Equal(["back.returnedOn"], errors.Keys.ToArray());
        Assert.Empty(EncounterRules.ValidateResult(result, back with { ReturnedOn = referred }, referred, Today));
    }

    [Fact]
    public void CorrectedReferralDateMayNotPassTheRecordedResultOrTransferBack()
    {
        var form = Referral() with { ReferredOn = Today.AddDays(-2) };
        var result = new ReferralResult { FollowedUpOn = Today.AddDays(-3), Outcome = ReferralOutcome.Inpatient };
        Assert.Contains("referredOn", EncounterRules.ValidateAgainstResult(form, result, null).Keys);
        Assert.Contains("referredOn", EncounterRules.ValidateAgainstResult(form, null, new TransferBack { ReturnedOn = Today.AddDays(-4) }).Keys);
        Assert.Empty(EncounterRules.ValidateAgainstResult(form, result with { FollowedUpOn = Today }, new TransferBack { ReturnedOn = Today.AddDays(-2) }));
        Assert.Empty(EncounterRules.ValidateAgainstResult(form, null, null));
    }

    [Fact]
    public void ResultIsDatedBetweenReferralAndToday()
    {
        var referred = Today.AddDays(-5);
        var result = new ReferralResult { FollowedUpOn = referred.AddDays(-1), Outcome = ReferralOutcome.Inpatient, FollowedUpBy = "王医生" };
        Assert.Contains("result.followedUpOn", EncounterRules.ValidateResult(result, null, referred, Today).Keys);
        Assert.Contains("result.followedUpOn", EncounterRules.ValidateResult(result with { FollowedUpOn = Today.AddDays(1) }, null, referred, Today).Keys);
        Assert.Empty(EncounterRules.ValidateResult(result with { FollowedUpOn = Today }, null, referred, Today));
    }

    [Fact]
    public void OtherOutcomeNeedsWords()
    {
        var result = new ReferralResult { FollowedUpOn = Today, Outcome = ReferralOutcome.Other, FollowedUpBy = "王医生" };
        Assert.Equal(["result.outcomeOther"], EncounterRules.ValidateResult(result, null, Today, Today).Keys.ToArray());
        Assert.Contains("result.outcome", EncounterRules.ValidateResult(result with { Outcome = (ReferralOutcome)42 }, null, Today, Today).Keys);
    }
}

public sealed class ReferralRulesTests
{
    [Theory]
    [InlineData("2026-06-01", "2026-06-15")]
    [InlineData("2026-12-25", "2027-01-08")]
    [InlineData("2028-02-20", "2028-03-05")]
    public void ReferralIsFollowedUpWithinTwoWeeks(string referred, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            ReferralRules.FollowUpDue(DateOnly.Parse(referred, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ReferralStaysOpenUntilItsResultIsRecorded()
    {
        Assert.True(ReferralRules.IsOpen(null));
        Assert.True(ReferralRules.IsOpen(new ReferralResult { Note = "电话未接通" }));
        Assert.False(ReferralRules.IsOpen(new ReferralResult { FollowedUpOn = new DateOnly(2026, 6, 10), Outcome = ReferralOutcome.Inpatient }));
    }

    [Fact]
    public void OpenReferralIsOverdueAfterTheFourteenthDay()
    {
        var referred = new DateOnly(2026, 6, 1);
        Assert.False(ReferralRules.IsOverdue(referred, null, new DateOnly(2026, 6, 15)));
        Assert.True(ReferralRules.IsOverdue(referred, null, new DateOnly(2026, 6, 16)));
        Assert.False(ReferralRules.IsOverdue(referred, new ReferralResult { FollowedUpOn = referred }, new DateOnly(2026, 6, 16)));
    }

    [Fact]
    public void ReferralFromEncounterCarriesItsNotes()
    {
        var encounter = new EncounterForm
        {
            Subjective = "胸闷2小时", Objective = "心率 110", Assessment = "疑似急性冠脉综合征",
            Diagnoses = [new("I20.9", "心绞痛")], Plan = "硝酸甘油舌下含服", DoctorName = "王医生", EncounterDate = new DateOnly(2026, 6, 10),
        };
        var r = ReferralRules.FromEncounter(encounter, new ReferralOut { PatientName = "张三" });
        Assert.Equal("疑似急性冠脉综合征；心绞痛（I20.9）", r.InitialImpression);
        Assert.Equal("胸闷2小时\n心率 110", r.PresentIllness);
        Assert.Equal("硝酸甘油舌下含服", r.TreatmentSoFar);
        Assert.Equal("王医生", r.ReferringDoctor);
        Assert.Equal(new DateOnly(2026, 6, 10), r.ReferredOn);
        Assert.Equal("张三", r.PatientName);
    }
}
