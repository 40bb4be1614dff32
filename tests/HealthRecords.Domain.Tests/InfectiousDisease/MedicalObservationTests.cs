using HealthRecords.Domain.InfectiousDisease;

namespace HealthRecords.Domain.Tests.InfectiousDisease;

public sealed class MedicalObservationTests
{
    private static readonly DateOnly Exposed = new(2026, 6, 10);

    private static ObservedContact Contact() => new()
    {
        Name = "赵某", Address = "跳磴镇石林村3组", Kind = ObservedPersonKind.CloseContact, Setting = ObservationSetting.AtHome,
        CaseCardId = 1, LastExposureOn = Exposed, StartOn = Exposed.AddDays(1), ObservationDays = 5,
    };

    [Fact]
    public void ThePeriodCountsFromTheLastExposure() => Assert.Equal(new DateOnly(2026, 6, 15), MedicalObservation.LastDay(Contact()));

    [Fact]
    public void EveryDayWithoutACheckIsDueAndTheNextDayIsListed()
    {
        var today = new DateOnly(2026, 6, 13);
        var items = MedicalObservation.DailyChecks(Contact(), [new ObservationCheck(new DateOnly(2026, 6, 11), ObservationCheckOutcome.Normal, 36.6m)], today, 42);
        Assert.Equal([new DateOnly(2026, 6, 12), today, new DateOnly(2026, 6, 14)], items.Select(i => i.DueDate));
        Assert.True(items[0].IsOverdue(today));
        Assert.False(items[1].IsOverdue(today));
        Assert.Equal("医学观察每日检查（第2天，共5天）", items[0].Title);
        Assert.All(items, i => Assert.Equal(42, i.SourceId));
    }

    [Fact]
    public void NothingIsDueAfterThePeriod()
    {
        var checks = Enumerable.Range(1, 5).Select(d => new ObservationCheck(Exposed.AddDays(d), ObservationCheckOutcome.Normal)).ToArray();
        Assert.Empty(MedicalObservation.DailyChecks(Contact(), checks, new DateOnly(2026, 6, 20)));
        Assert.False(MedicalObservation.IsUnderObservation(Contact(), checks, new DateOnly(2026, 6, 16)));
        Assert.True(MedicalObservation.IsUnderObservation(Contact(), checks, new DateOnly(2026, 6, 15)));
    }

    [Fact]
    public void SymptomsOrEarlyLiftingEndTheObservation()
    {
        var sick = new ObservationCheck(new DateOnly(2026, 6, 12), ObservationCheckOutcome.Symptomatic, 38.6m, "发热、皮疹");
        Assert.Equal(new DateOnly(2026, 6, 12), MedicalObservation.EndsOn(Contact(), [sick]));
        Assert.Single(MedicalObservation.DailyChecks(Contact(), [sick], new DateOnly(2026, 6, 14))); // 11 June was not checked
        Assert.Equal(new DateOnly(2026, 6, 13), MedicalObservation.EndsOn(Contact() with { EndedEarlyOn = new DateOnly(2026, 6, 13), EndedEarlyReason = "病例排除" }, []));
    }

    [Fact]
    public void ACompleteRecordIsValidAndAPeriodThatMakesNoSenseIsRefused()
    {
        var today = new DateOnly(2026, 6, 12);
        Assert.Empty(MedicalObservation.Validate(Contact(), today));
        Assert.Contains("startOn", MedicalObservation.Validate(Contact() with { StartOn = Exposed.AddDays(-1) }, today).Keys);
        Assert.Contains("observationDays", MedicalObservation.Validate(Contact() with { ObservationDays = 0 }, today).Keys);
        Assert.Contains("caseCardId", MedicalObservation.Validate(Contact() with { CaseCardId = null }, today).Keys);
        Assert.Contains("endedEarlyReason", MedicalObservation.Validate(Contact() with { EndedEarlyOn = today }, today).Keys);
        Assert.Contains("lastExposureOn", MedicalObservation.Validate(Contact() with { LastExposureOn = today.AddDays(1), StartOn = today.AddDays(1) }, today).Keys);
    }

    [Fact]
    public void ADailyCheckMustFallInThePeriodAndNameTheSymptomsFound()
    {
        var today = new DateOnly(2026, 6, 20);
        Assert.Empty(MedicalObservation.Validate(new ObservationCheck(new DateOnly(2026, 6, 12), ObservationCheckOutcome.Normal, 36.5m), Contact(), today));
        Assert.Contains("date", MedicalObservation.Validate(new ObservationCheck(new DateOnly(2026, 6, 16), ObservationCheckOutcome.Normal), Contact(), today).Keys);
        Assert.Contains("symptoms", MedicalObservation.Validate(new ObservationCheck(new DateOnly(2026, 6, 12), ObservationCheckOutcome.Symptomatic), Contact(), today).Keys);
        Assert.Contains("temperatureC", MedicalObservation.Validate(new ObservationCheck(new DateOnly(2026, 6, 12), ObservationCheckOutcome.Normal, 45m), Contact(), today).Keys);
    }
}
