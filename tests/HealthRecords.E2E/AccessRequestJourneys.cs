using System.Text.Json;
using HealthRecords.Domain.Records;
using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// 档案借阅 in the browser: staff of another institution (石林村卫生室's village doctor) ask to read a record managed by
/// 跳磴镇卫生院 (a resident of 双河村), the record keeper approves for one minute, the requester reads it, and after
/// the approval expires the record is refused again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AccessRequestJourneys(AppServer app)
{
    private const string Shuanghe = "500104103202";

    [Fact]
    public async Task AccessRequestIsApprovedReadAndThenExpires()
    {
        var recordNumber = await RecordOfShuangheAsync();

        var requester = await app.SignInAsync("cunyi");
        await GoToLiveAsync(requester, "/access");
        await requester.GetByTestId("access-term").FillAsync(recordNumber);
        await requester.GetByTestId("access-lookup").ClickAsync();
        await Assertions.Expect(requester.GetByTestId("access-found")).ToContainTextAsync(recordNumber);
        await requester.GetByTestId("access-submit").ClickAsync();
        await Assertions.Expect(requester.GetByTestId("reason-error")).ToHaveTextAsync("请填写借阅理由"); // a reason is required
        await requester.GetByTestId("access-reason").FillAsync("居民在本村卫生室就诊，需查看既往史");
        await requester.GetByTestId("access-reason").PressAsync("Tab");
        await requester.GetByTestId("access-submit").ClickAsync();
        var mine = requester.GetByTestId("access-row").Filter(new() { HasText = recordNumber });
        await Assertions.Expect(mine.GetByTestId("access-status")).ToHaveTextAsync("待审批");

        var keeper = await app.SignInAsync("dangan");
        await GoToLiveAsync(keeper, "/access/approve");
        var pending = keeper.GetByTestId("access-row").Filter(new() { HasText = recordNumber });
        await Assertions.Expect(pending).ToContainTextAsync("李村医");
        await pending.GetByTestId("decide").ClickAsync();
        await keeper.GetByTestId("approve-minutes").FillAsync("1");
        await keeper.GetByTestId("approve-minutes").PressAsync("Tab");
        await keeper.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(pending.GetByTestId("access-status")).ToHaveTextAsync("已批准");
        var approvedAt = DateTime.UtcNow;

        await GoToLiveAsync(requester, "/access");
        await Assertions.Expect(mine.GetByTestId("access-status")).ToHaveTextAsync("已批准");
        await mine.GetByTestId("access-open").ClickAsync();
        await Assertions.Expect(requester.GetByTestId("record-number")).ToContainTextAsync(recordNumber[9..]);
        var overviewUrl = requester.Url;
        // Lent means read-only: a banner says so, and nothing offers to change the record or add to it.
        await Assertions.Expect(requester.GetByTestId("lent-banner")).ToBeVisibleAsync();
        await Assertions.Expect(requester.GetByTestId("edit")).ToHaveCountAsync(0);
        await Assertions.Expect(requester.GetByTestId("new-encounter")).ToHaveCountAsync(0);

        // The approval lasts one minute; once it has passed, the same page refuses the record.
        var wait = approvedAt.AddSeconds(65) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        await GoToLiveAsync(requester, overviewUrl);
        await Assertions.Expect(requester.GetByTestId("not-found")).ToBeVisibleAsync();
        await GoToLiveAsync(requester, "/access");
        await Assertions.Expect(mine.GetByTestId("access-status")).ToHaveTextAsync("已过期");

        await requester.Context.CloseAsync();
        await keeper.Context.CloseAsync();
    }

    /// <summary>A new resident of 双河村 (跳磴镇卫生院, outside the village doctor's villages), created by its doctor; their record number.</summary>
    private async Task<string> RecordOfShuangheAsync()
    {
        var doctor = await app.SignInAsync("yisheng");
        var birth = new DateOnly(1971, 4, 12);
        var first17 = $"500104{birth:yyyyMMdd}{Random.Shared.Next(100, 999):000}";
        var response = await doctor.Context.APIRequest.PostAsync("/api/residents", new()
        {
            DataObject = new
            {
                villageCode = Shuanghe,
                confirmNotDuplicate = true,
                info = new { name = "借阅测", sex = 1 + (first17[16] - '0' + 1) % 2, birthDate = "1971-04-12", idDocumentType = 1, idNumber = first17 + IdCardNumber.CheckDigit(first17), residenceType = 1 },
                cover = new { currentAddress = "跳磴镇双河村1组", registeredAddress = "跳磴镇双河村1组" },
            },
        });
        Assert.True(response.Ok, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.TextAsync());
        var number = json.RootElement.GetProperty("recordNumber").GetString()!;
        await doctor.Context.CloseAsync();
        return number;
    }

    private static async Task GoToLiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
