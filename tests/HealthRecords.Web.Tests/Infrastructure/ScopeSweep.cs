using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Kernel;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Infrastructure;

/// <summary>What a sweep did: the routes it called, those exempt (with why), and what went wrong.</summary>
public sealed record SweepResult(IReadOnlyList<string> Swept, IReadOnlyList<string> Exempt, IReadOnlyList<string> Failures);

/// <summary>
/// The scope sweep over every endpoint of every module, found in the running host (the routing's endpoints and the
/// modules' print pages), so a module added later is swept without being listed here. Each endpoint must have been
/// mapped by a module and must declare what each of its route parameters names (<see cref="RouteScope"/>). A resident's
/// data is read by the village doctor of the resident's village (200, audited) and refused to the doctor of another
/// village of the same hospital and to a doctor of another institution (404 with nothing of the resident); their
/// changes are refused and change nothing; a print page shows the record inside and not outside.
/// </summary>
public static partial class ScopeSweep
{
    private const string Insider = "cunyi"; // 石林村、拱桥村

    /// <summary>Sweeps <paramref name="factory"/>'s endpoints (of <paramref name="modules"/> only, when given).</summary>
    public static async Task<SweepResult> RunAsync(WebApplicationFactory<Program> factory, IReadOnlyCollection<string>? modules = null)
    {
        var swept = new List<string>();
        var exempt = new List<string>();
        var failures = new List<string>();
        var inside = await HostFixture.SignInAsync(factory, Insider);
        var outsiders = new[]
        {
            (TestUsers.OtherVillageDoctor, await HostFixture.SignInAsync(factory, TestUsers.OtherVillageDoctor)),
            (TestUsers.OtherInstitutionDoctor, await HostFixture.SignInAsync(factory, TestUsers.OtherInstitutionDoctor)),
        };
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
        var villages = await db.UserVillages.Where(v => db.Users.Any(u => u.Id == v.UserId && u.UserName == Insider)).Select(v => v.VillageCode).ToListAsync();
        var records = db.HealthRecords.Where(r => r.Status == RecordStatus.Active && villages.Contains(r.VillageCode)).Select(r => r.Id);
        var anyRecord = await records.OrderBy(id => id).FirstAsync();

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!;
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var what = $"{string.Join(",", methods)} {route}";
            var module = endpoint.Metadata.GetMetadata<ModuleEndpoint>();
            if (module is null)
            {
                failures.Add($"{what}: not mapped by a module");
                continue;
            }
            if (modules is not null && !modules.Contains(module.Module))
            {
                continue;
            }
            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            if (parameters.Count == 0)
            {
                continue; // lists and searches: scoped by DataScope.Apply, tested by their areas
            }
            var declared = endpoint.Metadata.GetOrderedMetadata<RouteScope>().GroupBy(d => d.Parameter).ToDictionary(g => g.Key, g => g.Last());
            var undeclared = parameters.Where(p => !declared.ContainsKey(p)).ToList();
            if (undeclared.Count > 0)
            {
                failures.Add($"{what}: declare what {{{string.Join("}, {", undeclared)}}} names (RouteScope) in module {module.Module}");
                continue;
            }
            if (parameters.Select(p => declared[p]).OfType<NotResidentParameter>().FirstOrDefault() is { } notResident)
            {
                exempt.Add($"{what}: {notResident.Why}");
                continue;
            }
            var (values, record, problem) = await FillAsync(db, records, anyRecord, parameters.Select(p => declared[p]).ToList());
            if (problem is not null)
            {
                failures.Add($"{what}: {problem}");
                continue;
            }
            var url = Parameter().Replace(route, m => values[m.Groups[1].Value]);
            swept.Add(what);
            var name = await db.HealthRecords.Where(r => r.Id == record).Select(r => r.Name).SingleAsync();
            if (methods.Contains("GET"))
            {
                await ReadAsync(db, url, record, name, inside, outsiders, failures);
            }
            else
            {
                foreach (var method in methods)
                {
                    await WriteAsync(db, method, url, record, name, outsiders, failures);
                }
            }
        }

        foreach (var page in scope.ServiceProvider.GetRequiredService<ModuleCatalog>().PrintPages)
        {
            if (modules is not null && !modules.Contains(page.Module))
            {
                continue;
            }
            var sample = page.Rows is null ? ((long Id, long RecordId)?)(0, anyRecord) : await page.Rows.SampleAsync(db, records, CancellationToken.None);
            if (sample is not { } row)
            {
                failures.Add($"print {page.Route}: no {page.Rows!.Form.Name} of a resident of {Insider}'s villages to print");
                continue;
            }
            var url = page.Route.Replace("{id}", $"{row.RecordId}", StringComparison.Ordinal).Replace("{formId}", $"{row.Id}", StringComparison.Ordinal);
            swept.Add($"print {page.Route}");
            await PrintAsync(db, url, page.AuditAction, row.RecordId, inside, outsiders, failures);
        }
        return new SweepResult(swept, exempt, failures);
    }

    private static async Task<(Dictionary<string, string> Values, long Record, string? Problem)> FillAsync(
        HealthRecordsDbContext db, IQueryable<long> records, long anyRecord, IReadOnlyList<RouteScope> declared)
    {
        var values = new Dictionary<string, string>();
        long? record = null;
        foreach (var form in declared.OfType<FormParameter>())
        {
            if (await form.Rows.SampleAsync(db, records, CancellationToken.None) is not { } row)
            {
                return (values, 0, $"no {form.Rows.Form.Name} of a resident of {Insider}'s villages to try {{{form.Parameter}}} on");
            }
            values[form.Parameter] = $"{row.Id}";
            record = row.RecordId;
        }
        foreach (var r in declared.OfType<RecordParameter>())
        {
            if (record is null && r.Sample is not null)
            {
                record = (await r.Sample.SampleAsync(db, records, CancellationToken.None))?.RecordId;
                if (record is null)
                {
                    return (values, 0, $"no {r.Sample.Form.Name} of a resident of {Insider}'s villages to pick the record by");
                }
            }
            record ??= anyRecord;
            values[r.Parameter] = $"{record}";
        }
        foreach (var s in declared.OfType<SampleParameter>())
        {
            values[s.Parameter] = s.Value;
        }
        return (values, record ?? anyRecord, null);
    }

    private static async Task ReadAsync(HealthRecordsDbContext db, string url, long record, string name,
        HttpClient inside, (string, HttpClient)[] outsiders, List<string> failures)
    {
        var audited = await AuditCountAsync(db, record);
        var answer = await inside.GetAsync(url);
        if (answer.StatusCode != HttpStatusCode.OK)
        {
            failures.Add($"GET {url}: {Insider}, whose village it is, got {(int)answer.StatusCode}, expected 200");
        }
        if (await AuditCountAsync(db, record) <= audited)
        {
            failures.Add($"GET {url}: the read was not written to the audit log");
        }
        foreach (var (who, outsider) in outsiders)
        {
            var refused = await outsider.GetAsync(url);
            var body = await refused.Content.ReadAsStringAsync();
            if (refused.StatusCode != HttpStatusCode.NotFound || body.Contains(name, StringComparison.Ordinal))
            {
                failures.Add($"GET {url}: {who} got {(int)refused.StatusCode}{(body.Contains(name, StringComparison.Ordinal) ? " with the resident's name" : "")}, expected 404");
            }
        }
    }

    private static async Task WriteAsync(HealthRecordsDbContext db, string method, string url, long record, string name,
        (string, HttpClient)[] outsiders, List<string> failures)
    {
        foreach (var (who, outsider) in outsiders)
        {
            var before = await FingerprintAsync(db, record);
            var refused = await outsider.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
            var body = await refused.Content.ReadAsStringAsync();
            if (refused.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest) || body.Contains(name, StringComparison.Ordinal))
            {
                failures.Add($"{method} {url}: {who} got {(int)refused.StatusCode}{(body.Contains(name, StringComparison.Ordinal) ? " with the resident's name" : "")}, expected a refusal");
            }
            if (await FingerprintAsync(db, record) != before)
            {
                failures.Add($"{method} {url}: {who}'s request changed the resident's data");
            }
        }
    }

    private static async Task PrintAsync(HealthRecordsDbContext db, string url, string action, long record,
        HttpClient inside, (string, HttpClient)[] outsiders, List<string> failures)
    {
        var name = await db.HealthRecords.Where(r => r.Id == record).Select(r => r.Name).SingleAsync();
        var printed = await PrintCountAsync(db, record, action);
        var html = WebUtility.HtmlDecode(await (await inside.GetAsync(url)).Content.ReadAsStringAsync());
        if (!html.Contains(name, StringComparison.Ordinal) || await PrintCountAsync(db, record, action) != printed + 1)
        {
            failures.Add($"print {url}: {Insider} did not get the record printed and audited as {action}");
        }
        foreach (var (who, outsider) in outsiders)
        {
            var refused = WebUtility.HtmlDecode(await (await outsider.GetAsync(url)).Content.ReadAsStringAsync());
            if (refused.Contains(name, StringComparison.Ordinal) || !refused.Contains("不在您的管理范围内", StringComparison.Ordinal))
            {
                failures.Add($"print {url}: {who} was not refused");
            }
        }
        if (await PrintCountAsync(db, record, action) != printed + 1)
        {
            failures.Add($"print {url}: a refused print was audited as printed");
        }
    }

    private static Task<int> AuditCountAsync(HealthRecordsDbContext db, long record) =>
        db.AuditEntries.CountAsync(a => a.HealthRecordId == record);

    private static Task<int> PrintCountAsync(HealthRecordsDbContext db, long record, string action) =>
        db.AuditEntries.CountAsync(a => a.HealthRecordId == record && a.Action == action);

    /// <summary>The resident's data as counts and version sums of every table that hangs on a record (the audit log aside).</summary>
    private static async Task<string> FingerprintAsync(HealthRecordsDbContext db, long record)
    {
        var parts = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.ClrType != typeof(AuditEntry) && t.FindProperty("HealthRecordId") is not null && t.GetTableName() is not null))
        {
            var table = type.GetTableName()!;
            var version = type.FindProperty("Version") is null ? "0" : "\"Version\"";
#pragma warning disable EF1002 // table and column names come from the model, not from input
            var row = await db.Database.SqlQueryRaw<string>(
                $"SELECT CAST(COUNT(*) AS TEXT) || ':' || CAST(COALESCE(SUM({version}), 0) AS TEXT) AS \"Value\" FROM \"{table}\" WHERE \"HealthRecordId\" = {{0}}", record).SingleAsync();
#pragma warning restore EF1002
            parts.Add($"{table}={row}");
        }
        var r = await db.HealthRecords.AsNoTracking().Where(x => x.Id == record).Select(x => new { x.Version, x.Status, x.VillageCode, x.HouseholdId }).SingleAsync();
        parts.Add($"record={r}");
        return string.Join(";", parts);
    }

    [GeneratedRegex(@"\{(\w+)(?::\w+)?\}")]
    private static partial Regex Parameter();
}
