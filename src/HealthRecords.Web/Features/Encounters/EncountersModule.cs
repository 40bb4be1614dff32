using MudBlazor;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>Encounters (接诊), consultations (会诊) and two-way referrals (双向转诊): 004 附件5–7.</summary>
public sealed class EncountersModule : ServiceModule
{
    public override string Name => "encounters";
    public override int Order => 30;

    public override void Register(ModuleBuilder module) => module
        .UseCases(typeof(EncounterQueries), typeof(SaveEncounter), typeof(SaveConsultation), typeof(SaveReferral), typeof(RecordReferralResult))
        .WorkList<ReferralDueItems>()
        .ServiceEvents<EncounterServiceEvents>()
        .PortalSection<EncounterPortalSection>()
        .Menu("/referrals/open", "待随访转诊", Icons.Material.Filled.AltRoute, Policies.Staff, 120)
        .OverviewPanel<Pages.OtherServicesPanel>(30)
        .PrintPage<Encounter>("/residents/{id}/print/encounter/{formId}", "print-encounter")
        .PrintPage<Consultation>("/residents/{id}/print/consultation/{formId}", "print-consultation")
        .PrintPage<Referral>("/residents/{id}/print/referral/{formId}", "print-referral")
        .PrintPage<Referral>("/residents/{id}/print/referral/{formId}/back", "print-referral-back");

    public override Task AddDemoDataAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct) => DemoEncounters.AddAsync(db, time, ct);

    public override void MapEndpoints(IEndpointRouteBuilder app) => EncountersApi.MapEncountersApi(app);
}
