using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// Issue #5: the village doctor phones a resident from the morning list and records the contact; the list then shows
/// it beside the item (who, when, the outcome and the note), and it is still there when the list is opened again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WorkListJourneys(AppServer app)
{
    [Fact]
    public async Task VillageDoctorRecordsAPhoneContactFromTheWorkList()
    {
        var page = await app.SignInAsync("cunyi");
        await page.GotoAsync("/worklist");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByTestId("wl-summary")).ToBeVisibleAsync();
        Assert.True(await page.GetByTestId("wl-row").CountAsync() > 0, "the demo village doctor has work today");

        // The first resident of the list without a contact yet.
        var rows = page.GetByTestId("wl-row");
        ILocator? row = null;
        for (var i = 0; i < await rows.CountAsync() && row is null; i++)
        {
            if ((await rows.Nth(i).GetByTestId("wl-contact").InnerTextAsync()).Trim().Length == 0)
            {
                row = rows.Nth(i);
            }
        }
        Assert.NotNull(row);
        var name = await row.GetByTestId("wl-resident-link").InnerTextAsync();
        var title = await row.GetByTestId("wl-item-link").InnerTextAsync();

        // Saving without an outcome is refused beside the field; then 2 电话联系到本人 with a note.
        await row.GetByTestId("wl-contact-open").ClickAsync();
        await page.GetByTestId("contact-save").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid^=contact-error-]").First).ToBeVisibleAsync();
        await page.GetByTestId("contact-outcome").SelectOptionAsync("2");
        await page.GetByTestId("contact-note").FillAsync("已电话预约，下周二来卫生室");
        await page.GetByTestId("contact-save").ClickAsync();

        var same = page.GetByTestId("wl-row").Filter(new() { HasText = name }).Filter(new() { HasText = title }).First;
        await Assertions.Expect(same.GetByTestId("wl-contact")).ToContainTextAsync("电话联系到本人");
        await Assertions.Expect(same.GetByTestId("wl-contact")).ToContainTextAsync("李村医");
        await Assertions.Expect(same.GetByTestId("wl-contact")).ToContainTextAsync("已电话预约，下周二来卫生室");
        await Assertions.Expect(page.GetByTestId("wl-contact-form")).ToHaveCountAsync(0);

        // Opened again, the contact is still there (stored, not only on the page).
        await page.GotoAsync("/worklist");
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var again = page.GetByTestId("wl-row").Filter(new() { HasText = name }).Filter(new() { HasText = title }).First;
        await Assertions.Expect(again.GetByTestId("wl-contact")).ToContainTextAsync("电话联系到本人");
        await page.Context.CloseAsync();
    }
}
