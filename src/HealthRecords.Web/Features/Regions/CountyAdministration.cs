namespace HealthRecords.Web.Features.Regions;

/// <summary>
/// The system administrator's county pages and <c>/api/admin/…</c>: load the county, manage institutions and the
/// villages they serve, set population and prevalence figures; each with its history.
/// </summary>
public static class CountyAdministration
{
    public static IServiceCollection AddCountyAdministration(this IServiceCollection services)
    {
        services.AddScoped<CountyAdmin>();
        services.AddScoped<InstitutionAdmin>();
        services.AddScoped<CountyFiguresAdmin>();
        services.AddSingleton<CountyFigureStore>();
        return services;
    }

    public static void MapCountyAdministration(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("区县与机构管理").RequireAuthorization(Policies.ManageCounty);

        api.MapGet("/counties", (string? q) => TypedResults.Ok(CountyAdmin.Search(q)))
            .WithSummary("可载入的区县（随系统发布的行政区划数据），按代码或名称查找");
        api.MapGet("/county", async (CountyAdmin admin, CancellationToken ct) =>
            await admin.CurrentAsync(ct) is { } county ? Results.Ok(county) : Results.NoContent())
            .WithSummary("本系统服务的区县（尚未载入时 204）");
        api.MapPost("/county", async (LoadCountyInput input, HttpContext http, CountyAdmin admin, CancellationToken ct) =>
            ApiResults.From(await admin.LoadAsync(DataScope.From(http.User), input, ct)))
            .WithSummary("载入区县：乡镇(街道)、村(居)委会及每个乡镇的默认卫生院/社区卫生服务中心");
        api.MapGet("/history", async (string? subject, CountyAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.HistoryAsync(subject, ct)))
            .WithSummary("区划、机构、常住人口与患病率的修改记录（subject 前缀筛选，如 institution:12）");

        api.MapGet("/institutions", async (InstitutionAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)))
            .WithSummary("机构及其服务的村(居)委会");
        api.MapPost("/institutions", async (InstitutionInput input, HttpContext http, InstitutionAdmin admin, CancellationToken ct) =>
            ApiResults.Created(await admin.CreateAsync(DataScope.From(http.User), input, ct), i => $"/api/admin/institutions/{i.Id}"))
            .WithSummary("新建机构（卫生院、社区卫生服务中心、村卫生室、社区卫生服务站）");
        api.MapPut("/institutions/{id:int}", async (int id, InstitutionInput input, HttpContext http, InstitutionAdmin admin, CancellationToken ct) =>
            ApiResults.From(await admin.UpdateAsync(DataScope.From(http.User), id, input, ct)))
            .WithSummary("修改机构（须带 version）；村(居)委会划入本机构")
            .NotResidentData("id", "an institution of the county: only the system administrator (ManageCounty) changes it, tested in Operations/CountyAdministrationTests");

        api.MapGet("/figures", async (CountyFiguresAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.ViewAsync(ct)))
            .WithSummary("常住人口与患病率（本页设置的优先于配置文件）");
        api.MapPut("/figures", async (FigureInput input, HttpContext http, CountyFiguresAdmin admin, CancellationToken ct) =>
            ApiResults.From(await admin.SetAsync(DataScope.From(http.User), input, ct)))
            .WithSummary("设置一项常住人口或患病率（value 为空则清除，改用配置文件）");
    }
}
