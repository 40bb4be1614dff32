using HealthRecords.Web.Features.Residents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthRecords.Web.Features.AuditLog;

/// <summary>/api/audit: the audit log for record keepers.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("审计日志").RequireAuthorization(Policies.ReadAuditLog);

        api.MapGet("/", async Task<Results<Ok<PagedResult<AuditRow>>, ForbidHttpResult>> ([AsParameters] AuditQuery query, HttpContext http, AuditQueries audit, CancellationToken ct) =>
            await audit.SearchAsync(DataScope.From(http.User), query, ct) is { } page ? TypedResults.Ok(page) : TypedResults.Forbid())
            .WithSummary("查询审计日志：按日期、用户、档案编号、操作筛选（本机构）");

        return api;
    }
}
