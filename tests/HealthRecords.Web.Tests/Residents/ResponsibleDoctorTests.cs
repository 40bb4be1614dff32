using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Web.Features.Residents;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Residents;

/// <summary>
/// 责任医生 (issue #15 item 13; 004 附件2 封面, 附件8 信息卡): the record keeper and the doctor set it, a transfer asks for
/// the new one, and the cover and the card print it; the card's 过敏史 also names foods and other substances (item 14).
/// </summary>
public abstract class ResponsibleDoctorTests<THost>(THost host) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    public async Task InitializeAsync()
    {
        await host.ResetAsync();
        await TestUsers.EnsureAsync(host); // a doctor at the institution that manages 凤阳村
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<string> IdOfAsync(string userName) => host.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task TheRecordKeeperChoosesTheDoctorAndTheCoverAndCardPrintIt()
    {
        var keeper = await host.SignInAsync("dangan");
        var doctors = (await keeper.GetFromJsonAsync<List<DoctorOption>>($"/api/residents/responsible-doctors?villageCode={TestResidents.Shilin}", Json.Options))!;
        Assert.Contains(doctors, d => d.Name == "石林村卫生室 李村医"); // the village's own doctor, of the village clinic
        Assert.Contains(doctors, d => d.Name == "跳磴镇卫生院 王医生");
        Assert.DoesNotContain(doctors, d => d.Name.Contains("陈档案", StringComparison.Ordinal)); // a record keeper is no doctor

        var input = TestResidents.New("责任甲");
        var created = await TestResidents.CreateAsync(keeper, input with
        {
            ResponsibleDoctorId = await IdOfAsync("cunyi"),
            Info = input.Info with { DrugAllergies = [Domain.Records.DrugAllergy.None], OtherAllergies = "海鲜" },
        });
        Assert.Equal("石林村卫生室 李村医", created.ResponsibleDoctorName);

        var cover = await HtmlAsync(await keeper.GetAsync($"/residents/{created.Id}/print/cover"));
        var card = await HtmlAsync(await keeper.GetAsync($"/residents/{created.Id}/print/card"));
        Assert.Contains("石林村卫生室 李村医", cover);
        Assert.Contains("石林村卫生室 李村医", card);
        Assert.Contains("data-testid=\"card-allergies\">海鲜<", card);

        // the doctor changes it on the edit form; the change log names both doctors
        var doctor = await host.SignInAsync("yisheng");
        var update = await doctor.PutAsJsonAsync($"/api/residents/{created.Id}", input with
        {
            Info = created.Info, Cover = created.Cover, Version = created.Version, ResponsibleDoctorId = await IdOfAsync("yisheng"),
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var changes = (await doctor.GetFromJsonAsync<List<ChangeEntry>>($"/api/residents/{created.Id}/changes", Json.Options))!;
        var change = changes.Single(c => c.Field == "responsibleDoctorId");
        Assert.Equal(("责任医生", "石林村卫生室 李村医", "跳磴镇卫生院 王医生"), (change.Label, change.OldValue, change.NewValue));
    }

    [Fact]
    public async Task ADoctorOfAnotherInstitutionIsRefusedBesideTheField()
    {
        var keeper = await host.SignInAsync("dangan");
        var response = await keeper.PostAsJsonAsync("/api/residents", TestResidents.New("责任乙") with { ResponsibleDoctorId = await IdOfAsync(TestUsers.OtherInstitutionDoctor), ConfirmNotDuplicate = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(ResponsibleDoctors.NotOfVillage, errors.GetProperty("responsibleDoctorId")[0].GetString());
        Assert.Equal(0, await host.WithDbAsync(db => db.HealthRecords.CountAsync()));
    }

    [Fact]
    public async Task ATransferAsksForTheReceivingInstitutionsDoctor()
    {
        var keeper = await host.SignInAsync("dangan");
        var created = await TestResidents.CreateAsync(keeper, TestResidents.New("责任丙", village: TestResidents.Shuanghe));

        var without = await keeper.PostAsJsonAsync($"/api/residents/{created.Id}/transfer", new TransferInput(TestResidents.Fengyang, new DateOnly(2026, 6, 10), "纸质档案已交接", created.Version));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.True((await without.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("responsibleDoctorId", out _));

        var with = await keeper.PostAsJsonAsync($"/api/residents/{created.Id}/transfer",
            new TransferInput(TestResidents.Fengyang, new DateOnly(2026, 6, 10), "纸质档案已交接", created.Version, await IdOfAsync(TestUsers.OtherInstitutionDoctor)));
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal("另一机构 医生", (await with.Content.ReadFromJsonAsync<ResidentDetail>(Json.Options))!.ResponsibleDoctorName);
    }
}

public sealed class SqliteResponsibleDoctorTests(SqliteHost host) : ResponsibleDoctorTests<SqliteHost>(host);

public sealed class PostgresResponsibleDoctorTests(PostgresHost host) : ResponsibleDoctorTests<PostgresHost>(host);
