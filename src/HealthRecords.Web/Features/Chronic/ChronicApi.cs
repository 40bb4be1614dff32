using HealthRecords.Domain.Chronic;
using HealthRecords.Web.Features.WorkList;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>Hypertension and type 2 diabetes management over HTTP, scoped to the signed-in user.</summary>
public static class ChronicApi
{
    public static void MapChronicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/residents/{id:long}").WithTags("高血压与2型糖尿病患者健康管理").RequireAuthorization(Policies.Staff)
            .WithMetadata(RouteScope.Record<ChronicFollowUp>("id", f => f.Disease == ChronicDisease.Hypertension)) // a patient under management
            .WithMetadata(RouteScope.Form<ChronicFollowUp>("followUpId", f => f.Disease == ChronicDisease.Hypertension))
            .Sample("disease", "hypertension");

        api.MapGet("/chronic", async Task<Results<Ok<ChronicSummary>, NotFound>> (long id, HttpContext http, ChronicReader reader, CancellationToken ct) =>
            await reader.SummaryAsync(DataScope.From(http.User), id, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound())
            .WithSummary("慢病管理总览：纳入管理情况、随访记录、高血压筛查");

        api.MapGet("/chronic/follow-ups/{followUpId:long}", async Task<Results<Ok<FollowUpView>, NotFound>> (long id, long followUpId, HttpContext http, ChronicReader reader, CancellationToken ct) =>
            await reader.FollowUpAsync(DataScope.From(http.User), id, followUpId, ct) is { } f ? TypedResults.Ok(f) : TypedResults.NotFound())
            .WithSummary("读取一次随访");

        api.MapGet("/chronic/due", async Task<Results<Ok<List<DueItem>>, NotFound>> (long id, HttpContext http, WorkListQueries workList, CancellationToken ct) =>
            await workList.DueOfResidentAsync(DataScope.From(http.User), id, ct) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound())
            .WithSummary("该居民一年内应做的服务（含逾期），来自各服务的工作清单规则");

        api.MapPost("/chronic/{disease}/enrolment", async (long id, string disease, EnrolInput input, HttpContext http, Enrolments enrolments, CancellationToken ct) =>
            Parse(disease) is { } d ? ApiResults.From(await enrolments.EnrolAsync(DataScope.From(http.User), id, d, input, ct)) : UnknownDisease())
            .RequireAuthorization(Policies.Edit)
            .WithSummary("纳入高血压（hypertension）或2型糖尿病（diabetes）患者管理");

        api.MapPost("/chronic/{disease}/enrolment/withdraw", async (long id, string disease, WithdrawInput input, HttpContext http, Enrolments enrolments, CancellationToken ct) =>
            Parse(disease) is { } d ? ApiResults.From(await enrolments.WithdrawAsync(DataScope.From(http.User), id, d, input, ct)) : UnknownDisease())
            .RequireAuthorization(Policies.Edit)
            .WithSummary("退出管理（须填原因；须带 version）");

        api.MapPost("/chronic/{disease}/enrolment/restore", async (long id, string disease, RestoreInput input, HttpContext http, Enrolments enrolments, CancellationToken ct) =>
            Parse(disease) is { } d ? ApiResults.From(await enrolments.RestoreAsync(DataScope.From(http.User), id, d, input, ct)) : UnknownDisease())
            .RequireAuthorization(Policies.Edit)
            .WithSummary("恢复管理（须填原因；须带 version）");

        api.MapGet("/chronic/{disease}/draft", async Task<Results<Ok<FollowUpDraft>, NotFound>> (long id, string disease, long? examinationId, HttpContext http, ChronicReader reader, CancellationToken ct) =>
            Parse(disease) is { } d && await reader.DraftAsync(DataScope.From(http.User), id, d, ct, examinationId) is { } draft ? TypedResults.Ok(draft) : TypedResults.NotFound())
            .WithSummary("新随访的起点：沿用上次随访的用药；带 examinationId 时以该次健康体检作为本次随访，预填体检的血压、体重、心率、生活方式和空腹血糖");

        api.MapPost("/hypertension/follow-ups", async (long id, HypertensionFollowUpInput input, HttpContext http, SaveFollowUp save, CancellationToken ct) =>
            ApiResults.Created(await save.HypertensionAsync(DataScope.From(http.User), id, null, input, ct), f => $"/api/residents/{id}/chronic/follow-ups/{f.Id}"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("录入高血压随访：系统给出分类与下次随访日期建议，医生可填写理由后修改");

        api.MapPut("/hypertension/follow-ups/{followUpId:long}", async (long id, long followUpId, HypertensionFollowUpInput input, HttpContext http, SaveFollowUp save, CancellationToken ct) =>
            ApiResults.From(await save.HypertensionAsync(DataScope.From(http.User), id, followUpId, input, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("修改高血压随访（须带 version；他人已修改时返回 409）");

        api.MapPost("/diabetes/follow-ups", async (long id, DiabetesFollowUpInput input, HttpContext http, SaveFollowUp save, CancellationToken ct) =>
            ApiResults.Created(await save.DiabetesAsync(DataScope.From(http.User), id, null, input, ct), f => $"/api/residents/{id}/chronic/follow-ups/{f.Id}"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("录入2型糖尿病随访");

        api.MapPut("/diabetes/follow-ups/{followUpId:long}", async (long id, long followUpId, DiabetesFollowUpInput input, HttpContext http, SaveFollowUp save, CancellationToken ct) =>
            ApiResults.From(await save.DiabetesAsync(DataScope.From(http.User), id, followUpId, input, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("修改2型糖尿病随访（须带 version）");

        api.MapPost("/chronic/combined-visits", async (long id, CombinedVisitInput input, HttpContext http, SaveFollowUp save, CancellationToken ct) =>
            ApiResults.From(await save.CombinedAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("高血压与糖尿病合并随访：共同项目只填一次，两份随访记录一并保存");

        api.MapGet("/screening", async Task<Results<Ok<ScreeningView>, NotFound>> (long id, HttpContext http, Screening screening, CancellationToken ct) =>
            await screening.ReadAsync(DataScope.From(http.User), id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound())
            .WithSummary("高血压筛查情况：是否提示本年度首次就诊测量血压（35岁及以上、今年尚未测量、未纳入管理）、复查日期、历次读数");

        api.MapPost("/screening/readings", async (long id, ScreeningInput input, HttpContext http, Screening screening, CancellationToken ct) =>
            ApiResults.From(await screening.AddReadingAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("高血压筛查：录入35岁及以上居民的血压，偏高者预约复查，非同日3次偏高提示疑似高血压");

        api.MapGet("/diabetes-screening", async Task<Results<Ok<GlucoseScreeningView>, NotFound>> (long id, HttpContext http, GlucoseScreening screening, CancellationToken ct) =>
            await screening.ReadAsync(DataScope.From(http.User), id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound())
            .WithSummary("糖尿病高危人群筛查情况：是否为高危人群、最近一次空腹血糖、下次应测日期、历次记录");

        api.MapPost("/diabetes-screening/entries", async (long id, GlucoseScreeningInput input, HttpContext http, GlucoseScreening screening, CancellationToken ct) =>
            ApiResults.From(await screening.AddAsync(DataScope.From(http.User), id, input, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("糖尿病高危人群筛查：标记（或取消）高危人群，录入空腹血糖；高危人群每年至少测量1次空腹血糖");
    }

    /// <summary>The route word for a disease: "hypertension" or "diabetes".</summary>
    public static ChronicDisease? Parse(string disease) => disease switch
    {
        "hypertension" => ChronicDisease.Hypertension,
        "diabetes" => ChronicDisease.Diabetes,
        _ => null,
    };

    public static string Slug(ChronicDisease disease) => disease == ChronicDisease.Hypertension ? "hypertension" : "diabetes";

    private static Results<Ok<EnrolmentView>, ValidationProblem, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ProblemHttpResult, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>> UnknownDisease() =>
        TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "只支持 hypertension 或 diabetes" });
}
