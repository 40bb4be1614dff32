namespace HealthRecords.Web.Features.Measures;

/// <summary>/api/measures: the measure table, drill-down lists, trends and Excel exports, all within the user's scope.</summary>
public static class MeasuresApi
{
    public static RouteGroupBuilder MapMeasuresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/measures").WithTags("考核指标").RequireAuthorization(Policies.Staff)
            .NotResidentData("code", "a measure: its residents come from DataScope.Apply, tested in MeasuresApiTests");

        api.MapGet("/", async ([AsParameters] MeasureQuery query, bool? recount, HttpContext http, MeasureEngine engine, CancellationToken ct) =>
            ApiResults.From(await engine.TableAsync(DataScope.From(http.User), query, ct, recount == true)))
            .WithSummary("考核指标表：按乡镇、村、机构或责任医生分组的分子、分母和率（year、quarter 或 month、groupBy、township）；"
                + "统计较慢的表保留几分钟（kept=true，countedAtUtc 为统计时间），recount=true 立即重新统计");

        api.MapGet("/{code}/residents", async (string code, [AsParameters] DrillQuery query, HttpContext http, MeasureEngine engine, CancellationToken ct) =>
            ApiResults.From(await engine.ResidentsAsync(DataScope.From(http.User), code, query, ct)))
            .WithSummary("一个数字背后的居民：分子（side=numerator）或分母（side=denominator）名单，分页，身份证号和电话已遮盖");

        api.MapGet("/{code}/trend", async (string code, int? year, string? by, string? township, HttpContext http, MeasureEngine engine, CancellationToken ct) =>
            ApiResults.From(await engine.TrendAsync(DataScope.From(http.User), code, year, by, township, ct)))
            .WithSummary("指标趋势：按月（by=month）或按季度（by=quarter）");

        api.MapGet("/export", async ([AsParameters] MeasureQuery query, HttpContext http, MeasureExport export, CancellationToken ct) =>
            File(await export.TableAsync(DataScope.From(http.User), query, ct), "考核指标"))
            .WithSummary("导出考核指标表（Excel），记入审计日志");

        api.MapGet("/{code}/residents/export", async (string code, [AsParameters] DrillQuery query, HttpContext http, MeasureExport export, CancellationToken ct) =>
            File(await export.ResidentsAsync(DataScope.From(http.User), code, query, null, ct), "居民名单"))
            .RequireAuthorization(Policies.Export)
            .WithSummary("导出一个数字背后的居民名单（Excel，身份证号和电话已遮盖），记入审计日志");

        return api;
    }

    private static IResult File(CommandResult<byte[]> result, string what) =>
        result.Succeeded ? TypedResults.File(result.Value!, MeasureExport.ContentType, MeasureExport.FileName(what)) : ApiResults.From(result);
}
