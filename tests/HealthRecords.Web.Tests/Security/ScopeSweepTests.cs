using System.Net;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Security;

/// <summary>
/// Every GET of the API that reads one resident's data (found in the OpenAPI document, so a new endpoint is swept
/// without being listed here) answers the village doctor of the resident's village, and answers 404 — with nothing
/// of the resident in the body — to the village doctor of another village of the same hospital and to a doctor of
/// another institution.
/// </summary>
public abstract class ScopeSweepTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EveryResidentReadOfTheApiIsRefusedOutsideTheUsersAreaAndAnsweredInside()
    {
        // The demo's own residents, examinations, encounters, consultations, referrals and chronic follow-ups.
        var target = await SweepTargets.CreateAsync(host);
        var doctor = await host.SignInAsync("cunyi"); // 石林村、拱桥村
        var admin = await host.SignInAsync("admin");
        var outsiders = new[]
        {
            (TestUsers.OtherVillageDoctor, await host.SignInAsync(TestUsers.OtherVillageDoctor)),
            (TestUsers.OtherInstitutionDoctor, await host.SignInAsync(TestUsers.OtherInstitutionDoctor)),
        };
        var paths = ResidentReadPaths(await ApiSweep.LoadAsync(doctor));

        // The sweep really covers the services: a path of each must be among those found.
        foreach (var expected in new[] { "/api/residents/{id}", "/api/examinations/{id}", "/api/encounters/{id}", "/api/consultations/{id}",
                     "/api/referrals/{id}", "/api/residents/{id}/chronic/follow-ups/{followUpId}", "/api/residents/{recordId}/examinations" })
        {
            Assert.Contains(expected, paths);
        }

        var failures = new List<string>();
        foreach (var path in paths)
        {
            var (url, recordId) = await target.FillAsync(path, admin);
            var name = target.Names.TryGetValue(recordId, out var n) ? n : await host.WithDbAsync(db => db.HealthRecords.Where(r => r.Id == recordId).Select(r => r.Name).SingleAsync());
            var audited = await AuditCountAsync(recordId);
            var inside = await doctor.GetAsync(url);
            if (inside.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{url}: the village's doctor got {(int)inside.StatusCode}, expected 200");
            }
            if (await AuditCountAsync(recordId) <= audited)
            {
                failures.Add($"{url}: the read was not written to the audit log");
            }
            foreach (var (who, outsider) in outsiders)
            {
                var outside = await outsider.GetAsync(url);
                var body = await outside.Content.ReadAsStringAsync();
                if (outside.StatusCode != HttpStatusCode.NotFound || body.Contains(name))
                {
                    failures.Add($"{url}: {who} got {(int)outside.StatusCode}{(body.Contains(name) ? " with the resident's name" : "")}, expected 404");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private Task<int> AuditCountAsync(long recordId) =>
        host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.HealthRecordId == recordId));

    /// <summary>GET paths of the OpenAPI document that name a resident or one of a resident's forms by id.</summary>
    private static List<string> ResidentReadPaths(ApiSweep api) =>
        api.Operations
            .Where(o => o.Method == "GET" && !o.Path.StartsWith("/api/portal", StringComparison.Ordinal) && ApiSweep.Parameter().IsMatch(o.Path))
            .Select(o => o.Path)
            .Where(p => !NotResidentBound.Contains(p))
            .ToList();

    /// <summary>Parameterised GETs that do not read a resident (a region's or a measure's data, scoped by their own tests).</summary>
    private static readonly HashSet<string> NotResidentBound =
    [
        "/api/measures/{code}/residents", "/api/measures/{code}/residents/export", "/api/measures/{code}/trend",
        "/api/households/{id}", "/api/access-requests/{id}",
    ];
}

public sealed class SqliteScopeSweepTests(SqliteHost host) : ScopeSweepTests<SqliteHost>(host);

public sealed class PostgresScopeSweepTests(PostgresHost host) : ScopeSweepTests<PostgresHost>(host);
