using System.Net;
using System.Net.Http.Json;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Security;

/// <summary>
/// Issue #14 (security.md "limits"): a second record for an ID number already on file is refused, but outside the
/// user's scope the answer says only that a record exists and which institution manages it — no id, record number or
/// link (the user typed the number; where the person lives is not theirs to learn) — on create and on edit, and every
/// hit is audited. Within scope the answer still links the existing record.
/// </summary>
public abstract class SameIdConflictTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OutsideTheScopeTheConflictNamesOnlyTheManagingInstitution()
    {
        var admin = await host.SignInAsync("admin");
        var input = TestResidents.New("同号甲", TestResidents.Shuanghe); // not the village doctor's village
        var elsewhere = await TestResidents.CreateAsync(admin, input);
        var cunyi = await host.SignInAsync("cunyi");
        var own = await TestResidents.CreateAsync(cunyi, TestResidents.New("同号乙", TestResidents.Shilin));

        var created = await cunyi.PostAsJsonAsync("/api/residents", input with { VillageCode = TestResidents.Shilin, ConfirmNotDuplicate = true });
        var edit = TestResidents.New("同号乙", TestResidents.Shilin) with { Version = own.Version };
        var edited = await cunyi.PutAsJsonAsync($"/api/residents/{own.Id}", edit with { Info = input.Info with { Name = "同号乙" } });
        foreach (var response in new[] { created, edited })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("已在跳磴镇卫生院建档", body);
            Assert.DoesNotContain(elsewhere.RecordNumber, body);
            Assert.DoesNotContain($"/residents/{elsewhere.Id}", body);
            Assert.DoesNotContain($"\"id\":{elsewhere.Id}", body);
        }
        Assert.Equal(2, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "duplicate-check" && a.HealthRecordId == elsewhere.Id && a.Detail == "same-id (out of scope)")));
        Assert.Equal(2, await host.WithDbAsync(db => db.HealthRecords.CountAsync()));

        // In scope: where the record is.
        var again = await admin.PostAsJsonAsync("/api/residents", input with { ConfirmNotDuplicate = true });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var inScope = await again.Content.ReadAsStringAsync();
        Assert.Contains("不能重复建档", inScope);
        Assert.Contains($"/residents/{elsewhere.Id}", inScope);
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "duplicate-check" && a.HealthRecordId == elsewhere.Id && a.Detail == "same-id")));
    }
}

public sealed class SqliteSameIdConflictTests(SqliteHost host) : SameIdConflictTests<SqliteHost>(host);

public sealed class PostgresSameIdConflictTests(PostgresHost host) : SameIdConflictTests<PostgresHost>(host);
