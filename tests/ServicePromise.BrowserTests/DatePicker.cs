using System.Globalization;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>
/// Changing a date field as a keyboard user does: on its day segment, arrow keys up or down. Which segment comes first
/// (day or month) depends on the browser's own language, not the page's, so the day segment is found by trying: an
/// arrow that moves the month is undone and the focus moves one segment on.
/// </summary>
public static class DatePicker
{
    static DateOnly ValueOf(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Moves the focused field's date by <paramref name="days"/> (within its month: the day segment wraps, it does not carry).</summary>
    public static async Task<DateOnly> StepDaysAsync(IPage page, ILocator field, int days)
    {
        var before = ValueOf(await field.InputValueAsync());
        Assert.True(before.Day + days is >= 1 and <= 28, "the step must stay inside the month");
        for (var segment = 0; segment < 3; segment++)
        {
            await page.Keyboard.PressAsync("ArrowUp");
            var tried = ValueOf(await field.InputValueAsync());
            await page.Keyboard.PressAsync("ArrowDown");
            if (tried == before.AddDays(1))
            {
                for (var i = 0; i < Math.Abs(days); i++) await page.Keyboard.PressAsync(days > 0 ? "ArrowUp" : "ArrowDown");
                var after = ValueOf(await field.InputValueAsync());
                Assert.Equal(before.AddDays(days), after);
                return after;
            }
            await page.Keyboard.PressAsync("ArrowRight");
        }
        throw new InvalidOperationException("No segment of the date field moved the day by one.");
    }
}
