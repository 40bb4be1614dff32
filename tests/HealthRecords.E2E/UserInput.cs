using Microsoft.Playwright;

namespace HealthRecords.E2E;

/// <summary>
/// The user's hands in a journey: every key pressed and every click, counted, so a journey can assert how much work a
/// form takes (the examination's and the follow-up's keystroke budgets, issue #15 item 16).
/// </summary>
internal sealed class UserInput(IPage page)
{
    public int Keystrokes { get; private set; }
    public int Clicks { get; private set; }
    public int Total => Keystrokes + Clicks;

    public async Task ClickAsync(ILocator target)
    {
        await target.ClickAsync();
        Clicks++;
    }

    /// <summary>Types the characters of <paramref name="text"/> into the focused field (one keystroke each).</summary>
    public async Task TypeAsync(string text)
    {
        await page.Keyboard.TypeAsync(text);
        Keystrokes += text.Length;
    }

    /// <summary>For each field in Tab order: type its value (null leaves it as it is) and press Tab.</summary>
    public async Task FieldsAsync(params string?[] values)
    {
        foreach (var value in values)
        {
            if (value is not null)
            {
                await TypeAsync(value);
            }
            await page.Keyboard.PressAsync("Tab");
            Keystrokes++;
        }
    }
}
