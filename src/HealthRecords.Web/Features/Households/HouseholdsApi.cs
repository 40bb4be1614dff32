using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthRecords.Web.Features.Households;

public static class HouseholdsApi
{
    public static RouteGroupBuilder MapHouseholdsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/households").WithTags("家庭").RequireAuthorization(Policies.Staff)
            .NotResidentData("id", "a household: scoped by DataScope.Apply(households), tested in AuthorizationMatrixTests");

        api.MapGet("/{id:long}", async Task<Results<Ok<HouseholdDetail>, NotFound>> (long id, HttpContext http, HouseholdService households, CancellationToken ct) =>
            await households.GetAsync(DataScope.From(http.User), id, ct) is { } h ? TypedResults.Ok(h) : TypedResults.NotFound())
            .WithSummary("家庭及其成员");

        api.MapPut("/{id:long}", async (long id, HouseholdInput input, HttpContext http, HouseholdService households, CancellationToken ct) =>
            ApiResults.From(await households.UpdateAsync(DataScope.From(http.User), id, input, ct)))
            .WithSummary("修改家庭住址、户主与农村居住环境（须带 version）");

        app.MapPost("/api/residents/{id:long}/household", async (long id, MoveMemberInput input, HttpContext http, HouseholdService households, CancellationToken ct) =>
            ApiResults.From(await households.MoveMemberAsync(DataScope.From(http.User), id, input, ct)))
            .WithTags("家庭").RequireAuthorization(Policies.Staff)
            .WithSummary("把成员移到另一家庭或新立一户")
            .ForRecord();
        return api;
    }
}
