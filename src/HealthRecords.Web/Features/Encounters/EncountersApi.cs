using HealthRecords.Domain.Encounters;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Features.WorkList;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>Encounters (接诊), consultations (会诊) and two-way referrals (双向转诊) of a record: 004 附件5–7.</summary>
public static class EncountersApi
{
    public static void MapEncountersApi(this IEndpointRouteBuilder app)
    {
        var residents = app.MapGroup("/api/residents/{id:long}").WithTags("接诊、会诊与转诊").RequireAuthorization(Policies.Staff).ForRecord();
        residents.MapGet("/encounters", async Task<Results<Ok<IReadOnlyList<EncounterView>>, NotFound>> (long id, HttpContext http, EncounterQueries q, CancellationToken ct) =>
            Found(await q.EncountersOfAsync(DataScope.From(http.User), id, ct))).WithSummary("居民的接诊记录");
        residents.MapGet("/consultations", async Task<Results<Ok<IReadOnlyList<ConsultationView>>, NotFound>> (long id, HttpContext http, EncounterQueries q, CancellationToken ct) =>
            Found(await q.ConsultationsOfAsync(DataScope.From(http.User), id, ct))).WithSummary("居民的会诊记录");
        residents.MapGet("/referrals", async Task<Results<Ok<IReadOnlyList<ReferralView>>, NotFound>> (long id, HttpContext http, EncounterQueries q, CancellationToken ct) =>
            Found(await q.ReferralsOfAsync(DataScope.From(http.User), id, ct))).WithSummary("居民的双向转诊");
        residents.MapGet("/other-services", async Task<Results<Ok<IReadOnlyList<ServiceEntry>>, NotFound>> (long id, HttpContext http, EncounterQueries q, CancellationToken ct) =>
            Found(await q.OtherServicesAsync(DataScope.From(http.User), id, ct))).WithSummary("其他医疗卫生服务记录（接诊、会诊、转诊），按时间倒序");
        residents.MapPost("/encounters", async (long id, EncounterInput input, HttpContext http, SaveEncounter save, CancellationToken ct) =>
            ApiResults.Created(await save.CreateAsync(DataScope.From(http.User), id, input, ct), v => $"/api/encounters/{v.Id}"))
            .RequireAuthorization(Policies.Edit).WithSummary("新增接诊记录");
        residents.MapPost("/consultations", async (long id, ConsultationInput input, HttpContext http, SaveConsultation save, CancellationToken ct) =>
            ApiResults.Created(await save.CreateAsync(DataScope.From(http.User), id, input, ct), v => $"/api/consultations/{v.Id}"))
            .RequireAuthorization(Policies.Edit).WithSummary("新增会诊记录");
        residents.MapPost("/referrals", async (long id, ReferralInput input, HttpContext http, SaveReferral save, CancellationToken ct) =>
            ApiResults.Created(await save.CreateAsync(DataScope.From(http.User), id, input, ct), v => $"/api/referrals/{v.Id}"))
            .RequireAuthorization(Policies.Edit).WithSummary("新增双向转诊（转出）单");
        residents.MapGet("/referrals/draft", async (long id, long? encounterId, HttpContext http, SaveReferral save, CancellationToken ct) =>
            ApiResults.From(await save.DraftAsync(DataScope.From(http.User), id, encounterId, ct)))
            .RequireAuthorization(Policies.Edit).WithSummary("预填的转出单（来自档案、当前用户及可选的接诊记录）");

        var api = app.MapGroup("/api").WithTags("接诊、会诊与转诊").RequireAuthorization(Policies.Staff);
        api.MapGet("/encounters/{id:long}", async Task<Results<Ok<EncounterView>, NotFound>> (long id, HttpContext http, EncounterQueries q, CancellationToken ct) =>
            Found(await q.EncounterAsync(DataScope.From(http.User), id, ct))).WithSummary("接诊记录")
            .WithMetadata(RouteScope.Form<Encounter>("id"));
        api.MapPut("/encounters/{id:long}", async (long id, EncounterInput input, HttpContext http, SaveEncounter save, CancellationToken ct) =>
            ApiResults.From(await save.UpdateAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Edit).WithSummary("修改接诊记录（须带 version）")
            .WithMetadata(RouteScope.Form<Encounter>("id"));
        api.MapGet("/consultations/{id:long}", async Task<Results<Ok<ConsultationView>, NotFound>> (long id, HttpContext http, EncounterQueries q, CancellationToken ct) =>
            Found(await q.ConsultationAsync(DataScope.From(http.User), id, ct))).WithSummary("会诊记录")
            .WithMetadata(RouteScope.Form<Consultation>("id"));
        api.MapPut("/consultations/{id:long}", async (long id, ConsultationInput input, HttpContext http, SaveConsultation save, CancellationToken ct) =>
            ApiResults.From(await save.UpdateAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Edit).WithSummary("修改会诊记录（须带 version）")
            .WithMetadata(RouteScope.Form<Consultation>("id"));
        api.MapGet("/referrals/{id:long}", async Task<Results<Ok<ReferralView>, NotFound>> (long id, HttpContext http, EncounterQueries q, CancellationToken ct) =>
            Found(await q.ReferralAsync(DataScope.From(http.User), id, ct))).WithSummary("双向转诊")
            .WithMetadata(RouteScope.Form<Referral>("id"));
        api.MapPut("/referrals/{id:long}", async (long id, ReferralInput input, HttpContext http, SaveReferral save, CancellationToken ct) =>
            ApiResults.From(await save.UpdateAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Edit).WithSummary("修改转出单（须带 version）")
            .WithMetadata(RouteScope.Form<Referral>("id"));
        api.MapPost("/referrals/{id:long}/result", async (long id, ReferralResultInput input, HttpContext http, RecordReferralResult record, CancellationToken ct) =>
            ApiResults.From(await record.HandleAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Edit).WithSummary("记录转诊结果及回转单；记录后转诊关闭（须带 version）")
            .WithMetadata(RouteScope.Form<Referral>("id"));
        api.MapGet("/referrals/open", async (HttpContext http, EncounterQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.OpenReferralsAsync(DataScope.From(http.User), ct))).WithSummary("管理范围内未记录结果的转诊，按应随访日期排序");
        api.MapGet("/icd10", (string? q) => TypedResults.Ok(Icd10.Search(q))).WithSummary("常用 ICD-10 诊断编码查找（编码前缀或名称）");
    }

    private static Results<Ok<T>, NotFound> Found<T>(T? value) where T : class =>
        value is null ? TypedResults.NotFound() : TypedResults.Ok(value);
}
