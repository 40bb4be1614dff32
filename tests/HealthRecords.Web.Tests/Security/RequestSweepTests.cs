using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthRecords.Web.Features.Security;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Security;

/// <summary>
/// Sweeps over every state-changing operation of the OpenAPI document (so a service added later is swept too):
/// issue #14 item 4, a request from another site is refused before it runs; item 6, no body — empty, <c>null</c>, the
/// wrong shape, every field missing, null, of the wrong type or holding a NUL — is answered with a 5xx.
/// </summary>
public abstract class RequestSweepTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Evil = "https://evil.example";

    /// <summary>Form and sign-out endpoints of the pages, which the OpenAPI document does not describe.</summary>
    private static readonly string[] PagePosts = ["/account/login", "/account/logout", "/portal/login", "/portal/activate", "/portal/logout", "/portal/activation-slip"];

    [Fact]
    public async Task EveryStateChangingRequestFromAnotherSiteIsRefusedBeforeItRuns()
    {
        var target = await (await SweepTargets.CreateAsync(host)).WithPortalAsync(host, "Resident#2026x");
        var admin = await host.SignInAsync("admin");
        var api = await ApiSweep.LoadAsync(admin);
        var unsafeOperations = api.Operations.Where(o => o.IsUnsafe).ToList();
        Assert.Contains(unsafeOperations, o => o.Path == "/api/residents/{id}/reveal/{field}");
        Assert.Contains(unsafeOperations, o => o.Path == "/api/auth/logout");
        var failures = new List<string>();
        var requests = new List<(HttpMethod Method, string Url)>();
        foreach (var operation in unsafeOperations)
        {
            requests.Add((new HttpMethod(operation.Method), (await target.FillAsync(operation.Path, admin)).Url));
        }
        // counted after the URLs are filled: finding an id reads a resident's list, an audited read
        var audited = await host.WithDbAsync(db => db.AuditEntries.CountAsync());
        requests.AddRange(PagePosts.Select(p => (HttpMethod.Post, p)));
        foreach (var (method, url) in requests)
        {
            foreach (var client in new[] { admin, target.Resident! })
            {
                foreach (var (header, value, content) in new (string, string, HttpContent?)[]
                         {
                             ("Origin", Evil, new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" })),
                             ("Origin", Evil, null), // a form post without a body: the reveal, the disable, the sign-out of the review
                             ("Origin", "null", new StringContent("{}", Encoding.UTF8, "application/json")),
                             ("Sec-Fetch-Site", "cross-site", new StringContent("x=1", Encoding.UTF8, "text/plain")),
                             ("Sec-Fetch-Site", "same-site", null),
                         })
                {
                    var request = new HttpRequestMessage(method, url) { Content = content };
                    request.Headers.Add(header, value);
                    var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.Forbidden || (url.StartsWith("/api/", StringComparison.Ordinal) && !body.Contains(CrossSiteRequests.Refused)))
                    {
                        failures.Add($"{method} {url} with {header}: {value}: {(int)response.StatusCode}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Nothing ran: no audit entry was written, both sessions are still alive.
        Assert.Equal(audited, await host.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await target.Resident!.GetAsync("/api/portal/me")).StatusCode);

        // The same site passes: the reveal from this site's own origin is answered.
        var own = new HttpRequestMessage(HttpMethod.Post, $"/api/residents/{target.FollowUp.Record}/reveal/phone");
        own.Headers.Add("Origin", "http://localhost");
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(own)).StatusCode);
    }

    [Fact]
    public async Task NoMalformedBodyOfAnyStateChangingRequestIsAnsweredWithAServerError()
    {
        var target = await (await SweepTargets.CreateAsync(host)).WithPortalAsync(host, "Resident#2026x");
        var admin = await host.SignInAsync("admin");
        var api = await ApiSweep.LoadAsync(admin);
        var withBodies = api.Operations.Where(o => o.IsUnsafe && o.BodySchema is not null).ToList();
        foreach (var named in new[] { "/api/residents/duplicate-check", "/api/residents/{id}/hypertension/follow-ups", "/api/residents/{id}/chronic/combined-visits" })
        {
            Assert.Contains(withBodies, o => o.Path == named);
        }

        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in withBodies)
        {
            var (url, _) = await target.FillAsync(operation.Path, admin);
            var client = operation.Path.StartsWith("/api/portal/", StringComparison.Ordinal) ? target.Resident! : admin;
            foreach (var body in Bodies(api, operation.BodySchema!.Value))
            {
                var request = new HttpRequestMessage(new HttpMethod(operation.Method), url)
                {
                    Content = new StringContent(body ?? "", Encoding.UTF8, "application/json"),
                };
                var response = await client.SendAsync(request);
                sent++;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{operation} {(body is null ? "(no body)" : body.Length > 120 ? body[..120] + "…" : body)}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests got a server error:\n" + string.Join("\n", failures.Take(60)));
    }

    [Fact]
    public async Task AnEmptyObjectIsAFieldErrorWhereTheReviewFoundAServerError()
    {
        var target = await SweepTargets.CreateAsync(host);
        var admin = await host.SignInAsync("admin");
        var record = target.FollowUp.Record;
        foreach (var url in new[]
                 {
                     "/api/residents/duplicate-check", $"/api/residents/{record}/hypertension/follow-ups",
                     $"/api/residents/{record}/diabetes/follow-ups", $"/api/residents/{record}/chronic/combined-visits",
                 })
        {
            var response = await admin.PostAsync(url, new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            Assert.NotEmpty(errors.EnumerateObject());
        }
        var duplicate = await admin.PostAsync("/api/residents/duplicate-check", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.True(JsonDocument.Parse(await duplicate.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("name", out _));

        // The sign-in form's return address with a tab in it goes home instead of failing.
        var bare = host.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await ApiSweep.FormTokenAsync(bare, "/login");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "yisheng", ["password"] = Features.Demo.DemoAccounts.Password, ["returnUrl"] = "/\t/evil.example", ["__RequestVerificationToken"] = token,
        });
        var login = await bare.PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ControlCharactersAreRefusedEverywhereAndInvisibleOnesInNamesOnBothDatabases()
    {
        var doctor = await host.SignInAsync("yisheng");
        var before = await host.WithDbAsync(db => db.HealthRecords.CountAsync());
        var valid = TestResidents.New("文本", TestResidents.Shilin) with { ConfirmNotDuplicate = true };
        var cases = new (ResidentInputChange Change, string Field)[]
        {
            (r => r with { Cover = r.Cover with { CurrentAddress = "石林村\u00003组" } }, "cover.currentAddress"),
            (r => r with { Info = r.Info with { Name = "张\u202E三" } }, "info.name"),
            (r => r with { Info = r.Info with { Name = "张\u200B三" } }, "info.name"),
            (r => r with { Info = r.Info with { ContactName = "李\u2066四" } }, "info.contactName"),
            (r => r with { VillageCode = "500104103203\u0001" }, "villageCode"),
        };
        foreach (var (change, field) in cases)
        {
            var response = await doctor.PostAsJsonAsync("/api/residents", change(valid));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"{field}: {errors}");
        }
        Assert.Equal(before, await host.WithDbAsync(db => db.HealthRecords.CountAsync()));

        // Free text keeps a direction mark as given; a query string with a NUL is refused, not sent to the database.
        var kept = await TestResidents.CreateAsync(doctor, valid with { Cover = valid.Cover with { CurrentAddress = "石林村\u202E3组" } });
        Assert.Equal("石林村\u202E3组", (await host.WithDbAsync(db => db.HealthRecords.Where(r => r.Id == kept.Id).Select(r => r.Cover).SingleAsync())).CurrentAddress);
        Assert.Equal(HttpStatusCode.BadRequest, (await doctor.GetAsync("/api/residents?q=%00")).StatusCode);
    }

    private delegate Features.Residents.ResidentInput ResidentInputChange(Features.Residents.ResidentInput input);

    /// <summary>Bodies that break a schema: none, null, other shapes, and each field (one level down too) null, of the wrong type or with a NUL.</summary>
    private static IEnumerable<string?> Bodies(ApiSweep api, JsonElement schema)
    {
        yield return null;
        foreach (var shape in new[] { "null", "{}", "[]", "\"text\"", "42", "true", "{\"x\":" })
        {
            yield return shape;
        }
        var resolved = api.Resolve(schema);
        if (!resolved.TryGetProperty("properties", out var properties))
        {
            yield break;
        }
        foreach (var property in properties.EnumerateObject())
        {
            foreach (var value in BadValues(api, property.Value))
            {
                yield return new JsonObject { [property.Name] = value?.DeepClone() }.ToJsonString();
            }
            var inner = api.Resolve(property.Value);
            if (inner.TryGetProperty("properties", out var innerProperties))
            {
                foreach (var child in innerProperties.EnumerateObject())
                {
                    foreach (var value in BadValues(api, child.Value))
                    {
                        yield return new JsonObject { [property.Name] = new JsonObject { [child.Name] = value?.DeepClone() } }.ToJsonString();
                    }
                }
            }
            if (Types(inner).Contains("array"))
            {
                yield return new JsonObject { [property.Name] = new JsonArray(null, new JsonObject(), JsonValue.Create("\u0000")) }.ToJsonString();
            }
        }
    }

    private static IEnumerable<JsonNode?> BadValues(ApiSweep api, JsonElement schema)
    {
        var types = Types(api.Resolve(schema));
        yield return null;
        yield return types.Contains("string") ? JsonValue.Create(12345) : JsonValue.Create("abc");
        yield return types.Contains("object") ? JsonValue.Create(7) : new JsonObject { ["a"] = 1 };
        yield return JsonValue.Create("\u0000");
        yield return JsonValue.Create(99999999999);
    }

    private static HashSet<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? ["object"]
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet()
        : [type.GetString()!];
}

public sealed class SqliteRequestSweepTests(SqliteHost host) : RequestSweepTests<SqliteHost>(host);

public sealed class PostgresRequestSweepTests(PostgresHost host) : RequestSweepTests<PostgresHost>(host);
