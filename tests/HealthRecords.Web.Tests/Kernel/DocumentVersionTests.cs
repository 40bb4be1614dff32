using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Web.Features.Chronic;
using HealthRecords.Web.Kernel;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Kernel;

/// <summary>Stored form documents name their schema version, and documents of older versions are read.</summary>
public sealed class DocumentSchemaTests
{
    /// <summary>A test form at version 3: v1 had "weightGrams", v2 renamed "note" to "remark" and v3 stores kilograms.</summary>
    private sealed record TestForm(decimal? WeightKg, string? Remark);

    private sealed class TestFormSchema : DocumentSchema
    {
        public override Type DocumentType => typeof(TestForm);
        public override int Version => 3;

        public override JsonObject Upgrade(JsonObject document, int from)
        {
            switch (from)
            {
                case 1: // 0 (unversioned) is the shape of version 1: nothing to do from 0
                    document["remark"] = document["note"]?.DeepClone();
                    document.Remove("note");
                    break;
                case 2:
                    if (document["weightGrams"]?.GetValue<decimal>() is decimal grams)
                    {
                        document["weightKg"] = grams / 1000m;
                    }
                    document.Remove("weightGrams");
                    break;
            }
            return document;
        }
    }

    [Fact]
    public void AStoredDocumentNamesItsVersionFirst()
    {
        var stored = JsonDocuments.Write(new HypertensionFollowUp { Doctor = "李医生" });
        Assert.StartsWith("{\"schemaVersion\":1,", stored, StringComparison.Ordinal);
        Assert.Equal("李医生", JsonDocuments.Read<HypertensionFollowUp>(stored).Doctor);
    }

    [Theory]
    [InlineData("""{"weightGrams":70500,"note":"复诊"}""")]                       // written before documents were versioned (0)
    [InlineData("""{"schemaVersion":1,"weightGrams":70500,"note":"复诊"}""")]
    [InlineData("""{"remark": "复诊", "weightGrams": 70500, "schemaVersion": 2}""")] // as PostgreSQL's jsonb gives it back
    [InlineData("""{"schemaVersion":3,"weightKg":70.5,"remark":"复诊"}""")]
    public void OlderVersionsAreUpgradedOnRead(string stored)
    {
        var form = JsonDocuments.Read<TestForm>(stored, new TestFormSchema());
        Assert.Equal(new TestForm(70.5m, "复诊"), form);
    }

    [Fact]
    public void ADocumentNewerThanTheBuildIsRefusedRatherThanMisread() =>
        Assert.Throws<InvalidOperationException>(() => JsonDocuments.Read<TestForm>("""{"schemaVersion":4}""", new TestFormSchema()));

    [Theory]
    [InlineData("{}", 0)]
    [InlineData("""{"schemaVersion":12,"a":1}""", 12)]
    [InlineData("""{"a": 1, "schemaVersion": 7}""", 7)]
    public void TheVersionIsReadFromEitherProvidersText(string stored, int version) => Assert.Equal(version, JsonDocuments.VersionOf(stored));
}

/// <summary>On both databases: a saved follow-up's column names its version; a row written before versions is still read.</summary>
public abstract class StoredDocumentVersionTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AFollowUpWrittenBeforeVersionsReadsTheSame()
    {
        var client = await host.SignInAsync("cunyi");
        var resident = await TestResidents.CreateAsync(client, TestResidents.New("版本测", birth: new DateOnly(1960, 1, 1)));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/residents/{resident.Id}/chronic/hypertension/enrolment",
            new EnrolInput(new DateOnly(2026, 1, 10), EnrolmentSource.Direct, null))).StatusCode);
        var form = new HypertensionFollowUp
        {
            VisitDate = new DateOnly(2026, 6, 15), VisitMode = VisitMode.Clinic, Symptoms = [HypertensionSymptom.None],
            Signs = new Signs { Systolic = 132, Diastolic = 82 }, Medications = [new Medication("硝苯地平缓释片", 2, 10m)], Doctor = "李医生",
        };
        var created = await client.PostAsJsonAsync($"/api/residents/{resident.Id}/hypertension/follow-ups", new HypertensionFollowUpInput(form));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var saved = (await created.Content.ReadFromJsonAsync<FollowUpView>(Json.Options))!;

        var column = await host.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("""SELECT CAST("Hypertension" AS TEXT) AS "Value" FROM "ChronicFollowUps" WHERE "Id" = {0}""", saved.Id).SingleAsync());
        Assert.Equal(1, JsonDocuments.VersionOf(column));

        // the document as the converter wrote it before this change: the form alone, no version
        var legacy = JsonSerializer.Serialize(saved.Hypertension, JsonDocuments.Options);
        Assert.Equal(0, JsonDocuments.VersionOf(legacy));
        await host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(db.IsPostgres
            ? """UPDATE "ChronicFollowUps" SET "Hypertension" = CAST({0} AS jsonb) WHERE "Id" = {1}"""
            : """UPDATE "ChronicFollowUps" SET "Hypertension" = {0} WHERE "Id" = {1}""", legacy, saved.Id));

        var read = (await client.GetFromJsonAsync<FollowUpView>($"/api/residents/{resident.Id}/chronic/follow-ups/{saved.Id}", Json.Options))!;
        Assert.Equal(JsonSerializer.Serialize(saved.Hypertension, Json.Options), JsonSerializer.Serialize(read.Hypertension, Json.Options));
        Assert.Equal(132, read.Hypertension!.Signs.Systolic);
    }
}

public sealed class SqliteStoredDocumentVersionTests(SqliteHost host) : StoredDocumentVersionTests<SqliteHost>(host);

public sealed class PostgresStoredDocumentVersionTests(PostgresHost host) : StoredDocumentVersionTests<PostgresHost>(host);
