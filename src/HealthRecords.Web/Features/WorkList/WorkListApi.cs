using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthRecords.Web.Features.WorkList;

/// <summary>/api/worklist: the signed-in user's due and overdue items, the 14-day planner, and contact attempts.</summary>
public static class WorkListApi
{
    public static RouteGroupBuilder MapWorkListApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/worklist").WithTags("工作清单").RequireAuthorization(Policies.Staff);

        api.MapGet("/", async ([AsParameters] WorkListQuery query, HttpContext http, WorkListQueries list, CancellationToken ct) =>
            TypedResults.Ok(await list.GetAsync(DataScope.From(http.User), query, ct)))
            .WithSummary("今日工作清单：到期和逾期的待办，紧急在前，再按逾期天数、应办日期排序；可按服务、类别、村筛选");

        api.MapGet("/count", async (HttpContext http, WorkListQueries list, CancellationToken ct) =>
            TypedResults.Ok(new { count = await list.CountTodayAsync(DataScope.From(http.User), ct) }))
            .WithSummary("今日待办数（到期和逾期）");

        api.MapGet("/planner", async (string? service, HttpContext http, WorkListQueries list, CancellationToken ct) =>
            TypedResults.Ok(await list.PlannerAsync(DataScope.From(http.User), service, ct)))
            .WithSummary("未来14天各村每日到期待办数");

        api.MapPost("/contacts", async (ContactInput input, HttpContext http, RecordContact record, CancellationToken ct) =>
            ApiResults.From(await record.RunAsync(DataScope.From(http.User), input, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("记录一次联系：上门/门诊、电话或未联系上（未联系上的待办仍保留在清单中）");

        return api;
    }
}
