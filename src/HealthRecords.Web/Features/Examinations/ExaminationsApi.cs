using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>/api/…/examinations: the 健康体检表 over HTTP, scoped to the signed-in user; 400 problem+json with field errors keyed "form.…".</summary>
public static class ExaminationsApi
{
    public static IEndpointRouteBuilder MapExaminationsApi(this IEndpointRouteBuilder app)
    {
        var residents = app.MapGroup("/api/residents/{recordId:long}/examinations").WithTags("健康体检").RequireAuthorization(Policies.Staff)
            .ForRecord("recordId");

        residents.MapGet("/", async Task<Results<Ok<IReadOnlyList<ExaminationSummary>>, NotFound>> (long recordId, HttpContext http, ReadExaminations exams, CancellationToken ct) =>
            await exams.HistoryAsync(DataScope.From(http.User), recordId, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithSummary("居民的健康体检记录（按日期从新到旧）");

        residents.MapGet("/draft", async (long recordId, HttpContext http, DraftExamination draft, CancellationToken ct) =>
            ApiResults.From(await draft.HandleAsync(DataScope.From(http.User), recordId, ct)))
            .WithSummary("新体检表：按上次体检预填生活方式、用药、健康问题等，并说明此居民适用的*号项目");

        residents.MapPost("/", async (long recordId, ExaminationInput input, HttpContext http, CreateExamination create, CancellationToken ct) =>
            ApiResults.Created(await create.HandleAsync(DataScope.From(http.User), recordId, input, ct), d => $"/api/examinations/{d.Id}"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("新增健康体检表（同一居民同一天只能有一份）");

        var exams = app.MapGroup("/api/examinations").WithTags("健康体检").RequireAuthorization(Policies.Staff)
            .WithMetadata(RouteScope.Form<Examination>("id"));

        exams.MapGet("/{id:long}", async Task<Results<Ok<ExaminationDetail>, NotFound>> (long id, HttpContext http, ReadExaminations read, CancellationToken ct) =>
            await read.GetAsync(DataScope.From(http.User), id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .WithSummary("读取一份健康体检表，含缺项");

        exams.MapPut("/{id:long}", async (long id, ExaminationInput input, HttpContext http, UpdateExamination update, CancellationToken ct) =>
            ApiResults.From(await update.HandleAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("修改健康体检表（须带 version；他人已修改时返回 409）");

        app.MapGet("/api/elderly", async ([AsParameters] ElderlyQuery query, HttpContext http, ElderlyList list, CancellationToken ct) =>
            TypedResults.Ok(await list.PageAsync(DataScope.From(http.User), query, ct)))
            .WithTags("老年人健康管理").RequireAuthorization(Policies.Staff)
            .WithSummary("本年度65岁及以上老年人名单（含是否已体检），或当年新增65岁老年人名单");

        return app;
    }
}
