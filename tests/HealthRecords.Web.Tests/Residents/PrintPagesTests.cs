using System.Net;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Residents;

/// <summary>The printed cover (004 附件2) and information card (004 附件8) as static HTML, run once on SQLite and once on PostgreSQL.</summary>
public abstract class PrintPagesTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private const string NotInScope = "档案不存在或不在您的管理范围内";

    protected THost Host { get; } = host;

    public Task InitializeAsync() => Host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The page's HTML with character references decoded (Blazor writes Chinese as &amp;#x…;).</summary>
    private static async Task<string> HtmlAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task CardShowsNameNumberAndTheAnswersOfThePersonalInformationForm()
    {
        var client = await Host.SignInAsync("cunyi");
        var input = TestResidents.New("印卡张", phone: "13812345678");
        var created = await TestResidents.CreateAsync(client, input with
        {
            Info = input.Info with
            {
                BloodType = BloodType.A,
                RhNegative = RhNegative.No,
                PastDiseases = [new PastDisease(PastDiseaseCode.Hypertension, new YearMonth(2018, 5)), new PastDisease(PastDiseaseCode.Copd, new YearMonth(2020, 1))],
                DrugAllergies = [DrugAllergy.Penicillin],
                ContactName = "印卡李",
                ContactPhone = "13900001111",
            },
        });

        var response = await client.GetAsync($"/residents/{created.Id}/print/card");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("data-testid=\"card-front\"", html);
        Assert.Contains("data-testid=\"card-back\"", html);
        Assert.Contains("data-testid=\"print-now\"", html);
        Assert.Contains("印卡张", html);
        Assert.Contains(created.RecordNumber, html);
        Assert.Contains("印卡李", html);
        Assert.Contains("13900001111", html);
        Assert.Contains("青霉素", html);
        Assert.Contains("慢性阻塞性肺疾病", html);
        Assert.Contains("aria-checked=\"true\" aria-readonly=\"true\"><span class=\"box\"></span>高血压", html);
        Assert.Contains("aria-checked=\"false\" aria-readonly=\"true\"><span class=\"box\"></span>糖尿病", html);
        Assert.DoesNotContain("\"type\":\"server\"", html); // static rendering: no interactive circuit
        Assert.Equal(1, await Host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.HealthRecordId == created.Id && a.Action == "print-card")));
    }

    [Fact]
    public async Task CoverShowsNameNumberAddressesAndWhereTheRecordWasMade()
    {
        var client = await Host.SignInAsync("cunyi");
        var created = await TestResidents.CreateAsync(client, TestResidents.New("封面王", phone: "13812345679"));

        var response = await client.GetAsync($"/residents/{created.Id}/print/cover");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("居民健康档案", html);
        Assert.Contains("data-testid=\"cover-record-number\"", html);
        Assert.Contains("封面王", html);
        Assert.Contains(created.RecordNumber, html);
        Assert.Contains("跳磴镇石林村3组", html);
        Assert.Contains("13812345679", html);
        Assert.Contains(created.TownshipName, html);
        Assert.Contains(created.VillageName, html);
        Assert.Contains(created.CreatedAtInstitutionName, html);
        Assert.Equal(1, await Host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.HealthRecordId == created.Id && a.Action == "print-cover")));
    }

    [Theory]
    [InlineData("card")]
    [InlineData("cover")]
    public async Task UserOutsideTheRecordsScopeSeesNeitherNameNorNumber(string form)
    {
        // 双河村 belongs to the village doctor's institution but is not one of the villages assigned to them.
        var keeper = await Host.SignInAsync("dangan");
        var outside = await TestResidents.CreateAsync(keeper, TestResidents.New("范围外", village: TestResidents.Shuanghe));
        var villageDoctor = await Host.SignInAsync("cunyi");

        var response = await villageDoctor.GetAsync($"/residents/{outside.Id}/print/{form}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains(NotInScope, html);
        Assert.DoesNotContain("范围外", html);
        Assert.DoesNotContain(outside.RecordNumber, html);
        Assert.Equal(0, await Host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.HealthRecordId == outside.Id && a.Action.StartsWith("print"))));
    }

    [Fact]
    public async Task MissingRecordShowsTheSameMessage()
    {
        var client = await Host.SignInAsync("admin");

        var response = await client.GetAsync("/residents/987654321/print/card");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(NotInScope, await HtmlAsync(response));
    }

    [Fact]
    public async Task AnonymousVisitorIsSentToSignIn()
    {
        var client = Host.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/residents/1/print/cover");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location?.PathAndQuery);
    }
}

public sealed class SqlitePrintPagesTests(SqliteHost host) : PrintPagesTests<SqliteHost>(host);

public sealed class PostgresPrintPagesTests(PostgresHost host) : PrintPagesTests<PostgresHost>(host);
