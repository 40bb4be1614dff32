using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthRecords.Web.Features.Residents;

/// <summary>/api/residents: the record core over HTTP. Every call is scoped to the signed-in user.</summary>
public static class ResidentsApi
{
    public static RouteGroupBuilder MapResidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/residents").WithTags("居民健康档案").RequireAuthorization(Policies.Staff).ForRecord();

        api.MapGet("/", async ([AsParameters] ResidentQuery query, HttpContext http, SearchResidents search, CancellationToken ct) =>
            TypedResults.Ok(await search.HandleAsync(DataScope.From(http.User), query, ct)))
            .WithSummary("查找居民：档案编号（17位或后8位）、身份证号、电话、姓名或拼音，可按乡镇、村、家庭、重点人群筛选");

        // The same search with the query in the body: an ID number or phone then never travels in a URL, which proxies log.
        api.MapPost("/search", async (ResidentQuery query, HttpContext http, SearchResidents search, CancellationToken ct) =>
            TypedResults.Ok(await search.HandleAsync(DataScope.From(http.User), query, ct)))
            .WithSummary("查找居民（条件在请求体中，身份证号、电话不进入地址栏和代理日志；推荐）");

        api.MapGet("/export", async Task<IResult> (bool? full, [AsParameters] ResidentQuery query, HttpContext http, ExportResidents export, TimeProvider time, CancellationToken ct) =>
            await export.HandleAsync(DataScope.From(http.User), query, full ?? false, ct) is var file && file.Succeeded
                ? Results.File(file.Value!, Spreadsheet.ContentType, Spreadsheet.FileName("居民名单", time))
                : ApiResults.From(file))
            .RequireAuthorization(Policies.Export)
            .WithSummary("导出查找结果（Excel）：与列表相同的条件和范围，身份证号与电话脱敏；full=true 导出完整号码须有查看权限，均留痕");

        api.MapGet("/{id:long}", async Task<Results<Ok<ResidentDetail>, NotFound>> (long id, HttpContext http, ResidentReader reader, CancellationToken ct) =>
            await reader.GetAsync(DataScope.From(http.User), id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .WithSummary("读取一份档案");

        api.MapGet("/{id:long}/overview", async Task<Results<Ok<ResidentOverview>, NotFound>> (long id, HttpContext http, ResidentReader reader, CancellationToken ct) =>
            await reader.OverviewAsync(DataScope.From(http.User), id, ct) is { } overview ? TypedResults.Ok(overview) : TypedResults.NotFound())
            .WithSummary("档案总览：按时间顺序的全部记录");

        api.MapGet("/{id:long}/changes", async Task<Results<Ok<IReadOnlyList<ChangeEntry>>, NotFound>> (long id, HttpContext http, ResidentReader reader, CancellationToken ct) =>
            await reader.ChangesAsync(DataScope.From(http.User), id, ct) is { } changes ? TypedResults.Ok(changes) : TypedResults.NotFound())
            .WithSummary("修改记录：谁、何时、原值与新值");

        api.MapPost("/", async (ResidentInput input, HttpContext http, CreateResident create, CancellationToken ct) =>
            ApiResults.Created(await create.HandleAsync(DataScope.From(http.User), input, ct), d => $"/api/residents/{d.Id}"))
            .WithSummary("建档：同一证件号码只能建一份档案；疑似重复须确认");

        api.MapPut("/{id:long}", async (long id, ResidentInput input, HttpContext http, UpdateResident update, CancellationToken ct) =>
            ApiResults.From(await update.HandleAsync(DataScope.From(http.User), id, input, ct)))
            .WithSummary("修改档案（须带 version；他人已修改时返回 409）");

        api.MapGet("/responsible-doctors", async (string villageCode, ResponsibleDoctors doctors, CancellationToken ct) =>
            TypedResults.Ok(await doctors.OfVillageAsync(villageCode, ct)))
            .WithSummary("可任责任医生的人员：该村(居)委会管理机构的全科医生、公卫人员、村医和本村村医（建档、修改、迁移时选择）");

        api.MapPost("/duplicate-check", async (DuplicateCheckInput input, HttpContext http, DuplicateFinder finder, CancellationToken ct) =>
            TypedResults.Ok(await finder.FindAsync(DataScope.From(http.User), input.Name, input.BirthDate, input.Phone, input.TownshipCode, input.ExceptId, ct)))
            .RequireAuthorization(Policies.Edit) // only those who create or edit records need it; it looks across scopes
            .WithSummary("保存前查找疑似重复档案：本人管理范围外的只说明已有档案及其管理机构；每次查找均留痕");

        api.MapPost("/{id:long}/closure", async (long id, ClosureInput input, HttpContext http, CloseRecord close, CancellationToken ct) =>
            ApiResults.From(await close.CloseAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Keep)
            .WithSummary("终止档案：死亡、迁出（须填迁往地点与交接情况）、失访");

        api.MapPost("/{id:long}/reopen", async (long id, ReopenInput input, HttpContext http, CloseRecord close, CancellationToken ct) =>
            ApiResults.From(await close.ReopenAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Keep)
            .WithSummary("恢复已终止的档案（须填原因）");

        api.MapPost("/{id:long}/transfer", async (long id, TransferInput input, HttpContext http, TransferRecord transfer, CancellationToken ct) =>
            ApiResults.From(await transfer.HandleAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Transfer)
            .WithSummary("档案迁移到另一机构，留下双方可见的交接记录");

        api.MapGet("/duplicates", async (HttpContext http, DuplicateSweep sweep, CancellationToken ct) =>
            ApiResults.From(await sweep.FindAsync(DataScope.From(http.User), ct)))
            .RequireAuthorization(Policies.Merge)
            .WithSummary("疑似重复档案：本辖区内同乡镇同名同出生日期、同名同电话、同一家庭内同名的档案，可逐组合并");

        api.MapPost("/merge", async (MergeInput input, HttpContext http, MergeRecords merge, CancellationToken ct) =>
            ApiResults.From(await merge.HandleAsync(DataScope.From(http.User), input, ct)))
            .RequireAuthorization(Policies.Merge)
            .WithSummary("合并重复档案：保留一份，另一份标记为已合并，内容全部留存");

        app.MapGet("/api/transfers", async (HttpContext http, TransferRecord transfer, CancellationToken ct) =>
            TypedResults.Ok(await transfer.ListAsync(DataScope.From(http.User), ct)))
            .WithTags("居民健康档案").RequireAuthorization(Policies.Staff)
            .WithSummary("本机构迁入、迁出的档案交接记录");

        return api;
    }
}

public sealed record DuplicateCheckInput(string Name, DateOnly BirthDate, string? Phone, string TownshipCode, long? ExceptId);
