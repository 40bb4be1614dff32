using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthRecords.Web.Features.Children;

/// <summary>
/// /api/…: child health check-ups (004 0~6岁儿童健康管理 附件2–4) over HTTP, scoped to the signed-in user; 400
/// problem+json with field errors keyed "form.…" (the doctor's override reason "form.overrideReason").
/// </summary>
public static class ChildrenApi
{
    public static IEndpointRouteBuilder MapChildrenApi(this IEndpointRouteBuilder app)
    {
        var child = app.MapGroup("/api/residents/{recordId:long}").WithTags("0~6岁儿童健康管理").RequireAuthorization(Policies.Staff)
            .ForRecord("recordId");

        child.MapGet("/child-health", async Task<Results<Ok<ChildHealthView>, NotFound>> (long recordId, HttpContext http, ChildReader read, CancellationToken ct) =>
            await read.HealthAsync(DataScope.From(http.User), recordId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("儿童的健康检查记录、各次检查的时间窗与完成情况、生长测量值");

        child.MapGet("/child-checkups", async Task<Results<Ok<IReadOnlyList<ChildCheckupSummary>>, NotFound>> (long recordId, HttpContext http, ChildReader read, CancellationToken ct) =>
            await read.HealthAsync(DataScope.From(http.User), recordId, ct) is { } view ? TypedResults.Ok(view.Checkups) : TypedResults.NotFound())
            .WithSummary("儿童的健康检查记录列表（按随访日期）");

        child.MapGet("/growth-chart", async Task<Results<Ok<ChildGrowthChartView>, NotFound>> (long recordId, HttpContext http, ChildReader read, CancellationToken ct) =>
            await read.ChartAsync(DataScope.From(http.User), recordId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("生长曲线：WHO 年龄别体重、年龄别身长/身高 −2、0、+2 SD 曲线（按性别）及儿童的测量点");

        child.MapPost("/child-checkups", async (long recordId, ChildCheckupInput input, HttpContext http, SaveCheckup save, ChildReader read, CancellationToken ct) =>
            ApiResults.Created(await ViewAsync(await save.CreateAsync(DataScope.From(http.User), recordId, input, ct), read, ct), v => $"/api/child-checkups/{v.Id}"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("新增儿童健康检查记录（满月至6岁；体重、身长/身高评价由系统按WHO标准计算，改动须填写理由）");

        var checkups = app.MapGroup("/api/child-checkups/{id:long}").WithTags("0~6岁儿童健康管理").RequireAuthorization(Policies.Staff)
            .WithMetadata(RouteScope.Form<ChildCheckupVisit>("id"));

        checkups.MapGet("", async Task<Results<Ok<ChildCheckupView>, NotFound>> (long id, HttpContext http, ChildReader read, CancellationToken ct) =>
            await read.CheckupAsync(DataScope.From(http.User), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("读取一次儿童健康检查记录，含系统评价（Z评分、上/中/下、体格发育评价、健康问题与建议）");

        checkups.MapPut("", async (long id, ChildCheckupInput input, HttpContext http, SaveCheckup save, ChildReader read, CancellationToken ct) =>
            ApiResults.From(await ViewAsync(await save.UpdateAsync(DataScope.From(http.User), id, input, ct), read, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("修改儿童健康检查记录（须带 version）");

        checkups.MapPut("/referral-result", async (long id, ChildReferralResultInput input, HttpContext http, SaveCheckup save, ChildReader read, CancellationToken ct) =>
            ApiResults.From(await ViewAsync(await save.ReferralResultAsync(DataScope.From(http.User), id, input, ct), read, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("登记转诊结果（2周内随访；须带 version）");

        return app;
    }

    /// <summary>The saved check-up as the reader shows it (no second audit entry: the save wrote one).</summary>
    private static async Task<CommandResult<ChildCheckupView>> ViewAsync(CommandResult<ChildCheckupVisit> saved, ChildReader read, CancellationToken ct) =>
        saved.Succeeded ? CommandResult<ChildCheckupView>.Ok(await read.SavedAsync(saved.Value!, ct)) : saved.As<ChildCheckupView>();
}
