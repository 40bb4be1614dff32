using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthRecords.Web.Features.Immunisation;

/// <summary>/api/…/immunisation: the vaccination card, doses, pre-vaccination checks and contraindications over HTTP,
/// scoped to the signed-in user; 400 problem+json with field errors keyed "dose.…", "card.…", "check.…".</summary>
public static class ImmunisationApi
{
    public static IEndpointRouteBuilder MapImmunisationApi(this IEndpointRouteBuilder app)
    {
        var child = app.MapGroup("/api/residents/{recordId:long}/immunisation").WithTags("预防接种").RequireAuthorization(Policies.Staff)
            .ForRecord("recordId");

        child.MapGet("/", async Task<Results<Ok<ImmunisationCardView>, NotFound>> (long recordId, HttpContext http, ImmunisationReader read, CancellationToken ct) =>
            await read.CardAsync(DataScope.From(http.User), recordId, ct) is { } card ? TypedResults.Ok(card) : TypedResults.NotFound())
            .WithSummary("儿童的预防接种卡：接种记录、各疫苗下一剂次（应种/逾期）、补种计划、下次预约、接种禁忌");

        child.MapPost("/card", async (long recordId, CardInput input, HttpContext http, SaveVaccinationCard save, CancellationToken ct) =>
            ApiResults.Created(await save.CreateAsync(DataScope.From(http.User), recordId, input, ct), c => $"/api/residents/{c.RecordId}/immunisation"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("建立预防接种卡（每名儿童一张）");

        child.MapPost("/doses", async (long recordId, DoseInput input, HttpContext http, SaveDose save, CancellationToken ct) =>
            ApiResults.Created(await save.RecordAsync(DataScope.From(http.User), recordId, input, ct), d => $"/api/residents/{recordId}/immunisation"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("录入一剂次接种（违反免疫程序规则时须填写理由；接种前须有当天“可以接种”的检查记录，补录除外）");

        child.MapPost("/checks", async (long recordId, PreVaccinationInput input, HttpContext http, SavePreVaccination save, CancellationToken ct) =>
            ApiResults.Created(await save.CheckAsync(DataScope.From(http.User), recordId, input, ct), _ => $"/api/residents/{recordId}/immunisation"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("录入接种前健康询问与禁忌检查");

        child.MapPost("/contraindications", async (long recordId, ContraindicationInput input, HttpContext http, SavePreVaccination save, CancellationToken ct) =>
            ApiResults.Created(await save.AddContraindicationAsync(DataScope.From(http.User), recordId, input, ct), _ => $"/api/residents/{recordId}/immunisation"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("记录接种禁忌（解除前阻止相应疫苗接种）");

        var forms = app.MapGroup("/api/immunisation").WithTags("预防接种").RequireAuthorization(Policies.Staff);

        forms.MapPut("/cards/{id:long}", async (long id, CardInput input, HttpContext http, SaveVaccinationCard save, CancellationToken ct) =>
            ApiResults.From(await save.UpdateAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Edit).WithMetadata(RouteScope.Form<VaccinationCardForm>("id"))
            .WithSummary("修改预防接种卡（须带 version）");

        forms.MapPut("/doses/{id:long}", async (long id, DoseInput input, HttpContext http, SaveDose save, CancellationToken ct) =>
            ApiResults.From(await save.CorrectAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Edit).WithMetadata(RouteScope.Form<VaccinationDose>("id"))
            .WithSummary("更正一剂次接种记录（须带 version）");

        forms.MapPost("/doses/{id:long}/void", async (long id, VoidDoseInput input, HttpContext http, SaveDose save, CancellationToken ct) =>
            ApiResults.From(await save.VoidAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Edit).WithMetadata(RouteScope.Form<VaccinationDose>("id"))
            .WithSummary("作废录错的接种记录（须带 version 和原因）");

        forms.MapPut("/contraindications/{id:long}", async (long id, ContraindicationInput input, HttpContext http, SavePreVaccination save, CancellationToken ct) =>
            ApiResults.From(await save.UpdateContraindicationAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Edit).WithMetadata(RouteScope.Form<VaccinationContraindication>("id"))
            .WithSummary("修改或解除接种禁忌（须带 version）");

        forms.MapGet("/schedules", async (ScheduleVersions versions, CancellationToken ct) => TypedResults.Ok(await versions.ListAsync(ct)))
            .WithSummary("免疫程序版本（内置的004附件1及县里增加的版本）");

        forms.MapPost("/schedules", async (ScheduleVersionInput input, HttpContext http, ScheduleVersions versions, CancellationToken ct) =>
            ApiResults.From(await versions.AddAsync(DataScope.From(http.User), input, ct)))
            .RequireAuthorization(Policies.ManageCounty)
            .WithSummary("增加免疫程序版本（系统管理员；JSON格式同内置版本，启用日期不早于今天）");

        return app;
    }
}
