using System.Net;
using System.Net.Http.Json;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Domain.Encounters;
using HealthRecords.Web.Features.Encounters;
using HealthRecords.Web.Features.Keys;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthRecords.Web.Tests.Operations;

/// <summary>
/// Field key rotation (issue #16, docs/operations.md "Field key rotation"): refused while the system runs; interrupted,
/// every record still reads and is found under both keys; finished, every record reads and is found by ID number and
/// phone, a second record with a known ID number is refused, the key check names the new key and the old key alone
/// neither reads a value nor passes the start-up check. One test per class: the fixture's own host keeps the old key
/// in memory, so the checks run on fresh hosts started on the same database and key directory.
/// </summary>
public abstract class FieldKeyRotationTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private readonly string oldKeys = Directory.CreateTempSubdirectory("hr-oldkeys-").FullName;

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync()
    {
        Directory.Delete(oldKeys, recursive: true);
        return Task.CompletedTask;
    }

    private IConfiguration Config => host.Factory.Services.GetRequiredService<IConfiguration>();

    private string KeyFile => Path.Combine(host.KeysPath, FieldProtector.KeyFileName);

    [Fact]
    public async Task RotationMovesEveryValueToTheNewKeyAndRetiresTheOldOne()
    {
        var doctor = await host.SignInAsync("yisheng");
        var residents = new List<(ResidentDetail Resident, string Phone)>();
        for (var i = 0; i < 5; i++)
        {
            var phone = $"1391234{i:0000}";
            var input = TestResidents.New($"轮换{"甲乙丙丁戊"[i]}", TestResidents.Shilin, phone: phone);
            var created = await TestResidents.CreateAsync(doctor, input);
            residents.Add((created, phone));
        }
        // A change log row (old and new phone, encrypted) for the first one.
        var first = residents[0];
        var edit = TestResidents.New(first.Resident.Info.Name, TestResidents.Shilin) with { Version = first.Resident.Version };
        edit = edit with { Info = edit.Info with { IdNumber = first.Resident.Info.IdNumber, BirthDate = first.Resident.Info.BirthDate, Phone = "13700001111" } };
        (await doctor.PutAsJsonAsync($"/api/residents/{first.Resident.Id}", edit)).EnsureSuccessStatusCode();
        residents[0] = (first.Resident, "13700001111");
        // A form document with a phone (a referral slip): encrypted inside the JSON, rotated like the columns.
        await host.WithDbAsync(async db =>
        {
            var referral = new Referral { HealthRecordId = residents[1].Resident.Id, CreatedById = "test", CreatedByName = "测试" };
            referral.Apply(new ReferralOut { ReferredOn = new DateOnly(2026, 11, 2), ToInstitution = "区人民医院", Phone = "13522223333", ReferringDoctorPhone = "13644445555" });
            db.Set<Referral>().Add(referral);
            return await db.SaveChangesAsync();
        });
        File.Copy(KeyFile, Path.Combine(oldKeys, FieldProtector.KeyFileName));
        var oldKeyId = FieldProtector.Read(KeyFile).KeyId;

        // Refused while an app server runs on the database; nothing changed.
        Assert.Equal(1, await FieldKeyRotationCommand.RunAsync(Config));
        Assert.Equal(oldKeyId, FieldProtector.Read(KeyFile).KeyId);
        Assert.Null(FieldProtector.Read(KeyFile).Previous);

        // Interrupted after one batch of one row: both keys in the file, every record readable and found.
        var partial = await FieldKeyRotation.RunAsync(Config, NullLogger.Instance, batchSize: 1, stopAfterBatches: 1);
        Assert.False(partial.Finished);
        Assert.Equal(1, partial.Rows);
        var during = FieldProtector.Read(KeyFile);
        Assert.Equal(oldKeyId, during.Previous?.KeyId);
        Assert.NotEqual(oldKeyId, during.KeyId);
        await using (var mixed = host.Factory.WithWebHostBuilder(_ => { }))
        {
            await AllReadableAndFoundAsync(mixed, residents);
        }

        // Resumed to the end.
        var done = await FieldKeyRotation.RunAsync(Config, NullLogger.Instance, batchSize: 2);
        Assert.True(done.Finished);
        Assert.Equal(during.KeyId, done.NewKeyId);
        Assert.Equal(oldKeyId, done.OldKeyId);
        var after = FieldProtector.Read(KeyFile);
        Assert.Equal(during.KeyId, after.KeyId);
        Assert.Null(after.Previous);
        Assert.True(File.Exists(FieldKeyRotation.RetiredKeyFile(host.KeysPath, oldKeyId)));
        Assert.Equal(oldKeyId, FieldProtector.Read(FieldKeyRotation.RetiredKeyFile(host.KeysPath, oldKeyId)).KeyId);

        await using (var rotated = host.Factory.WithWebHostBuilder(_ => { }))
        {
            await AllReadableAndFoundAsync(rotated, residents);
            var client = await HostFixture.SignInAsync(rotated, "yisheng");
            var again = TestResidents.New("轮换重复", TestResidents.Shilin);
            again = again with { Info = again.Info with { IdNumber = residents[2].Resident.Info.IdNumber, BirthDate = residents[2].Resident.Info.BirthDate } };
            var duplicate = await client.PostAsJsonAsync("/api/residents", again with { ConfirmNotDuplicate = true });
            Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
            await using var scope = rotated.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HealthRecordsDbContext>();
            Assert.Equal(after.KeyId, (await db.Set<FieldKeyCheck>().SingleAsync()).KeyId);
            Assert.Equal(5, await db.HealthRecords.CountAsync()); // the refused duplicate wrote nothing
        }

        // The old key alone reads no stored value and does not pass the start-up check.
        var old = FieldProtector.Read(Path.Combine(oldKeys, FieldProtector.KeyFileName));
        var stored = await RawEncryptedValuesAsync();
        Assert.True(stored.Count >= 12, $"{stored.Count} encrypted values"); // 5 ID numbers, 5 phones, 2 in the change log
        var inDocuments = StoredJson.EncryptedValues(string.Join('\n',
            await host.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT CAST(\"Form\" AS TEXT) AS \"Value\" FROM \"Referrals\"").ToListAsync())));
        Assert.Equal(["13522223333", "13644445555"], inDocuments.Select(after.Unprotect).Order());
        stored.AddRange(inDocuments);
        Assert.All(stored, value => Assert.ThrowsAny<InvalidOperationException>(() => old.Unprotect(value)));
        Assert.All(stored, value => after.Unprotect(value));
        var options = new DbContextOptionsBuilder<HealthRecordsDbContext>();
        DatabaseSetup.Configure(options, Config).UseFieldProtection(old);
        await using (var withOld = new HealthRecordsDbContext(options.Options))
        {
            await Assert.ThrowsAsync<FieldKeyMismatchException>(() => FieldKeyGuard.CheckAsync(withOld, NullLogger.Instance));
        }
    }

    /// <summary>Every resident reads (200) and is found by its ID number and by its phone, on a freshly started host.</summary>
    private static async Task AllReadableAndFoundAsync(WebApplicationFactory<Program> factory, List<(ResidentDetail Resident, string Phone)> residents)
    {
        var client = await HostFixture.SignInAsync(factory, "yisheng");
        foreach (var (resident, phone) in residents)
        {
            var read = await client.GetAsync($"/api/residents/{resident.Id}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            foreach (var term in new[] { resident.Info.IdNumber!, phone })
            {
                var found = await client.PostAsJsonAsync("/api/residents/search", new ResidentQuery { Q = term });
                found.EnsureSuccessStatusCode();
                Assert.Contains(resident.RecordNumber, await found.Content.ReadAsStringAsync());
            }
        }
    }

    /// <summary>The ID number and phone columns and the change log values as stored (not through the converters).</summary>
    private Task<List<string>> RawEncryptedValuesAsync() => host.WithDbAsync(async db =>
    {
        var values = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT \"IdNumber\" AS \"Value\" FROM \"HealthRecords\" WHERE \"IdNumber\" IS NOT NULL",
            "SELECT \"Phone\" AS \"Value\" FROM \"HealthRecords\" WHERE \"Phone\" IS NOT NULL",
            "SELECT \"NewValue\" AS \"Value\" FROM \"RecordChanges\" WHERE \"NewValue\" LIKE 'enc1:%'",
            "SELECT \"OldValue\" AS \"Value\" FROM \"RecordChanges\" WHERE \"OldValue\" LIKE 'enc1:%'",
        })
        {
            values.AddRange(await db.Database.SqlQueryRaw<string>(sql).ToListAsync());
        }
        Assert.All(values, v => Assert.StartsWith(FieldProtector.Marker, v));
        return values;
    });
}

public sealed class SqliteFieldKeyRotationTests(SqliteHost host) : FieldKeyRotationTests<SqliteHost>(host);

public sealed class PostgresFieldKeyRotationTests(PostgresHost host) : FieldKeyRotationTests<PostgresHost>(host);
