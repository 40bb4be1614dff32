using HealthRecords.Domain.Chronic;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Features.Portal;
using HealthRecords.Web.Features.WorkList;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>Registers hypertension and diabetes management: use cases, work list sources, measures, portal section.</summary>
public static class ChronicRegistration
{
    public static IServiceCollection AddChronicDiseaseManagement(this IServiceCollection services)
    {
        services.AddScoped<Enrolments>();
        services.AddScoped<SaveFollowUp>();
        services.AddScoped<Screening>();
        services.AddScoped<ChronicReader>();
        services.AddScoped<IDueItemSource, ChronicDueItems>();
        services.AddScoped<IDueItemSource, ScreeningDueItems>();
        services.AddScoped<IMeasure>(_ => new ManagementRate(ChronicMeasures.HypertensionManagementRate, ChronicDisease.Hypertension));
        services.AddScoped<IMeasure>(_ => new StandardManagementRate(ChronicMeasures.HypertensionStandardManagementRate, ChronicDisease.Hypertension));
        services.AddScoped<IMeasure>(_ => new ControlRate(ChronicMeasures.HypertensionControlRate, ChronicDisease.Hypertension));
        services.AddScoped<IMeasure>(_ => new ManagementRate(ChronicMeasures.DiabetesManagementRate, ChronicDisease.Diabetes));
        services.AddScoped<IMeasure>(_ => new StandardManagementRate(ChronicMeasures.DiabetesStandardManagementRate, ChronicDisease.Diabetes));
        services.AddScoped<IMeasure>(_ => new ControlRate(ChronicMeasures.DiabetesControlRate, ChronicDisease.Diabetes));
        services.AddScoped<IServiceEventSource, ChronicServiceEvents>();
        services.AddScoped<IPortalSection, FollowUpPortalSection>();
        return services;
    }
}
