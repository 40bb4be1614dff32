using System.Text.Json;
using HealthRecords.Domain.MentalHealth;

namespace HealthRecords.Domain.Tests.MentalHealth;

public sealed class MentalHealthPrivacyTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(MentalHealthPrivacy.ProfileForm, typeof(MentalIllnessProfile))]
    [InlineData(MentalHealthPrivacy.FollowUpForm, typeof(MentalIllnessFollowUp))]
    public void EveryRestrictedPathIsAFieldOfItsForm(string form, Type record)
    {
        var properties = record.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();
        Assert.All(MentalHealthPrivacy.FieldsOf(form), f => Assert.Contains(f.Path, properties));
    }

    [Fact]
    public void TheDiagnosisTheSocialImpactHistoryAndThePoliceContactsAreRestricted()
    {
        Assert.Contains(MentalHealthPrivacy.Fields, f => f is { Form: MentalHealthPrivacy.ProfileForm, Path: "diagnosis", Category: SensitiveCategory.Diagnosis });
        Assert.Contains(MentalHealthPrivacy.Fields, f => f is { Form: MentalHealthPrivacy.ProfileForm, Path: "socialImpact", Category: SensitiveCategory.SocialImpact });
        Assert.Contains(MentalHealthPrivacy.Fields, f => f is { Form: MentalHealthPrivacy.FollowUpForm, Path: "socialImpact", Category: SensitiveCategory.SocialImpact });
        Assert.Contains(MentalHealthPrivacy.Fields, f => f is { Form: MentalHealthPrivacy.FollowUpForm, Path: "policeContact", Category: SensitiveCategory.PoliceContact });
    }

    [Theory]
    [InlineData(true, false, false, true)]
    [InlineData(false, true, false, true)]
    [InlineData(false, false, true, true)]
    [InlineData(false, false, false, false)]
    public void OnlyTheResponsibleDoctorMentalHealthStaffAndTheCountySupervisorMaySee(bool doctor, bool staff, bool supervisor, bool maySee) =>
        Assert.Equal(maySee, MentalHealthPrivacy.MaySee(new MentalHealthViewer(doctor, staff, supervisor)));

    [Fact]
    public void MaskingAStoredProfileClearsTheRestrictedFieldsAndKeepsTheRest()
    {
        var profile = new MentalIllnessProfile
        {
            GuardianName = "张三", Diagnosis = "精神分裂症", SocialImpact = new SocialImpactCounts(1, 0, 0, 0, 0), FilledOn = new DateOnly(2026, 1, 5),
        };
        var body = JsonSerializer.SerializeToNode(profile, Web)!.AsObject();
        var masked = MentalHealthPrivacy.Mask(body, MentalHealthPrivacy.ProfileForm);
        Assert.Contains("diagnosis", masked);
        Assert.Contains("socialImpact", masked);
        Assert.Null(body["diagnosis"]);
        Assert.Null(body["socialImpact"]);
        Assert.Equal("张三", (string?)body["guardianName"]);
        Assert.DoesNotContain("精神分裂症", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MaskingAFollowUpClearsThePoliceContact()
    {
        var followUp = MentalHealthRulesTests.Form() with { PoliceContact = new PoliceContact(new DateOnly(2026, 6, 1), "跳磴派出所", "协助送院") };
        var body = JsonSerializer.SerializeToNode(followUp, Web)!.AsObject();
        MentalHealthPrivacy.Mask(body, MentalHealthPrivacy.FollowUpForm);
        Assert.DoesNotContain("派出所", body.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(body["visitDate"]);
    }
}
