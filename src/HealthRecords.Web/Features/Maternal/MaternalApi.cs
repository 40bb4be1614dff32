using HealthRecords.Domain.Maternal;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthRecords.Web.Features.Maternal;

/// <summary>
/// /api/…: the pregnancy episode (建册, 分娩信息, 结束), its prenatal and postpartum forms, and the baby's 新生儿家庭访视, scoped
/// to the signed-in user; 400 problem+json with field errors keyed "form.…" (and "overrideReason").
/// </summary>
public static class MaternalApi
{
    public static IEndpointRouteBuilder MapMaternalApi(this IEndpointRouteBuilder app)
    {
        var residents = app.MapGroup("/api/residents/{recordId:long}").WithTags("孕产妇健康管理").RequireAuthorization(Policies.Staff)
            .ForRecord("recordId");

        residents.MapGet("/pregnancies", async Task<Results<Ok<IReadOnlyList<PregnancyView>>, NotFound>> (long recordId, HttpContext http, ReadMaternal read, CancellationToken ct) =>
            await read.EpisodesAsync(DataScope.From(http.User), recordId, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithSummary("该居民的孕产期（孕产妇保健手册），从新到旧，含各次随访");

        residents.MapPost("/pregnancies", async (long recordId, MaternalInput<Pregnancy> input, HttpContext http, SaveMaternal save, ReadMaternal read, CancellationToken ct) =>
            ApiResults.Created(await ViewAsync(await save.RegistrationAsync(DataScope.From(http.User), recordId, null, input, ct), read, ct), v => $"/api/pregnancies/{v.Id}"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("建册：建立孕产妇保健手册（同一时间只能有一个未结束的孕产期）");

        residents.MapGet("/newborn-visits", async Task<Results<Ok<IReadOnlyList<MaternalFormSummary>>, NotFound>> (long recordId, HttpContext http, ReadMaternal read, CancellationToken ct) =>
            await read.NewbornVisitsAsync(DataScope.From(http.User), recordId, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithSummary("该新生儿的家庭访视记录");

        residents.MapPost("/newborn-visits", async (long recordId, MaternalInput<NewbornVisit> input, HttpContext http, SaveMaternal save, CancellationToken ct) =>
            ApiResults.Created(await save.NewbornVisitAsync(DataScope.From(http.User), recordId, null, input, ct), v => $"/api/newborn-visits/{v.Id}"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("新增新生儿家庭访视记录（出生后28天内）");

        var episodes = app.MapGroup("/api/pregnancies/{id:long}").WithTags("孕产妇健康管理").RequireAuthorization(Policies.Staff)
            .WithMetadata(RouteScope.Form<PregnancyEpisode>("id"));

        episodes.MapGet("", async Task<Results<Ok<PregnancyView>, NotFound>> (long id, HttpContext http, ReadMaternal read, CancellationToken ct) =>
            await read.EpisodeAsync(DataScope.From(http.User), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("读取一个孕产期：孕周、预产期（按公式与按280天）、分娩、结束及各次随访");

        episodes.MapPut("", async (long id, MaternalInput<Pregnancy> input, HttpContext http, SaveMaternal save, ReadMaternal read, CancellationToken ct) =>
            ApiResults.From(await ViewAsync(await save.RegistrationAsync(DataScope.From(http.User), null, id, input, ct), read, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("修改建册信息（须带 version）");

        episodes.MapPut("/delivery", async (long id, MaternalInput<DeliveryInfo> input, HttpContext http, SaveMaternal save, ReadMaternal read, CancellationToken ct) =>
            ApiResults.From(await ViewAsync(await save.DeliveryAsync(DataScope.From(http.User), id, input, ct), read, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("登记分娩信息（须带孕产期的 version）；每个活产婴儿在母亲家庭中建立健康档案（只建一次）");

        episodes.MapPut("/ending", async (long id, MaternalInput<EpisodeEnding> input, HttpContext http, SaveMaternal save, ReadMaternal read, CancellationToken ct) =>
            ApiResults.From(await ViewAsync(await save.EndingAsync(DataScope.From(http.User), id, input, ct), read, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("结束孕产期：结案、流产、终止妊娠、迁出或死亡（须带 version）");

        episodes.MapPost("/first-visit", async (long id, MaternalInput<FirstPrenatalVisit> input, HttpContext http, SaveMaternal save, CancellationToken ct) =>
            ApiResults.Created(await save.FirstVisitAsync(DataScope.From(http.User), id, null, input, ct), v => $"/api/prenatal-visits/{v.Id}"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("新增第1次产前随访服务记录表（孕13周前）");

        episodes.MapPost("/prenatal-visits", async (long id, MaternalInput<PrenatalVisit> input, HttpContext http, SaveMaternal save, CancellationToken ct) =>
            ApiResults.Created(await save.PrenatalVisitAsync(DataScope.From(http.User), id, null, input, ct), v => $"/api/prenatal-visits/{v.Id}"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("新增第2~5次产前随访服务记录（孕周须在该次随访的时间窗内）");

        episodes.MapPost("/postpartum-visits", async (long id, MaternalInput<PostpartumVisit> input, HttpContext http, SaveMaternal save, CancellationToken ct) =>
            ApiResults.Created(await save.PostpartumVisitAsync(DataScope.From(http.User), id, null, input, ct), v => $"/api/postpartum-visits/{v.Id}"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("新增产后访视记录（出院后3~7天）");

        episodes.MapPost("/check-42", async (long id, MaternalInput<Postpartum42DayCheck> input, HttpContext http, SaveMaternal save, CancellationToken ct) =>
            ApiResults.Created(await save.Check42Async(DataScope.From(http.User), id, null, input, ct), v => $"/api/postpartum-visits/{v.Id}"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("新增产后42天健康检查记录（处理为结案时结束孕产期）");

        var prenatal = app.MapGroup("/api/prenatal-visits/{id:long}").WithTags("孕产妇健康管理").RequireAuthorization(Policies.Staff)
            .WithMetadata(RouteScope.Form<PrenatalVisitForm>("id"));
        prenatal.MapGet("", async Task<Results<Ok<PrenatalVisitView>, NotFound>> (long id, HttpContext http, ReadMaternal read, CancellationToken ct) =>
            await read.PrenatalVisitAsync(DataScope.From(http.User), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("读取一份产前随访服务记录，含规则建议");
        prenatal.MapPut("/first", async (long id, MaternalInput<FirstPrenatalVisit> input, HttpContext http, SaveMaternal save, CancellationToken ct) =>
            ApiResults.From(await save.FirstVisitAsync(DataScope.From(http.User), 0, id, input, ct)))
            .RequireAuthorization(Policies.Edit).WithMetadata(RouteScope.Form<PrenatalVisitForm>("id", v => v.Round == 1))
            .WithSummary("修改第1次产前随访服务记录表（须带 version）");
        prenatal.MapPut("", async (long id, MaternalInput<PrenatalVisit> input, HttpContext http, SaveMaternal save, CancellationToken ct) =>
            ApiResults.From(await save.PrenatalVisitAsync(DataScope.From(http.User), 0, id, input, ct)))
            .RequireAuthorization(Policies.Edit).WithMetadata(RouteScope.Form<PrenatalVisitForm>("id", v => v.Round > 1))
            .WithSummary("修改第2~5次产前随访服务记录（须带 version）");

        var postpartum = app.MapGroup("/api/postpartum-visits/{id:long}").WithTags("孕产妇健康管理").RequireAuthorization(Policies.Staff)
            .WithMetadata(RouteScope.Form<PostpartumForm>("id"));
        postpartum.MapGet("", async Task<Results<Ok<PostpartumView>, NotFound>> (long id, HttpContext http, ReadMaternal read, CancellationToken ct) =>
            await read.PostpartumAsync(DataScope.From(http.User), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("读取一份产后访视或产后42天健康检查记录");
        postpartum.MapPut("", async (long id, MaternalInput<PostpartumVisit> input, HttpContext http, SaveMaternal save, CancellationToken ct) =>
            ApiResults.From(await save.PostpartumVisitAsync(DataScope.From(http.User), 0, id, input, ct)))
            .RequireAuthorization(Policies.Edit).WithMetadata(RouteScope.Form<PostpartumForm>("id", v => v.Kind == PostpartumFormKind.Visit))
            .WithSummary("修改产后访视记录（须带 version）");
        postpartum.MapPut("/check-42", async (long id, MaternalInput<Postpartum42DayCheck> input, HttpContext http, SaveMaternal save, CancellationToken ct) =>
            ApiResults.From(await save.Check42Async(DataScope.From(http.User), 0, id, input, ct)))
            .RequireAuthorization(Policies.Edit).WithMetadata(RouteScope.Form<PostpartumForm>("id", v => v.Kind == PostpartumFormKind.Check42))
            .WithSummary("修改产后42天健康检查记录（须带 version）");

        var newborn = app.MapGroup("/api/newborn-visits/{id:long}").WithTags("孕产妇健康管理").RequireAuthorization(Policies.Staff)
            .WithMetadata(RouteScope.Form<NewbornVisitForm>("id"));
        newborn.MapGet("", async Task<Results<Ok<NewbornVisitView>, NotFound>> (long id, HttpContext http, ReadMaternal read, CancellationToken ct) =>
            await read.NewbornVisitAsync(DataScope.From(http.User), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("读取一份新生儿家庭访视记录，含规则建议与提醒");
        newborn.MapPut("", async (long id, MaternalInput<NewbornVisit> input, HttpContext http, SaveMaternal save, CancellationToken ct) =>
            ApiResults.From(await save.NewbornVisitAsync(DataScope.From(http.User), null, id, input, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("修改新生儿家庭访视记录（须带 version）");

        return app;
    }

    private static async Task<CommandResult<PregnancyView>> ViewAsync(CommandResult<PregnancyEpisode> saved, ReadMaternal read, CancellationToken ct) =>
        saved.Succeeded ? CommandResult<PregnancyView>.Ok(await read.ViewAsync(saved.Value!, ct)) : saved.As<PregnancyView>();
}
