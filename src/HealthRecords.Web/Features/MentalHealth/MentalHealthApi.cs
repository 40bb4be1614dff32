using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthRecords.Web.Features.MentalHealth;

/// <summary>
/// /api/…: the severe mental disorders register (个人信息补充表 with its versions, the end of a registration), the
/// follow-ups with the rules' suggestion, and the designation of mental-health staff. Scoped to the signed-in user; 400
/// problem+json with field errors keyed "form.…"; restricted fields masked for viewers who may not see them.
/// </summary>
public static class MentalHealthApi
{
    public static IEndpointRouteBuilder MapMentalHealthApi(this IEndpointRouteBuilder app)
    {
        var residents = app.MapGroup("/api/residents/{recordId:long}/mental-health").WithTags("严重精神障碍患者管理").RequireAuthorization(Policies.Staff)
            .ForRecord("recordId");

        residents.MapGet("", async Task<Results<Ok<MentalHealthSummary>, NotFound>> (long recordId, HttpContext http, ReadMentalHealth read, CancellationToken ct) =>
            await read.SummaryAsync(DataScope.From(http.User), recordId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("该居民的严重精神障碍患者登记与随访（限制字段仅责任医生及精神卫生专业人员可见）");

        residents.MapPost("/patient", async (long recordId, MentalHealthProfileInput input, HttpContext http, SaveMentalHealth save, MentalHealthViewers viewers, CancellationToken ct) =>
            ApiResults.Created(await PatientViewAsync(await save.ProfileAsync(DataScope.From(http.User), recordId, null, input, ct), http, viewers, ct),
                v => $"/api/mental-health/patients/{v.Id}"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("登记：填写个人信息补充表（知情同意 0 不同意参加管理：只登记，不管理）");

        residents.MapPost("/follow-ups", async (long recordId, MentalHealthFollowUpInput input, HttpContext http, SaveMentalHealth save, MentalHealthViewers viewers, CancellationToken ct) =>
            ApiResults.Created(await FollowUpViewAsync(await save.FollowUpAsync(DataScope.From(http.User), recordId, null, input, ct), http, viewers, ct),
                v => $"/api/mental-health/follow-ups/{v.Id}"))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("新增随访服务记录表（分类、下次随访日期与规范建议不同时须填写理由 overrideReason）");

        residents.MapPost("/suggestion", async (long recordId, MentalHealthFollowUpInput input, long? followUpId, HttpContext http, SaveMentalHealth save, MentalHealthViewers viewers, CancellationToken ct) =>
        {
            var user = DataScope.From(http.User);
            return ApiResults.From(await save.SuggestAsync(user, recordId, followUpId, input, await viewers.MaySeeAsync(user, recordId, ct), ct));
        })
            .RequireAuthorization(Policies.Edit)
            .WithSummary("按规范计算本次随访的建议分类、处理措施与下次随访日期（不保存）");

        var patients = app.MapGroup("/api/mental-health/patients/{id:long}").WithTags("严重精神障碍患者管理").RequireAuthorization(Policies.Staff)
            .WithMetadata(RouteScope.Form<MentalHealthPatient>("id"));

        patients.MapGet("", async Task<Results<Ok<MentalHealthPatientView>, NotFound>> (long id, HttpContext http, ReadMentalHealth read, CancellationToken ct) =>
            await read.PatientAsync(DataScope.From(http.User), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("读取患者登记与当前的个人信息补充表");

        patients.MapGet("/history", async Task<Results<Ok<IReadOnlyList<MentalHealthProfileVersionView>>, NotFound>> (long id, HttpContext http, ReadMentalHealth read, CancellationToken ct) =>
            await read.HistoryAsync(DataScope.From(http.User), id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithSummary("个人信息补充表的各个版本（变更记录），从新到旧");

        patients.MapPut("", async (long id, MentalHealthProfileInput input, HttpContext http, SaveMentalHealth save, MentalHealthViewers viewers, CancellationToken ct) =>
            ApiResults.From(await PatientViewAsync(await save.ProfileAsync(DataScope.From(http.User), null, id, input, ct), http, viewers, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("修改个人信息补充表（须带 version；旧版本保留）");

        patients.MapPut("/removal", async (long id, MentalHealthRemovalInput input, HttpContext http, SaveMentalHealth save, MentalHealthViewers viewers, CancellationToken ct) =>
            ApiResults.From(await PatientViewAsync(await save.RemoveAsync(DataScope.From(http.User), id, input, ct), http, viewers, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("撤销登记（迁出、死亡、诊断排除等；须带 version）");

        var followUps = app.MapGroup("/api/mental-health/follow-ups/{id:long}").WithTags("严重精神障碍患者管理").RequireAuthorization(Policies.Staff)
            .WithMetadata(RouteScope.Form<MentalHealthFollowUpForm>("id"));

        followUps.MapGet("", async Task<Results<Ok<MentalHealthFollowUpView>, NotFound>> (long id, HttpContext http, ReadMentalHealth read, CancellationToken ct) =>
            await read.FollowUpAsync(DataScope.From(http.User), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("读取一份随访服务记录表，含规范建议的分类与下次随访日期");

        followUps.MapPut("", async (long id, MentalHealthFollowUpInput input, HttpContext http, SaveMentalHealth save, MentalHealthViewers viewers, CancellationToken ct) =>
            ApiResults.From(await FollowUpViewAsync(await save.FollowUpAsync(DataScope.From(http.User), null, id, input, ct), http, viewers, ct)))
            .RequireAuthorization(Policies.Edit)
            .WithSummary("修改随访服务记录表（须带 version）");

        var staff = app.MapGroup("/api/mental-health/staff").WithTags("严重精神障碍患者管理").RequireAuthorization(Policies.ManageUsers);

        staff.MapGet("", async (HttpContext http, MentalHealthStaff admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.ListAsync(DataScope.From(http.User), ct)))
            .WithSummary("精神卫生专业人员与区县精神卫生监管人员的指定");

        staff.MapPut("/{userId}", async (string userId, MentalHealthStaffInput input, HttpContext http, MentalHealthStaff admin, CancellationToken ct) =>
            ApiResults.From(await admin.DesignateAsync(DataScope.From(http.User), userId, input, ct)))
            .NotResidentData("userId", "a staff account, managed by its institution's administrator")
            .WithSummary("指定精神卫生专业人员（机构管理员：本机构人员）或区县精神卫生监管人员（系统管理员）");

        staff.MapDelete("/{userId}", async (string userId, HttpContext http, MentalHealthStaff admin, CancellationToken ct) =>
            ApiResults.From(await admin.RevokeAsync(DataScope.From(http.User), userId, ct)))
            .NotResidentData("userId", "a staff account, managed by its institution's administrator")
            .WithSummary("撤销精神卫生专业人员的指定");

        return app;
    }

    /// <summary>A saved form as the saving user may see it (masked unless they may see the restricted fields).</summary>
    private static async Task<CommandResult<TView>> ViewAsync<TForm, TView>(CommandResult<TForm> saved, HttpContext http, MentalHealthViewers viewers,
        Func<TForm, bool, TView> view, CancellationToken ct) where TForm : ServiceForm =>
        saved.Succeeded
            ? CommandResult<TView>.Ok(view(saved.Value!, await viewers.MaySeeAsync(DataScope.From(http.User), saved.Value!.HealthRecordId, ct)))
            : saved.As<TView>();

    private static Task<CommandResult<MentalHealthPatientView>> PatientViewAsync(CommandResult<MentalHealthPatient> saved, HttpContext http, MentalHealthViewers viewers, CancellationToken ct) =>
        ViewAsync<MentalHealthPatient, MentalHealthPatientView>(saved, http, viewers, ReadMentalHealth.View, ct);

    private static Task<CommandResult<MentalHealthFollowUpView>> FollowUpViewAsync(CommandResult<MentalHealthFollowUpForm> saved, HttpContext http, MentalHealthViewers viewers, CancellationToken ct) =>
        ViewAsync<MentalHealthFollowUpForm, MentalHealthFollowUpView>(saved, http, viewers, ReadMentalHealth.View, ct);
}
