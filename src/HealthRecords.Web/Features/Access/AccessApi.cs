namespace HealthRecords.Web.Features.Access;

/// <summary>/api/access-requests: 档案借阅 over HTTP.</summary>
public static class AccessApi
{
    public static RouteGroupBuilder MapAccessApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/access-requests").WithTags("档案借阅").RequireAuthorization(Policies.Staff)
            .NotResidentData("id", "an access request: decided by the managing institution, tested in AuditAndAccessTests");

        api.MapGet("/lookup", async (string? term, HttpContext http, AccessRequests access, CancellationToken ct) =>
            ApiResults.From(await access.LookupAsync(DataScope.From(http.User), term, ct)))
            .WithSummary("按完整档案编号或身份证号查找一份档案（仅精确查找）");

        api.MapPost("/", async (AccessRequestInput input, HttpContext http, AccessRequests access, CancellationToken ct) =>
            ApiResults.Created(await access.RequestAsync(DataScope.From(http.User), input, ct), v => $"/api/access-requests/{v.Id}"))
            .WithSummary("申请借阅管理范围外的档案（须填理由）");

        api.MapGet("/mine", async (HttpContext http, AccessRequests access, CancellationToken ct) =>
            TypedResults.Ok(await access.MineAsync(DataScope.From(http.User), ct)))
            .WithSummary("我的借阅申请");

        api.MapGet("/to-decide", async (HttpContext http, AccessRequests access, CancellationToken ct) =>
            TypedResults.Ok(await access.ToDecideAsync(DataScope.From(http.User), ct)))
            .WithSummary("本机构档案的借阅申请（档案管理员、机构管理员审批）");

        api.MapPost("/{id:long}/approve", async (long id, ApproveInput input, HttpContext http, AccessRequests access, CancellationToken ct) =>
            ApiResults.From(await access.ApproveAsync(DataScope.From(http.User), id, input, ct)))
            .WithSummary("批准借阅，到期后自动失效（默认7天）");

        api.MapPost("/{id:long}/refuse", async (long id, RefuseInput input, HttpContext http, AccessRequests access, CancellationToken ct) =>
            ApiResults.From(await access.RefuseAsync(DataScope.From(http.User), id, input, ct)))
            .WithSummary("拒绝借阅（须填理由）");

        return api;
    }
}
