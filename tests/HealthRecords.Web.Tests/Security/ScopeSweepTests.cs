using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Chronic;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Features.Encounters;
using HealthRecords.Web.Features.Examinations;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Security;

/// <summary>
/// Every GET of the API that reads one resident's data (found in the OpenAPI document, so a new endpoint is swept
/// without being listed here) answers the village doctor of the resident's village, and answers 404 — with nothing
/// of the resident in the body — to the village doctor of another village of the same hospital and to a doctor of
/// another institution.
/// </summary>
public abstract partial class ScopeSweepTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EveryResidentReadOfTheApiIsRefusedOutsideTheUsersAreaAndAnsweredInside()
    {
        // The demo's own residents, examinations, encounters, consultations, referrals and chronic follow-ups.
        await host.WithDbAsync(async db => { await DemoResidents.EnsureAsync(db, host.Clock, 1500); return 0; });
        var target = await host.WithDbAsync(TargetsAsync);

        await TestUsers.EnsureAsync(host);
        var doctor = await host.SignInAsync("cunyi"); // 石林村、拱桥村
        var outsiders = new[]
        {
            (TestUsers.OtherVillageDoctor, await host.SignInAsync(TestUsers.OtherVillageDoctor)),
            (TestUsers.OtherInstitutionDoctor, await host.SignInAsync(TestUsers.OtherInstitutionDoctor)),
        };
        var paths = await ResidentReadPathsAsync(doctor);

        // The sweep really covers the services: a path of each must be among those found.
        foreach (var expected in new[] { "/api/residents/{id}", "/api/examinations/{id}", "/api/encounters/{id}", "/api/consultations/{id}",
                     "/api/referrals/{id}", "/api/residents/{id}/chronic/follow-ups/{followUpId}", "/api/residents/{recordId}/examinations" })
        {
            Assert.Contains(expected, paths);
        }

        var failures = new List<string>();
        foreach (var path in paths)
        {
            var (url, recordId) = Fill(path, target);
            var name = target.Names[recordId];
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
    private static async Task<List<string>> ResidentReadPathsAsync(HttpClient client)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        return doc.RootElement.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out _))
            .Select(p => p.Name)
            .Where(p => p.StartsWith("/api/") && !p.StartsWith("/api/portal") && Parameter().IsMatch(p))
            .Where(p => !NotResidentBound.Contains(p))
            .ToList();
    }

    /// <summary>Parameterised GETs that do not read a resident (a region's or a measure's data, scoped by their own tests).</summary>
    private static readonly HashSet<string> NotResidentBound =
    [
        "/api/measures/{code}/residents", "/api/measures/{code}/residents/export", "/api/measures/{code}/trend",
        "/api/households/{id}", "/api/access-requests/{id}",
    ];

    private (string Url, long RecordId) Fill(string path, Targets t)
    {
        // Which row the path's ids refer to decides which resident the request is about.
        long record;
        Dictionary<string, string> values;
        if (path.StartsWith("/api/examinations/"))
        {
            (record, values) = (t.Examination.Record, new() { ["id"] = $"{t.Examination.Id}" });
        }
        else if (path.StartsWith("/api/encounters/"))
        {
            (record, values) = (t.Encounter.Record, new() { ["id"] = $"{t.Encounter.Id}" });
        }
        else if (path.StartsWith("/api/consultations/"))
        {
            (record, values) = (t.Consultation.Record, new() { ["id"] = $"{t.Consultation.Id}" });
        }
        else if (path.StartsWith("/api/referrals/"))
        {
            (record, values) = (t.Referral.Record, new() { ["id"] = $"{t.Referral.Id}" });
        }
        else if (path.Contains("{followUpId}"))
        {
            (record, values) = (t.FollowUp.Record, new() { ["id"] = $"{t.FollowUp.Record}", ["followUpId"] = $"{t.FollowUp.Id}" });
        }
        else if (path.StartsWith("/api/residents/{"))
        {
            record = t.FollowUp.Record; // a hypertension patient with follow-ups
            values = new() { ["id"] = $"{record}", ["recordId"] = $"{record}", ["disease"] = "hypertension" };
        }
        else
        {
            throw new InvalidOperationException($"{path}: add how to fill its parameters to this sweep (or to {nameof(NotResidentBound)})");
        }
        var url = Parameter().Replace(path, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new InvalidOperationException($"{path}: no value for {{{m.Groups[1].Value}}}"));
        return (url, record);
    }

    private sealed record Row
    {
        public long Id { get; init; }
        public long Record { get; init; }
    }

    private sealed record Targets(Row Examination, Row Encounter, Row Consultation, Row Referral, Row FollowUp, Dictionary<long, string> Names);

    /// <summary>One row of each form, of active residents of the demo village doctor's villages.</summary>
    private static async Task<Targets> TargetsAsync(HealthRecordsDbContext db)
    {
        var villageDoctor = await db.Users.SingleAsync(u => u.UserName == "cunyi");
        var own = await db.UserVillages.Where(v => v.UserId == villageDoctor.Id).Select(v => v.VillageCode).ToListAsync();
        var records = db.HealthRecords.Where(r => r.Status == RecordStatus.Active && own.Contains(r.VillageCode));

        async Task<Row> FirstAsync(IQueryable<Row> rows, string what) =>
            await rows.OrderBy(r => r.Id).FirstOrDefaultAsync() ?? throw new InvalidOperationException($"the demo made no {what} in the village doctor's villages");

        var exam = await FirstAsync(db.Set<Examination>().Where(x => records.Any(r => r.Id == x.HealthRecordId)).Select(x => new Row { Id = x.Id, Record = x.HealthRecordId }), "exam");
        var encounter = await FirstAsync(db.Encounters.Where(x => records.Any(r => r.Id == x.HealthRecordId)).Select(x => new Row { Id = x.Id, Record = x.HealthRecordId }), "encounter");
        var consultation = await FirstAsync(db.Consultations.Where(x => records.Any(r => r.Id == x.HealthRecordId)).Select(x => new Row { Id = x.Id, Record = x.HealthRecordId }), "consultation");
        var referral = await FirstAsync(db.Referrals.Where(x => records.Any(r => r.Id == x.HealthRecordId)).Select(x => new Row { Id = x.Id, Record = x.HealthRecordId }), "referral");
        var followUp = await FirstAsync(db.Set<ChronicFollowUp>()
            .Where(x => x.Disease == Domain.Chronic.ChronicDisease.Hypertension && records.Any(r => r.Id == x.HealthRecordId))
            .Select(x => new Row { Id = x.Id, Record = x.HealthRecordId }), "followUp");
        var ids = new[] { exam.Record, encounter.Record, consultation.Record, referral.Record, followUp.Record };
        var names = await db.HealthRecords.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name);
        return new Targets(exam, encounter, consultation, referral, followUp, names);
    }

    [GeneratedRegex(@"\{(\w+)(?::\w+)?\}")]
    private static partial Regex Parameter();
}

public sealed class SqliteScopeSweepTests(SqliteHost host) : ScopeSweepTests<SqliteHost>(host);

public sealed class PostgresScopeSweepTests(PostgresHost host) : ScopeSweepTests<PostgresHost>(host);
