using System.Net.Http.Json;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Examinations;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Kernel;
using HealthRecords.Web.Tests.Examinations;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Kernel;

/// <summary>
/// A service added later (a module the host did not have when the sweep was written) is swept without editing the sweep:
/// a module built on the kernel passes it; one that leaks a resident, or leaves a route parameter undeclared, fails it.
/// </summary>
public abstract class ModuleSweepTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private WebApplicationFactory<Program> With<TModule>() where TModule : ServiceModule =>
        host.Factory.WithWebHostBuilder(b => b.UseSetting(ModuleCatalog.ExtraModulesKey, typeof(TModule).AssemblyQualifiedName));

    /// <summary>A resident of 石林村 (the village doctor cunyi's) with an examination.</summary>
    private async Task ArrangeAsync()
    {
        await TestUsers.EnsureAsync(host);
        var doctor = await host.SignInAsync("cunyi");
        var resident = await TestResidents.CreateAsync(doctor, TestResidents.New("扫描测", TestResidents.Shilin, birth: new DateOnly(1950, 3, 1)));
        var exam = await doctor.PostAsJsonAsync($"/api/residents/{resident.Id}/examinations", new ExaminationInput { Form = ExaminationSamples.CompleteElderly(new DateOnly(2026, 6, 10)) });
        Assert.True(exam.IsSuccessStatusCode, await exam.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AModuleAddedLaterIsSweptAndAKernelBuiltOnePasses()
    {
        await ArrangeAsync();
        var result = await ScopeSweep.RunAsync(With<SweepProbeModule>(), [SweepProbeModule.Key]);
        Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
        Assert.Equal(
            ["GET /api/residents/{id:long}/sweep-probe", "GET /api/sweep-probe/examinations/{examinationId:long}", "POST /api/residents/{id:long}/sweep-probe"],
            result.Swept.Order());
    }

    [Fact]
    public async Task ALeakOrAnUndeclaredParameterInAModuleAddedLaterFailsTheSweep()
    {
        await ArrangeAsync();
        var result = await ScopeSweep.RunAsync(With<LeakyProbeModule>(), [LeakyProbeModule.Key]);
        Assert.Contains(result.Failures, f => f.StartsWith("GET /api/residents/", StringComparison.Ordinal) && f.Contains("/leaky-probe: cunyi2 got 200 with the resident's name", StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.Contains("/leaky-probe: the read was not written to the audit log", StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.StartsWith("GET /api/leaky-probe/{thing}: declare what {thing} names", StringComparison.Ordinal));
    }
}

public sealed class SqliteModuleSweepTests(SqliteHost host) : ModuleSweepTests<SqliteHost>(host);

public sealed class PostgresModuleSweepTests(PostgresHost host) : ModuleSweepTests<PostgresHost>(host);

/// <summary>A test-only service built on the kernel: reads through <see cref="FormReader"/>, writes through <see cref="FormWriter"/>.</summary>
public sealed class SweepProbeModule : ServiceModule
{
    public const string Key = "sweep-probe";

    public override string Name => Key;
    public override int Order => 1000;

    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/residents/{id:long}/sweep-probe", async (long id, HttpContext http, FormReader forms, ResidentReader residents, CancellationToken ct) =>
                await forms.MayReadAsync(DataScope.From(http.User), id, "sweep-probe", ct)
                    ? Results.Ok(new { (await residents.DetailAsync(id, ct))!.Info.Name })
                    : Results.NotFound())
            .RequireAuthorization(Policies.Staff).ForRecord();
        app.MapGet("/api/sweep-probe/examinations/{examinationId:long}", async (long examinationId, HttpContext http, FormReader forms, CancellationToken ct) =>
                await forms.OneAsync<Examination>(DataScope.From(http.User), examinationId, "sweep-probe", ct) is { } e
                    ? Results.Ok(new { e.Id, e.ExamDate })
                    : Results.NotFound())
            .RequireAuthorization(Policies.Staff).WithMetadata(RouteScope.Form<Examination>("examinationId"));
        app.MapPost("/api/residents/{id:long}/sweep-probe", async (long id, HttpContext http, FormWriter writer, CancellationToken ct) =>
                (await writer.OpenAsync<NoFacts, string>(DataScope.From(http.User), id, NoFacts.None, "录入", ct)).Refusal is { } refused
                    ? Results.NotFound(refused.Message)
                    : Results.Ok())
            .RequireAuthorization(Policies.Edit).ForRecord();
    }
}

/// <summary>A test-only service written without the kernel: it reads a resident without a scope and leaves a parameter undeclared.</summary>
public sealed class LeakyProbeModule : ServiceModule
{
    public const string Key = "leaky-probe";

    public override string Name => Key;
    public override int Order => 1001;

    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/residents/{id:long}/leaky-probe", async (long id, HealthRecordsDbContext db, CancellationToken ct) =>
                Results.Ok(await db.HealthRecords.Where(r => r.Id == id).Select(r => new { r.Name }).FirstOrDefaultAsync(ct)))
            .RequireAuthorization(Policies.Staff).ForRecord();
        app.MapGet("/api/leaky-probe/{thing}", (string thing) => Results.Ok(thing)).RequireAuthorization(Policies.Staff);
    }
}
