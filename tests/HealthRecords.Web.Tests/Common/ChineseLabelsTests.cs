using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Features.AuditLog;
using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthRecords.Web.Tests.Common;

/// <summary>
/// No raw keys or English where users read (issue #15 item 19): the change log, the timeline, the audit log's 说明 and
/// the measures' notes.
/// </summary>
public abstract partial class ChineseLabelsTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A word of Latin letters (units such as mmHg and mmol/L, and RH, are the forms' own).</summary>
    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex Latin();

    private static IEnumerable<string> LatinWords(string? text) =>
        Latin().Matches(text ?? "").Select(m => m.Value).Where(w => w is not ("mmHg" or "mmol" or "RH" or "Rh" or "ABO" or "ICD"));

    [Fact]
    public async Task TheChangeLogAndTimelineNameFieldsAndValuesInChinese()
    {
        var keeper = await host.SignInAsync("dangan");
        var resident = await TestResidents.CreateAsync(keeper, TestResidents.New("改名"));
        var twice = TestResidents.New("改名", withId: false);
        var duplicate = await TestResidents.CreateAsync(keeper, twice with { Info = twice.Info with { IdDocumentType = IdDocumentType.None } });
        var input = TestResidents.New("改名后") with { Info = resident.Info with { Name = "改名后", Sex = Domain.Codes.Sex.Male, BloodType = BloodType.B }, Cover = resident.Cover, VillageCode = resident.VillageCode, Version = resident.Version };
        Assert.True((await keeper.PutAsJsonAsync($"/api/residents/{resident.Id}", input)).IsSuccessStatusCode);
        Assert.True((await keeper.PostAsJsonAsync("/api/residents/merge", new MergeInput(resident.Id, duplicate.Id, "重复建档"))).IsSuccessStatusCode);

        var changes = (await keeper.GetFromJsonAsync<List<ChangeEntry>>($"/api/residents/{resident.Id}/changes", Json.Options))!;
        var merged = (await keeper.GetFromJsonAsync<List<ChangeEntry>>($"/api/residents/{duplicate.Id}/changes", Json.Options))!;
        var overview = (await keeper.GetFromJsonAsync<ResidentOverview>($"/api/residents/{resident.Id}/overview", Json.Options))!;

        Assert.Contains(changes, c => c.Label == "姓名");
        Assert.Contains(changes, c => c.Label == "合并档案");
        var blood = changes.Single(c => c.Field == "info.bloodType");
        Assert.Equal(("血型", "B型"), (blood.Label, ChangeLabels.Value(blood.Field, blood.NewValue)));
        var status = merged.Single(c => c.Field == "status");
        Assert.Equal(("档案状态", "在管", "已合并"), (status.Label, ChangeLabels.Value(status.Field, status.OldValue), ChangeLabels.Value(status.Field, status.NewValue)));
        Assert.Equal("已合并", ChangeLabels.Value("status", "Merged")); // entries logged before labels were
        Assert.All(changes.Concat(merged), c => Assert.Empty(LatinWords(c.Label)));
        Assert.All(overview.Timeline, e => Assert.Empty(LatinWords(e.Title + e.Detail)));
    }

    [Theory]
    [InlineData("overview", "档案总览")]
    [InlineData("changes", "修改记录")]
    [InlineData("examination-history", "体检记录")]
    [InlineData("examination 12", "健康体检表 12")]
    [InlineData("Death", "死亡")]
    [InlineData("overview (lent)", "档案总览 （借阅）")]
    [InlineData("Pinyin p1 n3", "按拼音 第1页 3条")]
    [InlineData("hypertension+diabetes", "高血压、2型糖尿病")]
    [InlineData("measure:records-rate:numerator", "考核指标 健康档案建档率 分子")]
    public void AuditDetailsAreShownInChinese(string detail, string expected) => Assert.Equal(expected, AuditText.Describe(detail));

    [Fact]
    public async Task EveryAuditEntryWrittenSoFarReadsInChinese()
    {
        var keeper = await host.SignInAsync("dangan");
        var resident = await TestResidents.CreateAsync(keeper, TestResidents.New("审计"));
        await keeper.GetAsync($"/api/residents/{resident.Id}/overview");
        await keeper.GetAsync($"/api/residents/{resident.Id}/changes");
        await keeper.GetAsync("/api/residents?q=sj");
        await keeper.PostAsJsonAsync($"/api/residents/{resident.Id}/closure", new ClosureInput(ClosureReason.Death, new DateOnly(2026, 6, 1), null, null, null, resident.Version));

        var entries = await host.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.NotEmpty(entries);
        Assert.All(entries, a => Assert.Empty(LatinWords(AuditQueries.ActionLabel(a.Action, a.Detail) + AuditText.Describe(a.Detail))));
    }

    [Fact]
    public async Task MeasureNotesNameNoConfigurationKeysOrClasses()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        foreach (var m in scope.ServiceProvider.GetServices<IMeasure>())
        {
            var d = m.Definition;
            Assert.Empty(LatinWords(d.Name + d.Numerator + d.Denominator + d.Source));
        }
    }
}

public sealed class SqliteChineseLabelsTests(SqliteHost host) : ChineseLabelsTests<SqliteHost>(host);

public sealed class PostgresChineseLabelsTests(PostgresHost host) : ChineseLabelsTests<PostgresHost>(host);
