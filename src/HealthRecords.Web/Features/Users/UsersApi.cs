namespace HealthRecords.Web.Features.Users;

/// <summary>/api/users: institution admins manage their own institution's users; system admins manage all.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("用户管理").RequireAuthorization(Policies.ManageUsers)
            .NotResidentData("id", "a user account: UserAdmin keeps an admin to their institution, tested in AccountSecurityTests");

        api.MapGet("/", async (HttpContext http, UserAdmin admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.ListAsync(DataScope.From(http.User), ct)))
            .WithSummary("本机构（含所属村卫生室）的用户");

        api.MapGet("/villages", async (HttpContext http, UserAdmin admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.VillagesAsync(DataScope.From(http.User), ct)))
            .WithSummary("可分配给村医的村(居)委会：本机构辖区");

        api.MapPost("/", async (NewUserInput input, HttpContext http, UserAdmin admin, CancellationToken ct) =>
            ApiResults.Created(await admin.CreateAsync(DataScope.From(http.User), input, ct), r => $"/api/users/{r.User.Id}"))
            .WithSummary("新建用户：返回发放的初始密码，首次登录须修改");

        api.MapPost("/{id}/disable", async (string id, HttpContext http, UserAdmin admin, CancellationToken ct) =>
            ApiResults.From(await admin.DisableAsync(DataScope.From(http.User), id, ct)))
            .WithSummary("停用用户");

        api.MapPost("/{id}/enable", async (string id, HttpContext http, UserAdmin admin, CancellationToken ct) =>
            ApiResults.From(await admin.EnableAsync(DataScope.From(http.User), id, ct)))
            .WithSummary("启用用户");

        api.MapPost("/{id}/reset-password", async (string id, HttpContext http, UserAdmin admin, CancellationToken ct) =>
            ApiResults.From(await admin.ResetPasswordAsync(DataScope.From(http.User), id, ct)))
            .WithSummary("重置密码：返回新发放的密码，首次登录须修改");

        api.MapPut("/{id}/villages", async (string id, VillagesInput input, HttpContext http, UserAdmin admin, CancellationToken ct) =>
            ApiResults.From(await admin.AssignVillagesAsync(DataScope.From(http.User), id, input, ct)))
            .WithSummary("为村医分配负责的村(居)委会（限本机构辖区）");
        return api;
    }
}
