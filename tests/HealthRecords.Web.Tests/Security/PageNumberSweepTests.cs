using System.Reflection;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Encounters;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Security;

/// <summary>
/// Issue #14 item 1 for the pages (the JSON sweep is <see cref="FullNumberSweepTests{THost}"/>): every page route of the
/// app (every component with <c>@page</c>, found by reflection, so a new service's pages are swept without a change
/// here), filled with ids of the demo's forms, asked by every staff role and the portal resident: a role that may not
/// see full identity never gets a full 18-digit ID number or 11-digit mobile number in the HTML, and no page answers 5xx.
/// The print pages are rendered on the server, so their HTML holds what is printed; the interactive pages are not
/// prerendered (App.razor), so their data goes through the service reads, checked here for the referral pages' read
/// (the kernel's form read masks). The referral print, which prints the form's phone, gives it in full to the record's
/// own doctor and masked to the institution administrator and the supervisor.
/// </summary>
public abstract partial class PageNumberSweepTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string[] StaffUsers = ["cunyi", "yisheng", "gongwei", "dangan", "jigou", "jianguan", "admin"];
    private const string FormPhone = "13811112222";
    private const string BackPhone = "13933334444";

    /// <summary>Every route template of a routable component of the app.</summary>
    public static IReadOnlyList<string> PageRoutes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();

    [Fact]
    public async Task NoPageShowsAFullNumberToARoleThatMayNotSeeIt()
    {
        var target = await (await SweepTargets.CreateAsync(host)).WithPortalAsync(host, "Resident#2026x");
        await PutPhonesInTheReferralAsync(target.Referral.Id);
        var clients = new List<(string Who, bool MaySee, HttpClient Client)> { ("resident", false, target.Resident!) };
        foreach (var user in StaffUsers)
        {
            clients.Add((user, user is not ("jigou" or "jianguan"), await host.SignInAsync(user))); // Permissions.Table: SeeFullIdentity
        }

        var routes = PageRoutes();
        Assert.Contains("/residents/{Id:long}/print/referral/{FormId:long}", routes);
        Assert.Contains("/examinations/{Id:long}/print", routes);
        var failures = new List<string>();
        var printed = 0;
        foreach (var route in routes)
        {
            var (url, record) = Fill(route, target);
            foreach (var (who, maySee, client) in clients)
            {
                var response = await client.GetAsync(url);
                var html = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{who} GET {url}: {(int)response.StatusCode}");
                    continue;
                }
                if (!maySee)
                {
                    failures.AddRange(FullNumbersOnPage(html).Select(n => $"{who} GET {url}: a full number {n[..3]}…"));
                }
                printed += route.Contains("/print", StringComparison.Ordinal) && response.IsSuccessStatusCode && System.Net.WebUtility.HtmlDecode(html).Contains(target.Names[record], StringComparison.Ordinal) ? 1 : 0;
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
        Assert.True(printed >= 8 * 3, $"only {printed} print pages were printed: the sweep read too little");

        // The rule, not only the absence: the record's own village doctor prints the form's phone in full; the
        // institution administrator and the supervisor print it masked.
        var referralPrint = $"/residents/{target.Referral.Record}/print/referral/{target.Referral.Id}";
        foreach (var (who, maySee, client) in clients.Where(c => c.Who is "cunyi" or "jigou" or "jianguan"))
        {
            var html = await client.GetStringAsync(referralPrint);
            Assert.True(maySee == html.Contains(FormPhone, StringComparison.Ordinal), $"{who}: the form's phone {(maySee ? "missing" : "in full")}");
            if (!maySee)
            {
                Assert.Contains("138****2222", html);
            }
            var back = await client.GetStringAsync(referralPrint + "/back");
            Assert.True(maySee == back.Contains(BackPhone, StringComparison.Ordinal), $"{who}: the transfer-back phone {(maySee ? "missing" : "in full")}");
        }
    }

    [Fact]
    public async Task TheReferralPagesReadTheFormsPhoneMaskedUnlessTheUserMaySeeIt()
    {
        var target = await SweepTargets.CreateAsync(host);
        await PutPhonesInTheReferralAsync(target.Referral.Id);
        foreach (var (user, maySee) in new[] { ("cunyi", true), ("jigou", false), ("jianguan", false) })
        {
            await using var scope = host.Factory.Services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<EncounterQueries>();
            var view = await queries.ReferralAsync(await ScopeOfAsync(scope.ServiceProvider, user), target.Referral.Id, CancellationToken.None);
            Assert.NotNull(view);
            Assert.Equal(maySee ? FormPhone : "138****2222", view.Form.Phone);
            Assert.Equal(maySee ? BackPhone : "139****4444", view.Back?.Phone);
            Assert.Equal(maySee, view.Form.Stub().Phone == FormPhone);
        }
        // The stored form is untouched by a masked read.
        var stored = await host.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == target.Referral.Id));
        Assert.Equal(FormPhone, stored.Form.Phone);
    }

    /// <summary>
    /// Full numbers in a page's HTML, leaving out words that hold a letter (hex hashes of asset names, tokens): a run of
    /// digits inside one is not a number a reader sees. An ID number ending in X stays a number.
    /// </summary>
    private static IEnumerable<string> FullNumbersOnPage(string html) =>
        FullNumberSweepTests<THost>.FullNumbers(Words().Replace(html, " "));

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9A-Za-z])(?![0-9]{17}[Xx](?![0-9A-Za-z]))[0-9A-Za-z_]*[A-Za-z][0-9A-Za-z_]*")]
    private static partial System.Text.RegularExpressions.Regex Words();

    private Task PutPhonesInTheReferralAsync(long referralId) => host.WithDbAsync(async db =>
    {
        var referral = await db.Referrals.SingleAsync(r => r.Id == referralId);
        referral.Form = referral.Form with { Phone = FormPhone };
        referral.Back = (referral.Back ?? new Domain.Encounters.TransferBack()) with { Phone = BackPhone };
        return await db.SaveChangesAsync();
    });

    private static async Task<DataScope> ScopeOfAsync(IServiceProvider services, string userName)
    {
        var users = services.GetRequiredService<UserManager<HealthRecords.Web.Data.Entities.AppUser>>();
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<HealthRecords.Web.Data.Entities.AppUser>>().CreateAsync((await users.FindByNameAsync(userName))!);
        return DataScope.From(principal);
    }

    /// <summary>A page route with its parameters filled from the sweep's rows (the form of the route's kind).</summary>
    private static (string Url, long Record) Fill(string route, SweepTargets t)
    {
        var kind = route.Contains("referral", StringComparison.Ordinal) ? t.Referral
            : route.Contains("encounter", StringComparison.Ordinal) ? t.Encounter
            : route.Contains("consultation", StringComparison.Ordinal) ? t.Consultation
            : route.StartsWith("/examinations/", StringComparison.Ordinal) ? t.Examination
            : t.FollowUp;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Id"] = route.StartsWith("/examinations/", StringComparison.Ordinal) ? $"{t.Examination.Id}"
                : route.StartsWith("/households/", StringComparison.Ordinal) ? $"{t.HouseholdId}"
                : $"{kind.Record}",
            ["RecordId"] = $"{kind.Record}",
            ["FormId"] = $"{kind.Id}",
            ["ReferralId"] = $"{t.Referral.Id}",
            ["EncounterId"] = $"{t.Encounter.Id}",
            ["ConsultationId"] = $"{t.Consultation.Id}",
            ["FollowUpId"] = $"{t.FollowUp.Id}",
            ["Disease"] = "hypertension",
        };
        return (System.Text.RegularExpressions.Regex.Replace(route, @"\{([A-Za-z]+)(:[a-z]+)?\??\}", m =>
            values.TryGetValue(m.Groups[1].Value, out var v) ? v
            : throw new InvalidOperationException($"{route}: the page sweep cannot fill {{{m.Groups[1].Value}}}; teach PageNumberSweepTests.Fill")), kind.Record);
    }
}

public sealed class SqlitePageNumberSweepTests(SqliteHost host) : PageNumberSweepTests<SqliteHost>(host);

public sealed class PostgresPageNumberSweepTests(PostgresHost host) : PageNumberSweepTests<PostgresHost>(host);
