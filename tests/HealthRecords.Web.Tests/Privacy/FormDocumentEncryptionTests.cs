using System.Reflection;
using System.Text;
using HealthRecords.Domain.Encounters;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Encounters;
using HealthRecords.Web.Features.Privacy;
using HealthRecords.Web.Kernel;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthRecords.Web.Tests.Privacy;

/// <summary>
/// ID numbers and phones inside form documents (referral slips, guardians', husbands' and reporters' phones) are stored
/// encrypted like the record's own (issue #14): a stolen database shows none of them, the forms still read them in
/// clear, rows written before are encrypted by the start-up step, and every such field of every form is marked.
/// </summary>
public abstract class FormDocumentEncryptionTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    private const string PatientPhone = "13512345678";
    private const string DoctorPhone = "13698765432";
    private const string BackPhone = "13787654321";

    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReferralPhonesAreEncryptedAtRestAndReadInClear()
    {
        var id = await AddReferralAsync();

        var stored = await RawAsync($"""SELECT CAST("Form" AS TEXT), CAST("Back" AS TEXT) FROM "Referrals" WHERE "Id" = {id}""");
        foreach (var phone in new[] { PatientPhone, DoctorPhone, BackPhone, PatientPhone[..7] })
        {
            Assert.DoesNotContain(phone, stored);
        }
        var encrypted = StoredJson.EncryptedValues(stored);
        Assert.Equal(3, encrypted.Count);
        Assert.Contains("\"toInstitution\"", stored); // the rest of the document stays plain JSON
        // Each value decrypts with the host's key file, which is not in the database.
        var keys = FieldProtector.FromDirectory(host.KeysPath);
        Assert.Equal(new[] { PatientPhone, DoctorPhone, BackPhone }.Order(), encrypted.Select(keys.Unprotect).Order());

        var read = await host.WithDbAsync(db => db.Set<Referral>().AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(PatientPhone, read.Form.Phone);
        Assert.Equal(DoctorPhone, read.Form.ReferringDoctorPhone);
        Assert.Equal(BackPhone, read.Back!.Phone);
    }

    [Fact]
    public async Task StartUpStepEncryptsFormDocumentsWrittenInClear()
    {
        var id = await AddReferralAsync();
        var plain = JsonDocuments.Write(new ReferralOut { ReferredOn = new DateOnly(2026, 11, 2), ToInstitution = "区人民医院", Phone = PatientPhone, ReferringDoctorPhone = DoctorPhone });
        await host.WithDbAsync(async db =>
        {
            var cast = db.IsPostgres ? "::jsonb" : "";
#pragma warning disable EF1002 // the interpolated part is a constant cast; the values are parameters
            await db.Database.ExecuteSqlRawAsync($$"""UPDATE "Referrals" SET "Form" = {0}{{cast}}, "Back" = NULL WHERE "Id" = {1}""", plain, id);
#pragma warning restore EF1002
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "DataSteps" WHERE "Name" = {0}""", EncryptExistingValues.FormDocumentsName);
            return 0;
        });
        Assert.Contains(PatientPhone, await RawAsync("""SELECT CAST("Form" AS TEXT) FROM "Referrals" """));
        // Written before encryption, the document still reads.
        Assert.Equal(PatientPhone, (await host.WithDbAsync(db => db.Set<Referral>().AsNoTracking().SingleAsync(r => r.Id == id))).Form.Phone);

        var rewritten = await host.WithDbAsync(db => EncryptExistingValues.RunAsync(db, NullLogger.Instance));

        Assert.True(rewritten >= 1);
        var stored = await RawAsync("""SELECT CAST("Form" AS TEXT) FROM "Referrals" """);
        Assert.DoesNotContain(PatientPhone, stored);
        Assert.DoesNotContain(DoctorPhone, stored);
        var read = await host.WithDbAsync(db => db.Set<Referral>().AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((PatientPhone, DoctorPhone), (read.Form.Phone, read.Form.ReferringDoctorPhone));
        Assert.Equal(0, await host.WithDbAsync(db => EncryptExistingValues.RunAsync(db, NullLogger.Instance))); // done once
    }

    /// <summary>
    /// The sweep: every string field named like an ID number or a phone, in every document type of every stored form
    /// (present and future), is marked [Sensitive], so it is encrypted; and the columns the rotation and the start-up step
    /// rewrite include every form document holding one.
    /// </summary>
    [Fact]
    public async Task EveryIdNumberAndPhoneFieldOfEveryStoredDocumentIsMarked()
    {
        var (unmarked, columns, sensitive) = await host.WithDbAsync(db =>
        {
            var unmarked = new List<string>();
            var documents = db.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties())
                .Where(p => p.GetValueConverter() is not null && p.ClrType.IsClass && p.ClrType != typeof(string) && p.ClrType != typeof(byte[]))
                .ToList();
            var seen = new HashSet<Type>();
            foreach (var property in documents)
            {
                Collect(property.ClrType, seen, unmarked);
            }
            var columns = FieldProtection.SensitiveDocumentColumns(db.Model).SelectMany(c => c.Properties.Select(p => $"{c.Entity.Name}.{p}")).ToList();
            var sensitive = documents.Where(p => SensitiveDocuments.Has(p.ClrType)).Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}").ToList();
            return Task.FromResult((unmarked, columns, sensitive));
        });

        Assert.Empty(unmarked);
        Assert.Contains("Referral.Form", columns);
        Assert.Contains("Referral.Back", columns);
        Assert.Contains("HealthRecord.PersonalInfo", columns);
        Assert.Equal(sensitive.Order(), columns.Order());
    }

    private static void Collect(Type type, HashSet<Type> seen, List<string> unmarked)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || !seen.Add(type) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType)
        {
            return;
        }
        if (type.IsArray || type.IsGenericType)
        {
            foreach (var inner in type.IsArray ? [type.GetElementType()!] : type.GetGenericArguments())
            {
                Collect(inner, seen, unmarked);
            }
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.Name;
            var personal = name.EndsWith("Phone", StringComparison.Ordinal) || name.EndsWith("IdNumber", StringComparison.Ordinal) || name.EndsWith("IdCardNumber", StringComparison.Ordinal);
            if (personal && property.PropertyType == typeof(string) && !property.IsDefined(typeof(SensitiveAttribute), inherit: true))
            {
                unmarked.Add($"{type.Name}.{name}");
            }
            Collect(property.PropertyType, seen, unmarked);
        }
    }

    private Task<long> AddReferralAsync() => host.WithDbAsync(async db =>
    {
        var resident = await TestResidents.CreateAsync(await host.SignInAsync("yisheng"), TestResidents.New("转诊甲"));
        var referral = new Referral
        {
            HealthRecordId = resident.Id,
            CreatedById = "test",
            CreatedByName = "测试",
            Back = new TransferBack { Phone = BackPhone, ReturnedOn = new DateOnly(2026, 11, 20) },
        };
        referral.Apply(new ReferralOut { ReferredOn = new DateOnly(2026, 11, 2), ToInstitution = "区人民医院", Phone = PatientPhone, ReferringDoctorPhone = DoctorPhone });
        db.Set<Referral>().Add(referral);
        await db.SaveChangesAsync();
        return referral.Id;
    });

    private Task<string> RawAsync(string sql) => StoredJson.RawTextAsync(host, sql);
}

public sealed class SqliteFormDocumentEncryptionTests(SqliteHost host) : FormDocumentEncryptionTests<SqliteHost>(host);

public sealed class PostgresFormDocumentEncryptionTests(PostgresHost host) : FormDocumentEncryptionTests<PostgresHost>(host);
