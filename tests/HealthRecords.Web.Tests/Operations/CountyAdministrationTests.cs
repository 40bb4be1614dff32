using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Records;
using HealthRecords.Domain.Regions;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Features.Regions;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Features.Users;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Operations;

/// <summary>
/// A county other than the demo's goes live on a fresh installation (issue #16): the administrator loads 城口县 (500229)
/// from the shipped division data, adds a village clinic and a doctor, and the doctor keeps records numbered in that county;
/// institutions and population figures are managed with history.
/// </summary>
public abstract class CountyAdministrationTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private const string Chengkou = "500229";
    private static readonly RegionCatalog Catalog = RegionCatalog.Load(Chengkou);

    private async Task<HttpClient> AdminWithCountyAsync()
    {
        var admin = await Administrators.SignInAsync(host);
        if ((await admin.GetAsync("/api/admin/county")).StatusCode == HttpStatusCode.NoContent)
        {
            var loaded = await admin.PostAsJsonAsync("/api/admin/county", new LoadCountyInput(Chengkou));
            Assert.True(loaded.IsSuccessStatusCode, await loaded.Content.ReadAsStringAsync());
        }
        return admin;
    }

    private static async Task<List<InstitutionDetail>> InstitutionsAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<List<InstitutionDetail>>("/api/admin/institutions", Json.Options))!;

    [Fact]
    public async Task AFreshInstallationLoadsAnotherCountyAndKeepsItsRecords()
    {
        var admin = await Administrators.SignInAsync(host);
        var refused = await admin.PostAsJsonAsync("/api/admin/county", new LoadCountyInput("500199"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"code\"", await refused.Content.ReadAsStringAsync());
        // Loaded by this test or by another of the class that ran first (the order of tests is not fixed).
        var response = (await admin.GetAsync("/api/admin/county")).StatusCode == HttpStatusCode.NoContent
            ? await admin.PostAsJsonAsync("/api/admin/county", new LoadCountyInput(Chengkou))
            : await admin.GetAsync("/api/admin/county");
        var county = await response.Content.ReadFromJsonAsync<CountyView>(Json.Options);
        Assert.Equal(("城口县", Catalog.Townships.Count), (county!.Name, county.Townships.Count));
        Assert.Equal(Catalog.Villages.Count, county.Townships.Sum(t => t.Villages));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/admin/county", new LoadCountyInput("500104"))).StatusCode);

        // Nothing of the demo county: no 大渡口区 township, institution or village.
        var institutions = await InstitutionsAsync(admin);
        Assert.DoesNotContain(institutions, i => i.Code.StartsWith("500104", StringComparison.Ordinal));
        Assert.Contains(institutions, i => i.Kind == InstitutionKind.HealthAuthority && i.Name == "城口县卫生健康委员会");

        // A village clinic under a town's hospital, serving one of its villages; and a doctor of that hospital.
        var town = Catalog.Townships.First(t => t.Kind == TownshipKind.Town);
        var hospital = institutions.Single(i => i.Code == town.StatsCode + "H");
        var village = hospital.Villages[0];
        var clinic = await admin.PostAsJsonAsync("/api/admin/institutions",
            new InstitutionInput(village + "C", "测试村卫生室", InstitutionKind.VillageClinic, hospital.Id, Villages: [village]));
        Assert.Equal(HttpStatusCode.Created, clinic.StatusCode);
        var created = await admin.PostAsJsonAsync("/api/users", new NewUserInput("doc500229", "城口 医生", "Doctor", hospital.Id));
        var issued = (await created.Content.ReadFromJsonAsync<IssuedPassword>(Json.Options))!;
        var doctor = await Administrators.SignInIssuedAsync(host, "doc500229", issued.Password);

        var resident = await TestResidents.CreateAsync(doctor, TestResidents.New("城口甲", village) with { });
        var villageSpec = Catalog.FindVillage(village)!.SpecCode;
        Assert.StartsWith($"{Chengkou}{town.SpecCode}{villageSpec}", resident.RecordNumber);
        var found = await doctor.PostAsJsonAsync("/api/residents/search", new ResidentQuery { Q = resident.Info.IdNumber });
        Assert.Contains(resident.RecordNumber, await found.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task InstitutionChangesAreCheckedVersionedAndKeptAsHistory()
    {
        var admin = await AdminWithCountyAsync();
        var institutions = await InstitutionsAsync(admin);
        var areas = institutions.Where(i => InstitutionKinds.HasArea(i.Kind)).ToList();
        var (from, to) = (areas[0], areas[1]);

        var bad = await admin.PostAsJsonAsync("/api/admin/institutions", new InstitutionInput("", " ", InstitutionKind.VillageClinic, to.Id, Villages: [from.Villages[0]]));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _) && errors.TryGetProperty("name", out _) && errors.TryGetProperty("villages", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/institutions",
            new InstitutionInput(from.Code, "重复编码", InstitutionKind.TownshipHospital))).StatusCode);

        // Move a village from one institution's area to another's; a village cannot simply be dropped.
        var moved = from.Villages[0];
        var input = new InstitutionInput(to.Code, to.Name + "（新）", to.Kind, null, "某路1号", null, [.. to.Villages, moved], to.Version);
        var updated = await admin.PutAsJsonAsync($"/api/admin/institutions/{to.Id}", input);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/admin/institutions/{to.Id}", input)).StatusCode); // stale version
        var after = await InstitutionsAsync(admin);
        Assert.Contains(moved, after.Single(i => i.Id == to.Id).Villages);
        Assert.DoesNotContain(moved, after.Single(i => i.Id == from.Id).Villages);
        var fromNow = after.Single(i => i.Id == from.Id);
        var dropped = await admin.PutAsJsonAsync($"/api/admin/institutions/{from.Id}",
            new InstitutionInput(fromNow.Code, fromNow.Name, fromNow.Kind, Villages: fromNow.Villages.Skip(1).ToList(), Version: fromNow.Version));
        Assert.Equal(HttpStatusCode.BadRequest, dropped.StatusCode);

        var history = await admin.GetFromJsonAsync<List<ReferenceChangeView>>($"/api/admin/history?subject=institution:{to.Id}", Json.Options);
        Assert.Contains(history!, h => h.Field == "名称" && h.OldValue == to.Name && h.NewValue == to.Name + "（新）");
        Assert.Contains(history!, h => h.Field == "地址" && h.NewValue == "某路1号");
        var villageHistory = await admin.GetFromJsonAsync<List<ReferenceChangeView>>($"/api/admin/history?subject=village:{moved}", Json.Options);
        Assert.Contains(villageHistory!, h => h.OldValue == from.Name && h.NewValue == to.Name + "（新）");

        // Only the system administrator manages institutions.
        var created = await admin.PostAsJsonAsync("/api/users", new NewUserInput("docadmincheck", "医生", "Doctor", to.Id));
        var doctor = await Administrators.SignInIssuedAsync(host, "docadmincheck", (await created.Content.ReadFromJsonAsync<IssuedPassword>(Json.Options))!.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync("/api/admin/institutions")).StatusCode);
    }

    [Fact]
    public async Task FiguresSetOnThePageTakePrecedenceOverConfigurationAndKeepHistory()
    {
        var admin = await AdminWithCountyAsync();
        var township = Catalog.Townships[0].StatsCode;
        // Configuration gives a fallback; the page's figure wins while it is set, and clearing it returns to configuration.
        var configured = host.Factory.WithWebHostBuilder(b => b.UseSetting($"Measures:Population:{township}", "1234").UseSetting("Measures:Prevalence:hypertension", "0.2"));
        using var configuredServer = configured.Server;
        MeasurePopulation Population() => configured.Services.GetRequiredService<MeasurePopulation>();
        Assert.Equal(1234, Population().Population(township));

        var set = await admin.PutAsJsonAsync("/api/admin/figures", new FigureInput($"population:{township}", 56000));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var figure = (await set.Content.ReadFromJsonAsync<FigureView>(Json.Options))!;
        Assert.Equal((56000m, "本页"), (figure.Value, figure.Source));
        configured.Services.GetRequiredService<CountyFigureStore>().Invalidate(); // another host in the test process: its copy is refreshed
        Assert.Equal(56000, Population().Population(township));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync("/api/admin/figures", new FigureInput($"population:{township}", 1, 0))).StatusCode);

        var prevalence = await admin.PutAsJsonAsync("/api/admin/figures", new FigureInput("prevalence:hypertension", 1.5m));
        Assert.Equal(HttpStatusCode.BadRequest, prevalence.StatusCode);
        Assert.Contains("\"value\"", await prevalence.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/figures", new FigureInput("prevalence:hypertension", 0.25m))).StatusCode);
        configured.Services.GetRequiredService<CountyFigureStore>().Invalidate();
        Assert.Equal(0.25, Population().Prevalence("hypertension")!.Value, 6);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/figures", new FigureInput($"population:{township}", null, figure.Version))).StatusCode);
        configured.Services.GetRequiredService<CountyFigureStore>().Invalidate();
        Assert.Equal(1234, Population().Population(township));

        var history = await admin.GetFromJsonAsync<List<ReferenceChangeView>>($"/api/admin/history?subject=population:{township}", Json.Options);
        Assert.Equal([null, "56000"], history!.Select(h => h.NewValue).Take(2));
        var view = await admin.GetFromJsonAsync<FiguresView>("/api/admin/figures", Json.Options);
        Assert.Contains(view!.Prevalences, p => p.Key == "prevalence:hypertension" && p.Value == 0.25m);
        Assert.Equal(Catalog.Townships.Count, view.Populations.Count);
    }
}

public sealed class SqliteCountyAdministrationTests(ProductionSqliteHost host) : CountyAdministrationTests<ProductionSqliteHost>(host);

public sealed class PostgresCountyAdministrationTests(ProductionPostgresHost host) : CountyAdministrationTests<ProductionPostgresHost>(host);
