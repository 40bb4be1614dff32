using System.Reflection;
using System.Text.RegularExpressions;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Kernel;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Security;

/// <summary>
/// The scope sweep (<see cref="ScopeSweep"/>) over every endpoint and print page of every module of the host: each
/// reads a resident's data only within the reader's scope (or refuses, changing nothing), and each is declared by a module.
/// </summary>
public abstract partial class ScopeSweepTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EveryEndpointOfEveryModuleIsRefusedOutsideTheUsersAreaAndAnsweredInside()
    {
        // The demo's own residents, examinations, encounters, consultations, referrals and chronic follow-ups.
        await host.WithDbAsync(async db => { await DemoResidents.EnsureAsync(db, host.Clock, 1500); return 0; });
        await TestUsers.EnsureAsync(host);

        var result = await ScopeSweep.RunAsync(host.Factory);

        Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
        // The sweep really covers the services: reads and changes of each, and their print pages.
        foreach (var expected in new[]
                 {
                     "GET /api/residents/{id:long}", "GET /api/examinations/{id:long}", "GET /api/encounters/{id:long}", "GET /api/consultations/{id:long}",
                     "GET /api/referrals/{id:long}", "GET /api/residents/{id:long}/chronic/follow-ups/{followUpId:long}",
                     "GET /api/residents/{recordId:long}/examinations/", "PUT /api/examinations/{id:long}", "POST /api/residents/{id:long}/hypertension/follow-ups",
                     "PUT /api/residents/{id:long}/diabetes/follow-ups/{followUpId:long}", "POST /api/residents/{id:long}/closure",
                     "print /residents/{id}/print/cover", "print /examinations/{formId}/print", "print /residents/{id}/print/encounter/{formId}",
                 })
        {
            Assert.Contains(expected, result.Swept);
        }
        Assert.All(result.Exempt, e => Assert.Contains(": ", e, StringComparison.Ordinal)); // each exemption says why
    }

    [Fact]
    public void EveryPrintPageOfTheHostIsDeclaredByAModule()
    {
        var declared = host.Factory.Services.GetRequiredService<ModuleCatalog>().PrintPages.Select(p => p.Route).ToList();
        var pages = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .Where(t => t.Contains("/print", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var pattern = new Regex("^" + Parameter().Replace(Regex.Escape(page).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$");
            Assert.True(declared.Any(pattern.IsMatch), $"{page}: declare it in its module (module.PrintPage)");
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}

public sealed class SqliteScopeSweepTests(SqliteHost host) : ScopeSweepTests<SqliteHost>(host);

public sealed class PostgresScopeSweepTests(PostgresHost host) : ScopeSweepTests<PostgresHost>(host);
