using System.Net;
using System.Net.Http.Json;
using System.Text;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Privacy;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthRecords.Web.Tests.Privacy;

/// <summary>ID numbers and phones are encrypted at rest, and exact lookup by them still works (issue #3, Privacy).</summary>
public abstract class SensitiveFieldsTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StoredRowsChangeLogAndMergeSnapshotHoldNoIdNumberOrPhoneInClear()
    {
        var keeper = await host.SignInAsync("dangan");
        var input = TestResidents.New("卫一", phone: "13811112222");
        input = input with { Info = input.Info with { ContactPhone = "13933334444" } };
        var created = await TestResidents.CreateAsync(keeper, input);
        var edit = await keeper.PutAsJsonAsync($"/api/residents/{created.Id}", input with { Info = input.Info with { Phone = "13855556666" }, Version = created.Version });
        edit.EnsureSuccessStatusCode();
        var noId = TestResidents.New("卫二", phone: "13577778888", withId: false);
        var twin = await TestResidents.CreateAsync(keeper, noId with { Info = noId.Info with { IdDocumentType = IdDocumentType.None } });
        var duplicate = await TestResidents.CreateAsync(keeper, TestResidents.New("卫二", phone: "13577778888"));
        var merge = await keeper.PostAsJsonAsync("/api/residents/merge", new MergeInput(twin.Id, duplicate.Id, "同一人重复建档"));
        merge.EnsureSuccessStatusCode();

        var stored = await RawTextAsync("""
            SELECT "IdNumber", "Phone", CAST("PersonalInfo" AS TEXT), CAST("Cover" AS TEXT) FROM "HealthRecords"
            UNION ALL SELECT "OldValue", "NewValue", "Field", '' FROM "RecordChanges"
            UNION ALL SELECT CAST("MergedSnapshotJson" AS TEXT), '', '', '' FROM "RecordMerges"
            """);

        Assert.Contains(FieldProtector.Marker, stored);
        Assert.Contains("phone", stored);    // the change log entry of the phone edit is there, its values are not
        foreach (var secret in new[] { created.Info.IdNumber!, "13811112222", "13855556666", "13933334444", "13577778888", duplicate.Info.IdNumber!,
                     created.Info.IdNumber![..10] })
        {
            Assert.DoesNotContain(secret, stored);
        }
        // The values decrypt with this host's own key file, which is not in the database.
        var column = (await RawTextAsync($"""SELECT "IdNumber" FROM "HealthRecords" WHERE "Id" = {created.Id}""")).Trim();
        Assert.Equal(created.Info.IdNumber, FieldProtector.FromDirectory(host.KeysPath).Unprotect(column));

        // And the application still reads them in clear (views mask them; the reveal gives them in full).
        Assert.Equal(created.Info.IdNumber, await RevealAsync(keeper, created.Id, "idNumber"));
        Assert.Equal("13855556666", await RevealAsync(keeper, created.Id, "phone"));
        Assert.Equal("13933334444", await RevealAsync(keeper, created.Id, "contactPhone"));
    }

    private static async Task<string?> RevealAsync(HttpClient client, long id, string field)
    {
        var response = await client.PostAsync($"/api/residents/{id}/reveal/{field}", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RevealedValue>(Json.Options))!.Value;
    }

    [Fact]
    public async Task ExactIdNumberAndPhoneFindTheRecordAndPartialPhoneDoesNot()
    {
        var doctor = await host.SignInAsync("yisheng");
        var zhou = await TestResidents.CreateAsync(doctor, TestResidents.New("周密", phone: "13812340000"));
        await TestResidents.CreateAsync(doctor, TestResidents.New("周全", phone: "13812349999"));

        foreach (var q in new[] { zhou.Info.IdNumber!, zhou.Info.IdNumber!.ToLowerInvariant(), "13812340000" })
        {
            var page = await doctor.GetFromJsonAsync<PagedResult<ResidentListItem>>($"/api/residents?q={Uri.EscapeDataString(q)}", Json.Options);
            Assert.Equal(zhou.Id, Assert.Single(page!.Items).Id);
            Assert.Equal("138****0000", page.Items[0].PhoneMasked);
        }
        var partial = await doctor.GetFromJsonAsync<PagedResult<ResidentListItem>>("/api/residents?q=13812349", Json.Options);
        Assert.DoesNotContain(partial!.Items, i => i.Name == "周全");
    }

    [Fact]
    public async Task SecondRecordWithTheSameIdNumberIsStillRefusedAndSamePhoneIsFlagged()
    {
        var doctor = await host.SignInAsync("yisheng");
        var input = TestResidents.New("秦一", phone: "13700001111");
        var first = await TestResidents.CreateAsync(doctor, input);

        var again = await doctor.PostAsJsonAsync("/api/residents", input with { Info = input.Info with { Name = "秦二" }, ConfirmNotDuplicate = true });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(first.RecordNumber, await again.Content.ReadAsStringAsync());

        var samePhone = TestResidents.New("秦一", phone: "13700001111", birth: new DateOnly(1971, 1, 1));
        var flagged = await doctor.PostAsJsonAsync("/api/residents", samePhone);
        Assert.NotEqual(HttpStatusCode.Created, flagged.StatusCode);
        Assert.Contains("姓名与电话相同", await flagged.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UpgradeStepEncryptsRowsWrittenInClearBeforeEncryption()
    {
        var keeper = await host.SignInAsync("dangan");
        var input = TestResidents.New("旧一", phone: "13600002222");
        var created = await TestResidents.CreateAsync(keeper, input);
        var edit = await keeper.PutAsJsonAsync($"/api/residents/{created.Id}", input with { Info = input.Info with { Phone = "13600003333" }, Version = created.Version });
        edit.EnsureSuccessStatusCode();
        var id = created.Info.IdNumber!;
        var protector = FieldProtector.FromDirectory(host.KeysPath);

        // Put the row back as the previous version wrote it: plaintext columns and document, no hashes, step not done.
        var json = protector.UnprotectJson((await RawTextAsync($"""SELECT CAST("PersonalInfo" AS TEXT) FROM "HealthRecords" WHERE "Id" = {created.Id}""")).Trim());
        Assert.Contains(id, json);
        await host.WithDbAsync(async db =>
        {
            var cast = db.IsPostgres ? "::jsonb" : "";
#pragma warning disable EF1002 // the interpolated part is a constant cast; the values are parameters
            await db.Database.ExecuteSqlRawAsync($$"""
                UPDATE "HealthRecords" SET "IdNumber" = {0}, "Phone" = {1}, "PersonalInfo" = {2}{{cast}}, "IdNumberHash" = NULL, "PhoneHash" = NULL WHERE "Id" = {3}
                """, id, "13600003333", json, created.Id);
#pragma warning restore EF1002
            await db.Database.ExecuteSqlRawAsync("""UPDATE "RecordChanges" SET "OldValue" = '13600002222', "NewValue" = '13600003333' WHERE "Field" LIKE '%phone'""");
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "DataSteps" """);
            return 0;
        });
        var before = await RawTextAsync("""SELECT "IdNumber", "Phone", CAST("PersonalInfo" AS TEXT), '' FROM "HealthRecords" UNION ALL SELECT "OldValue", "NewValue", '', '' FROM "RecordChanges" """);
        Assert.Contains(id, before);
        Assert.Contains("13600002222", before);

        var rewritten = await host.WithDbAsync(db => EncryptExistingValues.RunAsync(db, NullLogger.Instance));

        Assert.True(rewritten >= 2);
        var after = await RawTextAsync("""SELECT "IdNumber", "Phone", CAST("PersonalInfo" AS TEXT), '' FROM "HealthRecords" UNION ALL SELECT "OldValue", "NewValue", '', '' FROM "RecordChanges" """);
        foreach (var secret in new[] { id, "13600002222", "13600003333" })
        {
            Assert.DoesNotContain(secret, after);
        }
        var page = await keeper.GetFromJsonAsync<PagedResult<ResidentListItem>>($"/api/residents?q={id}", Json.Options);
        Assert.Equal(created.Id, Assert.Single(page!.Items).Id);
        Assert.Equal("13600003333", await RevealAsync(keeper, created.Id, "phone"));
        Assert.Equal(0, await host.WithDbAsync(db => EncryptExistingValues.RunAsync(db, NullLogger.Instance))); // done once
    }

    private Task<string> RawTextAsync(string sql) => StoredJson.RawTextAsync(host, sql);
}

public sealed class SqliteSensitiveFieldsTests(SqliteHost host) : SensitiveFieldsTests<SqliteHost>(host);

public sealed class PostgresSensitiveFieldsTests(PostgresHost host) : SensitiveFieldsTests<PostgresHost>(host);
