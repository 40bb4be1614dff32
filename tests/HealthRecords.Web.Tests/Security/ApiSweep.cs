using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Chronic;
using HealthRecords.Web.Features.Demo;
using HealthRecords.Web.Features.Encounters;
using HealthRecords.Web.Features.Examinations;
using HealthRecords.Web.Features.Portal;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Security;

/// <summary>One operation of the OpenAPI document: its method, path and description.</summary>
public sealed record ApiOperation(string Method, string Path, JsonElement Description)
{
    public bool IsUnsafe => Method is not ("GET" or "HEAD" or "OPTIONS");

    /// <summary>The JSON schema of the request body, if the operation takes one.</summary>
    public JsonElement? BodySchema =>
        Description.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? json.GetProperty("schema")
            : null;

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// The API as its OpenAPI document describes it, for the sweeps (scope, full numbers, cross-site requests, bad input):
/// a sweep over the document covers an endpoint added later without being told about it. <see cref="Fill"/> puts real
/// ids into a path; an id of a kind it does not know is looked up in the resident's list of that kind
/// (<c>/api/X/{id}</c> from <c>GET /api/residents/{id}/X</c>), and a parameter it cannot fill fails the sweep.
/// </summary>
public sealed partial class ApiSweep
{
    private ApiSweep(JsonDocument document) => Document = document;

    public JsonDocument Document { get; }

    public IEnumerable<ApiOperation> Operations =>
        Document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => new ApiOperation(m.Name.ToUpperInvariant(), p.Name, m.Value)))
            .Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal));

    public static async Task<ApiSweep> LoadAsync(HttpClient signedIn) =>
        new(JsonDocument.Parse(await signedIn.GetStringAsync("/openapi/v1.json")));

    /// <summary>A schema with its <c>$ref</c> followed.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = Document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    /// <summary>The text of an answer; an Excel file (a zip of XML parts) is opened and its parts read.</summary>
    public static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes is not [(byte)'P', (byte)'K', ..])
        {
            return Encoding.UTF8.GetString(bytes);
        }
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }

    /// <summary>The antiforgery token of a page's form (a client that keeps cookies gets the matching cookie with it).</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string page)
    {
        var token = FormToken().Match(await client.GetStringAsync(page)).Groups[1].Value;
        Assert.NotEmpty(token);
        return token;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex(@"\{(\w+)(?::\w+)?\}")]
    public static partial Regex Parameter();
}

/// <summary>Rows of every kind the API's paths name, of one demo patient of the demo village doctor's villages.</summary>
public sealed record SweepTargets
{
    public required Row Examination { get; init; }
    public required Row Encounter { get; init; }
    public required Row Consultation { get; init; }
    public required Row Referral { get; init; }
    /// <summary>A hypertension follow-up; its resident is the one paths under /api/residents/{id} are filled with.</summary>
    public required Row FollowUp { get; init; }
    public required Dictionary<long, string> Names { get; init; }
    public long HouseholdId { get; init; }
    public string OtherUserId { get; init; } = "";
    public int InstitutionId { get; init; }
    public long? AccessRequestId { get; init; }
    public long? CorrectionId { get; init; }
    public string? MeasureCode { get; init; }
    /// <summary>The resident's portal account, signed in (set by <see cref="WithPortalAsync"/>).</summary>
    public HttpClient? Resident { get; init; }
    private Dictionary<string, long> Discovered { get; } = [];
    /// <summary>A row of each service form a route under /api/X/{id} declares (<c>RouteScope.Form</c>), by "/api/X/": the modules added later.</summary>
    public Dictionary<string, Row> DeclaredForms { get; init; } = [];

    public sealed record Row
    {
        public long Id { get; init; }
        public long Record { get; init; }
    }

    /// <summary>The demo's residents and their forms (1500 residents), and one row of each kind in the village doctor's villages.</summary>
    public static async Task<SweepTargets> CreateAsync(HostFixture host)
    {
        await host.WithDbAsync(async db => { await DemoResidents.EnsureAsync(db, host.Clock, 1500); return 0; });
        await TestUsers.EnsureAsync(host);
        return await host.WithDbAsync(async db =>
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
            var declared = new Dictionary<string, Row>();
            foreach (var endpoint in Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>(host.Factory.Services).Endpoints
                         .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>())
            {
                var route = endpoint.RoutePattern.RawText ?? "";
                if (route.StartsWith("/api/", StringComparison.Ordinal) && !route.StartsWith("/api/residents/", StringComparison.Ordinal)
                    && endpoint.Metadata.GetMetadata<Web.Kernel.FormParameter>() is { } form && !declared.ContainsKey("/api/" + route.Split('/')[2] + "/")
                    && await form.Rows.SampleAsync(db, records.Select(r => r.Id), CancellationToken.None) is { } sample)
                {
                    declared["/api/" + route.Split('/')[2] + "/"] = new Row { Id = sample.Id, Record = sample.RecordId };
                }
            }
            var ids = new[] { exam.Record, encounter.Record, consultation.Record, referral.Record, followUp.Record }.Concat(declared.Values.Select(d => d.Record)).Distinct().ToArray();
            var names = await db.HealthRecords.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name);
            return new SweepTargets
            {
                Examination = exam, Encounter = encounter, Consultation = consultation, Referral = referral, FollowUp = followUp, Names = names,
                HouseholdId = await db.HealthRecords.Where(r => r.Id == followUp.Record).Select(r => r.HouseholdId).SingleAsync(),
                OtherUserId = await db.Users.Where(u => u.UserName == TestUsers.OtherVillageDoctor).Select(u => u.Id).SingleAsync(),
                InstitutionId = await db.Institutions.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
                DeclaredForms = declared,
            };
        });
    }

    /// <summary>
    /// Adds what the remaining paths need: the resident's portal account (signed in) with a reported phone, an access
    /// request for the resident from another institution, and a measure's code.
    /// </summary>
    public async Task<SweepTargets> WithPortalAsync(HostFixture host, string portalPassword)
    {
        var record = FollowUp.Record;
        var idNumber = await host.WithDbAsync(db => db.HealthRecords.Where(r => r.Id == record).Select(r => r.IdNumber).SingleAsync());
        var staff = await host.SignInAsync("cunyi");
        var issued = await staff.PostAsync($"/api/residents/{record}/activation-code", null);
        issued.EnsureSuccessStatusCode();
        var code = (await issued.Content.ReadFromJsonAsync<IssuedActivationCode>(Json.Options))!.Code;
        var resident = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var activated = await resident.PostAsJsonAsync("/api/portal/activate", new { idNumber, code, password = portalPassword });
        Assert.Equal(HttpStatusCode.NoContent, activated.StatusCode);
        var reported = await resident.PostAsJsonAsync("/api/portal/me/corrections", new { field = (int)CorrectionField.Phone, newValue = "13987654321" });
        Assert.True(reported.IsSuccessStatusCode, await reported.Content.ReadAsStringAsync());
        var correction = JsonDocument.Parse(await reported.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        var outsider = await host.SignInAsync(TestUsers.OtherInstitutionDoctor);
        var asked = await outsider.PostAsJsonAsync("/api/access-requests", new { recordId = record, reason = "转诊后随访" });
        Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
        var request = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        var admin = await host.SignInAsync("admin");
        var measures = JsonDocument.Parse(await admin.GetStringAsync("/api/measures")).RootElement;
        var measureCode = FirstString(measures, "code") ?? throw new InvalidOperationException("/api/measures names no measure code");
        return this with { Resident = resident, CorrectionId = correction, AccessRequestId = request, MeasureCode = measureCode };
    }

    /// <summary>The path with its parameters filled, and the resident the request is about.</summary>
    public async Task<(string Url, long RecordId)> FillAsync(string path, HttpClient admin)
    {
        long record;
        Dictionary<string, string> values;
        if (path.StartsWith("/api/examinations/", StringComparison.Ordinal))
        {
            (record, values) = (Examination.Record, new() { ["id"] = $"{Examination.Id}" });
        }
        else if (path.StartsWith("/api/encounters/", StringComparison.Ordinal))
        {
            (record, values) = (Encounter.Record, new() { ["id"] = $"{Encounter.Id}" });
        }
        else if (path.StartsWith("/api/consultations/", StringComparison.Ordinal))
        {
            (record, values) = (Consultation.Record, new() { ["id"] = $"{Consultation.Id}" });
        }
        else if (path.StartsWith("/api/referrals/", StringComparison.Ordinal))
        {
            (record, values) = (Referral.Record, new() { ["id"] = $"{Referral.Id}" });
        }
        else if (path.Contains("{followUpId}", StringComparison.Ordinal))
        {
            (record, values) = (FollowUp.Record, new() { ["id"] = $"{FollowUp.Record}", ["followUpId"] = $"{FollowUp.Id}", ["disease"] = "hypertension" });
        }
        else if (DeclaredForms.FirstOrDefault(d => path.StartsWith(d.Key, StringComparison.Ordinal)).Value is { } form)
        {
            (record, values) = (form.Record, new() { ["id"] = $"{form.Id}" });
        }
        else if (path.StartsWith("/api/residents/{", StringComparison.Ordinal))
        {
            record = FollowUp.Record; // a hypertension patient with follow-ups
            values = new() { ["id"] = $"{record}", ["recordId"] = $"{record}", ["disease"] = "hypertension", ["field"] = "idNumber" };
        }
        else
        {
            record = FollowUp.Record;
            values = new() { ["code"] = MeasureCode ?? "" };
            if (path.StartsWith("/api/households/", StringComparison.Ordinal))
            {
                values["id"] = $"{HouseholdId}";
            }
            else if (path.StartsWith("/api/users/", StringComparison.Ordinal))
            {
                values["id"] = OtherUserId;
            }
            else if (path.StartsWith("/api/access-requests/", StringComparison.Ordinal) && AccessRequestId is long request)
            {
                values["id"] = $"{request}";
            }
            else if (path.StartsWith("/api/admin/institutions/", StringComparison.Ordinal))
            {
                values["id"] = $"{InstitutionId}";
            }
            else if (path.StartsWith("/api/corrections/", StringComparison.Ordinal) && CorrectionId is long correction)
            {
                values["id"] = $"{correction}";
            }
            else if (path.Contains("{id}", StringComparison.Ordinal))
            {
                values["id"] = $"{await DiscoverAsync(path, admin)}";
            }
        }
        values.TryAdd("userId", OtherUserId); // a staff account (e.g. a mental-health staff designation, /api/mental-health/staff/{userId})
        var url = ApiSweep.Parameter().Replace(path, m => values.TryGetValue(m.Groups[1].Value, out var v) && v.Length > 0
            ? v
            : throw new InvalidOperationException($"{path}: the sweep cannot fill {{{m.Groups[1].Value}}}; teach SweepTargets.FillAsync"));
        return (url, record);
    }

    /// <summary>An id for /api/X/{id}: the first of the resident's list GET /api/residents/{id}/X.</summary>
    private async Task<long> DiscoverAsync(string path, HttpClient admin)
    {
        var kind = path.Split('/')[2];
        if (Discovered.TryGetValue(kind, out var known))
        {
            return known;
        }
        var list = await admin.GetAsync($"/api/residents/{FollowUp.Record}/{kind}");
        if (!list.IsSuccessStatusCode || FirstNumber(JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement, "id") is not long id)
        {
            throw new InvalidOperationException($"{path}: no id found in GET /api/residents/{{id}}/{kind}; teach SweepTargets.FillAsync");
        }
        Discovered[kind] = id;
        return id;
    }

    private static long? FirstNumber(JsonElement e, string name) => e.ValueKind switch
    {
        JsonValueKind.Object when e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number => v.GetInt64(),
        JsonValueKind.Object => e.EnumerateObject().Select(p => FirstNumber(p.Value, name)).FirstOrDefault(x => x is not null),
        JsonValueKind.Array => e.EnumerateArray().Select(x => FirstNumber(x, name)).FirstOrDefault(x => x is not null),
        _ => null,
    };

    private static string? FirstString(JsonElement e, string name) => e.ValueKind switch
    {
        JsonValueKind.Object when e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String => v.GetString(),
        JsonValueKind.Object => e.EnumerateObject().Select(p => FirstString(p.Value, name)).FirstOrDefault(x => x is not null),
        JsonValueKind.Array => e.EnumerateArray().Select(x => FirstString(x, name)).FirstOrDefault(x => x is not null),
        _ => null,
    };
}
