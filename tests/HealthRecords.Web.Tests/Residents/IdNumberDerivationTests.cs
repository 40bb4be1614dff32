using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthRecords.Domain.Codes;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Tests.Infrastructure;

namespace HealthRecords.Web.Tests.Residents;

/// <summary>
/// The API reads the birth date and sex from a resident ID number when a client leaves them out, as the page does, and
/// refuses a sex the number contradicts, 0 未知 and 9 未说明 included (issue #15 item 12; 004 附件3 填表说明 3).
/// </summary>
public abstract class IdNumberDerivationTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public Task InitializeAsync() => host.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static JsonObject Body(string name, string idNumber)
    {
        var body = JsonSerializer.SerializeToNode(TestResidents.New(name) with { ConfirmNotDuplicate = true }, Json.Options)!.AsObject();
        var info = body["info"]!.AsObject();
        info.Remove("sex");
        info.Remove("birthDate");
        info["idNumber"] = idNumber;
        return body;
    }

    [Fact]
    public async Task BirthDateAndSexLeftOutAreTakenFromTheIdNumber()
    {
        var client = await host.SignInAsync("cunyi");
        var id = TestResidents.IdNumber(new DateOnly(1958, 9, 30), Sex.Female);

        var response = await client.PostAsJsonAsync("/api/residents", Body("吴女士", id));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<ResidentDetail>(Json.Options))!;
        Assert.Equal((Sex.Female, new DateOnly(1958, 9, 30)), (detail.Info.Sex!.Value, detail.Info.BirthDate));
    }

    [Theory]
    [InlineData(Sex.Unknown)]
    [InlineData(Sex.Unspecified)]
    [InlineData(Sex.Female)]
    public async Task ASexTheIdNumberContradictsIsRefusedBesideTheField(Sex sex)
    {
        var client = await host.SignInAsync("cunyi");
        var body = Body("吴先生", TestResidents.IdNumber(new DateOnly(1961, 4, 2), Sex.Male));
        body["info"]!["sex"] = (int)sex;

        var response = await client.PostAsJsonAsync("/api/residents", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("身份证为男", errors.GetProperty("info.sex")[0].GetString());
    }

    [Fact]
    public async Task WithoutAnIdNumberTheSexMustBeGiven()
    {
        var client = await host.SignInAsync("cunyi");
        var body = Body("无证件", "");
        body["info"]!["idDocumentType"] = (int)Domain.Records.IdDocumentType.None;
        body["info"]!["idNumber"] = null;
        body["info"]!["birthDate"] = "1970-01-01";

        var response = await client.PostAsJsonAsync("/api/residents", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("请填写性别", errors.GetProperty("info.sex")[0].GetString());
    }
}

public sealed class SqliteIdNumberDerivationTests(SqliteHost host) : IdNumberDerivationTests<SqliteHost>(host);

public sealed class PostgresIdNumberDerivationTests(PostgresHost host) : IdNumberDerivationTests<PostgresHost>(host);
